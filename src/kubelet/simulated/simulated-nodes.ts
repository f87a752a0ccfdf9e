/**
 * @module Simulated nodes (what KWOK does, built in): registers N Nodes with capacity, keeps
 * their heartbeat Leases in kube-node-lease and their Ready condition fresh, and moves pods
 * bound to them through Pending → Running (and to Succeeded/Failed when their simulated
 * command exits), deleting terminating pods as a kubelet does once their containers stopped.
 * No containers run; everything goes through the API client.
 */
import { setMaxListeners } from 'node:events';
import { sleep } from '../../base/async.js';
import { messageOf } from '../../base/errors.js';
import { logger } from '../../base/log.js';
import type { Client } from '../../client/client.js';
import { isAlreadyExists, isConflict, isNotFound } from '../../client/errors.js';
import type { InformerFactory } from '../../client/informer-factory.js';
import type { SharedInformer } from '../../client/informer.js';
import { microTime, type Lease } from '../../client/kinds/coordination.js';
import type { Node, Pod, ResourceList, Taint } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { objectKey } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { leaseObject, nodeAddress, nodeObject, readyConditions } from './node-object.js';
import { finishedStatus, runningStatus, simulatedRun } from './pod-lifecycle.js';

const log = logger('simulated-nodes');

export interface SimulatedNodesOptions {
  readonly client: Client;
  readonly informers: InformerFactory;
  readonly count: number;
  /** Node names are `<prefix><i>` (default `k3ts-sim-`). */
  readonly namePrefix?: string;
  /** Default: 32 CPUs, 256 GiB, 110 pods, 100 GiB ephemeral storage. */
  readonly capacity?: ResourceList;
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly Taint[];
  /** Lease renewal period (default 10 s, as the kubelet). */
  readonly leaseRenewMs?: number;
  /** Node status refresh period (default 5 min, the kubelet's nodeStatusReportFrequency). */
  readonly statusReportMs?: number;
  readonly workers?: number;
}

export const DEFAULT_SIMULATED_CAPACITY: ResourceList = { cpu: '32', memory: '256Gi', pods: '110', 'ephemeral-storage': '100Gi' };

interface PodIps {
  next: number;
  readonly free: number[];
  readonly byPod: Map<string, string>;
}

export class SimulatedNodes {
  private readonly names: string[];
  private readonly index = new Map<string, number>();
  private readonly nodes: ResourceClient<Node>;
  private readonly leases: ResourceClient<Lease>;
  private readonly podClient: ResourceClient<Pod>;
  private readonly pods: SharedInformer<Pod>;
  private readonly queue = new WorkQueue<string>();
  private readonly ips = new Map<string, PodIps>();
  private readonly leaseCache = new Map<string, Lease>();
  private readonly nodeUids = new Map<string, string>();

  constructor(private readonly opts: SimulatedNodesOptions) {
    const prefix = opts.namePrefix ?? 'k3ts-sim-';
    this.names = Array.from({ length: opts.count }, (_, i) => `${prefix}${i}`);
    this.names.forEach((n, i) => this.index.set(n, i));
    const client = opts.client.withUserAgent('k3ts/simulated-kubelet');
    this.nodes = client.resource<Node>(resources.nodes);
    this.leases = client.resource<Lease>(resources.leases);
    this.podClient = client.resource<Pod>(resources.pods);
    this.pods = opts.informers.informer<Pod>(resources.pods);
    const enqueue = (p: Pod): void => { if (this.index.has(p.spec?.nodeName ?? '')) this.queue.add(objectKey(p)); };
    this.pods.addEventHandler({
      onAdd: enqueue,
      onUpdate: (_o, p) => enqueue(p),
      onDelete: (p) => { this.releaseIp(p); this.queue.forget(objectKey(p)); },
    });
  }

  /** The simulated node names. */
  get nodeNames(): readonly string[] {
    return this.names;
  }

  /** Registers the nodes, then runs heartbeats and pod lifecycles until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    setMaxListeners(0, signal);
    await this.register(signal);
    log.info(`registered ${this.names.length} simulated node(s)`);
    await Promise.all([
      this.heartbeats(signal),
      this.statusReports(signal),
      runWorkers(this.queue, (key) => this.syncPod(key, signal), { workers: this.opts.workers ?? 8, name: 'simulated-kubelet', signal }),
    ]);
  }

  private spec(i: number): Node {
    return nodeObject({
      name: this.names[i] ?? '', index: i, capacity: this.opts.capacity ?? DEFAULT_SIMULATED_CAPACITY,
      labels: this.opts.labels ?? {}, taints: this.opts.taints ?? [],
    });
  }

  private async register(signal: AbortSignal): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < this.names.length && !signal.aborted) {
        const i = next++;
        await this.registerOne(i, signal);
      }
    };
    await Promise.all(Array.from({ length: Math.min(16, this.names.length) }, worker));
  }

  private async registerOne(i: number, signal: AbortSignal): Promise<void> {
    const want = this.spec(i);
    for (let attempt = 0; !signal.aborted; attempt++) {
      try {
        let cur: Node;
        try {
          cur = await this.nodes.create(want, { signal });
        } catch (err) {
          if (!isAlreadyExists(err)) throw err;
          cur = await this.nodes.get(want.metadata.name ?? '', { signal });
        }
        // Status is a subresource: report capacity and Ready through it (on a restart: again).
        const node = await this.nodes.updateStatus({ ...cur, status: { ...cur.status, ...want.status } }, { signal });
        this.nodeUids.set(node.metadata.name ?? '', node.metadata.uid ?? '');
        await this.renew(node.metadata.name ?? '', signal);
        return;
      } catch (err) {
        if (signal.aborted) return;
        log.warn(`registering ${want.metadata.name ?? ''}: ${messageOf(err)} (retrying)`);
        await sleep(Math.min(5000, 200 * 2 ** attempt), signal).catch(() => undefined);
      }
    }
  }

  /** Renews one node's lease (creating it when missing). */
  private async renew(name: string, signal: AbortSignal): Promise<void> {
    const cached = this.leaseCache.get(name);
    try {
      if (cached) {
        const next = { ...cached, spec: { ...cached.spec, holderIdentity: name, leaseDurationSeconds: 40, renewTime: microTime() } };
        this.leaseCache.set(name, await this.leases.update(next, { signal }));
        return;
      }
      const obj = leaseObject({ metadata: { name, uid: this.nodeUids.get(name) ?? '' } });
      try {
        this.leaseCache.set(name, await this.leases.create(obj, { signal }));
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
        const cur = await this.leases.get(name, { namespace: 'kube-node-lease', signal });
        this.leaseCache.set(name, await this.leases.update({ ...cur, spec: { ...cur.spec, holderIdentity: name, leaseDurationSeconds: 40, renewTime: microTime() } }, { signal }));
      }
    } catch (err) {
      // A stale cached lease (conflict) or a deleted one: start from the server's copy next time.
      this.leaseCache.delete(name);
      if (!isConflict(err) && !isNotFound(err) && !signal.aborted) log.v(2, `renewing lease of ${name}: ${messageOf(err)}`);
    }
  }

  /** Renews every lease once per period, spread evenly over it. */
  private async heartbeats(signal: AbortSignal): Promise<void> {
    const period = this.opts.leaseRenewMs ?? 10_000;
    const gap = period / Math.max(1, this.names.length);
    while (!signal.aborted) {
      const started = Date.now();
      for (let i = 0; i < this.names.length && !signal.aborted; i++) {
        await this.renew(this.names[i] ?? '', signal);
        const due = started + (i + 1) * gap - Date.now();
        if (due > 0) await sleep(due, signal).catch(() => undefined);
      }
    }
  }

  /** Refreshes the Ready condition's heartbeat (and repairs it if the node controller changed it). */
  private async statusReports(signal: AbortSignal): Promise<void> {
    const period = this.opts.statusReportMs ?? 5 * 60_000;
    for (;;) {
      try {
        await sleep(period, signal);
      } catch {
        return;
      }
      for (const name of this.names) {
        if (signal.aborted) return;
        try {
          const cur = await this.nodes.get(name, { signal });
          await this.nodes.updateStatus({ ...cur, status: { ...cur.status, conditions: readyConditions() } }, { signal });
        } catch (err) {
          if (!signal.aborted) log.v(2, `reporting status of ${name}: ${messageOf(err)}`);
        }
      }
    }
  }

  private async syncPod(key: string, signal: AbortSignal): Promise<void> {
    const pod = this.pods.store.get(key);
    if (!pod) return;
    const node = pod.spec?.nodeName ?? '';
    const idx = this.index.get(node);
    if (idx === undefined) return;
    const { name, namespace, uid } = pod.metadata;
    if (pod.metadata.deletionTimestamp) {
      // Nothing to stop: finish the graceful deletion at once, as a kubelet does after its containers exit.
      try {
        await this.podClient.delete(name ?? '', { namespace, gracePeriodSeconds: 0, ...(uid ? { preconditions: { uid } } : {}), signal });
      } catch (err) {
        if (!isNotFound(err) && !isConflict(err)) throw err;
      }
      return;
    }
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    const run = simulatedRun(pod);
    const now = Date.now();
    if (phase !== 'Running') {
      const hostIP = nodeAddress(idx);
      const podIP = pod.spec?.hostNetwork ? hostIP : this.allocateIp(node, idx, key);
      await this.writeStatus(pod, runningStatus(pod, { hostIP, podIP, startedAt: now }), signal);
      if (run.exits) this.queue.addAfter(key, run.afterMs);
      return;
    }
    if (!run.exits) return;
    const started = runningSince(pod);
    const due = (Number.isFinite(started) ? started : now) + run.afterMs;
    if (now < due) {
      this.queue.addAfter(key, due - now);
      return;
    }
    if (run.exitCode !== 0 && pod.spec?.restartPolicy === 'OnFailure') {
      // The kubelet restarts a failed container in place; the pod stays Running.
      const restarts = (pod.status?.containerStatuses?.[0]?.restartCount ?? 0) + 1;
      await this.writeStatus(pod, runningStatus(pod, { hostIP: pod.status?.hostIP ?? nodeAddress(idx), podIP: pod.status?.podIP ?? '', startedAt: now, restartCount: restarts }), signal);
      this.queue.addAfter(key, run.afterMs);
      return;
    }
    await this.writeStatus(pod, finishedStatus(pod, run.exitCode, now), signal);
  }

  private async writeStatus(pod: Pod, status: Pod['status'], signal: AbortSignal): Promise<void> {
    try {
      await this.podClient.updateStatus({ ...pod, ...(status ? { status } : {}) }, { signal });
    } catch (err) {
      // Conflicts mean a newer pod is on its way through the informer; that event requeues it.
      if (isNotFound(err) || isConflict(err)) return;
      throw err;
    }
  }

  private allocateIp(node: string, idx: number, podKey: string): string {
    let pool = this.ips.get(node);
    if (!pool) this.ips.set(node, (pool = { next: 2, free: [], byPod: new Map() }));
    const have = pool.byPod.get(podKey);
    if (have) return have;
    const host = pool.free.pop() ?? (pool.next <= 254 ? pool.next++ : 254);
    const ip = `10.${128 + ((idx >> 8) & 127)}.${idx & 255}.${host}`;
    pool.byPod.set(podKey, ip);
    return ip;
  }

  private releaseIp(p: Pod): void {
    const pool = this.ips.get(p.spec?.nodeName ?? '');
    const key = objectKey(p);
    const ip = pool?.byPod.get(key);
    if (!pool || !ip) return;
    pool.byPod.delete(key);
    pool.free.push(Number(ip.split('.')[3]));
  }
}

/** When the pod's (first) container last started running, in ms. */
function runningSince(pod: Pod): number {
  const running = pod.status?.containerStatuses?.[0]?.state?.['running'] as { startedAt?: string } | undefined;
  return Date.parse(running?.startedAt ?? pod.status?.startTime ?? '');
}
