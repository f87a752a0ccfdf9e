/**
 * @module One change seen by a watch cache, shared by every watcher it is sent to. Encodings
 * (JSON lines, Table rows, ...) are computed once per event and format, then reused: that is
 * what makes fan-out to a thousand watchers cheap.
 */
import type { KubeObject } from '../../api/meta/object.js';
import type { ObjectAttrs } from './filter.js';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One object as the cache holds it. Cached objects are shared: never mutate them. */
export interface CachedEntry {
  readonly key: string;
  readonly obj: KubeObject;
  readonly rev: number;
  readonly attrs: ObjectAttrs;
}

export class CacheEvent {
  private memo: Map<string, unknown> | undefined;

  constructor(
    readonly type: EventType,
    readonly rev: number,
    readonly key: string,
    /** The new state; for DELETED the last state with the deletion's resourceVersion. */
    readonly obj: KubeObject,
    readonly attrs: ObjectAttrs,
    /** The state before this change (absent for ADDED). */
    readonly prev: CachedEntry | undefined,
  ) {}

  /** Computes `make()` once per event for `key` (e.g. an encoding) and reuses it. */
  memoize<T>(key: string, make: () => T): T {
    this.memo ??= new Map();
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = make();
    this.memo.set(key, v);
    return v;
  }

  /** The previous state re-stamped with this event's resourceVersion (for "left the selection" DELETED). */
  prevAtThisRevision(): KubeObject {
    return this.memoize('prevAtRev', () => {
      const p = this.prev?.obj ?? this.obj;
      return { ...p, metadata: { ...p.metadata, resourceVersion: String(this.rev) } };
    });
  }
}
