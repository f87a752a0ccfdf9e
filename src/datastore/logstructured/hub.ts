/**
 * @module The watch hub: a bounded window of the newest events (every key, revision order,
 * contiguous) that watchers read with their own cursor. Nothing is queued per watcher, so a
 * slow watcher costs nothing; one that falls out of the window is told to re-list
 * (kine drops a slow subscriber the same way; see watcher.ts).
 */
import type { WatchEvent } from '../backend.js';
import { eventRevision } from './log.js';

export interface HubOptions {
  /** Events kept in the window. */
  readonly windowEvents: number;
  /** Approximate bytes of values kept in the window. */
  readonly windowBytes: number;
}

export type HubListener = (events: readonly WatchEvent[]) => void;

function eventBytes(ev: WatchEvent): number {
  return ev.kv.value.length + (ev.prev ? ev.prev.value.length : 0) + ev.kv.key.length + 64;
}

export class Hub {
  private events: WatchEvent[] = [];
  private offset = 0;
  private bytes = 0;
  private wake!: () => void;
  private changedP!: Promise<void>;
  private readonly listeners = new Set<HubListener>();
  /** Bumped when the window restarts after a hole; watchers of an older epoch must re-list. */
  epoch = 0;
  closed = false;

  /** @param head the newest revision already in the log; the next event published is head + 1. */
  constructor(public head: number, private readonly opts: HubOptions) {
    this.arm();
  }

  private arm(): void {
    this.changedP = new Promise<void>((resolve) => { this.wake = resolve; });
  }

  /** The oldest revision still in the window (head + 1 when it is empty). */
  get first(): number {
    return this.head + 1 - (this.events.length - this.offset);
  }

  /** Resolves at the next publish, restart or close. */
  changed(): Promise<void> {
    return this.changedP;
  }

  /** Calls `fn` synchronously with every published batch (the TTL reaper uses it). */
  listen(fn: HubListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Appends events that continue the sequence. Events at or below head are skipped (a poll
   * and a local commit may deliver the same ones); returns false if the rest do not start at
   * head + 1 (a hole: the caller must fetch what is missing first).
   */
  publish(batch: readonly WatchEvent[]): boolean {
    let i = 0;
    while (i < batch.length && eventRevision(batch[i]!) <= this.head) i++;
    if (i === batch.length) return true;
    if (eventRevision(batch[i]!) !== this.head + 1) return false;
    const fresh = i === 0 ? batch : batch.slice(i);
    for (const ev of fresh) {
      if (eventRevision(ev) !== this.head + 1) return false;
      this.events.push(ev);
      this.bytes += eventBytes(ev);
      this.head++;
    }
    this.trim();
    for (const fn of this.listeners) fn(fresh);
    this.signal();
    return true;
  }

  /** Events from `revision` on (at most `max`), or undefined if `revision` left the window. */
  since(revision: number, max: number): WatchEvent[] | undefined {
    const first = this.first;
    if (revision < first) return undefined;
    const start = this.offset + (revision - first);
    return this.events.slice(start, Math.min(start + max, this.events.length));
  }

  /** Starts over at `head` after a hole that cannot be filled; current watchers must re-list. */
  restart(head: number): void {
    this.events = [];
    this.offset = 0;
    this.bytes = 0;
    this.head = head;
    this.epoch++;
    this.signal();
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.signal();
  }

  private signal(): void {
    const wake = this.wake;
    this.arm();
    wake();
  }

  private trim(): void {
    const { windowEvents, windowBytes } = this.opts;
    while (this.events.length - this.offset > 1
      && (this.events.length - this.offset > windowEvents || this.bytes > windowBytes)) {
      this.bytes -= eventBytes(this.events[this.offset]!);
      this.offset++;
    }
    // Shift the array now and then rather than on every trim: O(1) amortised.
    if (this.offset > 1024 && this.offset * 2 > this.events.length) {
      this.events = this.events.slice(this.offset);
      this.offset = 0;
    }
  }
}
