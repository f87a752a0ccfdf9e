/**
 * @module The controller work queue (client-go's workqueue): FIFO with deduplication (an item
 * queued twice is processed once), a "processing" set so one item is never handled by two
 * workers at once (re-adds while processing run again after `done`), delayed and rate-limited
 * adds, and shutdown (optionally draining in-flight work).
 */
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiter.js';

/** A rate-limited, deduplicating work queue of keys. */
export class WorkQueue<K = string> {
  private items: K[] = [];
  private head = 0;
  private readonly dirty = new Set<K>();
  private readonly processing = new Set<K>();
  private readonly waiters: ((item: K | undefined) => void)[] = [];
  private readonly delayed = new Map<K, { at: number; timer: NodeJS.Timeout }>();
  private shutting = false;
  private drained: (() => void)[] = [];

  constructor(private readonly limiter: RateLimiter<K> = defaultControllerRateLimiter<K>()) {}

  /** Queues `item` unless it is already queued; an item being processed is queued again after `done`. */
  add(item: K): void {
    if (this.shutting || this.dirty.has(item)) return;
    this.dirty.add(item);
    if (this.processing.has(item)) return;
    this.push(item);
  }

  /** Queues `item` after `ms` (at once when ms ≤ 0); an earlier pending time wins. */
  addAfter(item: K, ms: number): void {
    if (this.shutting) return;
    if (ms <= 0) {
      this.add(item);
      return;
    }
    const at = Date.now() + ms;
    const pending = this.delayed.get(item);
    if (pending && pending.at <= at) return;
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      this.delayed.delete(item);
      this.add(item);
    }, ms);
    this.delayed.set(item, { at, timer });
  }

  /** Queues `item` after the rate limiter's delay for it (counts a failure). */
  addRateLimited(item: K): void {
    this.addAfter(item, this.limiter.when(item));
  }

  /** Clears the item's failure count (call after it was handled successfully). */
  forget(item: K): void {
    this.limiter.forget(item);
  }

  numRequeues(item: K): number {
    return this.limiter.retries(item);
  }

  /**
   * The next item, marked as processing until `done(item)`. Waits while the queue is empty;
   * resolves undefined once the queue shuts down.
   */
  get(): Promise<K | undefined> {
    if (this.len() > 0) return Promise.resolve(this.take());
    if (this.shutting) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Ends processing of `item`; if it was added meanwhile, it is queued again. */
  done(item: K): void {
    this.processing.delete(item);
    if (this.dirty.has(item) && !this.shutting) this.push(item);
    if (this.processing.size === 0 && this.drained.length) {
      const d = this.drained;
      this.drained = [];
      for (const f of d) f();
    }
  }

  /** Items waiting to be taken (not counting delayed or processing ones). */
  len(): number {
    return this.items.length - this.head;
  }

  get processingCount(): number {
    return this.processing.size;
  }

  get isShuttingDown(): boolean {
    return this.shutting;
  }

  /** Stops accepting items; waiting and future `get` calls resolve undefined. */
  shutDown(): void {
    if (this.shutting) return;
    this.shutting = true;
    for (const { timer } of this.delayed.values()) clearTimeout(timer);
    this.delayed.clear();
    this.items = [];
    this.head = 0;
    this.dirty.clear();
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  /** Shuts down and resolves when every item being processed is done. */
  shutDownWithDrain(): Promise<void> {
    this.shutDown();
    if (this.processing.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private push(item: K): void {
    const w = this.waiters.shift();
    if (w) {
      this.dirty.delete(item);
      this.processing.add(item);
      w(item);
      return;
    }
    this.items.push(item);
  }

  private take(): K {
    const item = this.items[this.head] as K;
    this.head++;
    // Compact now and then so a long-lived queue does not keep a growing dead prefix.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.dirty.delete(item);
    this.processing.add(item);
    return item;
  }
}
