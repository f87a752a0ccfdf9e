/**
 * @module A read-only view of one resource for the security layer (RBAC, the Node authorizer,
 * token authenticators, admission plugins): point reads and per-namespace lists served from the
 * resource's watch cache, like the informers kube-apiserver's authorizers use, with a datastore
 * read when the cache has not seen an object yet (an object created a moment ago).
 */
import type { KubeObject } from '../../api/meta/object.js';
import { StatusError } from '../../api/status.js';
import type { Store } from '../registry/generic/store.js';
import { systemContext } from '../registry/rest/context.js';
import type { ResourceRegistry } from '../registry/resources.js';
import { EVERYTHING } from '../storage/filter.js';
import { objectKey } from '../storage/keys.js';

export class ObjectView {
  private memo = new Map<string, readonly KubeObject[]>();
  private memoRev = -1;
  private memoAll: readonly KubeObject[] | undefined;

  constructor(readonly store: Store) {}

  /** The view of `group/version/plural` in `registry`, or undefined when it is not served. */
  static of(registry: ResourceRegistry, group: string, version: string, plural: string): ObjectView | undefined {
    const served = registry.get(group, version, plural);
    return served ? new ObjectView(served.store) : undefined;
  }

  /** Starts the watch cache; resolves once it holds the current objects. */
  ready(): Promise<void> {
    return this.store.watchCache().ready();
  }

  /** Changes whenever the cache applies an event (a key for memoizing derived data). */
  get revision(): number {
    return this.store.cacheStarted ? this.store.watchCache().revision : -1;
  }

  /** The cached object (shared: do not mutate), or undefined. Synchronous; call after ready(). */
  cached(namespace: string, name: string): KubeObject | undefined {
    if (!this.store.cacheStarted) return undefined;
    return this.store.watchCache().get(objectKey(this.store.prefix, this.store.strategy.namespaced ? namespace : '', name));
  }

  /** The object, from the cache or else the datastore; undefined when it does not exist. */
  async get(namespace: string, name: string): Promise<KubeObject | undefined> {
    await this.ready();
    const hit = this.cached(namespace, name);
    if (hit) return hit;
    try {
      return await this.store.get(systemContext(this.store.strategy.namespaced ? namespace : ''), name);
    } catch (e) {
      if (e instanceof StatusError && (e.status.code === 404 || e.status.code === 400)) return undefined;
      throw e;
    }
  }

  /** Cached objects of one namespace ('' = all), memoized until the cache changes. Call after ready(). */
  list(namespace = ''): readonly KubeObject[] {
    if (!this.store.cacheStarted) return [];
    const cache = this.store.watchCache();
    if (cache.revision !== this.memoRev) {
      this.memo = new Map();
      this.memoAll = undefined;
      this.memoRev = cache.revision;
    }
    if (!namespace) {
      this.memoAll ??= cache.list(EVERYTHING).items;
      return this.memoAll;
    }
    let items = this.memo.get(namespace);
    if (!items) {
      items = cache.list({ ...EVERYTHING, namespace }).items;
      this.memo.set(namespace, items);
    }
    return items;
  }
}
