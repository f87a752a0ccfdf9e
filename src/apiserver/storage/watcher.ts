/**
 * @module One watch client of a watch cache: its selection, and the sink its events go to.
 * Converts each cache event the way kube-apiserver's cacher does when selectors are involved:
 * an object entering the selection is ADDED, one leaving it is DELETED (previous state, new
 * resourceVersion). The sink never blocks the cache: a false return cuts the client off.
 */
import type { KubeObject } from '../../api/meta/object.js';
import type { CacheEvent, EventType } from './cache-event.js';
import { type SelectionFilter, attrsMatch } from './filter.js';

/** Where a watcher's events go (an HTTP stream, an in-process queue). Called synchronously. */
export interface WatchSink {
  /** Delivers one event; `ev` is the shared cache event (absent for synthetic initial events). Return false when the consumer is too slow. */
  send(type: EventType, obj: KubeObject, ev: CacheEvent | undefined): boolean;
  /** A progress marker: every change up to `rev` has been delivered. Return false when too slow. */
  bookmark(rev: number, initialEventsEnd: boolean): boolean;
  /** The watch is over: `overflow` (too slow), `restart` (the cache re-listed; re-watch), `stopped`. */
  end(reason: 'overflow' | 'restart' | 'stopped'): void;
}

export class Watcher {
  /** Highest revision delivered (events or bookmarks). */
  lastRev: number;
  closed = false;
  private readonly nsPrefix: string | undefined;

  constructor(
    readonly filter: SelectionFilter,
    readonly sink: WatchSink,
    readonly bookmarks: boolean,
    startRev: number,
    /** `${prefix}/${ns}/` when the filter pins a namespace. */
    nsPrefix: string | undefined,
    private readonly onClose: (w: Watcher) => void,
  ) {
    this.lastRev = startRev;
    this.nsPrefix = nsPrefix;
  }

  /** Offers a cache event; returns false if the watcher had to be closed. */
  offer(ev: CacheEvent): boolean {
    if (this.closed || ev.rev <= this.lastRev) return true;
    if (this.nsPrefix !== undefined && !ev.key.startsWith(this.nsPrefix)) return true;
    const f = this.filter;
    if (f.name !== undefined && ev.obj.metadata.name !== f.name) return true;
    let type: EventType | undefined;
    let obj = ev.obj;
    if (ev.type === 'DELETED') {
      if (attrsMatch(f, ev.prev?.attrs ?? ev.attrs)) type = 'DELETED';
    } else {
      const cur = attrsMatch(f, ev.attrs);
      const old = ev.prev !== undefined && attrsMatch(f, ev.prev.attrs);
      if (cur) type = old ? 'MODIFIED' : 'ADDED';
      else if (old) {
        type = 'DELETED';
        obj = ev.prevAtThisRevision();
      }
    }
    if (type === undefined) return true;
    this.lastRev = ev.rev;
    if (!this.sink.send(type, obj, ev)) {
      this.close('overflow');
      return false;
    }
    return true;
  }

  /** Sends a bookmark at `rev` if the client asked for them. */
  bookmark(rev: number): void {
    if (this.closed || !this.bookmarks || rev < this.lastRev) return;
    this.lastRev = rev;
    if (!this.sink.bookmark(rev, false)) this.close('overflow');
  }

  close(reason: 'overflow' | 'restart' | 'stopped'): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
    this.sink.end(reason);
  }
}
