/**
 * @module Small validation helpers shared by the per-kind validators: typed reads of untrusted
 * JSON and the common checks (enum values, non-negative integers, quantities, label maps).
 */
import { isPlainObject } from '../meta/object.js';
import { Quantity, QUANTITY_FORMAT_ERROR } from '../quantity.js';
import { type FieldError, type FieldPath, fieldErrors } from './field-errors.js';
import { isQualifiedName, isValidLabelValue } from './names.js';

export type Obj = Record<string, unknown>;

export const obj = (v: unknown): Obj => (isPlainObject(v) ? v : {});
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
/** A number, or undefined when absent or not a number. */
export const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
/** Present and not null (a Go pointer that is set). */
export const isSet = (v: unknown): boolean => v !== undefined && v !== null;

export const NEGATIVE_MSG = 'must be greater than or equal to 0';
export const NOT_POSITIVE_MSG = 'must be greater than zero';

/** NotSupported unless `v` (when set) is one of `allowed`. */
export function checkEnum(errs: FieldError[], path: FieldPath, v: unknown, allowed: readonly string[], required = false): void {
  if (v === undefined || v === null || v === '') {
    if (required) errs.push(fieldErrors.required(path));
    return;
  }
  if (typeof v !== 'string' || !allowed.includes(v)) errs.push(fieldErrors.notSupported(path, v, allowed));
}

/** `must be greater than or equal to 0` for a negative integer. */
export function checkNonNegative(errs: FieldError[], path: FieldPath, v: unknown): void {
  if (typeof v === 'number' && v < 0) errs.push(fieldErrors.invalid(path, v, NEGATIVE_MSG));
}

/** Parses a quantity the decoder already accepted; undefined when absent or malformed. */
export function qty(v: unknown): Quantity | undefined {
  if (v === undefined || v === null) return undefined;
  try {
    return Quantity.from(v);
  } catch {
    return undefined;
  }
}

/** A quantity string (or number); invalid ones are reported with Kubernetes's message. */
export function checkQuantity(errs: FieldError[], path: FieldPath, v: unknown): Quantity | undefined {
  const q = qty(v);
  if (!q) errs.push(fieldErrors.invalid(path, v, QUANTITY_FORMAT_ERROR));
  return q;
}

/** Keys are qualified names and values label values (nodeSelector, selectors' matchLabels). */
export function checkLabelMap(errs: FieldError[], path: FieldPath, m: unknown): void {
  if (!isPlainObject(m)) return;
  for (const [k, v] of Object.entries(m)) {
    for (const e of isQualifiedName(k)) errs.push(fieldErrors.invalid(path, k, e));
    for (const e of isValidLabelValue(str(v))) errs.push(fieldErrors.invalid(path, v, e));
  }
}

/** Runs a name check (`(value) => messages`) and reports each message as Invalid at `path`. */
export function checkName(errs: FieldError[], path: FieldPath, value: string, check: (v: string) => string[]): void {
  for (const m of check(value)) errs.push(fieldErrors.invalid(path, value, m));
}
