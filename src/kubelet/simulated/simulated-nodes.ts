/**
 * @module Simulated nodes (what KWOK does, built in): registers N Nodes with capacity, renews
 * their Leases in kube-node-lease every 10 s (spread over the period) and reports their status
 * now and then, and plays the kubelet for pods bound to them: an IP from the node's pod CIDR,
 * Running with ready containers, exits and restarts by the exit-plan convention, and for pods
 * being deleted, terminated containers and then the final delete. One pod informer serves all
 * nodes; status writes go through a work queue with a bounded number of workers. With a client
 * per node (an agent's kubelet certificates), each node acts and watches its pods as itself, so
 * the Node authorizer and NodeRestriction judge it as they would a kubelet.
 */
import { messageOf } from '../../base/errors.js';
import { logger } from '../../base/log.js';
import { sleep } from '../../base/async.js';
import type { Client } from '../../client/client.js';
import { isAlreadyExists, isConflict, isNotFound } from '../../client/errors.js';
import { EventRecorder } from '../../client/event-recorder.js';
import type { InformerFactory } from '../../client/informer-factory.js';
import { SharedInformer } from '../../client/informer.js';
import { microTime, type Lease } from '../../client/kinds/coordination.js';
import type { Node, Pod } from '../../client/kinds/core.js';
import { ItemExponentialRateLimiter } from '../../client/rate-limiter.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { objectKey } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { advance, nextEvent, type PodRun, renderStatus, renderTerminated, resumePod, startPod } from './pod-run.js';
import { DEFAULT_SIMULATED_CAPACITY, healthyConditions, IpPool, leaseObject, networkNotReadyConditions, nodeAddresses, nodeObject, nodePodCidrs, type NodeTemplate, type SimNode } from './sim-node.js';

const log = logger('simulated-nodes');

/** The kubelet's nodeStatusReportFrequency: with Leases for liveness, full status every 5 min. */
const STATUS_REPORT_MS = 5 * 60_000;

export interface SimulatedNodesOptions extends Partial<NodeTemplate> {
  readonly client: Client;
  /**
   * Informers shared with other components (their owner starts them): the simulator then uses
   * the shared pod informer. Without, it watches the assigned pods itself.
   */
  readonly informers?: InformerFactory;
  /** How many nodes; names are `<prefix><index from 1, zero-padded to 4 digits>`. */
  readonly count: number;
  /** Default `k3ts-sim-`. */
  readonly namePrefix?: string;
  /** The cluster CIDR the nodes' pod CIDRs are carved from (IPv4; default 10.42.0.0/16). */
  readonly clusterCidr?: string;
  /**
   * `carve` (default): each node registers with a pod CIDR carved from the top of `clusterCidr`.
   * `assigned`: as a real kubelet, it registers without one and reports its network not ready
   * until the controller manager's node IPAM assigns one (agents use this, so that nodes of
   * several agents and of the server never share a range).
   */
  readonly podCidrs?: 'carve' | 'assigned';
  /** Lease renewal period (the kubelet's 10 s). */
  readonly leaseRenewMs?: number;
  /** Full node status report period (the kubelet's nodeStatusReportFrequency is 5 min). */
  readonly statusReportMs?: number;
  /** Concurrent pod status writes (default 16). */
  readonly workers?: number;
  /**
   * One client per node (its own `system:node:<name>` identity). Each node then watches its pods
   * with `spec.nodeName=<name>` through its client; `client` is used for nothing else.
   */
  readonly clientFor?: (node: string) => Client;
}

/** What one node talks to the API server with. */
interface NodeApi {
  readonly client: Client;
  readonly pods: ResourceClient<Pod>;
  readonly nodes: ResourceClient<Node>;
  readonly leases: ResourceClient<Lease>;
}

const nodeApi = (client: Client): NodeApi => ({
  client, pods: client.resource<Pod>(resources.pods), nodes: client.resource<Node>(resources.nodes), leases: client.resource<Lease>(resources.leases),
});

/** The names of `count` simulated nodes: `<prefix><index from 1, zero-padded to 4 digits>`. */
export function simulatedNodeNames(count: number, prefix = 'k3ts-sim-'): string[] {
  const width = Math.max(4, String(count).length);
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(width, '0')}`);
}

/** Runs the simulated nodes of one server or agent. */
export class SimulatedNodes {
  readonly names: readonly string[];
  private readonly nodes = new Map<string, SimNode>();
  private readonly runs = new Map<string, PodRun>();
  /** The node whose pool gave each pod its IP. */
  private readonly podNode = new Map<string, string>();
  /** Pods with a pending exit or restart: key → when. */
  private readonly due = new Map<string, number>();
  private readonly queue = new WorkQueue<string>(new ItemExponentialRateLimiter<string>(100, 10_000));
  private readonly shared: NodeApi;
  private readonly perNode = new Map<string, NodeApi>();
  /** The pod informer of all nodes, or with per-node clients one informer per node. */
  private readonly informers = new Map<string, SharedInformer<Pod>>();
  /** The node each queued pod key is bound to (per-node informers). */
  private readonly keyNode = new Map<string, string>();
  private readonly recorders = new Map<string, EventRecorder>();
  private registered: Promise<void> | undefined;
  private readonly client: Client;
  private readonly template: NodeTemplate;

  constructor(private readonly opts: SimulatedNodesOptions) {
    this.client = opts.client.withUserAgent('k3ts/simulated-kubelet');
    this.template = { capacity: opts.capacity ?? DEFAULT_SIMULATED_CAPACITY, labels: opts.labels ?? {}, taints: opts.taints ?? [], zones: opts.zones ?? 0 };
    const cidrs = opts.podCidrs === 'assigned' ? [] : nodePodCidrs(opts.clusterCidr ?? '10.42.0.0/16', opts.count);
    this.names = simulatedNodeNames(opts.count, opts.namePrefix);
    const renew = opts.leaseRenewMs ?? 10_000;
    const report = opts.statusReportMs ?? STATUS_REPORT_MS;
    this.names.forEach((name, i) => {
      const podCidr = cidrs[i];
      // Spread heartbeats over the period so a thousand nodes do not renew at once.
      const offset = (i / Math.max(1, opts.count));
      this.nodes.set(name, { name, index: i, podCidr, pool: podCidr ? new IpPool(podCidr) : undefined, uid: '', lease: undefined,
        leaseDue: Date.now() + offset * renew, statusDue: Date.now() + offset * report + report });
    });
    this.shared = nodeApi(this.client);
    const clientFor = opts.clientFor;
    if (clientFor) {
      for (const name of this.names) {
        const api = nodeApi(clientFor(name).withUserAgent('k3ts/simulated-kubelet'));
        this.perNode.set(name, api);
        this.informers.set(name, new SharedInformer<Pod>(api.pods, { fieldSelector: `spec.nodeName=${name}` }));
      }
    } else {
      this.informers.set('', opts.informers ? opts.informers.informer<Pod>(resources.pods) : new SharedInformer<Pod>(this.shared.pods, { fieldSelector: 'spec.nodeName!=' }));
    }
  }

  private api(node: string): NodeApi {
    return this.perNode.get(node) ?? this.shared;
  }

  /** Resolves once every node is registered (or rejects if `signal` aborts first). */
  registeredNodes(): Promise<void> {
    return this.registered ?? Promise.resolve();
  }

  /** Registers the nodes, then simulates them until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    this.registered = this.registerAll(signal);
    await this.registered;
    const informing: Promise<void>[] = [];
    for (const informer of this.informers.values()) {
      const reg = informer.addEventHandler({
        onAdd: (p) => this.enqueue(p),
        onUpdate: (_o, p) => this.enqueue(p),
        onDelete: (p) => this.enqueue(p),
      });
      signal.addEventListener('abort', () => reg.remove(), { once: true });
      // A shared informer is run by its owner; running it again only joins that run.
      if (!this.opts.informers) informing.push(informer.run(signal));
    }
    const working = runWorkers(this.queue, (k) => this.sync(k, signal), { workers: this.opts.workers ?? 16, name: 'simulated-nodes', signal });
    const ticking = this.tick(signal);
    log.info(`simulating ${this.nodes.size} nodes (${this.names[0] ?? ''} … ${this.names[this.names.length - 1] ?? ''})`);
    await Promise.allSettled([...informing, working, ticking]);
  }

  private enqueue(p: Pod): void {
    const node = p.spec?.nodeName ?? '';
    if (!this.nodes.has(node)) return;
    const key = objectKey(p);
    if (this.perNode.size) this.keyNode.set(key, node);
    this.queue.add(key);
  }

  private async registerAll(signal: AbortSignal): Promise<void> {
    const list = [...this.nodes.values()];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < list.length && !signal.aborted) await this.register(list[next++] as SimNode, signal);
    };
    await Promise.all(Array.from({ length: Math.min(16, list.length) }, worker));
  }

  /** Creates the Node (or adopts an existing one, keeping its pod CIDR) and its Lease. */
  private async register(n: SimNode, signal: AbortSignal): Promise<void> {
    for (let attempt = 0; !signal.aborted; attempt++) {
      try {
        let node: Node;
        try {
          node = await this.api(n.name).nodes.create(nodeObject(n, this.template), { signal });
        } catch (err) {
          if (!isAlreadyExists(err)) throw err;
          node = await this.api(n.name).nodes.get(n.name, { signal });
          this.adoptCidr(n, node);
          await this.reportStatus(n, signal, node);
        }
        n.uid = node.metadata.uid ?? '';
        await this.renewLease(n, signal);
        if (!n.pool) void this.awaitCidr(n, signal);
        return;
      } catch (err) {
        if (signal.aborted) return;
        log.warn(`registering node ${n.name} (attempt ${attempt + 1}): ${messageOf(err)}`);
        await sleep(Math.min(10_000, 500 * 2 ** attempt), signal).catch(() => undefined);
      }
    }
  }

  /** Takes the pod CIDR the Node carries (assigned, or kept from an earlier run). */
  private adoptCidr(n: SimNode, node: Node): void {
    const cidr = node.spec?.podCIDR;
    if (cidr && cidr !== n.podCidr) {
      n.podCidr = cidr;
      n.pool = new IpPool(cidr);
    }
  }

  /** Waits for node IPAM to assign the node a pod CIDR, then reports the node Ready. */
  private async awaitCidr(n: SimNode, signal: AbortSignal): Promise<void> {
    for (let attempt = 0; !signal.aborted && !n.pool; attempt++) {
      try {
        await sleep(Math.min(5000, 250 * 2 ** attempt), signal);
        const node = await this.api(n.name).nodes.get(n.name, { signal });
        this.adoptCidr(n, node);
        if (n.pool) {
          log.info(`node ${n.name} got pod CIDR ${n.podCidr ?? ''}`);
          await this.reportStatus(n, signal, node);
        }
      } catch (err) {
        if (!signal.aborted) log.warn(`waiting for the pod CIDR of node ${n.name}: ${messageOf(err)}`);
      }
    }
  }

  private async renewLease(n: SimNode, signal: AbortSignal): Promise<void> {
    const leases = this.api(n.name).leases;
    if (n.lease) {
      try {
        n.lease = await leases.update({ ...n.lease, spec: { ...n.lease.spec, holderIdentity: n.name, renewTime: microTime() } }, { signal });
        return;
      } catch (err) {
        if (!isConflict(err) && !isNotFound(err)) throw err;
      }
    }
    try {
      const cur = await leases.get(n.name, { namespace: 'kube-node-lease', signal });
      n.lease = await leases.update({ ...cur, spec: { ...cur.spec, holderIdentity: n.name, leaseDurationSeconds: 40, renewTime: microTime() } }, { signal });
    } catch (err) {
      if (!isNotFound(err)) throw err;
      n.lease = await leases.create(leaseObject(n), { signal });
    }
  }

  /** Re-asserts the healthy conditions (and heartbeat times), as the kubelet's status report. */
  private async reportStatus(n: SimNode, signal: AbortSignal, cur?: Node): Promise<void> {
    const nodes = this.api(n.name).nodes;
    const node = cur ?? await nodes.get(n.name, { signal });
    const conditions = n.pool ? healthyConditions(node.status?.conditions) : networkNotReadyConditions(node.status?.conditions);
    await nodes.patch(n.name, { status: { conditions, addresses: nodeAddresses(n) } }, { type: 'strategic', subresource: 'status', signal });
  }

  /** Heartbeats and pod timers, checked four times a second. */
  private async tick(signal: AbortSignal): Promise<void> {
    const renew = this.opts.leaseRenewMs ?? 10_000;
    const report = this.opts.statusReportMs ?? STATUS_REPORT_MS;
    const busy = new Set<string>();
    while (!signal.aborted) {
      try {
        await sleep(250, signal);
      } catch {
        return;
      }
      const now = Date.now();
      for (const [key, at] of this.due) {
        if (at > now) continue;
        this.due.delete(key);
        this.queue.add(key);
      }
      for (const n of this.nodes.values()) {
        if (busy.has(n.name) || !n.uid) continue;
        const lease = n.leaseDue <= now;
        const status = n.statusDue <= now;
        if (!lease && !status) continue;
        busy.add(n.name);
        if (lease) n.leaseDue = now + renew;
        if (status) n.statusDue = now + report;
        void (async () => {
          try {
            if (lease) await this.renewLease(n, signal);
            if (status) await this.reportStatus(n, signal);
          } catch (err) {
            if (!signal.aborted) log.warn(`heartbeat of node ${n.name}: ${messageOf(err)}`);
          } finally {
            busy.delete(n.name);
          }
        })();
      }
    }
  }

  /** Brings one pod's status in line with its simulated life. */
  private async sync(key: string, signal: AbortSignal): Promise<void> {
    const informer = this.informers.get(this.perNode.size ? this.keyNode.get(key) ?? '' : '');
    const pod = informer?.store.get(key);
    const run = this.runs.get(key);
    const node = pod ? this.nodes.get(pod.spec?.nodeName ?? '') : undefined;
    if (!pod || !node || (run && run.uid !== pod.metadata.uid)) {
      this.forget(key, run);
      if (!pod || !node) {
        this.keyNode.delete(key);
        return;
      }
    }
    const ns = pod.metadata.namespace;
    const name = pod.metadata.name ?? '';
    const phase = pod.status?.phase;
    const now = Date.now();
    if (pod.metadata.deletionTimestamp) {
      const cur = this.runs.get(key);
      // A started pod reports its stopped containers first; one that never started just goes.
      if (cur && phase !== 'Succeeded' && phase !== 'Failed') await this.writeStatus(pod, renderTerminated(pod, cur, now), signal);
      await this.api(node.name).pods.delete(name, { namespace: ns, gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid ?? '' }, signal }).catch((err: unknown) => {
        if (!isNotFound(err) && !isConflict(err)) throw err;
      });
      this.forget(key, cur);
      return;
    }
    if (phase === 'Succeeded' || phase === 'Failed') {
      this.forget(key, this.runs.get(key));
      return;
    }
    let r = this.runs.get(key);
    if (!r) {
      const pool = node.pool;
      if (!pool) {
        // No pod network on this node yet (it is NotReady, so only a pod bound by hand lands here).
        this.due.set(key, now + 1000);
        return;
      }
      const hostIP = pool.gateway;
      let podIP = pod.spec?.hostNetwork ? hostIP : undefined;
      if (!podIP && phase === 'Running' && pod.status?.podIP && pool.reserve(key, pod.status.podIP)) podIP = pod.status.podIP;
      if (!podIP) podIP = pool.allocate(key);
      if (podIP && podIP !== hostIP) this.podNode.set(key, node.name);
      if (!podIP) {
        this.recorder(node.name).event(pod, 'Warning', 'FailedCreatePodSandBox',
          `Failed to create pod sandbox: failed to allocate for range 0: no IP addresses available in range set: ${node.podCidr ?? ''}`, { apiVersion: 'v1', kind: 'Pod' });
        this.due.set(key, now + 10_000);
        return;
      }
      r = phase === 'Running' && pod.status?.podIP === podIP ? resumePod(pod, { podIP, hostIP, now }) : startPod(pod, { podIP, hostIP, now });
      this.runs.set(key, r);
      advance(pod, r, now);
      await this.writeStatus(pod, renderStatus(pod, r, now), signal);
    } else if (advance(pod, r, now)) {
      await this.writeStatus(pod, renderStatus(pod, r, now), signal);
    }
    const next = nextEvent(r);
    if (next !== undefined) this.due.set(key, next);
  }

  private forget(key: string, run: PodRun | undefined): void {
    this.runs.delete(key);
    this.due.delete(key);
    const node = this.podNode.get(key);
    this.podNode.delete(key);
    if (run || node) this.nodes.get(node ?? '')?.pool?.release(key);
  }

  private async writeStatus(pod: Pod, status: Pod['status'], signal: AbortSignal): Promise<void> {
    await this.api(pod.spec?.nodeName ?? '').pods.patch(pod.metadata.name ?? '', { status }, { namespace: pod.metadata.namespace, type: 'strategic', subresource: 'status', signal });
  }

  private recorder(node: string): EventRecorder {
    let r = this.recorders.get(node);
    if (!r) this.recorders.set(node, (r = new EventRecorder(this.api(node).client, 'kubelet', node)));
    return r;
  }
}
