/**
 * @module The generic store: one implementation of create, get, update (and so patch), delete
 * with finalizers and graceful deletion, for every resource (kube-apiserver's generic registry
 * Store). Resource specifics come from the Strategy; datastore errors are translated once, here.
 * Lists and watches live in list.ts and watch.ts.
 */
import type { Backend, GetResult } from '../../../datastore/backend.js';
import { FutureRevisionError, RevisionMismatchError } from '../../../datastore/backend.js';
import { cloneJson, jsonEqual, type KubeObject } from '../../../api/meta/object.js';
import type { ResourceDef } from '../../../api/schema/types.js';
import { type Status, statusErrors } from '../../../api/status.js';
import { invalidError, fieldErrors } from '../../../api/validation/field-errors.js';
import { isValidPathSegmentName } from '../../../api/validation/names.js';
import { type ObjectCodec, jsonCodec } from '../../storage/codec.js';
import { listPrefix, objectKey, resourcePrefix } from '../../storage/keys.js';
import { WatchCache } from '../../storage/watch-cache.js';
import type { ObjectAttrs } from '../../storage/filter.js';
import type { RequestContext } from '../rest/context.js';
import { recordUpdate, type ManagedFieldsOptions } from '../rest/managed-fields.js';
import { builtinMergeSchema } from '../../../api/merge/catalog-schema.js';
import { UNTYPED, type MergeNode } from '../../../api/merge/schema.js';
import { FieldSet } from '../../../api/fieldmanager/field-set.js';
import { carryOverSystemFields, ensureNamespace, fillSystemFields, generateName } from '../rest/meta.js';
import type { DeleteRequest, Strategy } from '../rest/strategy.js';
import { MODIFIED_MESSAGE, interpretError } from './errors.js';
import { beforeDelete } from './delete.js';

/** Admission's validating step, run after the strategy validated and before storage. */
export type AdmitFn = (obj: KubeObject, old: KubeObject | undefined) => void | Promise<void>;

export interface StoreOptions {
  readonly backend: Backend;
  readonly resource: ResourceDef;
  readonly strategy: Strategy;
  /** Override of the key prefix (custom layouts); default from keys.ts. */
  readonly prefix?: string;
  readonly historyLimit?: number;
  /** How objects are stored (default JSON). */
  readonly codec?: ObjectCodec;
  /** The kind's merge schema for managedFields (default: the catalog's, by group/version/kind). */
  readonly mergeNode?: MergeNode;
}

export interface WriteOptions {
  /** Validating admission (and other create/update validation callbacks). */
  readonly admit?: AdmitFn;
  /** A subresource strategy (status, ...) for this write. */
  readonly strategy?: Strategy;
}

export interface UpdateResult {
  readonly obj: KubeObject;
  readonly created: boolean;
}

export interface DeleteResult {
  /** The object (graceful or finalizer-pending deletes, or returnDeletedObject) or a Success Status. */
  readonly body: KubeObject | Status;
  /** True when the object is gone; false when deletion is pending. */
  readonly deleted: boolean;
}

const MAX_CONFLICT_RETRIES = 16;

export class Store {
  readonly backend: Backend;
  readonly resource: ResourceDef;
  readonly strategy: Strategy;
  /** `/registry/<resource>` (no trailing slash). */
  readonly prefix: string;
  /** Encodes and decodes stored values. */
  readonly codec: ObjectCodec;
  private cache: WatchCache | undefined;
  private readonly historyLimit: number | undefined;

  constructor(o: StoreOptions) {
    this.backend = o.backend;
    this.resource = o.resource;
    this.strategy = o.strategy;
    this.prefix = o.prefix ?? resourcePrefix(o.resource.group, o.resource.plural);
    this.historyLimit = o.historyLimit;
    this.codec = o.codec ?? jsonCodec;
    if (o.mergeNode) this.node = o.mergeNode;
  }

  private node: MergeNode | undefined;

  /** The kind's merge schema (server-side apply semantics of its fields). */
  mergeNode(): MergeNode {
    this.node ??= builtinMergeSchema().forKind(this.resource.group, this.resource.version, this.resource.kind) ?? UNTYPED;
    return this.node;
  }

  /**
   * What managedFields bookkeeping needs for a write in `ctx`: the status subresource owns only
   * status, and the main resource of a kind with a status subresource never owns status.
   */
  managedFieldsOptions(ctx: RequestContext, strategy: Strategy = this.strategy): ManagedFieldsOptions {
    const resetFields = ctx.subresource === 'status' ? FieldSet.of([{ field: 'spec' }])
      : strategy.hasStatus && !ctx.subresource ? FieldSet.of([{ field: 'status' }]) : undefined;
    return {
      manager: ctx.fieldManager ?? '', node: this.mergeNode(), apiVersion: this.apiVersion, kind: this.resource.kind,
      ...(ctx.subresource ? { subresource: ctx.subresource } : {}), ...(resetFields ? { resetFields } : {}),
    };
  }

  /** The apiVersion objects of this resource carry. */
  get apiVersion(): string {
    return this.resource.group ? `${this.resource.group}/${this.resource.version}` : this.resource.version;
  }

  /** Labels and selectable fields of an object. */
  attrs(obj: KubeObject): ObjectAttrs {
    return { labels: obj.metadata.labels, fields: this.strategy.fields(obj) };
  }

  /** The watch cache, started on first use. */
  watchCache(): WatchCache {
    this.cache ??= new WatchCache(this.backend, listPrefix(this.prefix), {
      attrs: (o) => this.attrs(o), codec: this.codec, namespaced: this.strategy.namespaced, ...(this.historyLimit ? { historyLimit: this.historyLimit } : {}),
    });
    return this.cache;
  }

  /** True when the watch cache is running (lists at resourceVersion 0 may use it). */
  get cacheStarted(): boolean {
    return this.cache !== undefined;
  }

  /** The key of `name` in the request's namespace; a name that cannot be a path segment is a 400. */
  keyFor(ctx: RequestContext, name: string): string {
    const msgs = isValidPathSegmentName(name);
    if (!name || msgs.length) throw statusErrors.badRequest(`Name parameter invalid: ${JSON.stringify(name)}: ${msgs.join(';') || 'name is required'}`);
    if (this.strategy.namespaced && !ctx.namespace) throw statusErrors.badRequest('Namespace parameter required.');
    return objectKey(this.prefix, this.strategy.namespaced ? ctx.namespace : '', name);
  }

  /** The current stored value of `key` (datastore errors translated for `name`). */
  protected async readKey(key: string, name: string): Promise<GetResult> {
    try {
      return await this.backend.get(key);
    } catch (e) {
      throw interpretError(e, this.resource, name);
    }
  }

  /** Reads one object (resourceVersion "0" may be served by the watch cache). */
  async get(ctx: RequestContext, name: string, opts: { resourceVersion?: string } = {}): Promise<KubeObject> {
    const key = this.keyFor(ctx, name);
    if (opts.resourceVersion === '0' && this.cache) {
      await this.cache.ready();
      const hit = this.cache.get(key);
      if (!hit) throw statusErrors.notFound({ resource: this.resource.plural, group: this.resource.group }, name);
      return cloneJson(hit);
    }
    try {
      const rv = opts.resourceVersion ? Number(opts.resourceVersion) : 0;
      const r = await this.backend.get(key, rv > 0 ? { revision: await this.atLeast(rv) } : {});
      if (!r.kv) throw statusErrors.notFound({ resource: this.resource.plural, group: this.resource.group }, name);
      return this.codec.decode(r.kv);
    } catch (e) {
      throw interpretError(e, this.resource, name);
    }
  }

  /** The revision to read at for "not older than rv": the current one, or 504 if rv is in the future. */
  async atLeast(rv: number): Promise<number> {
    const cur = await this.backend.currentRevision();
    if (rv <= cur) return cur;
    // Upstream waits a little for the store to catch up before answering 504.
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const c = await this.backend.currentRevision();
      if (rv <= c) return c;
    }
    throw interpretError(new FutureRevisionError(rv, cur), this.resource, '');
  }

  /** Creates an object (rest.BeforeCreate + storage create). `obj` is consumed. */
  async create(ctx: RequestContext, obj: KubeObject, opts: WriteOptions = {}): Promise<KubeObject> {
    const s = this.strategy;
    ensureNamespace(obj, ctx.namespace, s.namespaced);
    // Scheme defaulting is idempotent: objects the server composes itself get it here too.
    s.defaults(obj);
    const generated = Boolean(obj.metadata.generateName && !obj.metadata.name);
    fillSystemFields(obj);
    s.prepareForCreate(obj, ctx);
    const errs = s.validate(obj, ctx);
    const name = obj.metadata.name ?? '';
    if (name) for (const m of isValidPathSegmentName(name)) errs.push(fieldErrors.invalid('metadata.name', name, m));
    if (errs.length) throw invalidError(this.resource.kind, this.resource.group, name, errs);
    ctx.warnings.push(...s.warningsOnCreate(obj, ctx));
    s.canonicalize(obj);
    // An apply patch has done its own bookkeeping (operation Apply).
    if (ctx.fieldManager && !ctx.applyPatch) recordUpdate(obj, undefined, this.managedFieldsOptions(ctx));
    if (opts.admit) await opts.admit(obj, undefined);
    if (ctx.dryRun) return obj;
    const ttl = s.ttlSeconds?.(obj);
    for (let attempt = 0; ; attempt++) {
      const key = objectKey(this.prefix, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
      try {
        const r = await this.backend.create(key, this.codec.encode(obj), ttl ? { ttl } : {});
        obj.metadata.resourceVersion = String(r.revision);
        return obj;
      } catch (e) {
        const err = interpretError(e, this.resource, obj.metadata.name ?? '');
        // A generated name that collides gets another try, as upstream's RetryGenerateName does.
        if (generated && err.status.reason === 'AlreadyExists' && attempt < 8 && obj.metadata.generateName) {
          obj.metadata.name = generateName(obj.metadata.generateName);
          continue;
        }
        throw err;
      }
    }
  }

  /**
   * Updates an object through `apply(prev)` (a PUT body, or a patch applied to the stored
   * object), retrying on write races unless the caller pinned a resourceVersion. `prev` is
   * undefined when the object does not exist and the strategy (or forceAllowCreate) allows
   * create-on-update.
   */
  async update(
    ctx: RequestContext,
    name: string,
    apply: (prev: KubeObject | undefined) => KubeObject | Promise<KubeObject>,
    opts: WriteOptions & { forceAllowCreate?: boolean } = {},
  ): Promise<UpdateResult> {
    const s = opts.strategy ?? this.strategy;
    const key = this.keyFor(ctx, name);
    const res = { resource: this.resource.plural, group: this.resource.group };
    // The first try starts from the watch cache's copy when there is one (no datastore read, no
    // decoding), as upstream's GuaranteedUpdate starts from the cacher's object. A stale copy
    // shows as a revision mismatch, a conflict or a failed check; then the loop reads the
    // datastore and tries again, so answers are the same as from a fresh read.
    let cacheFirst = true;
    for (let attempt = 0; ; attempt++) {
      const cached = cacheFirst ? this.cache?.entry(key) : undefined;
      cacheFirst = false;
      let prev: KubeObject;
      let modRevision: number;
      if (cached) {
        prev = cloneJson(cached.obj);
        modRevision = cached.rev;
      } else {
        const current = await this.readKey(key, name);
        if (!current.kv) {
          if (!(s.allowCreateOnUpdate || opts.forceAllowCreate)) throw statusErrors.notFound(res, name);
          const obj = await apply(undefined);
          if (obj.metadata.resourceVersion) throw statusErrors.notFound(res, name);
          obj.metadata.name ??= name;
          return { obj: await this.create(ctx, obj, opts), created: true };
        }
        prev = this.codec.decode(current.kv);
        modRevision = current.kv.modRevision;
      }
      let pinned = false;
      let writing = false;
      try {
        const next = await apply(cloneJson(prev));
        if (!opts.strategy) s.defaults(next);
        const rv = next.metadata.resourceVersion;
        pinned = Boolean(rv);
        if (rv) {
          if (rv !== prev.metadata.resourceVersion) throw statusErrors.conflict(res, name, MODIFIED_MESSAGE);
        } else if (!s.allowUnconditionalUpdate) {
          throw invalidError(this.resource.kind, this.resource.group, name, [fieldErrors.invalid('metadata.resourceVersion', '', 'must be specified for an update')]);
        }
        next.metadata.resourceVersion = prev.metadata.resourceVersion ?? '';
        ensureNamespace(next, ctx.namespace, s.namespaced);
        carryOverSystemFields(next, prev);
        s.prepareForUpdate(next, prev, ctx);
        const errs = s.validateUpdate(next, prev, ctx);
        if (errs.length) throw invalidError(this.resource.kind, this.resource.group, name, errs);
        const warnings = s.warningsOnUpdate(next, prev, ctx);
        s.canonicalize(next);
        if (ctx.fieldManager && !ctx.applyPatch) recordUpdate(next, prev, this.managedFieldsOptions(ctx, s));
        // A write that changes nothing is not written (no new resourceVersion, no watch event);
        // only the datastore's copy can say that nothing changes.
        if (jsonEqual(next, prev)) {
          if (cached) continue;
          ctx.warnings.push(...warnings);
          return { obj: prev, created: false };
        }
        if (opts.admit) await opts.admit(next, prev);
        const m = next.metadata;
        const finalize = s.shouldDeleteDuringUpdate(next, prev);
        ctx.warnings.push(...warnings);
        if (ctx.dryRun) return { obj: next, created: false };
        writing = true;
        if (finalize) {
          // The last finalizer is gone from an object being deleted: it goes away now.
          const r = await this.backend.delete(key, { expectedModRevision: modRevision });
          m.resourceVersion = String(r.revision);
        } else {
          const ttl = s.ttlSeconds?.(next);
          const r = await this.backend.update(key, this.codec.encode(next), { expectedModRevision: modRevision, ...(ttl ? { ttl } : {}) });
          m.resourceVersion = String(r.revision);
        }
        return { obj: next, created: false };
      } catch (e) {
        if (cached) continue;
        if (!writing) throw e;
        if (e instanceof RevisionMismatchError && !pinned && attempt < MAX_CONFLICT_RETRIES) continue;
        throw interpretError(e, this.resource, name);
      }
    }
  }

  /** Deletes an object: at once, or by marking it (finalizers, graceful deletion). */
  async delete(ctx: RequestContext, name: string, req: DeleteRequest, opts: WriteOptions = {}): Promise<DeleteResult> {
    const key = this.keyFor(ctx, name);
    for (let attempt = 0; ; attempt++) {
      const current = await this.readKey(key, name);
      if (!current.kv) throw statusErrors.notFound({ resource: this.resource.plural, group: this.resource.group }, name);
      const obj = this.codec.decode(current.kv);
      const plan = beforeDelete(this, obj, req);
      if (opts.admit) await opts.admit(obj, obj);
      try {
        if (plan.kind === 'pending') return { body: obj, deleted: false };
        if (plan.kind === 'update') {
          if (ctx.dryRun) return { body: plan.obj, deleted: false };
          const r = await this.backend.update(key, this.codec.encode(plan.obj), { expectedModRevision: current.kv.modRevision });
          plan.obj.metadata.resourceVersion = String(r.revision);
          return { body: plan.obj, deleted: false };
        }
        if (ctx.dryRun) return { body: this.deletedBody(obj), deleted: true };
        const r = await this.backend.delete(key, { expectedModRevision: current.kv.modRevision });
        obj.metadata.resourceVersion = String(r.revision);
        return { body: this.deletedBody(obj), deleted: true };
      } catch (e) {
        if (e instanceof RevisionMismatchError && e.current && attempt < MAX_CONFLICT_RETRIES) continue;
        throw interpretError(e, this.resource, name);
      }
    }
  }

  private deletedBody(obj: KubeObject): KubeObject | Status {
    if (this.strategy.returnDeletedObject) return obj;
    const details = this.resource.group
      ? { name: obj.metadata.name ?? '', group: this.resource.group, kind: this.resource.plural, uid: obj.metadata.uid ?? '' }
      : { name: obj.metadata.name ?? '', kind: this.resource.plural, uid: obj.metadata.uid ?? '' };
    // Upstream's finalizeDelete leaves `code` unset on this Success status.
    return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details } as unknown as Status;
  }

  /** Stops the watch cache. */
  stop(): void {
    this.cache?.stop();
  }
}
