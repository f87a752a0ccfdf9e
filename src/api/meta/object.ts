/**
 * @module The generic object shape every stored Kubernetes object has (TypeMeta + ObjectMeta +
 * the rest as unknown JSON), with small accessors. The API server works on these plain JSON
 * objects; kind-specific code narrows the parts it needs.
 */

import type { ListMeta, ManagedFieldsEntry, ObjectMeta, OwnerReference } from '../types/meta-v1.js';

export type { ListMeta, ManagedFieldsEntry, ObjectMeta, OwnerReference };

/** Any API object: apiVersion, kind, metadata and kind-specific fields. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface KubeList<T = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: ListMeta;
  items: T[];
}

/** A JSON object (not null, not an array). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads `obj.a.b.c` through plain objects; undefined when any step is missing. */
export function getPath(obj: unknown, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** The value at `key` when it is a plain object, else undefined. */
export function objectAt(obj: unknown, key: string): Record<string, unknown> | undefined {
  if (!isPlainObject(obj)) return undefined;
  const v = obj[key];
  return isPlainObject(v) ? v : undefined;
}

/** The value at `key` when it is an array, else undefined. */
export function arrayAt(obj: unknown, key: string): unknown[] | undefined {
  if (!isPlainObject(obj)) return undefined;
  const v = obj[key];
  return Array.isArray(v) ? v : undefined;
}

/** The value at `key` when it is a string, else undefined. */
export function stringAt(obj: unknown, key: string): string | undefined {
  if (!isPlainObject(obj)) return undefined;
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

/** The value at `key` when it is a number, else undefined. */
export function numberAt(obj: unknown, key: string): number | undefined {
  if (!isPlainObject(obj)) return undefined;
  const v = obj[key];
  return typeof v === 'number' ? v : undefined;
}

/**
 * A deep copy of a JSON value, as a JSON round trip would make it (undefined members dropped,
 * undefined array items null, toJSON honoured) without building the intermediate string;
 * about three times faster than JSON.parse(JSON.stringify(v)), and structuredClone is slower still.
 */
export function cloneJson<T>(v: T): T {
  return v === undefined ? v : (cloneValue(v) as T);
}

function cloneValue(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return typeof v === 'number' && !Number.isFinite(v) ? null : v;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      out[i] = x === undefined || typeof x === 'function' ? null : cloneValue(x);
    }
    return out;
  }
  const o = v as Record<string, unknown> & { toJSON?: unknown };
  if (typeof o.toJSON === 'function') return JSON.parse(JSON.stringify(o)) as unknown;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    // An own "__proto__" member (JSON.parse makes one) stays a member, not a prototype.
    if (k === '__proto__') Object.defineProperty(out, k, { value: cloneValue(x), enumerable: true, writable: true, configurable: true });
    else out[k] = cloneValue(x);
  }
  return out;
}

/** Structural equality of two JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!jsonEqual(ao[k], bo[k])) return false;
  return true;
}

/** Splits `apps/v1` into group and version (`v1` → core). */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** `apps/v1`, or `v1` for the core group. */
export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}
