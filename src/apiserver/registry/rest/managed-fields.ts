/**
 * @module metadata.managedFields bookkeeping for non-apply writes: each create, update and
 * patch records an `Update` entry for its field manager with the fields it set. Ownership is
 * approximated at leaf-field granularity with lists treated as atomic; server-side apply
 * (the apply issue) refines this with the schema's list semantics.
 */
import { isPlainObject, jsonEqual, type KubeObject, type ManagedFieldsEntry } from '../../../api/meta/object.js';
import { nowTimestamp } from './meta.js';

type Trie = Record<string, unknown>;

const SKIP_META = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp',
  'deletionGracePeriodSeconds', 'managedFields', 'selfLink', 'generateName']);

/** The fieldsV1 trie of the fields set in `obj` (`f:<name>` nodes, `.` for leaves that are maps). */
function trieOf(v: unknown, top: boolean): Trie {
  const out: Trie = {};
  if (!isPlainObject(v)) return out;
  for (const [k, val] of Object.entries(v)) {
    if (top && (k === 'apiVersion' || k === 'kind')) continue;
    if (top && k === 'metadata') {
      const m: Trie = {};
      if (isPlainObject(val)) {
        for (const [mk, mv] of Object.entries(val)) if (!SKIP_META.has(mk)) m[`f:${mk}`] = isPlainObject(mv) ? { '.': {}, ...trieOf(mv, false) } : {};
      }
      if (Object.keys(m).length) out['f:metadata'] = m;
      continue;
    }
    out[`f:${k}`] = isPlainObject(val) && Object.keys(val).length ? trieOf(val, false) : {};
  }
  return out;
}

/** The fields that differ between two objects, as a trie. */
function changedTrie(next: unknown, prev: unknown, top: boolean): Trie {
  const out: Trie = {};
  if (!isPlainObject(next)) return out;
  for (const [k, val] of Object.entries(next)) {
    if (top && (k === 'apiVersion' || k === 'kind')) continue;
    const old = isPlainObject(prev) ? prev[k] : undefined;
    if (jsonEqual(val, old)) continue;
    if (top && k === 'metadata') {
      const m = changedTrie(
        Object.fromEntries(Object.entries(isPlainObject(val) ? val : {}).filter(([mk]) => !SKIP_META.has(mk))),
        Object.fromEntries(Object.entries(isPlainObject(old) ? old : {}).filter(([mk]) => !SKIP_META.has(mk))), false);
      if (Object.keys(m).length) out['f:metadata'] = m;
      continue;
    }
    out[`f:${k}`] = isPlainObject(val) && isPlainObject(old) ? changedTrie(val, old, false) : isPlainObject(val) ? trieOf(val, false) : {};
  }
  return out;
}

function mergeTrie(a: Trie, b: Trie): Trie {
  const out: Trie = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isPlainObject(out[k]) && isPlainObject(v) ? mergeTrie(out[k] as Trie, v) : v;
  return out;
}

/**
 * Records a write by `manager` on `next` (prev: the stored object, absent on create). Mutates
 * next.metadata.managedFields. `subresource` is 'status' for status writes.
 */
export function recordUpdate(next: KubeObject, prev: KubeObject | undefined, opts: { manager: string; apiVersion: string; subresource?: string }): void {
  const entries: ManagedFieldsEntry[] = (prev?.metadata.managedFields ?? next.metadata.managedFields ?? []).filter((e) => isPlainObject(e));
  const changed = prev ? changedTrie(next, prev, true) : trieOf(next, true);
  if (prev && Object.keys(changed).length === 0) {
    if (prev.metadata.managedFields) next.metadata.managedFields = prev.metadata.managedFields;
    else delete next.metadata.managedFields;
    return;
  }
  const sub = opts.subresource ?? '';
  const i = entries.findIndex((e) => e.manager === opts.manager && e.operation === 'Update' && (e.subresource ?? '') === sub && e.apiVersion === opts.apiVersion);
  const base = i >= 0 && isPlainObject(entries[i]?.fieldsV1) ? (entries[i]?.fieldsV1 as Trie) : {};
  const entry: ManagedFieldsEntry = { manager: opts.manager, operation: 'Update', apiVersion: opts.apiVersion, time: nowTimestamp(), fieldsType: 'FieldsV1', fieldsV1: mergeTrie(base, changed) };
  if (sub) entry.subresource = sub;
  const out = entries.slice();
  if (i >= 0) out[i] = entry;
  else out.push(entry);
  next.metadata.managedFields = out;
}
