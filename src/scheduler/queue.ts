/**
 * @module The scheduling queue (kube-scheduler's PriorityQueue): an active heap ordered by
 * priority then age, a backoff area (1 s doubling to 10 s per failed attempt), and an
 * unschedulable area whose pods return when the cluster changes (or after 5 minutes).
 */
import type { Pod } from '../client/kinds/core.js';
import { objectKey } from '../client/types.js';

interface Entry {
  pod: Pod;
  readonly key: string;
  attempts: number;
  /** Arrival order (ordering among equal priorities). */
  readonly since: number;
  backoffUntil: number;
  unschedulableAt: number;
}

export interface QueueOptions {
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Unschedulable pods are retried at least this often (default 5 min). */
  readonly maxUnschedulableMs?: number;
}

const priorityOf = (p: Pod): number => p.spec?.priority ?? 0;

/** Pods waiting to be scheduled. Not thread-safe by design (Node is single-threaded). */
export class SchedulingQueue {
  private readonly heap: Entry[] = [];
  private readonly entries = new Map<string, Entry>();
  private readonly where = new Map<string, 'active' | 'backoff' | 'unschedulable' | 'inflight'>();
  private readonly waiters: ((e: Pod | undefined) => void)[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;
  private readonly initialBackoff: number;
  private readonly maxBackoff: number;
  private readonly maxUnschedulable: number;
  private flushTimer: NodeJS.Timeout | undefined;
  private seq = 0;

  constructor(opts: QueueOptions = {}) {
    this.initialBackoff = opts.initialBackoffMs ?? 1000;
    this.maxBackoff = opts.maxBackoffMs ?? 10_000;
    this.maxUnschedulable = opts.maxUnschedulableMs ?? 5 * 60_000;
  }

  /** Adds or refreshes a pod that needs a node. A pod already queued keeps its place. */
  add(pod: Pod): void {
    if (this.closed) return;
    const key = objectKey(pod);
    const e = this.entries.get(key);
    if (e) {
      e.pod = pod;
      // An update to an unschedulable pod may make it schedulable (new tolerations, smaller requests).
      if (this.where.get(key) === 'unschedulable') this.moveToActiveOrBackoff(e);
      return;
    }
    const entry: Entry = { pod, key, attempts: 0, since: this.seq++, backoffUntil: 0, unschedulableAt: 0 };
    this.entries.set(key, entry);
    this.pushActive(entry);
  }

  /** Forgets a pod (deleted, or bound by someone else). */
  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    const w = this.where.get(key);
    this.where.delete(key);
    const t = this.timers.get(key);
    if (t) { clearTimeout(t); this.timers.delete(key); }
    if (w === 'active') {
      const i = this.heap.indexOf(e);
      if (i >= 0) this.removeAt(i);
    }
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The next pod to schedule (highest priority, then oldest); waits while none is active. */
  pop(): Promise<Pod | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    const e = this.popActive();
    if (e) return Promise.resolve(e.pod);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Scheduling failed: the pod waits in the unschedulable area until the cluster changes. */
  unschedulable(pod: Pod): void {
    const e = this.requeueEntry(pod);
    if (!e) return;
    e.unschedulableAt = Date.now();
    this.where.set(e.key, 'unschedulable');
    this.ensureFlushTimer();
  }

  /** A transient error (a failed binding): retry after backoff. */
  backoff(pod: Pod): void {
    const e = this.requeueEntry(pod);
    if (!e) return;
    this.toBackoff(e);
  }

  /** The pod was bound: drop it. */
  done(key: string): void {
    this.delete(key);
  }

  /** A cluster event may have made unschedulable pods schedulable (MoveAllToActiveOrBackoffQueue). */
  moveAllUnschedulable(): void {
    for (const [key, w] of this.where) {
      if (w === 'unschedulable') {
        const e = this.entries.get(key);
        if (e) this.moveToActiveOrBackoff(e);
      }
    }
  }

  /** Pods per area, for metrics and tests. */
  counts(): { active: number; backoff: number; unschedulable: number } {
    let backoff = 0;
    let unschedulable = 0;
    for (const w of this.where.values()) {
      if (w === 'backoff') backoff++;
      else if (w === 'unschedulable') unschedulable++;
    }
    return { active: this.heap.length, backoff, unschedulable };
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    if (this.flushTimer) clearInterval(this.flushTimer);
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  private requeueEntry(pod: Pod): Entry | undefined {
    if (this.closed) return undefined;
    const key = objectKey(pod);
    const e = this.entries.get(key);
    if (!e || this.where.get(key) !== 'inflight') return undefined;
    e.pod = pod;
    e.attempts++;
    return e;
  }

  private moveToActiveOrBackoff(e: Entry): void {
    if (Date.now() < e.backoffUntil) this.toBackoff(e, e.backoffUntil - Date.now());
    else this.pushActive(e);
  }

  private toBackoff(e: Entry, ms?: number): void {
    const wait = ms ?? Math.min(this.maxBackoff, this.initialBackoff * 2 ** Math.max(0, e.attempts - 1));
    e.backoffUntil = Date.now() + wait;
    this.where.set(e.key, 'backoff');
    const t = setTimeout(() => {
      this.timers.delete(e.key);
      if (this.where.get(e.key) === 'backoff') this.pushActive(e);
    }, wait);
    this.timers.set(e.key, t);
  }

  private ensureFlushTimer(): void {
    if (this.flushTimer || this.closed) return;
    this.flushTimer = setInterval(() => {
      const now = Date.now();
      for (const [key, w] of this.where) {
        const e = this.entries.get(key);
        if (w === 'unschedulable' && e && now - e.unschedulableAt >= this.maxUnschedulable) this.moveToActiveOrBackoff(e);
      }
    }, Math.min(30_000, this.maxUnschedulable));
    this.flushTimer.unref();
  }

  private pushActive(e: Entry): void {
    const w = this.waiters.shift();
    if (w) {
      this.where.set(e.key, 'inflight');
      w(e.pod);
      return;
    }
    this.where.set(e.key, 'active');
    this.heap.push(e);
    this.up(this.heap.length - 1);
  }

  private popActive(): Entry | undefined {
    if (this.heap.length === 0) return undefined;
    const top = this.heap[0] as Entry;
    this.removeAt(0);
    this.where.set(top.key, 'inflight');
    return top;
  }

  private less(a: Entry, b: Entry): boolean {
    const pa = priorityOf(a.pod);
    const pb = priorityOf(b.pod);
    return pa !== pb ? pa > pb : a.since < b.since;
  }

  private removeAt(i: number): void {
    const last = this.heap.pop() as Entry;
    if (i === this.heap.length) return;
    this.heap[i] = last;
    this.up(i);
    this.down(i);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i] as Entry, h[p] as Entry)) break;
      [h[i], h[p]] = [h[p] as Entry, h[i] as Entry];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l] as Entry, h[m] as Entry)) m = l;
      if (r < h.length && this.less(h[r] as Entry, h[m] as Entry)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m] as Entry, h[i] as Entry];
      i = m;
    }
  }
}
