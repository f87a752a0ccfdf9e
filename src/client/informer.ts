/**
 * @module Shared informers: one reflector and one cache per resource, fanned out to any number
 * of event handlers. Handlers run synchronously in event order and should only enqueue keys;
 * the cached objects they receive are shared and must not be mutated.
 */
import { messageOf } from '../base/errors.js';
import { logger } from '../base/log.js';
import { Reflector, type ReflectorOptions, type ReflectorSink } from './reflector.js';
import type { ResourceClient } from './resource-client.js';
import { byNamespace, IndexedStore, NAMESPACE_INDEX, type IndexFunc } from './store.js';
import { objectKey, type KubeObject } from './types.js';

const log = logger('informer');

/** Callbacks for cache changes. Any may be omitted. */
export interface EventHandler<T> {
  /** `initial` is true for objects delivered by the first list (or the replay to a late handler). */
  onAdd?(obj: T, initial: boolean): void;
  onUpdate?(oldObj: T, newObj: T): void;
  /** The last known state. After a relist this may be older than the real final state. */
  onDelete?(obj: T): void;
}

export interface HandlerRegistration {
  remove(): void;
}

export interface InformerOptions extends Omit<ReflectorOptions, 'name'> {
  readonly indexers?: Readonly<Record<string, IndexFunc<KubeObject>>>;
}

interface Registered<T> {
  readonly handler: EventHandler<T>;
  timer?: NodeJS.Timeout;
  readonly resyncMs: number;
}

/** One cache of one resource kept current by list-watch, shared by every handler. */
export class SharedInformer<T extends KubeObject> implements ReflectorSink<T> {
  readonly store: IndexedStore<T>;
  private readonly handlers = new Set<Registered<T>>();
  private synced = false;
  private syncWaiters: (() => void)[] = [];
  private running: Promise<void> | undefined;
  private readonly reflector: Reflector<T>;

  constructor(readonly client: ResourceClient<T>, opts: InformerOptions = {}) {
    this.store = new IndexedStore<T>({ [NAMESPACE_INDEX]: byNamespace, ...opts.indexers });
    this.reflector = new Reflector<T>(client, this, { ...opts, name: client.type.resource });
  }

  /** Adds indexes; allowed before or after start. */
  addIndexers(indexers: Readonly<Record<string, IndexFunc<T>>>): void {
    this.store.addIndexers(indexers);
  }

  /**
   * Registers callbacks. When the cache is already filled, every cached object is replayed to
   * `onAdd` first. With `resyncMs`, `onUpdate(obj, obj)` is called for every cached object that often.
   */
  addEventHandler(handler: EventHandler<T>, opts: { resyncMs?: number } = {}): HandlerRegistration {
    const reg: Registered<T> = { handler, resyncMs: opts.resyncMs ?? 0 };
    this.handlers.add(reg);
    if (this.synced) for (const o of this.store.list()) this.call(() => handler.onAdd?.(o, true));
    if (this.running) this.startResync(reg);
    return { remove: () => { this.handlers.delete(reg); if (reg.timer) clearInterval(reg.timer); } };
  }

  /** Starts list-watch (once); resolves when `signal` aborts and the reflector stopped. */
  run(signal: AbortSignal): Promise<void> {
    if (this.running) return this.running;
    for (const reg of this.handlers) this.startResync(reg);
    this.running = this.reflector.run(signal).finally(() => {
      for (const reg of this.handlers) if (reg.timer) clearInterval(reg.timer);
    });
    return this.running;
  }

  hasSynced(): boolean {
    return this.synced;
  }

  /** Resolves after the first list is in the cache; rejects if `signal` aborts first. */
  waitForSync(signal?: AbortSignal): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = (): void => reject(new Error(`${this.client.type.resource} informer: aborted before its cache synced`));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.syncWaiters.push(() => { signal?.removeEventListener('abort', onAbort); resolve(); });
    });
  }

  get lastSyncResourceVersion(): string {
    return this.reflector.lastSyncResourceVersion;
  }

  // ReflectorSink: keep the cache and tell handlers.

  replace(items: T[], _rv: string): void {
    const initial = !this.synced;
    const seen = new Set<string>();
    for (const obj of items) {
      const key = objectKey(obj);
      seen.add(key);
      const old = this.store.upsert(obj);
      if (!old) this.emit((h) => h.onAdd?.(obj, initial));
      else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) this.emit((h) => h.onUpdate?.(old, obj));
    }
    for (const key of this.store.keys()) {
      if (seen.has(key)) continue;
      const old = this.store.remove(key);
      if (old) this.emit((h) => h.onDelete?.(old));
    }
    if (!this.synced) {
      this.synced = true;
      const waiters = this.syncWaiters;
      this.syncWaiters = [];
      for (const w of waiters) w();
    }
  }

  added(obj: T): void {
    const old = this.store.upsert(obj);
    if (old) this.emit((h) => h.onUpdate?.(old, obj));
    else this.emit((h) => h.onAdd?.(obj, false));
  }

  modified(obj: T): void {
    this.added(obj);
  }

  deleted(obj: T): void {
    const old = this.store.remove(objectKey(obj));
    this.emit((h) => h.onDelete?.(obj ?? old));
  }

  private startResync(reg: Registered<T>): void {
    if (reg.resyncMs <= 0 || reg.timer) return;
    reg.timer = setInterval(() => {
      for (const o of this.store.list()) this.call(() => reg.handler.onUpdate?.(o, o));
    }, reg.resyncMs);
    reg.timer.unref();
  }

  private emit(fn: (h: EventHandler<T>) => void): void {
    for (const reg of this.handlers) this.call(() => fn(reg.handler));
  }

  private call(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      log.error(`${this.client.type.resource} event handler failed: ${messageOf(err)}`);
    }
  }
}
