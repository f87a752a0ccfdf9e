/**
 * @module Field-level validation errors in apimachinery's form: a path (`spec.containers[0].name`),
 * a type (FieldValueRequired, FieldValueInvalid, ...) and a body that reads like kubectl prints it
 * (`Invalid value: "Foo": a lowercase RFC 1123 label must ...`). A list becomes one 422 Invalid.
 */
import { failure, StatusError, type StatusCause } from '../status.js';
import { GoValue } from './go-values.js';

export type FieldErrorType =
  | 'FieldValueNotFound' | 'FieldValueRequired' | 'FieldValueDuplicate' | 'FieldValueInvalid'
  | 'FieldValueNotSupported' | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueTooMany'
  | 'FieldValueTypeInvalid' | 'InternalError';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueTypeInvalid: 'Invalid value',
  InternalError: 'Internal error',
};

/** Types whose body carries no value (as apimachinery prints them). */
const VALUELESS = new Set<FieldErrorType>(['FieldValueRequired', 'FieldValueForbidden', 'FieldValueTooLong', 'InternalError']);

/** An immutable field path; `child`, `index` and `key` return new paths. */
export class FieldPath {
  private constructor(private readonly text: string) {}
  static root(name = ''): FieldPath {
    return new FieldPath(name);
  }
  child(name: string, ...more: string[]): FieldPath {
    let t = this.text ? `${this.text}.${name}` : name;
    for (const m of more) t = `${t}.${m}`;
    return new FieldPath(t);
  }
  index(i: number): FieldPath {
    return new FieldPath(`${this.text}[${i}]`);
  }
  key(k: string): FieldPath {
    return new FieldPath(`${this.text}[${k}]`);
  }
  toString(): string {
    return this.text;
  }
}

export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  /** Absent for value-less types. */
  readonly value?: unknown;
  readonly detail: string;
}

/** Renders a bad value as Go's field errors do: strings quoted, numbers and booleans bare, the rest as JSON. */
export function formatValue(v: unknown): string {
  if (v instanceof GoValue) return v.text;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === undefined) return 'null';
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** The message without the field name: `Invalid value: "x": must be ...`. */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  if (!VALUELESS.has(e.type) && 'value' in e) s += `: ${formatValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export function errorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

const p = (path: FieldPath | string) => String(path);

export const fieldErrors = {
  required: (path: FieldPath | string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field: p(path), detail }),
  invalid: (path: FieldPath | string, value: unknown, detail: string): FieldError => ({ type: 'FieldValueInvalid', field: p(path), value, detail }),
  duplicate: (path: FieldPath | string, value: unknown, detail = ''): FieldError => ({ type: 'FieldValueDuplicate', field: p(path), value, detail }),
  /** Invalid without a value (Go's field.OmitValueType): `Invalid value: detail`. */
  invalidOmit: (path: FieldPath | string, detail: string): FieldError => ({ type: 'FieldValueInvalid', field: p(path), detail }),
  notFound: (path: FieldPath | string, value: unknown, detail = ''): FieldError => ({ type: 'FieldValueNotFound', field: p(path), value, detail }),
  forbidden: (path: FieldPath | string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field: p(path), detail }),
  notSupported: (path: FieldPath | string, value: unknown, valid: readonly string[]): FieldError => ({
    type: 'FieldValueNotSupported', field: p(path), value,
    detail: valid.length ? `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}` : '',
  }),
  tooLong: (path: FieldPath | string, max: number): FieldError => ({
    type: 'FieldValueTooLong', field: p(path), detail: `may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`,
  }),
  tooMany: (path: FieldPath | string, actual: number, max: number): FieldError => ({
    type: 'FieldValueTooMany', field: p(path), value: actual, detail: `must have at most ${max} ${max === 1 ? 'item' : 'items'}`,
  }),
  typeInvalid: (path: FieldPath | string, value: unknown, detail: string): FieldError => ({ type: 'FieldValueTypeInvalid', field: p(path), value, detail }),
  internal: (path: FieldPath | string, detail: string): FieldError => ({ type: 'InternalError', field: p(path), detail }),
};

/** Status causes for a list of field errors (reason = the error type, message = the body). */
export function toCauses(errors: readonly FieldError[]): StatusCause[] {
  return errors.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }));
}

/**
 * The 422 Invalid StatusError for `errors` on an object: `Pod "x" is invalid: [a, b]`.
 * `kind` is the Kind and `group` its API group ('' for core). Every error is a cause; duplicate
 * messages collapse in the message text only, as apimachinery's NewInvalid and its aggregate do.
 */
export function invalidError(kind: string, group: string, name: string, errors: readonly FieldError[]): StatusError {
  const qualified = group ? `${kind}.${group}` : kind;
  const seen = new Set<string>();
  const texts: string[] = [];
  for (const e of errors) {
    const s = errorString(e);
    if (seen.has(s)) continue;
    seen.add(s);
    texts.push(s);
  }
  const message = `${qualified} ${JSON.stringify(name)} is invalid: ${texts.length > 1 ? `[${texts.join(', ')}]` : texts[0] ?? ''}`;
  const causes = toCauses(errors);
  return new StatusError(failure(422, 'Invalid', message, group ? { name, group, kind, causes } : { name, kind, causes }));
}
