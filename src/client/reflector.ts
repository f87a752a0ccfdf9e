/**
 * @module List-watch (client-go's Reflector): list, then watch from the list's resourceVersion;
 * after a clean end of the watch, watch again from the last resourceVersion seen (bookmarks
 * advance it); after 410 Expired, relist at that resourceVersion and, if that is gone too,
 * from scratch. Errors back off exponentially; everything stops when the signal aborts.
 */
import { AbortedError, messageOf } from '../base/errors.js';
import { logger } from '../base/log.js';
import { sleep } from '../base/async.js';
import { Backoff } from './backoff.js';
import { isExpired } from './errors.js';
import type { ResourceClient } from './resource-client.js';
import type { KubeObject } from './types.js';

const log = logger('reflector');

/** Where a reflector delivers what it learns. Called synchronously, in order. */
export interface ReflectorSink<T> {
  /** The complete state after a (re)list. */
  replace(items: T[], resourceVersion: string): void;
  added(obj: T): void;
  modified(obj: T): void;
  /** The object's last state, as the DELETED event carried it. */
  deleted(obj: T): void;
}

export interface ReflectorOptions {
  /** For logs: usually the resource name. */
  readonly name?: string;
  readonly namespace?: string | undefined;
  readonly labelSelector?: string | undefined;
  readonly fieldSelector?: string | undefined;
  /** Page size for lists that are not served from the watch cache (default 500). */
  readonly pageSize?: number;
  /** Backoff after errors (default 800 ms doubling to 30 s, as client-go). */
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

/** Keeps a sink in step with one resource (optionally filtered) on the server. */
export class Reflector<T extends KubeObject> {
  private rv = '';
  private readonly name: string;

  constructor(private readonly client: ResourceClient<T>, private readonly sink: ReflectorSink<T>, private readonly opts: ReflectorOptions = {}) {
    this.name = opts.name ?? client.type.resource;
  }

  /** The resourceVersion of the last list or event applied. */
  get lastSyncResourceVersion(): string {
    return this.rv;
  }

  /** Lists and watches until `signal` aborts; never throws except AbortedError is swallowed. */
  async run(signal: AbortSignal): Promise<void> {
    const backoff = new Backoff({ initialMs: this.opts.minBackoffMs ?? 800, maxMs: this.opts.maxBackoffMs ?? 30_000 });
    let listFrom: string | undefined = '0';
    while (!signal.aborted) {
      try {
        if (listFrom !== undefined) {
          await this.list(listFrom, signal);
          listFrom = undefined;
        }
        const started = Date.now();
        const count = await this.watch(signal);
        // A watch that ends at once without events points at a server problem: do not spin.
        if (count === 0 && Date.now() - started < 1000) await sleep(backoff.next(), signal);
        else backoff.reset();
      } catch (err) {
        if (signal.aborted || err instanceof AbortedError) return;
        if (isExpired(err)) {
          // client-go relists at the last RV first and only falls back to a fresh list when that is gone too.
          listFrom = listFrom === undefined && this.rv ? this.rv : '';
          log.v(2, `${this.name}: resourceVersion too old, relisting from ${listFrom || 'the latest state'}`);
          continue;
        }
        log.warn(`${this.name}: list/watch failed: ${messageOf(err)}`);
        try {
          await sleep(backoff.next(), signal);
        } catch {
          return;
        }
      }
    }
  }

  private async list(from: string, signal: AbortSignal): Promise<void> {
    const list = await this.client.listAll({
      namespace: this.opts.namespace, labelSelector: this.opts.labelSelector, fieldSelector: this.opts.fieldSelector,
      resourceVersion: from || undefined, limit: this.opts.pageSize ?? 500, signal,
    });
    const rv = list.metadata.resourceVersion ?? '';
    this.sink.replace(list.items, rv);
    this.rv = rv;
  }

  /** One watch from the current RV; returns the number of events seen when the server ends it. */
  private async watch(signal: AbortSignal): Promise<number> {
    const stream = await this.client.watch({
      namespace: this.opts.namespace, labelSelector: this.opts.labelSelector, fieldSelector: this.opts.fieldSelector,
      resourceVersion: this.rv, allowWatchBookmarks: true,
      // client-go picks a random timeout between 5 and 10 minutes so reconnects spread out.
      timeoutSeconds: 300 + Math.floor(Math.random() * 300), signal,
    });
    let n = 0;
    for await (const ev of stream) {
      n++;
      const rv = ev.object.metadata.resourceVersion;
      switch (ev.type) {
        case 'ADDED': this.sink.added(ev.object); break;
        case 'MODIFIED': this.sink.modified(ev.object); break;
        case 'DELETED': this.sink.deleted(ev.object); break;
        case 'BOOKMARK': break;
      }
      if (rv) this.rv = rv;
    }
    return n;
  }
}
