/**
 * @module The watch cache of one resource: one datastore watch on the resource's prefix feeds an
 * in-memory copy of every object and a bounded history of recent events, which fans out to every
 * watch client (kube-apiserver's cacher). Lists with resourceVersion=0 are served from it. A
 * watch from a revision older than the history gets `tooOld` (the caller falls back to the
 * datastore or answers 410). Started lazily by its owner; restarts itself if the datastore
 * watch breaks, ending every client watch so that clients re-watch.
 */
import type { Backend, KeyValue, WatchEvent } from '../../datastore/backend.js';
import type { KubeObject } from '../../api/meta/object.js';
import { logger } from '../../base/log.js';
import { type CachedEntry, CacheEvent } from './cache-event.js';
import { type ObjectCodec, jsonCodec } from './codec.js';
import { type ObjectAttrs, type SelectionFilter, attrsMatch } from './filter.js';
import { type WatchSink, Watcher } from './watcher.js';

export interface WatchCacheOptions {
  /** Labels and selectable fields of an object (from the resource's strategy). */
  readonly attrs: (obj: KubeObject) => ObjectAttrs;
  /** Events kept for resuming watches (default 10,000). */
  readonly historyLimit?: number;
  /** Interval of bookmarks to watchers that asked for them (default 30 s). */
  readonly bookmarkIntervalMs?: number;
  /** How stored values decode (default JSON). */
  readonly codec?: ObjectCodec;
  /** Keys are `<prefix><namespace>/<name>` (default) rather than `<prefix><name>`. */
  readonly namespaced?: boolean;
}

export interface WatchRequest {
  /** Resume after this revision; undefined or 0: start with the current state as ADDED events. */
  readonly from: number | undefined;
  readonly filter: SelectionFilter;
  readonly sink: WatchSink;
  readonly allowBookmarks: boolean;
  /** Send the current state first, then an initial-events-end bookmark (WatchList). */
  readonly sendInitialEvents: boolean;
}

export type WatchResult = { readonly watcher: Watcher } | { readonly tooOld: true; readonly oldest: number };

const PAGE = 5000;
const log = logger('watch-cache');

export class WatchCache {
  private readonly store = new Map<string, CachedEntry>();
  private sortedKeys: string[] | undefined;
  private history: CacheEvent[] = [];
  /** Every event after this revision is in `history`. */
  private historyStart = 0;
  /** The newest revision this cache has applied. */
  private rev = 0;
  private readonly watchers = new Set<Watcher>();
  private readonly abort = new AbortController();
  private readyPromise: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly historyLimit: number;
  private readonly codec: ObjectCodec;
  private readonly namespaced: boolean;

  constructor(private readonly backend: Backend, readonly prefix: string, private readonly opts: WatchCacheOptions) {
    this.historyLimit = opts.historyLimit ?? 10_000;
    this.codec = opts.codec ?? jsonCodec;
    this.namespaced = opts.namespaced ?? true;
  }

  /** Starts the cache once; resolves when the initial list is loaded. */
  ready(): Promise<void> {
    if (!this.readyPromise) {
      this.readyPromise = this.load();
      this.readyPromise.catch(() => { this.readyPromise = undefined; });
      this.timer = setInterval(() => this.bookmarkAll(), this.opts.bookmarkIntervalMs ?? 30_000);
      this.timer.unref();
    }
    return this.readyPromise;
  }

  /** The newest revision applied. */
  get revision(): number {
    return this.rev;
  }

  get watcherCount(): number {
    return this.watchers.size;
  }

  private async load(): Promise<void> {
    this.store.clear();
    this.sortedKeys = undefined;
    this.history = [];
    let rev = 0;
    let startKey: string | undefined;
    for (;;) {
      const r = await this.backend.list(this.prefix, { limit: PAGE, ...(rev ? { revision: rev } : {}), ...(startKey ? { startKey } : {}) });
      rev = r.revision;
      for (const kv of r.items) this.put(kv);
      const last = r.items[r.items.length - 1];
      if (!r.more || !last) break;
      startKey = `${last.key}\u0000`;
    }
    this.rev = rev;
    this.historyStart = rev;
    void this.follow(rev + 1);
  }

  private put(kv: KeyValue): CachedEntry | undefined {
    let obj: KubeObject;
    try {
      obj = this.codec.decode(kv);
    } catch (e) {
      log.error(`skipping undecodable object at ${kv.key}: ${String(e)}`);
      return undefined;
    }
    const entry: CachedEntry = { key: kv.key, obj, rev: kv.modRevision, attrs: this.opts.attrs(obj) };
    if (!this.store.has(kv.key)) this.sortedKeys = undefined;
    this.store.set(kv.key, entry);
    return entry;
  }

  private async follow(from: number): Promise<void> {
    try {
      for await (const batch of this.backend.watch(this.prefix, { fromRevision: from, signal: this.abort.signal })) {
        this.apply(batch);
      }
    } catch (e) {
      if (this.abort.signal.aborted) return;
      log.warn(`datastore watch on ${this.prefix} ended, re-listing: ${String(e)}`);
    }
    if (this.abort.signal.aborted) return;
    // Re-list from scratch; clients must re-watch (they resume from their last revision).
    for (const w of [...this.watchers]) w.close('restart');
    this.readyPromise = this.load();
    this.readyPromise.catch((e: unknown) => log.error(`re-list of ${this.prefix} failed: ${String(e)}`));
  }

  private apply(batch: readonly WatchEvent[]): void {
    for (const e of batch) {
      const rev = e.kv.modRevision;
      if (rev <= this.rev) continue;
      const prev = this.store.get(e.kv.key);
      let ev: CacheEvent;
      if (e.type === 'put') {
        const entry = this.put(e.kv);
        this.rev = rev;
        if (!entry) continue;
        ev = new CacheEvent(prev ? 'MODIFIED' : 'ADDED', rev, entry.key, entry.obj, entry.attrs, prev);
      } else {
        this.rev = rev;
        if (!prev) continue;
        this.store.delete(e.kv.key);
        this.sortedKeys = undefined;
        let obj: KubeObject;
        try {
          obj = this.codec.decode(e.kv);
        } catch {
          obj = { ...prev.obj, metadata: { ...prev.obj.metadata, resourceVersion: String(rev) } };
        }
        ev = new CacheEvent('DELETED', rev, e.kv.key, obj, prev.attrs, prev);
      }
      this.history.push(ev);
      if (this.history.length > this.historyLimit) {
        const drop = this.history.length - this.historyLimit;
        this.historyStart = this.history[drop - 1]?.rev ?? this.historyStart;
        this.history = this.history.slice(drop);
      }
      for (const w of this.watchers) w.offer(ev);
    }
  }

  /**
   * The cached entry at `key` (object and revision, shared: do not mutate), or undefined; it may
   * lag the datastore, so writes based on it must be conditional on its revision.
   */
  entry(key: string): CachedEntry | undefined {
    return this.store.get(key);
  }

  /** The cached object at `key` (shared: do not mutate). Call after ready(). */
  get(key: string): KubeObject | undefined {
    return this.store.get(key)?.obj;
  }

  /** Current objects matching `filter`, in key order, with the cache revision. Call after ready(). */
  list(filter: SelectionFilter): { items: KubeObject[]; revision: number } {
    const items: KubeObject[] = [];
    if (filter.name !== undefined && (filter.namespace || !this.namespaced)) {
      // One name in one namespace (or cluster-scoped): a point read.
      const e = this.store.get(`${this.prefix}${filter.namespace ? `${filter.namespace}/` : ''}${filter.name}`);
      if (e && attrsMatch(filter, e.attrs)) items.push(e.obj);
      return { items, revision: this.rev };
    }
    if (filter.name !== undefined) {
      for (const e of this.store.values()) {
        if (e.obj.metadata.name === filter.name && (!filter.namespace || e.obj.metadata.namespace === filter.namespace) && attrsMatch(filter, e.attrs)) items.push(e.obj);
      }
      return { items, revision: this.rev };
    }
    this.sortedKeys ??= [...this.store.keys()].sort();
    const nsPrefix = filter.namespace ? `${this.prefix}${filter.namespace}/` : undefined;
    for (const k of this.sortedKeys) {
      if (nsPrefix !== undefined && !k.startsWith(nsPrefix)) continue;
      const e = this.store.get(k);
      if (e && attrsMatch(filter, e.attrs)) items.push(e.obj);
    }
    return { items, revision: this.rev };
  }

  /** Registers a watch client. Call after ready(). */
  watch(req: WatchRequest): WatchResult {
    const nsPrefix = req.filter.namespace ? `${this.prefix}${req.filter.namespace}/` : undefined;
    const initial = req.from === undefined || req.from === 0 || req.sendInitialEvents;
    if (!initial && (req.from ?? 0) < this.historyStart) return { tooOld: true, oldest: this.historyStart };
    const w = new Watcher(req.filter, req.sink, req.allowBookmarks, initial ? this.rev : (req.from ?? 0), nsPrefix,
      (x) => this.watchers.delete(x));
    if (initial) {
      // Synthetic ADDED events for the current state, as of this cache's revision.
      for (const obj of this.list(req.filter).items) {
        if (!req.sink.send('ADDED', obj, undefined)) {
          w.close('overflow');
          return { watcher: w };
        }
      }
      if (req.sendInitialEvents && req.allowBookmarks && !req.sink.bookmark(this.rev, true)) {
        w.close('overflow');
        return { watcher: w };
      }
    } else {
      let i = this.firstAfter(req.from ?? 0);
      for (; i < this.history.length && !w.closed; i++) w.offer(this.history[i] as CacheEvent);
    }
    if (!w.closed) this.watchers.add(w);
    return { watcher: w };
  }

  private firstAfter(rev: number): number {
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.history[mid] as CacheEvent).rev <= rev) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Sends a bookmark at the cache revision to every watcher that asked for bookmarks. */
  bookmarkAll(): void {
    for (const w of [...this.watchers]) w.bookmark(this.rev);
  }

  /** Stops the datastore watch and ends every client watch. */
  stop(): void {
    this.abort.abort();
    if (this.timer) clearInterval(this.timer);
    for (const w of [...this.watchers]) w.close('stopped');
  }
}
