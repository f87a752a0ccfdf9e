/**
 * @module Field path elements of server-side apply (structured-merge-diff's fieldpath): a field
 * name, the key of an item in a map-typed list, the value of an item in a set-typed list, or an
 * index. Their total order, their printed form in conflict messages (`.spec.containers[name="c"]`)
 * and their FieldsV1 encoding (`f:spec`, `k:{"name":"c"}`, `v:"x"`, `i:0`).
 */
import { isObject } from '../merge/json.js';

export interface KeyField {
  readonly name: string;
  readonly value: unknown;
}

export type PathElement =
  | { readonly field: string }
  | { readonly key: readonly KeyField[] }
  | { readonly value: unknown }
  | { readonly index: number };

export type FieldPath = readonly PathElement[];

/** Compares strings by code point, which is the byte order of their UTF-8 form (Go's order). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function rank(v: unknown): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  if (Array.isArray(v)) return 3;
  if (isObject(v)) return 4;
  return 5;
}

/** The total order of JSON values: numbers, strings, booleans, lists, maps, then null. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0: return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 1: return compareStrings(a as string, b as string);
    case 2: return a === b ? 0 : a ? 1 : -1;
    case 3: {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareValues(x[i], y[i]);
        if (c) return c;
      }
      return x.length - y.length < 0 ? -1 : x.length > y.length ? 1 : 0;
    }
    case 4: {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort(compareStrings);
      for (const k of keys) {
        if (!Object.hasOwn(x, k)) return 1;
        if (!Object.hasOwn(y, k)) return -1;
        const c = compareValues(x[k], y[k]);
        if (c) return c;
      }
      return 0;
    }
    default: return 0;
  }
}

function kindRank(pe: PathElement): number {
  if ('field' in pe) return 0;
  if ('key' in pe) return 1;
  if ('value' in pe) return 2;
  return 3;
}

/** The total order of path elements (fields, then keys, then values, then indexes). */
export function comparePE(a: PathElement, b: PathElement): number {
  const ka = kindRank(a);
  const kb = kindRank(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  if ('field' in a) return compareStrings(a.field, (b as { field: string }).field);
  if ('key' in a) {
    const x = a.key;
    const y = (b as { key: readonly KeyField[] }).key;
    for (let i = 0; ; i++) {
      if (i >= x.length && i >= y.length) return 0;
      if (i >= x.length) return -1;
      if (i >= y.length) return 1;
      const c = compareStrings((x[i] as KeyField).name, (y[i] as KeyField).name) || compareValues((x[i] as KeyField).value, (y[i] as KeyField).value);
      if (c) return c;
    }
  }
  if ('value' in a) return compareValues(a.value, (b as { value: unknown }).value);
  const i = (a as { index: number }).index;
  const j = (b as { index: number }).index;
  return i < j ? -1 : i > j ? 1 : 0;
}

/** Go's %q-like rendering of a value in a path (strings quoted, maps as k=v). */
function valueString(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(valueString).join(',')}]`;
  if (isObject(v)) return Object.keys(v).map((k) => `${k}=${valueString(v[k])}`).join('');
  return String(v);
}

/** The element as conflict messages print it: `.name`, `[name="c"]`, `[="v"]`, `[0]`. */
export function peString(pe: PathElement): string {
  if ('field' in pe) return `.${pe.field}`;
  if ('key' in pe) return `[${pe.key.map((k) => `${k.name}=${valueString(k.value)}`).join(',')}]`;
  if ('value' in pe) return `[=${valueString(pe.value)}]`;
  return `[${pe.index}]`;
}

/** A whole path as conflict messages print it: `.spec.containers[name="c"].image`. */
export function pathString(p: FieldPath): string {
  return p.map(peString).join('');
}

/** The FieldsV1 key of an element. */
export function serializePE(pe: PathElement): string {
  if ('field' in pe) return `f:${pe.field}`;
  if ('key' in pe) {
    const obj: Record<string, unknown> = {};
    for (const k of pe.key) Object.defineProperty(obj, k.name, { value: k.value, enumerable: true, writable: true, configurable: true });
    return `k:${goJson(obj)}`;
  }
  if ('value' in pe) return `v:${goJson(pe.value)}`;
  return `i:${pe.index}`;
}

/** JSON as Go's encoder writes it: `<`, `>` and `&` escaped for HTML safety. */
function goJson(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Parses a FieldsV1 key: undefined for an unknown element type (skipped, as upstream does); throws on a malformed one. */
export function deserializePE(s: string): PathElement | undefined {
  if (s.length < 2) throw new Error(`key must be 2 characters long: ${s}`);
  if (s[1] !== ':') throw new Error(`missing colon: ${s}`);
  const body = s.slice(2);
  switch (s[0]) {
    case 'f': return { field: body };
    case 'v': return { value: JSON.parse(body) as unknown };
    case 'k': {
      const obj = JSON.parse(body) as unknown;
      if (!isObject(obj)) throw new Error(`key element is not an object: ${s}`);
      return { key: sortKey(Object.entries(obj).map(([name, value]) => ({ name, value }))) };
    }
    case 'i': {
      if (!/^-?\d+$/.test(body)) throw new Error(`invalid index: ${s}`);
      return { index: Number(body) };
    }
    default: return undefined;
  }
}

/** Sorts key fields by name (the canonical form of a key element). */
export function sortKey(fields: KeyField[]): KeyField[] {
  return fields.sort((a, b) => compareStrings(a.name, b.name));
}
