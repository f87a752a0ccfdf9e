/**
 * @module The node IPAM controller (--allocate-node-cidrs, as k3s runs kube-controller-manager):
 * gives every node without one a pod CIDR carved from the IPv4 cluster CIDR
 * (--node-cidr-mask-size 24), never one another node already has, and reports
 * CIDRNotAvailable when the cluster CIDR is exhausted.
 */
import { formatIp, cidrIndexedIp, parseCidr, type Cidr } from '../../base/cidr.js';
import type { EventSink } from '../../client/event-recorder.js';
import { isConflict, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Node } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import type { Controller, ControllerContext } from '../common/context.js';

export interface NodeIpamOptions {
  /** --cluster-cidr (the first IPv4 one is used). */
  readonly clusterCidrs: readonly string[];
  /** --node-cidr-mask-size-ipv4 (default 24). */
  readonly maskSize?: number;
}

/** Subnet `i` of size /mask inside `cluster`, or undefined past its end. */
export function subnet(cluster: Cidr, mask: number, i: number): string | undefined {
  if (mask < cluster.prefix || mask > 32) return undefined;
  const count = 2 ** (mask - cluster.prefix);
  if (i < 0 || i >= count) return undefined;
  const ip = cidrIndexedIp(cluster, i * 2 ** (32 - mask));
  return ip ? `${formatIp(ip)}/${mask}` : undefined;
}

export class NodeIpamController implements Controller {
  readonly name = 'node-ipam-controller';
  private readonly nodes: SharedInformer<Node>;
  private readonly client: ResourceClient<Node>;
  private readonly events: EventSink;
  private readonly queue = new WorkQueue<string>();
  private readonly cluster: Cidr | undefined;
  private readonly mask: number;
  /** CIDRs handed out but perhaps not yet visible in the cache. */
  private readonly reserved = new Map<string, string>();

  constructor(ctx: ControllerContext, opts: NodeIpamOptions) {
    this.client = ctx.clientFor('node-controller').resource<Node>(resources.nodes);
    this.events = ctx.events('cidrAllocator');
    this.cluster = opts.clusterCidrs.map(parseCidr).find((c): c is Cidr => c?.family === 4);
    this.mask = opts.maskSize ?? 24;
    this.nodes = ctx.informers.informer<Node>(resources.nodes);
    const add = (n: Node): void => { if (!n.spec?.podCIDR) this.queue.add(n.metadata.name ?? ''); };
    this.nodes.addEventHandler({ onAdd: add, onUpdate: (_o, n) => add(n), onDelete: (n) => this.reserved.delete(n.metadata.name ?? '') });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (name) => this.sync(name, signal), { workers: 1, name: this.name, signal });
  }

  private async sync(name: string, signal: AbortSignal): Promise<void> {
    const node = this.nodes.store.get(name);
    if (!node || node.spec?.podCIDR || !this.cluster) return;
    const used = new Set<string>(this.reserved.values());
    for (const n of this.nodes.store.list()) for (const c of n.spec?.podCIDRs ?? (n.spec?.podCIDR ? [n.spec.podCIDR] : [])) used.add(c);
    let cidr: string | undefined;
    for (let i = 0; ; i++) {
      const s = subnet(this.cluster, this.mask, i);
      if (!s) break;
      if (!used.has(s)) { cidr = s; break; }
    }
    if (!cidr) {
      this.events.event(node, 'Normal', 'CIDRNotAvailable', `Node ${name} status is now: CIDRNotAvailable`, { apiVersion: 'v1', kind: 'Node' });
      return;
    }
    this.reserved.set(name, cidr);
    try {
      await this.client.patch(name, { spec: { podCIDR: cidr, podCIDRs: [cidr] } }, { type: 'merge', signal });
    } catch (err) {
      this.reserved.delete(name);
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }
}
