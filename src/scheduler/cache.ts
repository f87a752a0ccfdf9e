/**
 * @module The scheduler's view of the cluster: a NodeInfo per node with the pods on it, fed by
 * the node and pod informers, plus pods it has assumed onto a node while their binding is in
 * flight (so the next pod already sees the space taken).
 */
import type { Node, Pod } from '../client/kinds/core.js';
import { objectKey } from '../client/types.js';
import type { Snapshot } from './framework.js';
import { NodeInfo } from './node-info.js';

/** Pods that hold resources: bound and not finished. */
const holdsResources = (p: Pod): boolean => !!p.spec?.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';

export class SchedulerCache implements Snapshot {
  private readonly infos = new Map<string, NodeInfo>();
  private list: NodeInfo[] = [];
  /** pod key → node name, for pods bound or assumed. */
  private readonly podNode = new Map<string, string>();
  private readonly assumed = new Set<string>();

  get nodes(): readonly NodeInfo[] {
    return this.list;
  }

  get(name: string): NodeInfo | undefined {
    const ni = this.infos.get(name);
    return ni?.node ? ni : undefined;
  }

  private info(name: string): NodeInfo {
    let ni = this.infos.get(name);
    if (!ni) {
      ni = new NodeInfo(name);
      this.infos.set(name, ni);
    }
    return ni;
  }

  upsertNode(node: Node): void {
    const name = node.metadata.name ?? '';
    const ni = this.info(name);
    const isNew = !ni.node;
    ni.setNode(node);
    if (isNew) this.list = [...this.list, ni];
  }

  removeNode(node: Node): void {
    const ni = this.infos.get(node.metadata.name ?? '');
    if (!ni) return;
    ni.node = undefined;
    this.list = this.list.filter((n) => n !== ni);
    if (ni.pods.size === 0) this.infos.delete(ni.name);
  }

  /** Applies a pod add/update from the informer. */
  upsertPod(pod: Pod): void {
    const key = objectKey(pod);
    const prev = this.podNode.get(key);
    if (!holdsResources(pod)) {
      // An update that predates our binding must not drop the pod we assumed onto a node.
      const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (this.assumed.has(key) && !pod.spec?.nodeName && !finished) return;
      this.removePod(key);
      return;
    }
    const node = pod.spec?.nodeName ?? '';
    if (prev !== undefined && prev !== node) this.infos.get(prev)?.removePod(key);
    this.info(node).addPod(pod);
    this.podNode.set(key, node);
    this.assumed.delete(key);
  }

  removePod(key: string): void {
    const prev = this.podNode.get(key);
    if (prev === undefined) return;
    const ni = this.infos.get(prev);
    ni?.removePod(key);
    if (ni && !ni.node && ni.pods.size === 0) this.infos.delete(prev);
    this.podNode.delete(key);
    this.assumed.delete(key);
  }

  /** Places `pod` on `node` before its binding is confirmed. */
  assume(pod: Pod, node: string): void {
    const key = objectKey(pod);
    const bound: Pod = { ...pod, spec: { ...(pod.spec ?? { containers: [] }), nodeName: node } };
    this.info(node).addPod(bound);
    this.podNode.set(key, node);
    this.assumed.add(key);
  }

  /** Undoes `assume` after a failed binding. */
  forget(key: string): void {
    if (this.assumed.has(key)) this.removePod(key);
  }

  isAssumed(key: string): boolean {
    return this.assumed.has(key);
  }
}
