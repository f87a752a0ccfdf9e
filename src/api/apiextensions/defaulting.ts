/**
 * @module Defaulting and null pruning of custom objects from their structural schema, in the order
 * apiextensions applies them: nulls of non-nullable fields without a default are dropped, then
 * absent (or null, non-nullable) fields with a default get a copy of it, recursively.
 */
import { deepCopy, isObject } from '../merge/json.js';
import { additionalOf, itemsOf, type JSONSchemaProps } from './json-schema.js';

const nonNullableNull = (v: unknown, s: JSONSchemaProps | undefined) => v === null && s !== undefined && !s.nullable;

/** Drops null map entries whose schema is not nullable and has no default; mutates `value`. */
export function pruneNulls(value: unknown, s: JSONSchemaProps | undefined): void {
  if (!s) return;
  if (Array.isArray(value)) {
    const items = itemsOf(s);
    for (const x of value) pruneNulls(x, items);
    return;
  }
  if (!isObject(value)) return;
  const extra = additionalOf(s);
  for (const [k, v] of Object.entries(value)) {
    const sub = s.properties?.[k] ?? extra;
    if (nonNullableNull(v, sub) && sub?.default === undefined) delete value[k];
    else pruneNulls(v, sub);
  }
}

/** Fills in defaults; mutates `value`. */
export function applyDefaults(value: unknown, s: JSONSchemaProps | undefined): void {
  if (!s) return;
  if (Array.isArray(value)) {
    const items = itemsOf(s);
    value.forEach((x, i) => {
      if (nonNullableNull(x, items) && items?.default !== undefined) value[i] = deepCopy(items.default);
      applyDefaults(value[i], items);
    });
    return;
  }
  if (!isObject(value)) return;
  for (const [k, prop] of Object.entries(s.properties ?? {})) {
    if (prop.default === undefined) continue;
    if (!Object.hasOwn(value, k) || nonNullableNull(value[k], prop)) value[k] = deepCopy(prop.default);
  }
  const extra = additionalOf(s);
  for (const [k, v] of Object.entries(value)) {
    const prop = s.properties?.[k];
    if (prop) applyDefaults(v, prop);
    else if (extra) {
      if (nonNullableNull(v, extra) && extra.default !== undefined) value[k] = deepCopy(extra.default);
      applyDefaults(value[k], extra);
    }
  }
}
