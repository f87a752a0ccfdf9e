/**
 * @module The scheduler (kube-scheduler's default profile): takes pending pods from the
 * scheduling queue one at a time, filters and scores the nodes, assumes the pod onto the best
 * node and binds it through `pods/binding` in the background; pods that fit nowhere get a
 * FailedScheduling event and a PodScheduled=False condition with the `0/N nodes are available`
 * message, may preempt lower-priority pods, and wait until the cluster changes.
 */
import { setMaxListeners } from 'node:events';
import { messageOf } from '../base/errors.js';
import { logger } from '../base/log.js';
import type { Client } from '../client/client.js';
import type { EventSink } from '../client/event-recorder.js';
import { isConflict, isNotFound } from '../client/errors.js';
import type { InformerFactory } from '../client/informer-factory.js';
import type { SharedInformer } from '../client/informer.js';
import type { Node, Pod } from '../client/kinds/core.js';
import type { ResourceClient } from '../client/resource-client.js';
import { resources } from '../client/resources.js';
import { objectKey } from '../client/types.js';
import { SchedulerCache } from './cache.js';
import { CycleState, fitErrorMessage, runFilters, runScores, type FilterOutcome, type Plugin } from './framework.js';
import type { NodeInfo } from './node-info.js';
import { preempt } from './preemption.js';
import { defaultPlugins, feasibleNodesToFind } from './profile.js';
import { SchedulingQueue, type QueueOptions } from './queue.js';

const log = logger('scheduler');

export interface SchedulerOptions {
  readonly client: Client;
  readonly informers: InformerFactory;
  readonly events: EventSink;
  /** Pods with this spec.schedulerName (default `default-scheduler`) are ours. */
  readonly schedulerName?: string;
  /** Bindings in flight at once (default 64). */
  readonly bindConcurrency?: number;
  readonly plugins?: readonly Plugin[];
  readonly queue?: QueueOptions;
}

/** Counters for benchmarks and /metrics. */
export interface SchedulerStats {
  scheduled: number;
  failed: number;
  bindErrors: number;
  preemptions: number;
}

export class Scheduler {
  readonly stats: SchedulerStats = { scheduled: 0, failed: 0, bindErrors: 0, preemptions: 0 };
  private readonly cache = new SchedulerCache();
  private readonly queue: SchedulingQueue;
  private readonly pods: SharedInformer<Pod>;
  private readonly nodes: SharedInformer<Node>;
  private readonly podClient: ResourceClient<Pod>;
  private readonly plugins: readonly Plugin[];
  private readonly name: string;
  private inflight = 0;
  private slot: (() => void) | undefined;

  constructor(private readonly opts: SchedulerOptions) {
    this.name = opts.schedulerName ?? 'default-scheduler';
    this.queue = new SchedulingQueue(opts.queue);
    this.plugins = opts.plugins ?? defaultPlugins();
    this.podClient = opts.client.withUserAgent('k3ts/scheduler').resource<Pod>(resources.pods);
    this.pods = opts.informers.informer<Pod>(resources.pods);
    this.nodes = opts.informers.informer<Node>(resources.nodes);
    this.nodes.addEventHandler({
      onAdd: (n) => { this.cache.upsertNode(n); this.queue.moveAllUnschedulable(); },
      onUpdate: (_o, n) => { this.cache.upsertNode(n); this.queue.moveAllUnschedulable(); },
      onDelete: (n) => this.cache.removeNode(n),
    });
    this.pods.addEventHandler({
      onAdd: (p) => this.podChanged(p),
      onUpdate: (_o, p) => this.podChanged(p),
      onDelete: (p) => {
        const key = objectKey(p);
        this.queue.delete(key);
        if (p.spec?.nodeName) {
          this.cache.removePod(key);
          this.queue.moveAllUnschedulable();
        }
      },
    });
  }

  private podChanged(p: Pod): void {
    const key = objectKey(p);
    if (p.spec?.nodeName) {
      this.queue.delete(key);
      const wasHolding = !this.cache.isAssumed(key);
      this.cache.upsertPod(p);
      // A pod that finished frees its node's resources.
      if (wasHolding && (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed')) this.queue.moveAllUnschedulable();
      return;
    }
    if (this.responsible(p)) this.queue.add(p);
    else this.queue.delete(key);
  }

  private responsible(p: Pod): boolean {
    const phase = p.status?.phase;
    return (p.spec?.schedulerName ?? 'default-scheduler') === this.name && !p.metadata.deletionTimestamp &&
      phase !== 'Succeeded' && phase !== 'Failed' && !(p.spec?.schedulingGates?.length);
  }

  /** Schedules until `signal` aborts; informers must be started by the caller. */
  async run(signal: AbortSignal): Promise<void> {
    setMaxListeners(0, signal);
    signal.addEventListener('abort', () => this.queue.close(), { once: true });
    await Promise.all([this.pods.waitForSync(signal), this.nodes.waitForSync(signal)]).catch(() => undefined);
    while (!signal.aborted) {
      const pod = await this.queue.pop();
      if (!pod) break;
      const key = objectKey(pod);
      const cur = this.pods.store.get(key);
      if (!cur || cur.spec?.nodeName || !this.responsible(cur)) {
        this.queue.done(key);
        continue;
      }
      try {
        await this.scheduleOne(cur, signal);
      } catch (err) {
        log.error(`scheduling ${key}: ${messageOf(err)}`);
        this.queue.backoff(cur);
      }
      // Let informer events in between pods: the queue never waits while it has work.
      await new Promise((r) => setImmediate(r));
    }
    while (this.inflight > 0) await new Promise((r) => setTimeout(r, 10));
  }

  private async scheduleOne(pod: Pod, signal: AbortSignal): Promise<void> {
    const state = new CycleState();
    const total = this.cache.nodes.length;
    const out = runFilters(this.plugins, pod, this.cache, state, { enough: feasibleNodesToFind(total) });
    if (out.feasible.length === 0) {
      this.unschedulable(pod, out, signal);
      return;
    }
    const node = out.feasible.length === 1 ? (out.feasible[0] as NodeInfo) : best(runScores(this.plugins, pod, out.feasible, state));
    this.cache.assume(pod, node.name);
    while (this.inflight >= (this.opts.bindConcurrency ?? 64)) await new Promise<void>((r) => { this.slot = r; });
    this.inflight++;
    void this.bind(pod, node.name, signal).finally(() => {
      this.inflight--;
      const s = this.slot;
      this.slot = undefined;
      s?.();
    });
  }

  private async bind(pod: Pod, node: string, signal: AbortSignal): Promise<void> {
    const key = objectKey(pod);
    const { namespace, name, uid } = pod.metadata;
    try {
      await this.podClient.writeSubresource(name ?? '', 'binding', {
        namespace, signal,
        body: { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace, ...(uid ? { uid } : {}) }, target: { apiVersion: 'v1', kind: 'Node', name: node } },
      });
      this.stats.scheduled++;
      this.queue.done(key);
      this.opts.events.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace ?? ''}/${name ?? ''} to ${node}`, { apiVersion: 'v1', kind: 'Pod' });
    } catch (err) {
      this.cache.forget(key);
      this.stats.bindErrors++;
      // Gone, or bound by someone else meanwhile: nothing left to do for it.
      if (isNotFound(err) || isConflict(err) || signal.aborted) {
        this.queue.done(key);
        return;
      }
      log.warn(`binding ${key} to ${node}: ${messageOf(err)}`);
      this.opts.events.event(pod, 'Warning', 'FailedScheduling', `Binding rejected: ${messageOf(err)}`, { apiVersion: 'v1', kind: 'Pod' });
      this.queue.backoff(pod);
    }
  }

  private unschedulable(pod: Pod, out: FilterOutcome, signal: AbortSignal): void {
    this.stats.failed++;
    const pre = preempt(this.plugins, pod, this.cache, out);
    const msg = fitErrorMessage(this.cache.nodes.length, out, pre.message);
    this.opts.events.event(pod, 'Warning', 'FailedScheduling', msg, { apiVersion: 'v1', kind: 'Pod' });
    void this.markUnschedulable(pod, msg, pre.plan?.node, signal);
    if (pre.plan) {
      this.stats.preemptions++;
      for (const v of pre.plan.victims) {
        this.opts.events.event(v, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata.uid ?? ''} on node ${pre.plan.node}`, { apiVersion: 'v1', kind: 'Pod' });
        void this.podClient.delete(v.metadata.name ?? '', { namespace: v.metadata.namespace, signal }).catch((err: unknown) => {
          if (!isNotFound(err)) log.warn(`preempting ${objectKey(v)}: ${messageOf(err)}`);
        });
      }
    }
    this.queue.unschedulable(pod);
  }

  /** PodScheduled=False/Unschedulable with the message (and nominatedNodeName after preemption). */
  private async markUnschedulable(pod: Pod, message: string, nominated: string | undefined, signal: AbortSignal): Promise<void> {
    const cur = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (cur?.status === 'False' && cur.message === message && (!nominated || pod.status?.nominatedNodeName === nominated)) return;
    const status: Record<string, unknown> = {
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }],
    };
    if (nominated) status['nominatedNodeName'] = nominated;
    try {
      await this.podClient.patch(pod.metadata.name ?? '', { status }, { namespace: pod.metadata.namespace, type: 'strategic', subresource: 'status', signal });
    } catch (err) {
      if (!isNotFound(err) && !signal.aborted) log.v(2, `updating status of ${objectKey(pod)}: ${messageOf(err)}`);
    }
  }
}

/** The highest-scoring node; ties broken at random (selectHost's reservoir sampling). */
function best(scores: Map<NodeInfo, number>): NodeInfo {
  let top: NodeInfo | undefined;
  let topScore = -Infinity;
  let ties = 0;
  for (const [n, s] of scores) {
    if (s > topScore) { top = n; topScore = s; ties = 1; }
    else if (s === topScore && Math.random() * ++ties < 1) top = n;
  }
  return top as NodeInfo;
}

