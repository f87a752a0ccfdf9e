/**
 * @module ObjectMeta validation as apimachinery's api/validation does it: names (by the
 * resource's NameValidator), namespace presence, labels, annotations (256 KiB total), owner
 * references, finalizers; and the update rules (immutable identity fields, no new finalizers
 * while deleting, resourceVersion required, generation never decremented).
 */
import { isPlainObject, jsonEqual, type ObjectMeta, type OwnerReference } from '../meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { isDNS1123Label, isQualifiedName, isValidLabelValue, type NameValidator } from './names.js';

export const FIELD_IMMUTABLE = 'field is immutable';
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateLabels(labels: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (labels === undefined || labels === null) return errs;
  if (!isPlainObject(labels)) return [fieldErrors.invalid(path, labels, 'must be a map of strings')];
  for (const [k, v] of Object.entries(labels)) {
    for (const m of isQualifiedName(k)) errs.push(fieldErrors.invalid(path, k, m));
    if (typeof v !== 'string') {
      errs.push(fieldErrors.invalid(path.key(k), v, 'must be a string'));
      continue;
    }
    for (const m of isValidLabelValue(v)) errs.push(fieldErrors.invalid(path, v, m));
  }
  return errs;
}

export function validateAnnotations(annotations: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (annotations === undefined || annotations === null) return errs;
  if (!isPlainObject(annotations)) return [fieldErrors.invalid(path, annotations, 'must be a map of strings')];
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(fieldErrors.invalid(path, k, m));
    if (typeof v !== 'string') errs.push(fieldErrors.invalid(path.key(k), v, 'must be a string'));
    size += Buffer.byteLength(k) + (typeof v === 'string' ? Buffer.byteLength(v) : 0);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(fieldErrors.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

export function validateOwnerReferences(refs: readonly OwnerReference[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const av = ref.apiVersion ?? '';
    const version = av.includes('/') ? av.slice(av.indexOf('/') + 1) : av;
    if (!version) errs.push(fieldErrors.invalid(path.child('apiVersion'), av, 'version must not be empty'));
    if (!ref.kind) errs.push(fieldErrors.invalid(path.child('kind'), ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(fieldErrors.invalid(path.child('name'), ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(fieldErrors.invalid(path.child('uid'), ref.uid ?? '', 'uid must not be empty'));
    if (av === 'v1' && ref.kind === 'Event') errs.push(fieldErrors.invalid(path, ref, '/v1, Kind=Event is disallowed from being an owner'));
    if (ref.controller === true) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(fieldErrors.invalid(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`));
      } else {
        firstController = cur;
      }
    }
  }
  return errs;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** A finalizer without a domain must be one of the standard ones (core's validateKubeFinalizerName). */
export function validateKubeFinalizerName(errs: FieldError[], name: string, path: FieldPath): void {
  if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) errs.push(fieldErrors.invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
}

/** metadata.finalizers: qualified names (on the list's path), standard or domain-qualified (per entry), not orphan and foreground together. */
export function validateFinalizers(finalizers: readonly string[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) for (const m of isQualifiedName(f)) errs.push(fieldErrors.invalid(path, f, m));
  (finalizers ?? []).forEach((f, i) => validateKubeFinalizerName(errs, f, path.index(i)));
  const set = new Set(finalizers ?? []);
  if (set.has('orphan') && set.has('foregroundDeletion')) {
    errs.push(fieldErrors.invalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/** A namespace name is a DNS-1123 label. */
export function validateNamespaceName(name: string, prefix: boolean): string[] {
  return isDNS1123Label(prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name);
}

/** Validates the metadata of an object being created. */
export function validateObjectMeta(meta: ObjectMeta, opts: { namespaced: boolean; nameValidator: NameValidator }): FieldError[] {
  const path = FieldPath.root('metadata');
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const m of opts.nameValidator(meta.generateName, true)) errs.push(fieldErrors.invalid(path.child('generateName'), meta.generateName, m));
  }
  if (!meta.name) {
    errs.push(fieldErrors.required(path.child('name'), 'name or generateName is required'));
  } else {
    for (const m of opts.nameValidator(meta.name, false)) errs.push(fieldErrors.invalid(path.child('name'), meta.name, m));
  }
  if (opts.namespaced) {
    if (!meta.namespace) errs.push(fieldErrors.required(path.child('namespace')));
    else for (const m of validateNamespaceName(meta.namespace, false)) errs.push(fieldErrors.invalid(path.child('namespace'), meta.namespace, m));
  } else if (meta.namespace) {
    errs.push(fieldErrors.forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  if (typeof meta.generation === 'number' && meta.generation < 0) {
    errs.push(fieldErrors.invalid(path.child('generation'), meta.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(meta.finalizers, path.child('finalizers')));
  return errs;
}

/** An error when `next` differs from `prev` at `path`. */
export function validateImmutable(next: unknown, prev: unknown, path: FieldPath | string): FieldError[] {
  return jsonEqual(next, prev) ? [] : [fieldErrors.invalid(path, next, FIELD_IMMUTABLE)];
}

/** Validates the metadata of an update against the stored metadata. */
export function validateObjectMetaUpdate(next: ObjectMeta, prev: ObjectMeta): FieldError[] {
  const path = FieldPath.root('metadata');
  const errs: FieldError[] = [];
  if (prev.deletionTimestamp) {
    const old = new Set(prev.finalizers ?? []);
    const extra = [...new Set(next.finalizers ?? [])].filter((f) => !old.has(f)).sort();
    if (extra.length) {
      errs.push(fieldErrors.forbidden(path.child('finalizers'), `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map((f) => JSON.stringify(f)).join(', ')}}`));
    }
  }
  if (!next.resourceVersion) errs.push(fieldErrors.invalid(path.child('resourceVersion'), next.resourceVersion ?? '', 'must be specified for an update'));
  if ((next.generation ?? 0) < (prev.generation ?? 0)) errs.push(fieldErrors.invalid(path.child('generation'), next.generation ?? 0, 'must not be decremented'));
  errs.push(...validateImmutable(next.name ?? '', prev.name ?? '', path.child('name')));
  errs.push(...validateImmutable(next.namespace ?? '', prev.namespace ?? '', path.child('namespace')));
  errs.push(...validateImmutable(next.uid ?? '', prev.uid ?? '', path.child('uid')));
  errs.push(...validateImmutable(next.creationTimestamp ?? null, prev.creationTimestamp ?? null, path.child('creationTimestamp')));
  errs.push(...validateImmutable(next.deletionTimestamp ?? null, prev.deletionTimestamp ?? null, path.child('deletionTimestamp')));
  errs.push(...validateImmutable(next.deletionGracePeriodSeconds ?? null, prev.deletionGracePeriodSeconds ?? null, path.child('deletionGracePeriodSeconds')));
  errs.push(...validateLabels(next.labels, path.child('labels')));
  errs.push(...validateAnnotations(next.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(next.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(next.finalizers, path.child('finalizers')));
  return errs;
}
