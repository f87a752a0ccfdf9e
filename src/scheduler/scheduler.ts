/**
 * @module The scheduler: informers feed the cache and the queue; one loop pops a pod, runs a
 * synchronous scheduling cycle, assumes the pod on the chosen node and hands it to an
 * asynchronous binder (so the next cycle starts at once), or reports why it fits nowhere,
 * preempting lower-priority pods where that helps. Answers only to pods whose
 * spec.schedulerName is its own (default-scheduler).
 */
import { setMaxListeners } from 'node:events';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { messageOf, SchedulingError } from '../base/errors.js';
import { logger } from '../base/log.js';
import type { Client } from '../client/client.js';
import { isNotFound } from '../client/errors.js';
import { EventRecorder, type EventSink } from '../client/event-recorder.js';
import { InformerFactory } from '../client/informer-factory.js';
import type { SharedInformer } from '../client/informer.js';
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from '../client/kinds/core.js';
import type { ResourceClient } from '../client/resource-client.js';
import { resources } from '../client/resources.js';
import type { KubeObject } from '../client/types.js';
import type { ResourceType } from '../client/resource-type.js';
import { Algorithm, type ScheduleOutcome } from './algorithm.js';
import { SchedulerCache } from './cache.js';
import { fitErrorMessage, NO_NODES_MESSAGE } from './diagnosis.js';
import { EVENTS, registerMoveHandlers, registerNodeHandlers, registerPodHandlers } from './event-handlers.js';
import { type PriorityClass, resolvePriority, type SelectingObject, type StorageClass } from './kinds.js';
import { PodInfo } from './pod-info.js';
import { VolumeBindingPlugin } from './plugins/volume-binding.js';
import { Preemption } from './preemption.js';
import { defaultProfile } from './profile.js';
import { type QueuedPod, type QueueOptions, SchedulingQueue } from './queue.js';
import { Reporter } from './reporter.js';
import { ClusterState } from './view.js';
import { VolumeBinder } from './volume-binder.js';

const log = logger('scheduler');

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

export interface SchedulerOptions {
  readonly client: Client;
  /**
   * Informers shared with other components of the process (the controller manager); their
   * owner starts them. Without, the scheduler makes and runs its own.
   */
  readonly informers?: InformerFactory;
  readonly schedulerName?: string;
  /** 0 (default): adaptive, as kube-scheduler. */
  readonly percentageOfNodesToScore?: number;
  /** Bindings allowed in flight before the loop waits (default 64: more only lengthens the API server's queue). */
  readonly maxBindsInFlight?: number;
  readonly queue?: QueueOptions;
  /** Where events go (default: core/v1 Events from "default-scheduler"). */
  readonly events?: EventSink;
  readonly volumeBindTimeoutMs?: number;
}

/** Counters for benchmarks and logs. */
export interface SchedulerStats {
  attempts: number;
  scheduled: number;
  unschedulable: number;
  errors: number;
  bindFailures: number;
}

export class Scheduler {
  readonly cache = new SchedulerCache();
  readonly queue: SchedulingQueue;
  readonly stats: SchedulerStats = { attempts: 0, scheduled: 0, unschedulable: 0, errors: 0, bindFailures: 0 };
  private readonly name: string;
  private readonly pods: ResourceClient<Pod>;
  private readonly binds = new Set<Promise<void>>();
  private readonly client: Client;
  private running: Promise<void> | undefined;

  constructor(private readonly opts: SchedulerOptions) {
    this.client = opts.client.withUserAgent('k3ts/scheduler');
    this.name = opts.schedulerName ?? DEFAULT_SCHEDULER_NAME;
    this.queue = new SchedulingQueue(opts.queue ?? {});
    this.pods = this.client.resource<Pod>(resources.pods);
  }

  /**
   * Runs until `signal` aborts; resolves after in-flight bindings settled (and its own informers
   * stopped). One run per instance: a new leadership term gets a new Scheduler.
   */
  run(signal: AbortSignal): Promise<void> {
    this.running ??= this.loop(signal);
    return this.running;
  }

  private async loop(outer: AbortSignal): Promise<void> {
    // One listener on the caller's signal; the informer waits, workers and timers hang on this one.
    const inner = new AbortController();
    setMaxListeners(0, inner.signal);
    const abort = (): void => inner.abort();
    if (outer.aborted) abort();
    else outer.addEventListener('abort', abort, { once: true });
    try {
      await this.loopWith(inner.signal);
    } finally {
      outer.removeEventListener('abort', abort);
    }
  }

  private async loopWith(signal: AbortSignal): Promise<void> {
    const own = !this.opts.informers;
    const factory = this.opts.informers ?? new InformerFactory(this.client);
    const used: SharedInformer<KubeObject>[] = [];
    const inf = <T extends KubeObject>(rt: ResourceType): SharedInformer<T> => {
      const i = factory.informer<T>(rt);
      used.push(i as unknown as SharedInformer<KubeObject>);
      return i;
    };
    const podInf = inf<Pod>(resources.pods);
    const nodeInf = inf<Node>(resources.nodes);
    const volumeStores = {
      claims: inf<PersistentVolumeClaim>(resources.persistentvolumeclaims).store,
      volumes: inf<PersistentVolume>(resources.persistentvolumes).store,
      classes: inf<StorageClass>(resources.storageclasses).store,
    };
    const view = new ClusterState(this.cache, {
      namespaces: inf<KubeObject>(resources.namespaces).store,
      priorityClasses: inf<PriorityClass>(resources.priorityclasses).store,
      services: inf<SelectingObject>(resources.services).store,
      replicaSets: inf<SelectingObject>(resources.replicasets).store,
      replicationControllers: inf<SelectingObject>(resources.replicationcontrollers).store,
      statefulSets: inf<SelectingObject>(resources.statefulsets).store,
    });
    const volumeBinding = new VolumeBindingPlugin(volumeStores);
    const algorithm = new Algorithm(defaultProfile(volumeBinding), view, this.opts.percentageOfNodesToScore !== undefined ? { percentageOfNodesToScore: this.opts.percentageOfNodesToScore } : {});
    const reporter = new Reporter(this.client, this.opts.events ?? new EventRecorder(this.client, DEFAULT_SCHEDULER_NAME));
    const ctx: CycleContext = {
      algorithm, reporter, view, podStore: podInf.store, signal,
      volumes: new VolumeBinder(this.client, volumeBinding, volumeStores, this.opts.volumeBindTimeoutMs !== undefined ? { timeoutMs: this.opts.volumeBindTimeoutMs } : {}),
      nodeStore: nodeInf.store,
      preemption: new Preemption(this.client, { cache: this.cache, algorithm, reporter, classes: view.priorityClasses }),
    };
    const deps = {
      cache: this.cache, queue: this.queue,
      podInfo: (pod: Pod) => new PodInfo(pod, resolvePriority(pod, view.priorityClasses)),
      responsible: (pod: Pod) => (pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === this.name,
    };
    const regs = [registerPodHandlers(podInf, deps), registerNodeHandlers(nodeInf, deps)];
    for (const rt of [resources.persistentvolumeclaims, resources.persistentvolumes, resources.storageclasses]) regs.push(registerMoveHandlers(inf(rt), this.queue, EVENTS.storageChange));
    regs.push(registerMoveHandlers(inf(resources.namespaces), this.queue, EVENTS.namespaceChange, true));
    if (own) factory.start(signal);
    try {
      await Promise.all(used.map((i) => i.waitForSync(signal)));
      await this.schedule(ctx, signal);
    } catch (err) {
      if (!signal.aborted) throw err;
    } finally {
      this.queue.close();
      for (const r of regs) r.remove();
      await Promise.allSettled([...this.binds]);
      if (own) await factory.stopped();
    }
  }

  private async schedule(ctx: CycleContext, signal: AbortSignal): Promise<void> {
    log.info(`scheduler ${this.name} started: ${this.cache.nodeCount} nodes, ${this.queue.stats().active} pods to schedule`);
    this.queue.run(signal);
    let slice = performance.now();
    for (;;) {
      const q = await this.queue.pop();
      if (!q || signal.aborted) break;
      this.scheduleOne(q, ctx);
      while (this.binds.size >= (this.opts.maxBindsInFlight ?? 64)) await Promise.race(this.binds);
      // Cycles are synchronous; let watches and bindings make progress between them.
      if (performance.now() - slice > 20) {
        await yieldToIo();
        slice = performance.now();
      }
    }
  }

  /** One pod: decide, then bind asynchronously or record the failure. */
  private scheduleOne(q: QueuedPod, ctx: CycleContext): void {
    const cached = ctx.podStore.get(q.info.key);
    if (!cached || cached.metadata.uid !== q.info.uid || cached.spec?.nodeName || cached.metadata.deletionTimestamp || this.cache.isAssumed(q.info.key)) {
      this.queue.done(q.info.key);
      return;
    }
    this.stats.attempts++;
    const pi = q.info;
    if (this.cache.nodeCount === 0) {
      this.stats.unschedulable++;
      this.queue.failed(q, new Set());
      this.reportFailure(ctx, pi, NO_NODES_MESSAGE, 'Unschedulable', '');
      return;
    }
    let outcome: ScheduleOutcome;
    try {
      outcome = ctx.algorithm.schedule(pi);
    } catch (err) {
      this.stats.errors++;
      this.queue.failed(q, 'error');
      log.error(`scheduling ${pi.key}: ${messageOf(err)}`);
      this.reportFailure(ctx, pi, messageOf(err), 'SchedulerError', undefined);
      return;
    }
    if (!outcome.ok) {
      this.stats.unschedulable++;
      this.queue.failed(q, outcome.diagnosis.unschedulablePlugins);
      const pre = ctx.preemption.postFilter(pi, outcome, ctx.signal);
      if (pre.message) outcome.diagnosis.postFilterMsg = pre.message;
      if (pre.nominatedNode !== undefined) this.cache.setNominated(pi, pre.nominatedNode);
      this.reportFailure(ctx, pi, fitErrorMessage(outcome.diagnosis, outcome.numAllNodes), 'Unschedulable', pre.nominatedNode);
      return;
    }
    this.cache.assume(pi, outcome.node);
    this.cache.setNominated(pi, '');
    const p = this.bind(pi, q, outcome, ctx).finally(() => this.binds.delete(p));
    this.binds.add(p);
  }

  private async bind(pi: PodInfo, q: QueuedPod, outcome: Extract<ScheduleOutcome, { ok: true }>, ctx: CycleContext): Promise<void> {
    const node = outcome.node;
    try {
      if (ctx.volumes.needed(outcome.state)) {
        const n = ctx.nodeStore.get(node);
        if (!n) throw new SchedulingError(`node "${node}" not found`);
        await ctx.volumes.preBind(outcome.state, n, ctx.signal);
      }
      await this.pods.writeSubresource(pi.name, 'binding', {
        namespace: pi.namespace, signal: ctx.signal,
        body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: pi.name, namespace: pi.namespace, uid: pi.uid }, target: { apiVersion: 'v1', kind: 'Node', name: node } },
      });
      this.stats.scheduled++;
      this.queue.done(pi.key);
      ctx.reporter.scheduled(pi.pod, node);
    } catch (err) {
      if (ctx.signal.aborted) return;
      this.stats.bindFailures++;
      this.cache.forget(pi.key);
      // The resources it held are free again: pods waiting for them may fit now.
      this.queue.moveOnEvent(EVENTS.assignedPodDelete);
      if (isNotFound(err) || !ctx.podStore.get(pi.key)) {
        this.queue.done(pi.key);
        return;
      }
      this.queue.failed(q, 'error');
      log.v(1, `binding ${pi.key} to ${node}: ${messageOf(err)}`);
      this.reportFailure(ctx, pi, `Binding rejected: ${messageOf(err)}`, 'SchedulerError', undefined);
    }
  }

  private reportFailure(ctx: CycleContext, pi: PodInfo, message: string, reason: 'Unschedulable' | 'SchedulerError', nominated: string | undefined): void {
    const pod = ctx.podStore.get(pi.key) ?? pi.pod;
    ctx.reporter.failedScheduling(pod, message);
    void ctx.reporter.setUnscheduled(pod, { reason, message, nominatedNodeName: nominated }, ctx.signal);
  }
}

interface CycleContext {
  readonly algorithm: Algorithm;
  readonly reporter: Reporter;
  readonly view: ClusterState;
  readonly podStore: SharedInformer<Pod>['store'];
  readonly nodeStore: SharedInformer<Node>['store'];
  readonly volumes: VolumeBinder;
  readonly preemption: Preemption;
  readonly signal: AbortSignal;
}
