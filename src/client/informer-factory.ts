/**
 * @module Hands out one SharedInformer per resource (and filter), so every controller in a
 * process shares the same cache and the same watch; starts them and waits for their caches.
 */
import { setMaxListeners } from 'node:events';
import type { Client } from './client.js';
import { SharedInformer, type InformerOptions } from './informer.js';
import type { ResourceType } from './resource-type.js';
import type { KubeObject } from './types.js';

export interface InformerFilter {
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  /** Cache PartialObjectMetadata only (a separate informer from the full-object one). */
  readonly metadataOnly?: boolean;
}

/** A registry of shared informers over one client. */
export class InformerFactory {
  private readonly informers = new Map<string, SharedInformer<KubeObject>>();
  private signal: AbortSignal | undefined;
  private readonly runs: Promise<void>[] = [];

  constructor(readonly client: Client, private readonly defaults: Omit<InformerOptions, 'indexers'> = {}) {}

  /** The shared informer for `type` with `filter` (created on first use; started if the factory runs). */
  informer<T extends KubeObject>(type: ResourceType, filter: InformerFilter = {}): SharedInformer<T> {
    const key = `${type.group}/${type.version}/${type.resource}?${filter.namespace ?? ''}&${filter.labelSelector ?? ''}&${filter.fieldSelector ?? ''}&${filter.metadataOnly ? 'meta' : ''}`;
    let inf = this.informers.get(key);
    if (!inf) {
      const { metadataOnly, ...rest } = filter;
      const rc = metadataOnly ? this.client.metadata(type) : this.client.resource<KubeObject>(type);
      inf = new SharedInformer<KubeObject>(rc, { ...this.defaults, ...rest });
      this.informers.set(key, inf);
      if (this.signal) this.runs.push(inf.run(this.signal));
    }
    return inf as unknown as SharedInformer<T>;
  }

  /** The full-object informer for `type` if one was already created (no filter). */
  existing<T extends KubeObject>(type: ResourceType): SharedInformer<T> | undefined {
    return this.informers.get(`${type.group}/${type.version}/${type.resource}?&&&`) as SharedInformer<T> | undefined;
  }

  /** Starts every informer created so far, and any created later, until `signal` aborts. */
  start(signal: AbortSignal): void {
    // One signal ends every informer, worker and timer of a component: many listeners are expected.
    setMaxListeners(0, signal);
    this.signal = signal;
    for (const inf of this.informers.values()) this.runs.push(inf.run(signal));
  }

  /** Resolves when every informer created so far has filled its cache. */
  async waitForSync(signal?: AbortSignal): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.waitForSync(signal)));
  }

  /** Resolves when every started informer has stopped (after the start signal aborted). */
  async stopped(): Promise<void> {
    await Promise.allSettled(this.runs);
  }
}
