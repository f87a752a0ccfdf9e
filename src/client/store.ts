/**
 * @module The informer cache: objects by `namespace/name` key plus any number of indexes
 * (index name → function from object to index values). Reads hand out the cached objects
 * themselves: callers must copy before they change one.
 */
import { objectKey, type KubeObject } from './types.js';

/** Maps an object to the values it is indexed under (none, one or several). */
export type IndexFunc<T> = (obj: T) => readonly string[];

/** A keyed store with secondary indexes. Not thread-safe by design: Node is single-threaded. */
export class IndexedStore<T extends KubeObject> {
  private readonly items = new Map<string, T>();
  private readonly indexers = new Map<string, IndexFunc<T>>();
  /** index name → index value → keys. */
  private readonly indices = new Map<string, Map<string, Set<string>>>();

  constructor(indexers: Readonly<Record<string, IndexFunc<T>>> = {}) {
    this.addIndexers(indexers);
  }

  /** Adds indexes (existing objects are indexed at once). A name already in use is an error. */
  addIndexers(indexers: Readonly<Record<string, IndexFunc<T>>>): void {
    for (const [name, fn] of Object.entries(indexers)) {
      if (this.indexers.has(name)) {
        if (this.indexers.get(name) === fn) continue;
        throw new Error(`indexer "${name}" already exists`);
      }
      this.indexers.set(name, fn);
      const idx = new Map<string, Set<string>>();
      this.indices.set(name, idx);
      for (const [key, obj] of this.items) this.indexOne(idx, fn, key, obj);
    }
  }

  hasIndex(name: string): boolean {
    return this.indexers.has(name);
  }

  /** Inserts or replaces; returns the previous object under the same key. */
  upsert(obj: T): T | undefined {
    const key = objectKey(obj);
    const old = this.items.get(key);
    this.items.set(key, obj);
    if (old) this.unindex(key, old);
    for (const [name, fn] of this.indexers) this.indexOne(this.indices.get(name) as Map<string, Set<string>>, fn, key, obj);
    return old;
  }

  /** Removes by key; returns the removed object. */
  remove(key: string): T | undefined {
    const old = this.items.get(key);
    if (!old) return undefined;
    this.items.delete(key);
    this.unindex(key, old);
    return old;
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  has(key: string): boolean {
    return this.items.has(key);
  }

  list(): T[] {
    return [...this.items.values()];
  }

  keys(): string[] {
    return [...this.items.keys()];
  }

  get size(): number {
    return this.items.size;
  }

  /** Objects whose index `name` contains `value`. Throws for an unknown index. */
  byIndex(name: string, value: string): T[] {
    const keys = this.indexKeys(name, value);
    const out: T[] = [];
    for (const k of keys) {
      const o = this.items.get(k);
      if (o) out.push(o);
    }
    return out;
  }

  /** Keys whose index `name` contains `value`. */
  indexKeys(name: string, value: string): string[] {
    const idx = this.indices.get(name);
    if (!idx) throw new Error(`no indexer named "${name}"`);
    return [...(idx.get(value) ?? [])];
  }

  /** The values present in index `name`. */
  indexValues(name: string): string[] {
    const idx = this.indices.get(name);
    if (!idx) throw new Error(`no indexer named "${name}"`);
    return [...idx.keys()];
  }

  private indexOne(idx: Map<string, Set<string>>, fn: IndexFunc<T>, key: string, obj: T): void {
    for (const v of fn(obj)) {
      let set = idx.get(v);
      if (!set) idx.set(v, (set = new Set()));
      set.add(key);
    }
  }

  private unindex(key: string, obj: T): void {
    for (const [name, fn] of this.indexers) {
      const idx = this.indices.get(name) as Map<string, Set<string>>;
      for (const v of fn(obj)) {
        const set = idx.get(v);
        if (!set) continue;
        set.delete(key);
        if (set.size === 0) idx.delete(v);
      }
    }
  }
}

/** Index names every informer offers through {@link standardIndexers}. */
export const NAMESPACE_INDEX = 'namespace';
export const OWNER_UID_INDEX = 'ownerUid';
export const NODE_NAME_INDEX = 'nodeName';

/** By namespace (cluster-scoped objects are indexed under ''). */
export const byNamespace: IndexFunc<KubeObject> = (o) => [o.metadata.namespace ?? ''];

/** By the uid of every owner in ownerReferences. */
export const byOwnerUid: IndexFunc<KubeObject> = (o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid);

/** By `spec.nodeName` (pods); objects without one are not indexed. */
export const byNodeName: IndexFunc<KubeObject> = (o) => {
  const spec = (o as { spec?: { nodeName?: unknown } }).spec;
  return typeof spec?.nodeName === 'string' && spec.nodeName !== '' ? [spec.nodeName] : [];
};
