/**
 * @module Lists for the generic store: from the datastore at one revision (consistent reads,
 * limit/continue chunking with kube-apiserver's tokens, an exact revision), or from the watch
 * cache for resourceVersion=0 (any state is acceptable; the limit is ignored, as upstream did).
 * Selectors filter while reading so a page holds `limit` matching items when there are that many.
 */
import { CompactedError } from '../../../datastore/backend.js';
import type { FieldSelector } from '../../../api/fields/selector.js';
import type { LabelSelector } from '../../../api/labels/selector.js';
import { cloneJson, type KubeObject } from '../../../api/meta/object.js';
import { StatusError, failure, statusErrors } from '../../../api/status.js';
import { CONTINUE_EXPIRED_MESSAGE, decodeContinue, encodeContinue, nextKeyAfter } from '../../storage/continue.js';
import { type SelectionFilter, attrsMatch, selectsAll } from '../../storage/filter.js';
import { listPrefix, objectKey } from '../../storage/keys.js';
import type { RequestContext } from '../rest/context.js';
import { interpretError } from './errors.js';
import type { Store } from './store.js';

export interface ListOptions {
  readonly labels: LabelSelector;
  /** Already checked against the resource's field label policy. */
  readonly fields: FieldSelector;
  readonly limit?: number;
  readonly continue?: string;
  readonly resourceVersion?: string;
  readonly resourceVersionMatch?: 'Exact' | 'NotOlderThan';
  /** The caller will not mutate the items (lets cached objects be shared). */
  readonly readOnly?: boolean;
}

export interface ListResult {
  readonly items: KubeObject[];
  readonly resourceVersion: string;
  readonly continue?: string;
  readonly remainingItemCount?: number;
}

/** The selection a list or watch in `ctx` with these selectors makes. */
export function selectionOf(ctx: RequestContext, o: { labels: LabelSelector; fields: FieldSelector }, namespaced: boolean): SelectionFilter {
  const name = o.fields.requiresExactMatch('metadata.name');
  const ns = namespaced ? ctx.namespace : '';
  return { labels: o.labels, fields: o.fields, ...(ns ? { namespace: ns } : {}), ...(name !== undefined ? { name } : {}) };
}

const CHUNK = 1000;

/** A store whose objects are computed at each request rather than stored (ComponentStatus). */
export interface ComputedList {
  computeAll(): Promise<KubeObject[]>;
}

const isComputed = (s: Store): s is Store & ComputedList => typeof (s as Partial<ComputedList>).computeAll === 'function';

export async function listObjects(store: Store, ctx: RequestContext, o: ListOptions): Promise<ListResult> {
  const filter = selectionOf(ctx, o, store.strategy.namespaced);
  if (isComputed(store)) {
    const items = (await store.computeAll()).filter((x) => (filter.name === undefined || x.metadata.name === filter.name) && attrsMatch(filter, store.attrs(x)));
    return { items, resourceVersion: String(await store.backend.currentRevision()) };
  }
  const rv = o.resourceVersion ?? '';
  if (o.continue && rv && rv !== '0') throw statusErrors.badRequest('specifying resource version is not allowed when using continue');
  if (rv === '0' && !o.continue && o.resourceVersionMatch !== 'Exact') {
    const cache = store.watchCache();
    await cache.ready();
    const r = cache.list(filter);
    return { items: o.readOnly ? r.items : r.items.map(cloneJson), resourceVersion: String(r.revision) };
  }
  try {
    let revision = 0;
    let start: string | undefined;
    if (o.continue) {
      const t = decodeContinue(o.continue);
      revision = t.rv > 0 ? t.rv : 0;
      start = `${store.prefix}/${t.start}`;
    } else if (rv) {
      const n = Number(rv);
      if (!Number.isInteger(n) || n < 0) throw statusErrors.badRequest(`invalid resource version: ${rv}`);
      revision = o.resourceVersionMatch === 'Exact' ? n : await store.atLeast(n);
    }
    if (filter.name !== undefined) return await getOne(store, filter, revision);
    return await readPages(store, filter, { revision, start, limit: o.limit ?? 0 });
  } catch (e) {
    if (e instanceof CompactedError && o.continue) {
      const t = decodeContinue(o.continue);
      const status = failure(410, 'Expired', CONTINUE_EXPIRED_MESSAGE);
      throw new StatusError({ ...status, metadata: { continue: encodeContinue({ rv: -1, start: t.start }) } });
    }
    throw interpretError(e, store.resource, '');
  }
}

async function getOne(store: Store, filter: SelectionFilter, revision: number): Promise<ListResult> {
  const key = objectKey(store.prefix, filter.namespace ?? '', filter.name ?? '');
  if (!store.strategy.namespaced || filter.namespace) {
    const r = await store.backend.get(key, revision ? { revision } : {});
    const items: KubeObject[] = [];
    if (r.kv) {
      const obj = store.codec.decode(r.kv);
      if (attrsMatch(filter, store.attrs(obj))) items.push(obj);
    }
    return { items, resourceVersion: String(r.revision) };
  }
  // A name across all namespaces: scan, matching the name first (cheap) before decoding.
  return readPages(store, filter, { revision, start: undefined, limit: 0 });
}

async function readPages(store: Store, filter: SelectionFilter, o: { revision: number; start: string | undefined; limit: number }): Promise<ListResult> {
  const prefix = listPrefix(store.prefix, filter.namespace);
  const items: KubeObject[] = [];
  let revision = o.revision;
  let startKey = o.start;
  const wantAll = o.limit <= 0;
  const plain = selectsAll(filter);
  let more = false;
  let lastKey = '';
  let remaining: number | undefined;
  for (;;) {
    const want = wantAll ? 0 : plain ? o.limit - items.length : Math.max(CHUNK, o.limit - items.length);
    const r = await store.backend.list(prefix, { ...(revision ? { revision } : {}), ...(startKey ? { startKey } : {}), ...(want ? { limit: want } : {}) });
    revision = r.revision;
    let i = 0;
    for (; i < r.items.length; i++) {
      const kv = r.items[i];
      if (!kv) continue;
      lastKey = kv.key;
      if (filter.name !== undefined && !kv.key.endsWith(`/${filter.name}`)) continue;
      const obj = store.codec.decode(kv);
      if (!plain && !attrsMatch(filter, store.attrs(obj))) continue;
      items.push(obj);
      if (!wantAll && items.length >= o.limit) {
        i++;
        break;
      }
    }
    more = r.more || i < r.items.length;
    if (plain && !wantAll) remaining = r.count - i;
    if (wantAll || !more || items.length >= o.limit) break;
    startKey = `${lastKey}\u0000`;
  }
  const result: { -readonly [K in keyof ListResult]?: ListResult[K] } = { items, resourceVersion: String(revision) };
  if (more && !wantAll) {
    result.continue = encodeContinue({ rv: revision, start: nextKeyAfter(`${store.prefix}/`, lastKey) });
    if (remaining !== undefined && remaining > 0) result.remainingItemCount = remaining;
  }
  return result as ListResult;
}
