/**
 * @module Records core/v1 Events about objects, as client-go's record package: named
 * `<object>.<hex time>`, attributed to a component, repeated events folded into one with a
 * growing `count`. Writes happen in the background in order; failures are logged, never thrown.
 */
import { messageOf } from '../base/errors.js';
import { logger } from '../base/log.js';
import type { Client } from './client.js';
import type { CoreEvent, ObjectReference } from './kinds/core.js';
import type { ResourceClient } from './resource-client.js';
import { resources } from './resources.js';
import type { KubeObject } from './types.js';

const log = logger('events');

export type EventType = 'Normal' | 'Warning';

/** Emits events about objects. */
export interface EventSink {
  /** Records `reason`/`message` about `obj`; `apiVersion`/`kind` name the object's type when obj lacks them. */
  event(obj: KubeObject, type: EventType, reason: string, message: string, ref?: { apiVersion: string; kind: string }): void;
}

interface Seen {
  name: string;
  namespace: string;
  count: number;
  first: string;
  at: number;
}

const AGGREGATE_MS = 10 * 60 * 1000;
const MAX_PENDING = 1000;
const MAX_SEEN = 4096;

/** The recorder controllers, the scheduler and the node simulator use. */
export class EventRecorder implements EventSink {
  private readonly events: ResourceClient<CoreEvent>;
  private readonly seen = new Map<string, Seen>();
  private pending: (() => Promise<void>)[] = [];
  private draining = false;

  constructor(client: Client, private readonly component: string, private readonly host = '') {
    this.events = client.resource<CoreEvent>(resources.events);
  }

  event(obj: KubeObject, type: EventType, reason: string, message: string, ref?: { apiVersion: string; kind: string }): void {
    const involved: ObjectReference = {
      kind: obj.kind ?? ref?.kind ?? '', apiVersion: obj.apiVersion ?? ref?.apiVersion ?? '',
      name: obj.metadata.name ?? '', uid: obj.metadata.uid ?? '', resourceVersion: obj.metadata.resourceVersion ?? '',
    };
    if (obj.metadata.namespace) involved.namespace = obj.metadata.namespace;
    // Cluster-scoped objects (nodes) get their events in "default", as Kubernetes does.
    const namespace = obj.metadata.namespace || 'default';
    if (this.pending.length >= MAX_PENDING) {
      log.v(2, `dropping event ${reason} for ${involved.kind}/${involved.name}: too many pending`);
      return;
    }
    this.pending.push(() => this.write(namespace, involved, type, reason, message));
    if (!this.draining) void this.drain();
  }

  /** Resolves once every event recorded so far has been written (or failed). */
  async flush(): Promise<void> {
    while (this.draining || this.pending.length) await new Promise((r) => setTimeout(r, 5));
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length) {
        const next = this.pending.shift() as () => Promise<void>;
        await next();
      }
    } finally {
      this.draining = false;
    }
  }

  private async write(namespace: string, involved: ObjectReference, type: EventType, reason: string, message: string): Promise<void> {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const key = `${involved.uid}|${involved.kind}|${involved.name}|${type}|${reason}|${message}`;
    const prev = this.seen.get(key);
    try {
      if (prev && Date.now() - prev.at < AGGREGATE_MS) {
        prev.count++;
        prev.at = Date.now();
        await this.events.patch(prev.name, { count: prev.count, lastTimestamp: now }, { namespace: prev.namespace, type: 'merge' });
        return;
      }
      const name = `${involved.name}.${(BigInt(Date.now()) * 1_000_000n + BigInt(Math.floor(Math.random() * 1e6))).toString(16)}`;
      const ev: CoreEvent = {
        metadata: { name, namespace }, involvedObject: involved, reason, message, type,
        source: this.host ? { component: this.component, host: this.host } : { component: this.component },
        firstTimestamp: now, lastTimestamp: now, count: 1, reportingComponent: this.component, reportingInstance: this.host,
      };
      await this.events.create(ev, { namespace });
      if (this.seen.size >= MAX_SEEN) this.seen.delete(this.seen.keys().next().value as string);
      this.seen.set(key, { name, namespace, count: 1, first: now, at: Date.now() });
    } catch (err) {
      // A folded event may have expired or been deleted; forget it so the next one is created afresh.
      this.seen.delete(key);
      log.v(2, `failed to record event ${reason} for ${involved.kind}/${involved.name}: ${messageOf(err)}`);
    }
  }
}

/** An EventSink that drops everything (for callers that need none). */
export const noEvents: EventSink = { event: () => undefined };
