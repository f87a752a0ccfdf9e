/**
 * @module Combining and pruning typed values as server-side apply does (structured-merge-diff's
 * Merge and RemoveItems): an applied configuration merged onto the live object (configuration
 * wins at leaves; maps merge by key; map and set lists merge by item identity, keeping an order
 * that respects both sides), and removal of the fields a set names.
 */
import { isObject, put, type JsonObject } from '../merge/json.js';
import type { ListNode, MergeNode } from '../merge/schema.js';
import { atomOf, entryNode, itemElement } from './atoms.js';
import type { FieldSet } from './field-set.js';
import { serializePE, type PathElement } from './path.js';

/** `rhs` merged onto `lhs` (either may be undefined = absent); the result, or undefined. */
export function merge(lhs: unknown, rhs: unknown, node: MergeNode): unknown {
  if (rhs === undefined) return lhs;
  if (lhs === undefined) return rhs;
  const la = atomOf(node, lhs);
  const ra = atomOf(node, rhs);
  if (la.kind !== ra.kind) return rhs;
  if (ra.kind === 'scalar') return rhs;
  if (ra.kind === 'list') {
    const l = Array.isArray(lhs) ? lhs : [];
    const r = Array.isArray(rhs) ? rhs : [];
    if (ra.atomic || (!l.length && !r.length)) return rhs;
    const out = mergeItems(l, r, ra.list);
    return out.length ? out : undefined;
  }
  const l = isObject(lhs) ? lhs : undefined;
  const r = isObject(rhs) ? rhs : undefined;
  if (ra.atomic || ((!l || !Object.keys(l).length) && (!r || !Object.keys(r).length))) return rhs;
  const out: JsonObject = {};
  for (const key of new Set([...Object.keys(l ?? {}), ...Object.keys(r ?? {})])) {
    const lv = l && Object.hasOwn(l, key) ? l[key] : undefined;
    const rv = r && Object.hasOwn(r, key) ? r[key] : undefined;
    const sub = entryNode(ra.node, key);
    const m = sub ? merge(lv, rv, sub) : rv ?? lv;
    if (m !== undefined) put(out, key, m);
  }
  return Object.keys(out).length ? out : undefined;
}

interface Indexed {
  pes: PathElement[];
  keys: string[];
  /** Item by identity; a duplicated identity maps to null, as structured-merge-diff records it. */
  observed: Map<string, unknown>;
}

function indexItems(items: unknown[], list: ListNode, allowDuplicates: boolean): Indexed {
  const out: Indexed = { pes: [], keys: [], observed: new Map() };
  for (const item of items) {
    const pe = itemElement(list, item);
    const k = serializePE(pe);
    if (out.observed.has(k)) {
      if (!allowDuplicates) throw new Error(`duplicate entries for key ${k}`);
      out.observed.set(k, null);
    } else out.observed.set(k, item);
    out.pes.push(pe);
    out.keys.push(k);
  }
  return out;
}

/**
 * Merges the items of two map or set lists: items keep the live order, items only in the
 * configuration are placed where the configuration puts them relative to the shared ones.
 */
function mergeItems(lhs: unknown[], rhs: unknown[], list: ListNode): unknown[] {
  const R = indexItems(rhs, list, false);
  const L = indexItems(lhs, list, true);
  const out: unknown[] = [];
  const push = (v: unknown) => {
    if (v !== undefined) out.push(v);
  };
  const shared = R.keys.filter((k) => L.observed.has(k));
  let next: string | undefined = shared.shift();
  const mergedR = new Set<string>();
  let li = 0;
  let ri = 0;
  while (li < L.keys.length || ri < R.keys.length) {
    if (li < L.keys.length && ri < R.keys.length) {
      const k = L.keys[li] as string;
      if (k === R.keys[ri]) {
        mergedR.add(k);
        push(merge(L.observed.get(k), R.observed.get(k), list.item));
        li++;
        ri++;
        next = shared.shift();
        continue;
      }
      if (R.observed.has(k) && next !== undefined && next !== k) {
        li++;
        continue;
      }
    }
    if (li < L.keys.length) {
      const k = L.keys[li] as string;
      if (!R.observed.has(k)) {
        push(merge(lhs[li], undefined, list.item));
        li++;
        continue;
      } else if (mergedR.has(k)) li++;
    }
    if (ri < R.keys.length) {
      const k = R.keys[ri] as string;
      mergedR.add(k);
      push(merge(L.observed.get(k), R.observed.get(k), list.item));
      ri++;
      if (next !== undefined && next === k) next = shared.shift();
    }
  }
  return out;
}

/**
 * `value` without the fields named in `set`. A map or list emptied by the removal stays as null in
 * its parent (so its owner keeps owning it, as structured-merge-diff does); undefined at the top.
 */
export function removeItems(value: unknown, set: FieldSet, node: MergeNode): unknown {
  const atom = atomOf(node, value);
  if (atom.kind === 'scalar') return value;
  if (atom.kind === 'list') {
    if (!Array.isArray(value) || !value.length || atom.atomic) return undefined;
    const out: unknown[] = [];
    for (const item of value) {
      let pe: PathElement;
      try {
        pe = itemElement(atom.list, item);
      } catch {
        out.push(item);
        continue;
      }
      if (set.has([pe])) continue;
      const sub = set.withPrefix(pe);
      const v = sub.empty() ? item : removeItems(item, sub, atom.list.item);
      out.push(v === undefined ? null : v);
    }
    return out.length ? out : undefined;
  }
  if (!isObject(value) || !Object.keys(value).length || atom.atomic) return undefined;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    const pe = { field: key };
    if (set.has([pe])) continue;
    const sub = set.withPrefix(pe);
    const child = entryNode(atom.node, key);
    const nv = sub.empty() || !child ? v : removeItems(v, sub, child);
    put(out, key, nv === undefined ? null : nv);
  }
  return Object.keys(out).length ? out : undefined;
}

/** `value` without null values in typed positions (a typed null means absent once decoded). */
export function dropNulls(value: unknown, node: MergeNode): unknown {
  if (node.kind === 'untyped' || node.kind === 'scalar') return value;
  if (Array.isArray(value) && node.kind === 'list') return value.map((v) => (v === null ? v : dropNulls(v, node.item)));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null) continue;
    const sub = entryNode(node, k);
    put(out, k, sub ? dropNulls(v, sub) : v);
  }
  return out;
}
