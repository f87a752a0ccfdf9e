/**
 * @module The resources the server serves, by group/version/plural: each with its catalog facts
 * (ResourceDef), its store and its subresources. Dynamic: resources can be added and removed
 * at run time (custom resources), and listeners (discovery, OpenAPI) hear about every change.
 */
import type { KubeObject } from '../../api/meta/object.js';
import type { ResourceDef } from '../../api/schema/types.js';
import type { Printer } from '../../api/printers/table.js';
import type { Status } from '../../api/status.js';
import type { RequestContext } from './rest/context.js';
import type { Store, UpdateResult, WriteOptions } from './generic/store.js';

/**
 * A subresource served through the registry (status, scale, binding, eviction, finalize, ...).
 * Streaming subresources (log, exec, proxy, ...) are connect handlers of the endpoints instead.
 */
export interface Subresource {
  /** The kind it reads and writes (Scale for scale, the parent kind for status). */
  readonly kind: { readonly group: string; readonly version: string; readonly kind: string };
  /** The subresource's object as made from the parent's, for admission (toScale); absent: the parent's itself. */
  readonly admissionView?: (parent: KubeObject) => KubeObject;
  get?(ctx: RequestContext, name: string): Promise<KubeObject>;
  /** PUT and PATCH: `apply` turns the current subresource object into the new one. */
  update?(ctx: RequestContext, name: string, apply: (current: KubeObject) => KubeObject | Promise<KubeObject>, opts: WriteOptions): Promise<UpdateResult>;
  /** POST (binding, eviction, token). Returns the answer and its HTTP code. */
  create?(ctx: RequestContext, name: string, body: KubeObject, opts: WriteOptions): Promise<{ body: KubeObject | Status; code: number }>;
}

export interface ServedResource {
  readonly def: ResourceDef;
  readonly store: Store;
  readonly subresources: ReadonlyMap<string, Subresource>;
  /** Table columns when not the built-in ones (custom resources' printer columns). */
  readonly printer?: Printer;
}

const key = (group: string, version: string, plural: string) => `${group}/${version}/${plural}`;

export class ResourceRegistry {
  private readonly byKey = new Map<string, ServedResource>();
  private readonly listeners = new Set<() => void>();
  private gen = 0;

  /** Bumps on every change; caches of derived documents compare it. */
  get generation(): number {
    return this.gen;
  }

  add(r: ServedResource): void {
    this.byKey.set(key(r.def.group, r.def.version, r.def.plural), r);
    this.changed();
  }

  remove(group: string, version: string, plural: string): ServedResource | undefined {
    const k = key(group, version, plural);
    const r = this.byKey.get(k);
    if (r) {
      this.byKey.delete(k);
      r.store.stop();
      this.changed();
    }
    return r;
  }

  get(group: string, version: string, plural: string): ServedResource | undefined {
    return this.byKey.get(key(group, version, plural));
  }

  /** Every served resource, in registration order. */
  all(): ServedResource[] {
    return [...this.byKey.values()];
  }

  /** The served resource of a kind in a group-version. */
  byKind(group: string, version: string, kind: string): ServedResource | undefined {
    for (const r of this.byKey.values()) if (r.def.group === group && r.def.version === version && r.def.kind === kind) return r;
    return undefined;
  }

  /** Calls `fn` after every change; returns an unsubscribe function. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    this.gen++;
    for (const fn of this.listeners) fn();
  }

  /** Stops every store's watch cache. */
  stop(): void {
    for (const r of this.byKey.values()) r.store.stop();
  }
}
