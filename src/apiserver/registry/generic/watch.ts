/**
 * @module Watches for the generic store: served by the resource's watch cache; a resume point
 * older than the cache's history falls back to a datastore watch from that revision (the
 * datastore still has it), and one older than compaction is 410 Expired.
 */
import { CompactedError, type WatchEvent } from '../../../datastore/backend.js';
import type { FieldSelector } from '../../../api/fields/selector.js';
import type { LabelSelector } from '../../../api/labels/selector.js';
import { statusErrors } from '../../../api/status.js';
import { CacheEvent } from '../../storage/cache-event.js';
import { listPrefix } from '../../storage/keys.js';
import { type WatchSink, Watcher } from '../../storage/watcher.js';
import type { RequestContext } from '../rest/context.js';
import { interpretError } from './errors.js';
import { selectionOf } from './list.js';
import type { Store } from './store.js';

export interface WatchOptions {
  readonly labels: LabelSelector;
  readonly fields: FieldSelector;
  /** '' or undefined: current state first; '0': any state first; N: changes after N. */
  readonly resourceVersion?: string;
  readonly allowBookmarks: boolean;
  readonly sendInitialEvents: boolean;
}

export interface WatchHandle {
  /** Ends the watch (the sink's end() is called with 'stopped'). */
  stop(): void;
  /** Sends a bookmark now, if the client asked for bookmarks. */
  bookmark(): void;
}

/** Starts a watch; events go to `sink` until it returns false or stop() is called. */
export async function watchObjects(store: Store, ctx: RequestContext, o: WatchOptions, sink: WatchSink): Promise<WatchHandle> {
  const filter = selectionOf(ctx, o, store.strategy.namespaced);
  const rv = o.resourceVersion ?? '';
  let from: number | undefined;
  if (rv !== '') {
    from = Number(rv);
    if (!Number.isInteger(from) || from < 0) throw statusErrors.badRequest(`invalid resource version: ${rv}`);
  }
  const cache = store.watchCache();
  try {
    await cache.ready();
  } catch (e) {
    throw interpretError(e, store.resource, '');
  }
  const r = cache.watch({ from, filter, sink, allowBookmarks: o.allowBookmarks, sendInitialEvents: o.sendInitialEvents });
  if ('watcher' in r) return { stop: () => r.watcher.close('stopped'), bookmark: () => r.watcher.bookmark(Math.max(cache.revision, r.watcher.lastRev)) };
  const compacted = await store.backend.compactRevision();
  if ((from ?? 0) < compacted) throw statusErrors.expired(`too old resource version: ${from ?? 0} (${compacted})`);
  return directWatch(store, from ?? 0, filter, sink, o.allowBookmarks);
}

/** A datastore watch for one client, for resume points the cache no longer holds. */
function directWatch(store: Store, from: number, filter: ReturnType<typeof selectionOf>, sink: WatchSink, bookmarks: boolean): WatchHandle {
  const abort = new AbortController();
  const nsPrefix = filter.namespace ? listPrefix(store.prefix, filter.namespace) : undefined;
  const w = new Watcher(filter, sink, bookmarks, from, nsPrefix, () => abort.abort());
  const stream = store.backend.watch(listPrefix(store.prefix, filter.namespace), { fromRevision: from + 1, signal: abort.signal });
  void (async () => {
    try {
      for await (const batch of stream) {
        for (const e of batch) {
          const ev = toCacheEvent(store, e);
          if (ev && !w.offer(ev)) return;
        }
      }
      w.close('stopped');
    } catch (e) {
      if (abort.signal.aborted) return;
      // Compaction overtook the client: it must list again; any other failure ends the stream.
      w.close(e instanceof CompactedError ? 'restart' : 'overflow');
    }
  })();
  return { stop: () => w.close('stopped'), bookmark: () => w.bookmark(w.lastRev) };
}

function toCacheEvent(store: Store, e: WatchEvent): CacheEvent | undefined {
  try {
    const obj = store.codec.decode(e.kv);
    const attrs = store.attrs(obj);
    const prevObj = e.prev ? store.codec.decode(e.prev) : undefined;
    const prev = prevObj && e.prev ? { key: e.prev.key, obj: prevObj, rev: e.prev.modRevision, attrs: store.attrs(prevObj) } : undefined;
    const type = e.type === 'delete' ? 'DELETED' : prev ? 'MODIFIED' : 'ADDED';
    return new CacheEvent(type, e.kv.modRevision, e.kv.key, obj, attrs, prev);
  } catch {
    return undefined;
  }
}
