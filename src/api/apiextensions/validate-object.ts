/**
 * @module Validation of a custom object against its CRD version's structural schema, with the
 * messages kube-apiserver gives (`spec.replicas: Invalid value: "string": spec.replicas in body
 * must be of type integer: "string"`): types and nullability, int-or-string, required, enum,
 * pattern, formats, numeric bounds, lengths, item and property counts, allOf/anyOf/oneOf/not,
 * nested items and properties, unique set and map-list items, and embedded resources.
 */
import { deepEqual, isObject } from '../merge/json.js';
import { fieldErrors as fe, type FieldError } from '../validation/field-errors.js';
import { child } from './path-text.js';
import { matchesFormat } from './formats.js';
import { additionalOf, isEmbedded, isIntOrString, itemsOf, type JSONSchemaProps } from './json-schema.js';

/** The JSON type name of a value, as the OpenAPI validator names it. */
export function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(type: string, v: unknown): boolean {
  const t = jsonType(v);
  return t === type || (type === 'number' && t === 'integer');
}

/** Every schema violation of `value` at `path` (the object's root path is ''). */
export function validateValue(value: unknown, schema: JSONSchemaProps, path = ''): FieldError[] {
  const errs: FieldError[] = [];
  walk(value, schema, path, errs);
  return errs;
}

const inBody = (path: string) => `${path || '.'} in body`;

function walk(v: unknown, s: JSONSchemaProps, path: string, errs: FieldError[]): void {
  if (v === null) {
    if (!s.nullable && (s.type || isIntOrString(s))) errs.push(fe.typeInvalid(path, 'null', `${inBody(path)} must be of type ${s.type ?? 'integer,string'}: "null"`));
    return;
  }
  if (isIntOrString(s)) {
    if (!(typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v)))) {
      errs.push(fe.typeInvalid(path, jsonType(v), `${inBody(path)} must be of type integer,string: "${jsonType(v)}"`));
      return;
    }
  } else if (s.type && !typeMatches(s.type, v)) {
    errs.push(fe.typeInvalid(path, jsonType(v), `${inBody(path)} must be of type ${s.type}: "${jsonType(v)}"`));
    return;
  }
  if (s.enum && !s.enum.some((e) => deepEqual(e, v))) {
    errs.push(fe.notSupported(path, v, s.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)))));
  }
  if (typeof v === 'string') strings(v, s, path, errs);
  else if (typeof v === 'number') numbers(v, s, path, errs);
  else if (Array.isArray(v)) arrays(v, s, path, errs);
  else if (isObject(v)) objects(v, s, path, errs);
  combinators(v, s, path, errs);
}

function strings(v: string, s: JSONSchemaProps, path: string, errs: FieldError[]): void {
  const len = [...v].length;
  if (s.maxLength !== undefined && len > s.maxLength) errs.push(fe.tooLong(path, s.maxLength));
  if (s.minLength !== undefined && len < s.minLength) errs.push(fe.invalid(path, v, `${inBody(path)} should be at least ${s.minLength} chars long`));
  if (s.pattern !== undefined) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(s.pattern, 'u');
    } catch {
      re = undefined;
    }
    if (re && !re.test(v)) errs.push(fe.invalid(path, v, `${inBody(path)} should match '${s.pattern}'`));
  }
  if (s.format && !matchesFormat(s.format, v)) errs.push(fe.invalid(path, v, `${inBody(path)} must be of type ${s.format}: "${v}"`));
}

function numbers(v: number, s: JSONSchemaProps, path: string, errs: FieldError[]): void {
  if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) {
    errs.push(fe.invalid(path, v, `${inBody(path)} should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${s.maximum}`));
  }
  if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) {
    errs.push(fe.invalid(path, v, `${inBody(path)} should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${s.minimum}`));
  }
  if (s.multipleOf !== undefined && s.multipleOf > 0 && !Number.isInteger(v / s.multipleOf)) {
    errs.push(fe.invalid(path, v, `${inBody(path)} should be a multiple of ${s.multipleOf}`));
  }
}

function arrays(v: unknown[], s: JSONSchemaProps, path: string, errs: FieldError[]): void {
  if (s.maxItems !== undefined && v.length > s.maxItems) errs.push(fe.tooMany(path, v.length, s.maxItems));
  if (s.minItems !== undefined && v.length < s.minItems) errs.push(fe.invalid(path, v.length, `${inBody(path)} should have at least ${s.minItems} items`));
  const items = itemsOf(s);
  if (items) v.forEach((x, i) => walk(x, items, `${path}[${i}]`, errs));
  listType(v, s, path, errs);
}

/** Unique items of x-kubernetes-list-type set and map lists (apiextensions' listtype validation). */
function listType(v: unknown[], s: JSONSchemaProps, path: string, errs: FieldError[]): void {
  const lt = s['x-kubernetes-list-type'];
  if (lt === 'set') {
    const seen: unknown[] = [];
    v.forEach((x, i) => {
      if (seen.some((y) => deepEqual(x, y))) errs.push(fe.duplicate(`${path}[${i}]`, x));
      else seen.push(x);
    });
  } else if (lt === 'map') {
    const keys = s['x-kubernetes-list-map-keys'] ?? [];
    const items = itemsOf(s);
    const seen: unknown[] = [];
    v.forEach((x, i) => {
      if (!isObject(x)) return;
      const key: Record<string, unknown> = {};
      for (const k of keys) key[k] = Object.hasOwn(x, k) ? x[k] : items?.properties?.[k]?.default;
      if (seen.some((y) => deepEqual(key, y))) errs.push(fe.duplicate(`${path}[${i}]`, key));
      else seen.push(key);
    });
  }
}

function objects(v: Record<string, unknown>, s: JSONSchemaProps, path: string, errs: FieldError[]): void {
  const n = Object.keys(v).length;
  if (s.maxProperties !== undefined && n > s.maxProperties) errs.push(fe.tooMany(path, n, s.maxProperties));
  if (s.minProperties !== undefined && n < s.minProperties) errs.push(fe.invalid(path, n, `${inBody(path)} should have at least ${s.minProperties} properties`));
  for (const r of s.required ?? []) if (!Object.hasOwn(v, r)) errs.push(fe.required(child(path, r)));
  const extra = additionalOf(s);
  for (const [k, x] of Object.entries(v)) {
    const sub = s.properties?.[k] ?? extra;
    if (sub) walk(x, sub, child(path, k), errs);
  }
  if (isEmbedded(s)) {
    // An embedded object must say what it is (apiextensions' objectmeta validation).
    if (typeof v['apiVersion'] !== 'string' || !v['apiVersion']) errs.push(fe.required(child(path, 'apiVersion'), 'must not be empty'));
    if (typeof v['kind'] !== 'string' || !v['kind']) errs.push(fe.required(child(path, 'kind'), 'must not be empty'));
  }
}

function combinators(v: unknown, s: JSONSchemaProps, path: string, errs: FieldError[]): void {
  const passes = (sub: JSONSchemaProps) => validateValue(v, sub, path).length === 0;
  for (const sub of s.allOf ?? []) walk(v, sub, path, errs);
  if (s.anyOf && !s.anyOf.some(passes)) errs.push(fe.invalid(path, v, `${inBody(path)} must validate at least one schema (anyOf)`));
  if (s.oneOf && s.oneOf.filter(passes).length !== 1) errs.push(fe.invalid(path, v, `${inBody(path)} must validate one and only one schema (oneOf)`));
  if (s.not && passes(s.not)) errs.push(fe.invalid(path, v, `${inBody(path)} must not validate the schema (not)`));
}
