/**
 * @module metadata.managedFields, decoded into owned sets keyed by manager identity and encoded
 * back, as kube-apiserver stores them: one entry per (manager, operation, apiVersion for updates,
 * subresource), FieldsV1 sets, RFC 3339 times, entries sorted by operation, time, manager,
 * apiVersion and subresource.
 */
import { isObject } from '../merge/json.js';
import { FieldSet } from './field-set.js';
import type { ManagedSets, VersionedSet } from './updater.js';

/** A metadata.managedFields entry. */
export interface ManagedFieldsEntry {
  manager?: string;
  operation?: 'Apply' | 'Update';
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: unknown;
  subresource?: string;
}

/** Owned sets plus the time each manager last changed something. */
export interface Managed {
  readonly fields: ManagedSets;
  readonly times: Map<string, string | undefined>;
}

export function emptyManaged(): Managed {
  return { fields: new Map(), times: new Map() };
}

/** The identity of a manager entry: its JSON without time and fields (apiVersion too, for Apply). */
export function managerIdentifier(e: { manager?: string | undefined; operation?: 'Apply' | 'Update' | undefined; apiVersion?: string | undefined; subresource?: string | undefined }): string {
  const id: ManagedFieldsEntry = {};
  if (e.manager) id.manager = e.manager;
  if (e.operation) id.operation = e.operation;
  if (e.apiVersion && e.operation !== 'Apply') id.apiVersion = e.apiVersion;
  if (e.subresource) id.subresource = e.subresource;
  return JSON.stringify(id);
}

/** Parses a manager identifier back into its entry fields. */
export function parseIdentifier(id: string): ManagedFieldsEntry {
  try {
    const v = JSON.parse(id) as unknown;
    return isObject(v) ? v as ManagedFieldsEntry : { manager: id };
  } catch {
    return { manager: id };
  }
}

/** Decodes managedFields; throws an Error saying what is wrong with an entry. */
export function decodeManagedFields(entries: unknown): Managed {
  const managed = emptyManaged();
  if (entries === undefined || entries === null) return managed;
  if (!Array.isArray(entries)) throw new Error('managedFields must be a list');
  entries.forEach((raw, i) => {
    if (!isObject(raw)) throw new Error(`managed fields entry ${i} is not an object`);
    const e = raw as ManagedFieldsEntry;
    if (e.operation !== 'Apply' && e.operation !== 'Update') throw new Error('operation must be `Apply` or `Update`');
    if (!e.apiVersion) throw new Error('apiVersion must not be empty');
    if (!e.fieldsType) throw new Error(`missing fieldsType in managed fields entry ${i}`);
    if (e.fieldsType !== 'FieldsV1') throw new Error(`invalid fieldsType "${e.fieldsType}" in managed fields entry ${i}`);
    const id = managerIdentifier(e);
    let set: FieldSet;
    try {
      set = FieldSet.fromFieldsV1(e.fieldsV1 ?? {});
    } catch (err) {
      throw new Error(`error decoding versioned set from entry ${i}: ${err instanceof Error ? err.message : String(err)}`);
    }
    managed.fields.set(id, { set, apiVersion: e.apiVersion, applied: e.operation === 'Apply' });
    managed.times.set(id, e.time);
  });
  return managed;
}

function seconds(t: string | undefined): number {
  if (!t) return 0;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Encodes owned sets as managedFields entries; undefined when nobody owns anything. */
export function encodeManagedFields(managed: Managed): ManagedFieldsEntry[] | undefined {
  if (!managed.fields.size) return undefined;
  const out: ManagedFieldsEntry[] = [];
  for (const [id, vs] of managed.fields) out.push(entryFor(id, vs, managed.times.get(id)));
  return out.sort((p, q) =>
    cmp(p.operation ?? '', q.operation ?? '') || seconds(p.time) - seconds(q.time) || cmp(p.manager ?? '', q.manager ?? '')
    || cmp(p.apiVersion ?? '', q.apiVersion ?? '') || cmp(p.subresource ?? '', q.subresource ?? ''));
}

function entryFor(id: string, vs: VersionedSet, time: string | undefined): ManagedFieldsEntry {
  const parsed = parseIdentifier(id);
  const e: ManagedFieldsEntry = {};
  if (parsed.manager) e.manager = parsed.manager;
  e.operation = vs.applied ? 'Apply' : parsed.operation ?? 'Update';
  e.apiVersion = vs.apiVersion;
  if (time) e.time = time;
  e.fieldsType = 'FieldsV1';
  e.fieldsV1 = vs.set.toFieldsV1();
  if (parsed.subresource) e.subresource = parsed.subresource;
  return e;
}

/** A time as metav1.Time serializes it: RFC 3339 in UTC, whole seconds. */
export function rfc3339(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}
