/**
 * @module PersistentVolumeClaim specs (the claim itself, ephemeral volume templates, StatefulSet
 * claim templates) and template ObjectMeta (only labels and annotations may be set), as
 * pkg/apis/core/validation checks them: access modes, the storage request, class names, volume
 * modes and data sources; and the claim update rule (spec frozen but for growth while bound).
 */
import { jsonEqual } from '../meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { goDiff } from './go-values.js';
import { checkEnum, list, obj, qty, str } from './helpers.js';
import { validateLabelMap, validateLabelSelector } from './label-selector.js';
import { isDNS1123Label, isDNS1123Subdomain } from './names.js';
import { validateAnnotations } from './object-meta.js';

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
export const VOLUME_MODES = ['Block', 'Filesystem'];
const TEMPLATE_META_FIELDS = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'ownerReferences', 'finalizers', 'managedFields'];

/** ObjectMeta of an embedded template: labels and annotations only. */
export function validateTemplateObjectMeta(errs: FieldError[], meta: unknown, path: FieldPath): void {
  const m = obj(meta);
  errs.push(...validateAnnotations(m['annotations'], path.child('annotations')));
  validateLabelMap(errs, m['labels'], path.child('labels'));
  for (const f of TEMPLATE_META_FIELDS) {
    const v = m[f];
    if (v === undefined || v === null || v === '' || v === 0 || (Array.isArray(v) && v.length === 0)) continue;
    errs.push(fieldErrors.forbidden(path.child(f), 'cannot be set'));
  }
}

/** Access modes: at least one (unless `allowEmpty`), known, ReadWriteOncePod alone. */
export function validateAccessModes(errs: FieldError[], modes: unknown, path: FieldPath, requiredDetail: string): void {
  const ms = list(modes).map(str);
  if (ms.length === 0) errs.push(fieldErrors.required(path, requiredDetail));
  let rwop = false;
  let other = false;
  for (const m of ms) {
    if (!ACCESS_MODES.includes(m)) errs.push(fieldErrors.notSupported(path, m, ACCESS_MODES));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(m)) other = true;
  }
  if (rwop && other) errs.push(fieldErrors.forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
}

function validateDataSource(errs: FieldError[], raw: unknown, path: FieldPath, withNamespace: boolean): void {
  const d = obj(raw);
  if (!str(d['name'])) errs.push(fieldErrors.required(path.child('name')));
  const kind = str(d['kind']);
  if (!kind) errs.push(fieldErrors.required(path.child('kind')));
  const group = str(d['apiGroup']);
  if (!group && kind !== 'PersistentVolumeClaim') errs.push(fieldErrors.invalid(path, kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  if (group) for (const m of isDNS1123Subdomain(group)) errs.push(fieldErrors.invalid(path.child('apiGroup'), group, m));
  const ns = str(d['namespace']);
  if (withNamespace && ns) for (const m of isDNS1123Label(ns)) errs.push(fieldErrors.invalid(path.child('namespace'), ns, m));
}

/** A PersistentVolumeClaimSpec. */
export function validatePvcSpec(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const s = obj(raw);
  validateAccessModes(errs, s['accessModes'], path.child('accessModes'), 'at least 1 access mode is required');
  if (s['selector'] !== undefined && s['selector'] !== null) validateLabelSelector(errs, s['selector'], path.child('selector'));
  const rp = path.child('resources').key('storage');
  const storage = obj(obj(s['resources'])['requests'])['storage'];
  const q = qty(storage);
  if (storage === undefined || storage === null) errs.push(fieldErrors.required(rp));
  else if (q && q.sign() <= 0) errs.push(fieldErrors.invalid(rp, q.toString(), 'must be greater than zero'));
  const sc = str(s['storageClassName']);
  if (sc) for (const m of isDNS1123Subdomain(sc)) errs.push(fieldErrors.invalid(path.child('storageClassName'), sc, m));
  checkEnum(errs, path.child('volumeMode'), s['volumeMode'], VOLUME_MODES);
  const ds = s['dataSource'];
  const dsr = s['dataSourceRef'];
  if (ds !== undefined && ds !== null) validateDataSource(errs, ds, path.child('dataSource'), false);
  if (dsr !== undefined && dsr !== null) validateDataSource(errs, dsr, path.child('dataSourceRef'), true);
  if (str(obj(dsr)['namespace'])) {
    if (ds !== undefined && ds !== null) errs.push(fieldErrors.invalid(path, path.child('dataSource').toString(), 'may not be specified when dataSourceRef.namespace is specified'));
  } else if (ds !== undefined && ds !== null && dsr !== undefined && dsr !== null) {
    const a = obj(ds);
    const b = obj(dsr);
    if (str(a['apiGroup']) !== str(b['apiGroup']) || str(a['kind']) !== str(b['kind']) || str(a['name']) !== str(b['name'])) {
      errs.push(fieldErrors.invalid(path, path.child('dataSource').toString(), 'must match dataSourceRef'));
    }
  }
}

/** An ephemeral volume's claim template: template metadata and the claim spec. */
export function validatePvcTemplate(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const t = obj(raw);
  validateTemplateObjectMeta(errs, t['metadata'], path.child('metadata'));
  validatePvcSpec(errs, t['spec'], path.child('spec'));
}

const SPEC = FieldPath.root('spec');

/** The claim update rule: the spec is frozen except volumeName (once) and, for bound claims, the storage request. */
export function validatePvcUpdate(next: Record<string, unknown>, prev: Record<string, unknown>): FieldError[] {
  const errs: FieldError[] = [];
  const n = structuredClone(obj(next['spec']));
  const p = structuredClone(obj(prev['spec']));
  if (!str(p['volumeName'])) p['volumeName'] = n['volumeName'];
  // A class name may be set once on a claim that had none (the beta annotation's migration path).
  if ((p['storageClassName'] === undefined || p['storageClassName'] === null) && typeof n['storageClassName'] === 'string') {
    const ann = prev['metadata'] && obj(obj(prev['metadata'])['annotations'])['volume.beta.kubernetes.io/storage-class'];
    if (ann === undefined || ann === n['storageClassName']) p['storageClassName'] = n['storageClassName'];
  }
  const bound = str(obj(next['status'])['phase']) === 'Bound';
  const newSize = qty(obj(obj(n['resources'])['requests'])['storage']);
  const oldSize = qty(obj(obj(p['resources'])['requests'])['storage']);
  if (bound && isStorageOnly(n, p)) n['resources'] = p['resources'];
  for (const k of Object.keys(n)) if (n[k] === undefined) delete n[k];
  for (const k of Object.keys(p)) if (p[k] === undefined) delete p[k];
  if (!jsonEqual(n, p)) {
    errs.push(fieldErrors.forbidden(SPEC, `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${goDiff('core.PersistentVolumeClaimSpec', p, n)}`));
  }
  if (newSize && oldSize && newSize.cmp(oldSize) < 0) {
    // RecoverVolumeExpansionFailure (on in 1.33): shrinking is allowed down to above status.capacity.
    const statusSize = qty(obj(obj(prev['status'])['capacity'])['storage']);
    if (!statusSize || newSize.cmp(statusSize) <= 0) errs.push(fieldErrors.forbidden(SPEC.child('resources', 'requests', 'storage'), 'field can not be less than status.capacity'));
  }
  if (!jsonEqual(obj(next['spec'])['volumeMode'] ?? null, obj(prev['spec'])['volumeMode'] ?? null)) {
    errs.push(fieldErrors.invalid('volumeMode', obj(next['spec'])['volumeMode'] ?? null, 'field is immutable'));
  }
  return errs;
}

/** True when the resources differ at most in requests.storage. */
function isStorageOnly(n: Record<string, unknown>, p: Record<string, unknown>): boolean {
  const a = structuredClone(obj(n['resources']));
  const b = structuredClone(obj(p['resources']));
  delete obj(a['requests'])['storage'];
  delete obj(b['requests'])['storage'];
  return jsonEqual(a, b);
}
