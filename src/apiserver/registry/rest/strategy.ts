/**
 * @module The strategy contract: everything resource-specific the generic store asks of a
 * resource (kube-apiserver's RESTCreateStrategy/RESTUpdateStrategy/RESTDeleteStrategy in one).
 * `BaseStrategy` gives Kubernetes's generic behaviour; a resource's strategy overrides what it
 * must, and a subresource (status, scale, ...) is the same strategy with prepareForUpdate and
 * validateUpdate overridden (see StatusStrategy).
 */
import { canonicalizeQuantities } from '../../../api/defaults/quantities.js';
import type { FieldLabelPolicy, FieldSet } from '../../../api/fields/selector.js';
import { DEFAULT_FIELD_LABELS } from '../../../api/fields/selector.js';
import { jsonEqual, type KubeObject } from '../../../api/meta/object.js';
import type { FieldError } from '../../../api/validation/field-errors.js';
import { type NameValidator, nameIsDNSSubdomain } from '../../../api/validation/names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../../api/validation/object-meta.js';
import type { RequestContext } from './context.js';

/** What DeleteOptions asked for, after defaulting. */
export interface DeleteRequest {
  readonly gracePeriodSeconds?: number;
  readonly propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  readonly orphanDependents?: boolean;
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string };
}

/** Garbage collection default when DeleteOptions says nothing (rest.GarbageCollectionPolicy). */
export type GcPolicy = 'DeleteDependents' | 'OrphanDependents' | 'Unsupported';

export interface Strategy {
  readonly namespaced: boolean;
  /** How metadata.name (and generateName) are checked. */
  readonly nameValidator: NameValidator;
  /** The resource has a status subresource: writes to the main resource keep the stored status. */
  readonly hasStatus: boolean;
  /** metadata.generation is maintained (1 on create, +1 on every spec change). */
  readonly tracksGeneration: boolean;
  /** PUT of a missing object creates it. */
  readonly allowCreateOnUpdate: boolean;
  /** PUT without metadata.resourceVersion is allowed (last write wins). */
  readonly allowUnconditionalUpdate: boolean;
  /** DELETE answers with the deleted object rather than a Success Status. */
  readonly returnDeletedObject: boolean;
  readonly gcPolicy: GcPolicy;
  /** Which field selectors the resource accepts. */
  readonly fieldLabels: FieldLabelPolicy;

  /** Fills defaults on a decoded object (scheme defaulting) and canonicalizes its quantities. Mutates. */
  defaults(obj: KubeObject): void;
  /** Clears what users may not set on create (status, ...). Mutates. */
  prepareForCreate(obj: KubeObject, ctx: RequestContext): void;
  /** Validates a new object (metadata included). */
  validate(obj: KubeObject, ctx: RequestContext): FieldError[];
  warningsOnCreate(obj: KubeObject, ctx: RequestContext): string[];
  /** Carries over what an update may not change (status, ...). Mutates `next`. */
  prepareForUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): void;
  validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[];
  warningsOnUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): string[];
  /** Checks a /status write (the status subresource's validateUpdate adds it to the metadata checks). */
  validateStatusUpdate?(next: KubeObject, prev: KubeObject): FieldError[];
  /** Normalizes an object before it is stored. Mutates. */
  canonicalize(obj: KubeObject): void;
  /** The selectable fields of an object (field selectors match these). */
  fields(obj: KubeObject): FieldSet;
  /**
   * Graceful deletion: the grace period (seconds) to wait before the object goes away, or
   * undefined to delete at once. Only graceful resources (pods) implement it.
   */
  gracePeriod?(obj: KubeObject, req: DeleteRequest): number | undefined;
  /** Seconds until the stored object expires by itself (events: 3600). */
  ttlSeconds?(obj: KubeObject): number | undefined;
  /**
   * An update of an object being deleted removes it instead (its last finalizer went away and
   * no grace period runs): ShouldDeleteDuringUpdate.
   */
  shouldDeleteDuringUpdate(next: KubeObject, prev: KubeObject): boolean;
}

/** Upstream's default: no finalizers left, deletion requested, no grace period pending. */
export function defaultShouldDeleteDuringUpdate(next: KubeObject, prev: KubeObject): boolean {
  if (next.metadata.finalizers?.length) return false;
  if (!prev.metadata.deletionTimestamp) return false;
  return (prev.metadata.deletionGracePeriodSeconds ?? 0) === 0;
}

/** The parts of the spec a generation counts: everything but metadata and status. */
export function specChanged(next: KubeObject, prev: KubeObject): boolean {
  for (const k of new Set([...Object.keys(next), ...Object.keys(prev)])) {
    if (k === 'metadata' || k === 'status' || k === 'apiVersion' || k === 'kind') continue;
    if (!jsonEqual(next[k], prev[k])) return true;
  }
  return false;
}

export interface BaseStrategyOptions {
  readonly namespaced: boolean;
  readonly nameValidator?: NameValidator;
  readonly hasStatus?: boolean;
  readonly tracksGeneration?: boolean;
  readonly allowCreateOnUpdate?: boolean;
  readonly allowUnconditionalUpdate?: boolean;
  readonly returnDeletedObject?: boolean;
  readonly gcPolicy?: GcPolicy;
  readonly fieldLabels?: FieldLabelPolicy;
  /**
   * The status a new object starts with (resources with a status subresource): Go encodes a zero
   * status struct with its non-omitempty fields, e.g. a ReplicaSet's `{replicas: 0}`.
   */
  readonly initialStatus?: Record<string, unknown>;
}

/** Kubernetes's generic behaviour; resource strategies extend it. */
export class BaseStrategy implements Strategy {
  readonly namespaced: boolean;
  readonly nameValidator: NameValidator;
  readonly hasStatus: boolean;
  readonly tracksGeneration: boolean;
  readonly allowCreateOnUpdate: boolean;
  readonly allowUnconditionalUpdate: boolean;
  readonly returnDeletedObject: boolean;
  readonly gcPolicy: GcPolicy;
  readonly fieldLabels: FieldLabelPolicy;
  private readonly initialStatus: Record<string, unknown> | undefined;

  constructor(o: BaseStrategyOptions) {
    this.namespaced = o.namespaced;
    this.nameValidator = o.nameValidator ?? nameIsDNSSubdomain;
    this.hasStatus = o.hasStatus ?? false;
    this.tracksGeneration = o.tracksGeneration ?? false;
    this.allowCreateOnUpdate = o.allowCreateOnUpdate ?? false;
    this.allowUnconditionalUpdate = o.allowUnconditionalUpdate ?? true;
    this.returnDeletedObject = o.returnDeletedObject ?? false;
    this.gcPolicy = o.gcPolicy ?? 'DeleteDependents';
    this.fieldLabels = o.fieldLabels ?? DEFAULT_FIELD_LABELS;
    this.initialStatus = o.initialStatus;
  }

  /** Scheme defaulting, then quantities in their canonical form (as decoding into Go types does). */
  defaults(obj: KubeObject): void {
    this.setDefaults(obj);
    canonicalizeQuantities(obj, obj.apiVersion ?? '', obj.kind ?? '');
  }

  /** The resource's SetDefaults_* (none by default). Mutates. */
  protected setDefaults(_obj: KubeObject): void {}

  prepareForCreate(obj: KubeObject, _ctx: RequestContext): void {
    if (this.hasStatus) {
      if (this.initialStatus) obj['status'] = structuredClone(this.initialStatus);
      else delete obj['status'];
    }
    if (this.tracksGeneration) obj.metadata.generation = 1;
  }

  validate(obj: KubeObject, _ctx: RequestContext): FieldError[] {
    return validateObjectMeta(obj.metadata, { namespaced: this.namespaced, nameValidator: this.nameValidator });
  }

  warningsOnCreate(_obj: KubeObject, _ctx: RequestContext): string[] {
    return [];
  }

  prepareForUpdate(next: KubeObject, prev: KubeObject, _ctx: RequestContext): void {
    if (this.hasStatus) {
      if (prev['status'] === undefined) delete next['status'];
      else next['status'] = prev['status'];
    }
    if (this.tracksGeneration && specChanged(next, prev)) next.metadata.generation = (prev.metadata.generation ?? 0) + 1;
  }

  validateUpdate(next: KubeObject, prev: KubeObject, _ctx: RequestContext): FieldError[] {
    return validateObjectMetaUpdate(next.metadata, prev.metadata);
  }

  warningsOnUpdate(_next: KubeObject, _prev: KubeObject, _ctx: RequestContext): string[] {
    return [];
  }

  /** Writes that skip defaulting (status, server-composed) still store canonical quantities. */
  canonicalize(obj: KubeObject): void {
    canonicalizeQuantities(obj, obj.apiVersion ?? '', obj.kind ?? '');
  }

  shouldDeleteDuringUpdate(next: KubeObject, prev: KubeObject): boolean {
    return defaultShouldDeleteDuringUpdate(next, prev);
  }

  fields(obj: KubeObject): FieldSet {
    return this.namespaced
      ? { 'metadata.name': obj.metadata.name ?? '', 'metadata.namespace': obj.metadata.namespace ?? '' }
      : { 'metadata.name': obj.metadata.name ?? '' };
  }
}

/**
 * The status subresource of `base`: an update changes only `.status` (spec and metadata other
 * than managedFields come from the stored object, as ResetObjectMetaForStatus does).
 */
export class StatusStrategy implements Strategy {
  constructor(readonly base: Strategy) {}
  get namespaced() { return this.base.namespaced; }
  get nameValidator() { return this.base.nameValidator; }
  readonly hasStatus = true;
  get tracksGeneration() { return this.base.tracksGeneration; }
  readonly allowCreateOnUpdate = false;
  get allowUnconditionalUpdate() { return this.base.allowUnconditionalUpdate; }
  get returnDeletedObject() { return this.base.returnDeletedObject; }
  get gcPolicy() { return this.base.gcPolicy; }
  get fieldLabels() { return this.base.fieldLabels; }
  defaults(obj: KubeObject): void { this.base.defaults(obj); }
  prepareForCreate(obj: KubeObject, ctx: RequestContext): void { this.base.prepareForCreate(obj, ctx); }
  validate(obj: KubeObject, ctx: RequestContext): FieldError[] { return this.base.validate(obj, ctx); }
  warningsOnCreate(obj: KubeObject, ctx: RequestContext): string[] { return this.base.warningsOnCreate(obj, ctx); }

  prepareForUpdate(next: KubeObject, prev: KubeObject, _ctx: RequestContext): void {
    const status = next['status'];
    const managedFields = next.metadata.managedFields;
    for (const k of Object.keys(next)) delete next[k];
    Object.assign(next, structuredClone(prev));
    if (status === undefined) delete next['status'];
    else next['status'] = status;
    if (managedFields) next.metadata.managedFields = managedFields;
    // Upstream defaults every decoded object, status writes included (e.g. a load balancer's ipMode).
    this.base.defaults(next);
  }

  validateUpdate(next: KubeObject, prev: KubeObject, _ctx: RequestContext): FieldError[] {
    return [...validateObjectMetaUpdate(next.metadata, prev.metadata), ...(this.base.validateStatusUpdate?.(next, prev) ?? [])];
  }

  warningsOnUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): string[] { return this.base.warningsOnUpdate(next, prev, ctx); }
  canonicalize(obj: KubeObject): void { this.base.canonicalize(obj); }
  fields(obj: KubeObject): FieldSet { return this.base.fields(obj); }
  shouldDeleteDuringUpdate(next: KubeObject, prev: KubeObject): boolean { return this.base.shouldDeleteDuringUpdate(next, prev); }
}

/**
 * For writes the server itself composes (pods/binding sets spec.nodeName and a status
 * condition together; eviction updates a budget's status): the object is taken as written,
 * with only the metadata update rules applied.
 */
export class ServerWriteStrategy extends StatusStrategy {
  override prepareForUpdate(_next: KubeObject, _prev: KubeObject, _ctx: RequestContext): void {}
  override validateUpdate(next: KubeObject, prev: KubeObject, _ctx: RequestContext): FieldError[] {
    return validateObjectMetaUpdate(next.metadata, prev.metadata);
  }
}
