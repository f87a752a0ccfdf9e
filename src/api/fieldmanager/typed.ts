/**
 * @module Reading typed values the way server-side apply does (structured-merge-diff's
 * ToFieldSet and Compare): the set of fields a value sets, and the fields added, modified and
 * removed between two values. Atomic lists and maps count as one leaf; items of map and set lists
 * are identified by key or value, never by position.
 */
import { deepEqual, isObject } from '../merge/json.js';
import type { ListNode, MergeNode } from '../merge/schema.js';
import { atomOf, entryNode, isDeclared, itemElement, type Atom } from './atoms.js';
import { FieldSet } from './field-set.js';
import { serializePE, type FieldPath, type PathElement } from './path.js';

/** The fields `value` sets, for a value already validated against `node`. */
export function toFieldSet(value: unknown, node: MergeNode): FieldSet {
  const set = FieldSet.of();
  walkSet(value, node, [], set);
  return set;
}

function walkSet(v: unknown, node: MergeNode, path: FieldPath, set: FieldSet): void {
  const atom = atomOf(node, v);
  if (atom.kind === 'scalar') {
    set.insert(path);
    return;
  }
  if (atom.atomic) {
    set.insert(path);
    return;
  }
  if (atom.kind === 'list') {
    if (!Array.isArray(v)) return;
    const pes = v.map((item) => itemElement(atom.list, item));
    const counts = new Map<string, number>();
    for (const pe of pes) counts.set(serializePE(pe), (counts.get(serializePE(pe)) ?? 0) + 1);
    v.forEach((item, i) => {
      const pe = pes[i] as PathElement;
      const child = [...path, pe];
      // A duplicated item is owned as a whole (its key path), never field by field.
      if ((counts.get(serializePE(pe)) ?? 0) > 1) {
        set.insert(child);
        return;
      }
      walkSet(item, atom.list.item, child, set);
      set.insert(child);
    });
    return;
  }
  if (!isObject(v)) return;
  for (const [key, val] of Object.entries(v)) {
    const child = [...path, { field: key }];
    const sub = entryNode(atom.node, key);
    if (sub) walkSet(val, sub, child, set);
    if (val === null || (isObject(val) && Object.keys(val).length === 0) || !isDeclared(atom.node, key)) set.insert(child);
  }
}

export interface Comparison {
  readonly added: FieldSet;
  readonly modified: FieldSet;
  readonly removed: FieldSet;
}

/** The fields added, modified and removed from `lhs` to `rhs` (undefined = absent). */
export function compare(lhs: unknown, rhs: unknown, node: MergeNode): Comparison {
  const c = { added: FieldSet.of(), modified: FieldSet.of(), removed: FieldSet.of() };
  walkCompare(lhs, rhs, { node, path: [], c });
  return c;
}

interface CompareCtx {
  node: MergeNode;
  path: FieldPath;
  c: { added: FieldSet; modified: FieldSet; removed: FieldSet };
}

function leaf(lhs: unknown, rhs: unknown, ctx: CompareCtx): void {
  if (lhs === undefined) ctx.c.added.insert(ctx.path);
  else if (rhs === undefined) ctx.c.removed.insert(ctx.path);
  else if (!deepEqual(lhs, rhs)) ctx.c.modified.insert(ctx.path);
}

/** Compares under one atom; true when the node was a leaf (compared as a whole). */
function handle(atom: Atom, lhs: unknown, rhs: unknown, ctx: CompareCtx): boolean {
  if (atom.kind === 'scalar') {
    leaf(lhs, rhs, ctx);
    return true;
  }
  if (atom.kind === 'list') {
    const l = Array.isArray(lhs) ? lhs : [];
    const r = Array.isArray(rhs) ? rhs : [];
    if (atom.atomic || (!l.length && !r.length)) {
      leaf(lhs, rhs, ctx);
      return true;
    }
    compareItems(l, r, atom.list, ctx);
    return false;
  }
  const l = isObject(lhs) ? lhs : undefined;
  const r = isObject(rhs) ? rhs : undefined;
  if (atom.atomic || ((!l || !Object.keys(l).length) && (!r || !Object.keys(r).length))) {
    leaf(lhs, rhs, ctx);
    return true;
  }
  for (const key of new Set([...Object.keys(l ?? {}), ...Object.keys(r ?? {})])) {
    const sub = entryNode(atom.node, key);
    if (!sub) continue;
    walkCompare(l && Object.hasOwn(l, key) ? l[key] : undefined, r && Object.hasOwn(r, key) ? r[key] : undefined, { node: sub, path: [...ctx.path, { field: key }], c: ctx.c });
  }
  return false;
}

function walkCompare(lhs: unknown, rhs: unknown, ctx: CompareCtx): void {
  const la = atomOf(ctx.node, lhs);
  const ra = atomOf(ctx.node, rhs);
  let inLeaf: boolean;
  if (rhs === undefined) inLeaf = handle(la, lhs, rhs, ctx);
  else if (lhs === undefined || la.kind === ra.kind) inLeaf = handle(ra, lhs, rhs, ctx);
  else {
    // Different shapes under an untyped node: each side is walked under its own shape.
    handle(la, lhs, rhs, ctx);
    inLeaf = handle(ra, lhs, rhs, ctx);
  }
  if (inLeaf) return;
  if (lhs === undefined) ctx.c.added.insert(ctx.path);
  else if (rhs === undefined) ctx.c.removed.insert(ctx.path);
}

function compareItems(lhs: unknown[], rhs: unknown[], list: ListNode, ctx: CompareCtx): void {
  const order: PathElement[] = [];
  const lv = new Map<string, unknown[]>();
  const rv = new Map<string, unknown[]>();
  const index = (items: unknown[], into: Map<string, unknown[]>, other?: Map<string, unknown[]>) => {
    for (const item of items) {
      let pe: PathElement;
      try {
        pe = itemElement(list, item);
      } catch {
        continue;
      }
      const k = serializePE(pe);
      const seen = into.get(k);
      if (seen) seen.push(item);
      else {
        into.set(k, [item]);
        if (!other?.has(k)) order.push(pe);
      }
    }
  };
  index(lhs, lv);
  index(rhs, rv, lv);
  for (const pe of order) {
    const k = serializePE(pe);
    const l = lv.get(k) ?? [];
    const r = rv.get(k) ?? [];
    const child = { node: list.item, path: [...ctx.path, pe], c: ctx.c };
    if (l.length <= 1 && r.length <= 1) walkCompare(l[0], r[0], child);
    else if (l.length >= 2 && r.length >= 2) {
      if (!deepEqual(l, r)) ctx.c.modified.insert(child.path);
    } else if (l.length >= 2) {
      if (r.length) walkCompare(undefined, r[0], child);
      ctx.c.removed.insert(child.path);
    } else {
      if (l.length) walkCompare(l[0], undefined, child);
      ctx.c.added.insert(child.path);
    }
  }
}
