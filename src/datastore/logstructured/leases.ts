/**
 * @module TTL expiry: a key written with a lease of N seconds is deleted N seconds after the
 * write was seen (kine's TTL loop does the same: Kubernetes Events carry a 1 h lease). The
 * delete is conditional on the key's modRevision, so a key rewritten meanwhile survives and
 * several servers racing to expire one key produce one delete. After a restart, leases count
 * again from the start (as in kine): a key lives at most one TTL longer.
 */
import { messageOf } from '../../base/errors.js';
import { logger } from '../../base/log.js';
import { DatastoreUnavailableError, RevisionMismatchError, type WatchEvent } from '../backend.js';

const log = logger('datastore');

interface Due {
  readonly at: number;
  readonly key: string;
  readonly revision: number;
}

/** Deletes `key` if its modRevision is still `revision`. */
export type ExpireFn = (key: string, revision: number) => Promise<void>;

export class LeaseReaper {
  private readonly heap: Due[] = [];
  /** key → modRevision of the leased write we expect to expire. */
  private readonly tracked = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private closed = false;

  constructor(private readonly expire: ExpireFn, private readonly now: () => number = Date.now) {}

  /** Starts the clock for a leased key seen now (at start, or in an event). */
  track(key: string, revision: number, leaseSeconds: number): void {
    if (leaseSeconds <= 0) { this.tracked.delete(key); return; }
    this.tracked.set(key, revision);
    // Rewritten keys leave stale entries behind; rebuild before they dominate the heap.
    if (this.heap.length > 2 * this.tracked.size + 1024) this.rebuild();
    this.push({ at: this.now() + leaseSeconds * 1000, key, revision });
    this.arm();
  }

  /** Follows the store's events (the hub calls this synchronously). */
  observe(events: readonly WatchEvent[]): void {
    for (const ev of events) {
      if (ev.type === 'delete') this.tracked.delete(ev.kv.key);
      else if (ev.kv.lease > 0) this.track(ev.kv.key, ev.kv.modRevision, ev.kv.lease);
      else if (this.tracked.size) this.tracked.delete(ev.kv.key);
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private arm(): void {
    const top = this.heap[0];
    if (this.closed || !top || top.at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = top.at;
    // setTimeout takes at most 2^31-1 ms; a longer lease just re-arms.
    this.timer = setTimeout(() => this.fire(), Math.min(Math.max(0, top.at - this.now()), 0x7fffffff));
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.now();
    while (this.heap.length && this.heap[0]!.at <= now) {
      const due = this.pop()!;
      if (this.tracked.get(due.key) !== due.revision) continue;
      void this.expire(due.key, due.revision).catch((err: unknown) => {
        if (err instanceof RevisionMismatchError) return;
        if (!(err instanceof DatastoreUnavailableError)) log.warn(`expiring ${due.key} failed: ${messageOf(err)}`);
        if (!this.closed && this.tracked.get(due.key) === due.revision) {
          this.push({ at: this.now() + 1000, key: due.key, revision: due.revision });
          this.arm();
        }
      });
    }
    this.arm();
  }

  private rebuild(): void {
    const keep = this.heap.filter((d) => this.tracked.get(d.key) === d.revision);
    this.heap.length = 0;
    for (const d of keep) this.push(d);
  }

  private push(d: Due): void {
    const h = this.heap;
    h.push(d);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent]!.at <= d.at) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = d;
  }

  private pop(): Due | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (!top || !last || h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i, best = last;
      if (l < h.length && h[l]!.at < best.at) { m = l; best = h[l]!; }
      if (r < h.length && h[r]!.at < best.at) { m = r; best = h[r]!; }
      if (m === i) break;
      h[i] = best;
      i = m;
    }
    h[i] = last;
    return top;
  }
}
