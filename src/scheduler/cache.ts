/**
 * @module The scheduler's view of the cluster (kube-scheduler's internal cache): nodes with the
 * aggregates of their pods, plus pods the scheduler has *assumed* onto a node while their
 * binding is in flight, so the next cycle already counts them. Informer events confirm or
 * replace assumed pods; a failed binding forgets them. Also tracks nominated pods (preemptors
 * waiting for their victims to leave) and per-node selector counts.
 */
import type { Node, Pod } from '../client/kinds/core.js';
import { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import { SelectorCounts } from './selector-counts.js';

interface PodState {
  info: PodInfo;
  node: string;
  assumed: boolean;
}

/** Nodes and the pods placed on them. All methods are synchronous; nothing here talks to the API. */
export class SchedulerCache {
  private readonly nodeInfos = new Map<string, NodeInfo>();
  /** Nodes whose Node object is known, in a stable order (the cycle's round-robin walks it). */
  private list: NodeInfo[] = [];
  private listDirty = false;
  private readonly pods = new Map<string, PodState>();
  /** Placed pods carrying affinity terms (and those with required anti-affinity), by pod key. */
  private readonly withAffinity = new Map<string, PodState>();
  private readonly withAntiAffinity = new Map<string, PodState>();
  private readonly nominated = new Map<string, Map<string, PodInfo>>();
  private readonly nominatedNode = new Map<string, string>();
  readonly selectorCounts = new SelectorCounts(() => this.allPods());

  /** Known nodes (not the placeholders holding pods of nodes not seen yet). */
  nodes(): readonly NodeInfo[] {
    if (this.listDirty) {
      this.list = [...this.nodeInfos.values()].filter((n) => !isPlaceholder(n));
      this.listDirty = false;
    }
    return this.list;
  }

  node(name: string): NodeInfo | undefined {
    const n = this.nodeInfos.get(name);
    return n && !isPlaceholder(n) ? n : undefined;
  }

  get nodeCount(): number {
    return this.nodes().length;
  }

  get podCount(): number {
    return this.pods.size;
  }

  /** Adds or updates a Node. */
  setNode(node: Node): NodeInfo {
    const name = node.metadata.name ?? '';
    const ni = this.nodeInfos.get(name);
    if (ni) {
      if (isPlaceholder(ni)) this.listDirty = true;
      ni.setNode(node);
      return ni;
    }
    const fresh = new NodeInfo(node);
    this.nodeInfos.set(name, fresh);
    this.listDirty = true;
    return fresh;
  }

  /** Removes a Node; its pods stay (on a placeholder) until their own deletion arrives. */
  removeNode(name: string): void {
    const ni = this.nodeInfos.get(name);
    if (!ni) return;
    this.listDirty = true;
    if (ni.pods.size === 0) this.nodeInfos.delete(name);
    else ni.setNode(placeholder(name));
  }

  /** The scheduler placed `pi` on `node`; counts it until the informer confirms or forget() drops it. */
  assume(pi: PodInfo, node: string): void {
    this.place(pi, node, true);
  }

  /** Binding failed: the assumed pod leaves its node. */
  forget(key: string): void {
    const st = this.pods.get(key);
    if (st?.assumed) this.unplace(key);
  }

  isAssumed(key: string): boolean {
    return this.pods.get(key)?.assumed ?? false;
  }

  /** The node a pod is on (assumed or confirmed), or undefined. */
  nodeOf(key: string): string | undefined {
    return this.pods.get(key)?.node;
  }

  podInfo(key: string): PodInfo | undefined {
    return this.pods.get(key)?.info;
  }

  /** An assigned pod from the informer (add or update): confirms an assumed pod or moves it. */
  addOrUpdatePod(pi: PodInfo): void {
    const node = pi.nodeName;
    const st = this.pods.get(pi.key);
    if (st && st.node === node && st.info.uid === pi.uid) {
      const ni = this.nodeInfos.get(node);
      // Status updates (most updates) change nothing selectors see: skip recounting them.
      const recount = !sameCountedFields(st.info.pod, pi.pod);
      ni?.removePod(pi.key);
      if (recount) this.selectorCounts.podChanged(st.info.pod, node, -1);
      ni?.addPod(pi);
      if (recount) this.selectorCounts.podChanged(pi.pod, node, 1);
      st.info = pi;
      st.assumed = false;
      this.indexAffinity(pi.key, st);
      return;
    }
    if (st) this.unplace(pi.key);
    this.place(pi, node, false);
  }

  removePod(key: string): void {
    this.unplace(key);
  }

  private place(pi: PodInfo, node: string, assumed: boolean): void {
    if (this.pods.has(pi.key)) this.unplace(pi.key);
    let ni = this.nodeInfos.get(node);
    if (!ni) this.nodeInfos.set(node, (ni = new NodeInfo(placeholder(node))));
    ni.addPod(pi);
    this.selectorCounts.podChanged(pi.pod, node, 1);
    const st: PodState = { info: pi, node, assumed };
    this.pods.set(pi.key, st);
    this.indexAffinity(pi.key, st);
  }

  private indexAffinity(key: string, st: PodState | undefined): void {
    if (st?.info.hasAffinity) this.withAffinity.set(key, st);
    else this.withAffinity.delete(key);
    if (st && st.info.requiredAntiAffinity.length > 0) this.withAntiAffinity.set(key, st);
    else this.withAntiAffinity.delete(key);
  }

  private unplace(key: string): void {
    const st = this.pods.get(key);
    if (!st) return;
    this.pods.delete(key);
    this.indexAffinity(key, undefined);
    const ni = this.nodeInfos.get(st.node);
    if (!ni) return;
    ni.removePod(key);
    this.selectorCounts.podChanged(st.info.pod, st.node, -1);
    if (isPlaceholder(ni) && ni.pods.size === 0) this.nodeInfos.delete(st.node);
  }

  /** Every placed pod with its node (for building selector counts and affinity maps). */
  *allPods(): Iterable<[Pod, string]> {
    for (const st of this.pods.values()) yield [st.info.pod, st.node];
  }

  /** Pods whose affinity terms matter to incoming pods (scoring symmetry), by node. */
  podsWithAffinity(): Array<[PodInfo, NodeInfo]> {
    return this.withNodes(this.withAffinity);
  }

  podsWithRequiredAntiAffinity(): Array<[PodInfo, NodeInfo]> {
    return this.withNodes(this.withAntiAffinity);
  }

  private withNodes(m: Map<string, PodState>): Array<[PodInfo, NodeInfo]> {
    const out: Array<[PodInfo, NodeInfo]> = [];
    for (const st of m.values()) {
      const ni = this.node(st.node);
      if (ni) out.push([st.info, ni]);
    }
    return out;
  }

  // Nominated pods: unassigned pods that preempted victims on a node and wait for them to go.

  /** Records (or, with '' as node, clears) the node `pi` is nominated to. */
  setNominated(pi: PodInfo, node: string): void {
    const prev = this.nominatedNode.get(pi.key);
    if (prev !== undefined) {
      this.nominated.get(prev)?.delete(pi.key);
      this.nominatedNode.delete(pi.key);
    }
    if (!node) return;
    let m = this.nominated.get(node);
    if (!m) this.nominated.set(node, (m = new Map()));
    m.set(pi.key, pi);
    this.nominatedNode.set(pi.key, node);
  }

  nominatedOn(node: string): readonly PodInfo[] {
    const m = this.nominated.get(node);
    return m && m.size > 0 ? [...m.values()] : NONE;
  }

  nominatedNodeOf(key: string): string | undefined {
    return this.nominatedNode.get(key);
  }
}

const NONE: readonly PodInfo[] = Object.freeze([]);

/** Same namespace, labels and terminating state: what selector counts depend on. */
function sameCountedFields(a: Pod, b: Pod): boolean {
  if (!!a.metadata.deletionTimestamp !== !!b.metadata.deletionTimestamp || a.metadata.namespace !== b.metadata.namespace) return false;
  const la = a.metadata.labels ?? {};
  const lb = b.metadata.labels ?? {};
  const ka = Object.keys(la);
  if (ka.length !== Object.keys(lb).length) return false;
  for (const k of ka) if (la[k] !== lb[k]) return false;
  return true;
}
const PLACEHOLDER = Symbol('placeholder');

function placeholder(name: string): Node {
  return { metadata: { name }, [PLACEHOLDER]: true } as Node;
}

function isPlaceholder(ni: NodeInfo): boolean {
  return (ni.node as unknown as Record<symbol, unknown>)[PLACEHOLDER] === true;
}
