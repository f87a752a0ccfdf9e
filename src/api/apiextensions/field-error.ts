/**
 * @module Field errors of custom resource and CRD validation, in the shape and wording of
 * apimachinery's field.Error (the same shape as the API server's field errors, so both render
 * into one 422 Invalid).
 */

export type FieldErrorType =
  | 'FieldValueNotFound' | 'FieldValueRequired' | 'FieldValueDuplicate' | 'FieldValueInvalid'
  | 'FieldValueNotSupported' | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueTooMany'
  | 'FieldValueTypeInvalid' | 'InternalError';

export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  readonly value?: unknown;
  readonly detail: string;
}

const e = (type: FieldErrorType, field: string, detail: string, value?: unknown): FieldError =>
  (value === undefined ? { type, field, detail } : { type, field, value, detail });

export const fe = {
  required: (field: string, detail = '') => e('FieldValueRequired', field, detail),
  invalid: (field: string, value: unknown, detail: string) => e('FieldValueInvalid', field, detail, value),
  typeInvalid: (field: string, value: unknown, detail: string) => e('FieldValueTypeInvalid', field, detail, value),
  forbidden: (field: string, detail: string) => e('FieldValueForbidden', field, detail),
  duplicate: (field: string, value: unknown) => e('FieldValueDuplicate', field, '', value),
  notSupported: (field: string, value: unknown, valid: readonly string[]) =>
    e('FieldValueNotSupported', field, valid.length ? `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}` : '', value),
  tooLong: (field: string, max: number) => e('FieldValueTooLong', field, `may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`),
  tooMany: (field: string, actual: number, max: number) => e('FieldValueTooMany', field, `must have at most ${max} ${max === 1 ? 'item' : 'items'}`, actual),
};

/** Joins a child name onto a field path (`spec` + `x` → `spec.x`). */
export function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** A keyed child path as apimachinery prints it (`properties[spec]`). */
export function keyed(path: string, key: string): string {
  return `${path}[${key}]`;
}
