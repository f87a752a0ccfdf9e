/**
 * @module LabelSelector and label map validation (apimachinery meta/v1/validation): matchLabels
 * keys as qualified names and values as label values, matchExpressions operators with the values
 * each requires. Also the node selector requirements of affinities (their Gt/Lt operators).
 */
import { type FieldError, type FieldPath, fieldErrors } from './field-errors.js';
import { list, obj, str } from './helpers.js';
import { isQualifiedName, isValidLabelValue } from './names.js';

/** A label key (qualified name). */
export function validateLabelName(errs: FieldError[], key: string, path: FieldPath): void {
  for (const m of isQualifiedName(key)) errs.push(fieldErrors.invalid(path, key, m));
}

/** A map of labels: each key a qualified name, each value a label value, errors on the map's path. */
export function validateLabelMap(errs: FieldError[], labels: unknown, path: FieldPath): void {
  for (const [k, v] of Object.entries(obj(labels))) {
    validateLabelName(errs, k, path);
    for (const m of isValidLabelValue(str(v))) errs.push(fieldErrors.invalid(path, str(v), m));
  }
}

/** One matchExpressions entry (In/NotIn need values, Exists/DoesNotExist forbid them). */
function validateRequirement(errs: FieldError[], raw: unknown, path: FieldPath, checkValues: boolean): void {
  const r = obj(raw);
  const op = r['operator'];
  const values = list(r['values']);
  if (op === 'In' || op === 'NotIn') {
    if (values.length === 0) errs.push(fieldErrors.required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (op === 'Exists' || op === 'DoesNotExist') {
    if (values.length > 0) errs.push(fieldErrors.forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else {
    errs.push(fieldErrors.invalid(path.child('operator'), str(op), 'not a valid selector operator'));
  }
  validateLabelName(errs, str(r['key']), path.child('key'));
  if (!checkValues) return;
  values.forEach((v, i) => {
    for (const m of isValidLabelValue(str(v))) errs.push(fieldErrors.invalid(path.child('values').index(i), str(v), m));
  });
}

/** A metav1.LabelSelector (nothing to check when absent). */
export function validateLabelSelector(errs: FieldError[], sel: unknown, path: FieldPath, opts: { allowInvalidValues?: boolean } = {}): void {
  if (sel === undefined || sel === null) return;
  const s = obj(sel);
  validateLabelMap(errs, s['matchLabels'], path.child('matchLabels'));
  list(s['matchExpressions']).forEach((e, i) => validateRequirement(errs, e, path.child('matchExpressions').index(i), !opts.allowInvalidValues));
}

/** True when a selector has neither matchLabels nor matchExpressions. */
export function selectorIsEmpty(sel: unknown): boolean {
  const s = obj(sel);
  return Object.keys(obj(s['matchLabels'])).length + list(s['matchExpressions']).length === 0;
}
