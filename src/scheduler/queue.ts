/**
 * @module The scheduling queue (kube-scheduler's PriorityQueue): an active heap (higher
 * priority first, then the earliest queued), a backoff heap (pods that failed wait 1 s doubling
 * to 10 s), and the unschedulable pods, which stay put until a cluster event one of the plugins
 * that rejected them cares about (node added, pod deleted, ...) moves them, or five minutes pass.
 * Pods with scheduling gates wait in the unschedulable set until the gates are removed.
 */
import { KeyedHeap } from './heap.js';
import type { PodInfo } from './pod-info.js';

/** A pod in the queue with its scheduling history. */
export interface QueuedPod {
  info: PodInfo;
  /** When the pod (re)entered the queue: the tie-breaker after priority. */
  timestamp: number;
  attempts: number;
  /** Plugins that rejected the pod at its last attempt; empty after an error. */
  unschedulablePlugins: ReadonlySet<string>;
  backoffExpiry: number;
  /** Has scheduling gates: never popped until they are gone. */
  gated: boolean;
}

/** A cluster change and the plugins whose verdicts it can change ('*': all). */
export interface ClusterEvent {
  readonly label: string;
  readonly plugins: ReadonlySet<string> | '*';
}

export interface QueueOptions {
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Unschedulable pods are retried at least this often (default 5 minutes). */
  readonly maxUnschedulableMs?: number;
  readonly now?: () => number;
}

const gatedOf = (pi: PodInfo): boolean => (pi.pod.spec?.schedulingGates ?? []).length > 0;

export class SchedulingQueue {
  private readonly active: KeyedHeap<QueuedPod>;
  private readonly backoff: KeyedHeap<QueuedPod>;
  private readonly unschedulable = new Map<string, QueuedPod>();
  /** Pods popped and not yet back in the queue (being scheduled or bound). */
  private readonly inFlight = new Map<string, QueuedPod>();
  private waiters: (() => void)[] = [];
  private closed = false;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly maxUnschedulableMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;

  constructor(opts: QueueOptions = {}) {
    this.initialMs = opts.initialBackoffMs ?? 1000;
    this.maxMs = opts.maxBackoffMs ?? 10_000;
    this.maxUnschedulableMs = opts.maxUnschedulableMs ?? 5 * 60_000;
    this.now = opts.now ?? Date.now;
    const key = (q: QueuedPod): string => q.info.key;
    this.active = new KeyedHeap(key, (a, b) => a.info.priority > b.info.priority || (a.info.priority === b.info.priority && a.timestamp < b.timestamp));
    this.backoff = new KeyedHeap(key, (a, b) => a.backoffExpiry < b.backoffExpiry);
  }

  /** Starts the periodic flushes (backoff every second, leftovers every 30 s). */
  run(signal: AbortSignal): void {
    let ticks = 0;
    this.timer = setInterval(() => {
      this.flushBackoff();
      if (++ticks % 30 === 0) this.flushUnschedulableLeftover();
    }, 1000);
    this.timer.unref();
    signal.addEventListener('abort', () => this.close(), { once: true });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const w of this.waiters.splice(0)) w();
  }

  /** A new unassigned pod (informer add). */
  add(pi: PodInfo): void {
    const q: QueuedPod = { info: pi, timestamp: this.now(), attempts: 0, unschedulablePlugins: new Set(), backoffExpiry: 0, gated: gatedOf(pi) };
    this.remove(pi.key);
    if (q.gated) this.unschedulable.set(pi.key, q);
    else this.pushActive(q);
  }

  /**
   * An unassigned pod changed. A spec (or label) change may make it schedulable: it moves to
   * the active queue (or backoff while backing off); a status-only change just refreshes it.
   */
  update(pi: PodInfo, specChanged: boolean): void {
    const key = pi.key;
    const fl = this.inFlight.get(key);
    if (fl) {
      fl.info = pi;
      return;
    }
    const inActive = this.active.get(key) ?? this.backoff.get(key);
    if (inActive) {
      inActive.info = pi;
      inActive.gated = gatedOf(pi);
      if (this.active.has(key)) this.active.push(inActive);
      return;
    }
    const u = this.unschedulable.get(key);
    if (!u) {
      this.add(pi);
      return;
    }
    u.info = pi;
    const wasGated = u.gated;
    u.gated = gatedOf(pi);
    if (u.gated || (!specChanged && !wasGated)) return;
    this.unschedulable.delete(key);
    this.requeue(u);
  }

  /** Forgets a pod (deleted, or bound by someone else). */
  remove(key: string): void {
    this.active.delete(key);
    this.backoff.delete(key);
    this.unschedulable.delete(key);
    this.inFlight.delete(key);
  }

  /** Resolves with the next pod to schedule, or undefined once closed. */
  async pop(): Promise<QueuedPod | undefined> {
    for (;;) {
      if (this.closed) return undefined;
      const q = this.active.pop();
      if (q) {
        q.attempts++;
        this.inFlight.set(q.info.key, q);
        return q;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The pod was bound (or given up on): it leaves the queue's bookkeeping. */
  done(key: string): void {
    this.inFlight.delete(key);
  }

  /**
   * A popped pod failed. Rejected (a set of plugins, possibly empty): it waits among the
   * unschedulable pods for an event those plugins care about (any event when empty). An
   * error: it retries after its backoff.
   */
  failed(q: QueuedPod, plugins: ReadonlySet<string> | 'error'): void {
    const key = q.info.key;
    if (!this.inFlight.has(key)) return;
    this.inFlight.delete(key);
    q.backoffExpiry = this.now() + this.backoffMs(q.attempts);
    q.timestamp = this.now();
    if (plugins === 'error') {
      q.unschedulablePlugins = new Set();
      this.backoff.push(q);
      return;
    }
    q.unschedulablePlugins = plugins;
    this.unschedulable.set(key, q);
  }

  /** Moves unschedulable pods the event may help to the active (or backoff) queue. */
  moveOnEvent(ev: ClusterEvent): void {
    for (const [key, q] of this.unschedulable) {
      if (q.gated) continue;
      if (ev.plugins !== '*' && q.unschedulablePlugins.size > 0 && ![...q.unschedulablePlugins].some((p) => (ev.plugins as ReadonlySet<string>).has(p))) continue;
      this.unschedulable.delete(key);
      this.requeue(q);
    }
  }

  /** Sizes for metrics and tests. */
  stats(): { active: number; backoff: number; unschedulable: number; inFlight: number } {
    return { active: this.active.size, backoff: this.backoff.size, unschedulable: this.unschedulable.size, inFlight: this.inFlight.size };
  }

  has(key: string): boolean {
    return this.active.has(key) || this.backoff.has(key) || this.unschedulable.has(key) || this.inFlight.has(key);
  }

  private requeue(q: QueuedPod): void {
    if (q.backoffExpiry > this.now()) this.backoff.push(q);
    else this.pushActive(q);
  }

  private pushActive(q: QueuedPod): void {
    this.active.push(q);
    const w = this.waiters.shift();
    if (w) w();
  }

  private backoffMs(attempts: number): number {
    let d = this.initialMs;
    for (let i = 1; i < attempts && d < this.maxMs; i++) d *= 2;
    return Math.min(d, this.maxMs);
  }

  /** Moves pods whose backoff expired to the active queue. */
  flushBackoff(): void {
    const now = this.now();
    for (let q = this.backoff.peek(); q && q.backoffExpiry <= now; q = this.backoff.peek()) {
      this.backoff.pop();
      this.pushActive(q);
    }
  }

  /** Retries pods that stayed unschedulable longer than the maximum. */
  flushUnschedulableLeftover(): void {
    const now = this.now();
    for (const [key, q] of this.unschedulable) {
      if (q.gated || now - q.timestamp < this.maxUnschedulableMs) continue;
      this.unschedulable.delete(key);
      this.requeue(q);
    }
  }
}
