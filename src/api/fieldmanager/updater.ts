/**
 * @module Ownership bookkeeping of server-side apply (structured-merge-diff's merge.Updater): an
 * update records what changed as owned by its manager and takes those fields from everyone else;
 * an apply merges the configuration, removes fields the manager applied before and dropped now
 * (unless another manager owns them), and refuses to change fields other managers own unless
 * forced. Every version of a kind is treated alike (no field-level conversion between versions).
 */
import { deepEqual } from '../merge/json.js';
import type { MergeNode } from '../merge/schema.js';
import { FieldSet } from './field-set.js';
import { compare, toFieldSet, type Comparison } from './typed.js';
import { merge, removeItems } from './typed-merge.js';

/** A manager's owned fields: the set, the API version it was recorded at, and whether it applied. */
export interface VersionedSet {
  readonly set: FieldSet;
  readonly apiVersion: string;
  readonly applied: boolean;
}

/** Owned sets by manager identifier (see managed-fields.ts). */
export type ManagedSets = Map<string, VersionedSet>;

/** One field another manager owns that an apply would change. */
export interface Conflict {
  readonly manager: string;
  readonly path: import('./path.js').FieldPath;
}

/** Thrown by apply when other managers own fields it would change. */
export class ApplyConflicts extends Error {
  constructor(readonly conflicts: readonly Conflict[]) {
    super(`${conflicts.length} apply conflict(s)`);
  }
}

export interface UpdaterOptions {
  readonly node: MergeNode;
  readonly apiVersion: string;
  /** Fields the endpoint resets (status on the main resource, spec on /status): never owned. */
  readonly ignored?: FieldSet | undefined;
}

function filtered(c: Comparison, ignored: FieldSet | undefined): Comparison {
  if (!ignored) return c;
  return { added: c.added.recursiveDifference(ignored), modified: c.modified.recursiveDifference(ignored), removed: c.removed.recursiveDifference(ignored) };
}

/**
 * Takes the fields changed from `oldObj` to `newObj` away from every manager but `workflow`:
 * changed fields (conflicts) unless not forced, removed fields always. Mutates `managers`.
 */
function takeOwnership(oldObj: unknown, newObj: unknown, managers: ManagedSets, opts: UpdaterOptions & { workflow: string; force: boolean }): Comparison {
  const cmp = filtered(compare(oldObj, newObj, opts.node), opts.ignored);
  const changed = cmp.modified.union(cmp.added);
  const conflicts = new Map<string, FieldSet>();
  for (const [manager, vs] of managers) {
    if (manager === opts.workflow) continue;
    const c = vs.set.intersection(changed);
    if (!c.empty()) conflicts.set(manager, c);
  }
  if (!opts.force && conflicts.size) {
    const list: Conflict[] = [];
    for (const manager of [...conflicts.keys()].sort()) conflicts.get(manager)?.iterate((path) => list.push({ manager, path }));
    throw new ApplyConflicts(list);
  }
  for (const [manager, vs] of managers) {
    if (manager === opts.workflow) continue;
    let set = vs.set;
    const c = conflicts.get(manager);
    if (c) set = set.difference(c);
    if (!cmp.removed.empty()) set = set.difference(cmp.removed);
    if (set.empty()) managers.delete(manager);
    else managers.set(manager, { ...vs, set });
  }
  for (const [manager, vs] of managers) if (vs.set.empty()) managers.delete(manager);
  return cmp;
}

/** Records a non-apply write of `newObj` over `liveObj` by `manager`; returns the new owned sets. */
export function updateManaged(liveObj: unknown, newObj: unknown, input: ManagedSets, opts: UpdaterOptions & { manager: string }): ManagedSets {
  const managers = new Map(input);
  const cmp = takeOwnership(liveObj, newObj, managers, { ...opts, workflow: opts.manager, force: true });
  const prev = managers.get(opts.manager)?.set ?? FieldSet.of();
  let set = prev.difference(cmp.removed).union(cmp.modified).union(cmp.added);
  if (opts.ignored) set = set.recursiveDifference(opts.ignored);
  if (set.empty()) managers.delete(opts.manager);
  else managers.set(opts.manager, { set, apiVersion: opts.apiVersion, applied: false });
  return managers;
}

export interface ApplyResult {
  /** The new object; undefined when the apply changed nothing. */
  readonly object: unknown;
  readonly managers: ManagedSets;
}

/**
 * Applies `config` for `manager` onto `liveObj`. Throws ApplyConflicts unless `force`; the input
 * sets are not modified.
 */
export function applyManaged(liveObj: unknown, config: unknown, input: ManagedSets, opts: UpdaterOptions & { manager: string; force: boolean }): ApplyResult {
  const managers = new Map(input);
  const merged = merge(liveObj, config, opts.node);
  const last = managers.get(opts.manager);
  let set = toFieldSet(config, opts.node);
  if (opts.ignored) set = set.recursiveDifference(opts.ignored);
  managers.set(opts.manager, { set, apiVersion: opts.apiVersion, applied: true });
  const pruned = prune(merged, managers, { ...opts, last }) ?? {};
  takeOwnership(liveObj, pruned, managers, { ...opts, workflow: opts.manager });
  return { object: deepEqual(liveObj, pruned) ? undefined : pruned, managers };
}

/**
 * Removes what the manager applied last time and no longer applies, unless some manager (itself
 * included) still owns it; items whose removal would orphan owned children are kept.
 */
function prune(merged: unknown, managers: ManagedSets, opts: UpdaterOptions & { manager: string; last: VersionedSet | undefined }): unknown {
  if (!opts.last || opts.last.set.empty()) return merged;
  const { node } = opts;
  const lastSet = opts.last.set.ensureNamedFieldsAreMembers(node);
  let pruned = removeItems(merged, lastSet, node);
  // Add back everything some manager owns.
  let owned = FieldSet.of();
  for (const vs of managers.values()) owned = owned.union(vs.set);
  const mergedSet = toFieldSet(merged, node).ensureNamedFieldsAreMembers(node);
  const prunedSet = toFieldSet(pruned, node).ensureNamedFieldsAreMembers(node);
  pruned = removeItems(merged, mergedSet.difference(prunedSet.union(owned.ensureNamedFieldsAreMembers(node))), node);
  // Keep items nobody applied that only lost their fields as a side effect (dangling items).
  const prunedSet2 = toFieldSet(pruned, node).ensureNamedFieldsAreMembers(node);
  return removeItems(merged, mergedSet.difference(prunedSet2).intersection(lastSet), node);
}
