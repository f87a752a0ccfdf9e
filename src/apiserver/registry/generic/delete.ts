/**
 * @module What a DELETE does to an object (rest.BeforeDelete and the store's finalizer logic):
 * preconditions, graceful deletion (a deletionTimestamp in the future, shortened by a later
 * smaller grace period), the orphan/foregroundDeletion finalizers of propagationPolicy, and
 * marking objects with pending finalizers instead of removing them.
 */
import { cloneJson, type KubeObject } from '../../../api/meta/object.js';
import { statusErrors } from '../../../api/status.js';
import { nowTimestamp } from '../rest/meta.js';
import type { DeleteRequest, Strategy } from '../rest/strategy.js';
import type { ResourceDef } from '../../../api/schema/types.js';

export type DeletePlan =
  /** Remove the key now. */
  | { readonly kind: 'now' }
  /** Store this marked object (deletionTimestamp, finalizers). */
  | { readonly kind: 'update'; readonly obj: KubeObject }
  /** A graceful deletion is already under way: answer with the object, change nothing. */
  | { readonly kind: 'pending' };

const ORPHAN = 'orphan';
const FOREGROUND = 'foregroundDeletion';

function gcFinalizers(strategy: Strategy, obj: KubeObject, req: DeleteRequest): string[] | undefined {
  if (strategy.gcPolicy === 'Unsupported') return undefined;
  const current = obj.metadata.finalizers ?? [];
  let orphan: boolean;
  let foreground: boolean;
  if (req.orphanDependents !== undefined) {
    orphan = req.orphanDependents;
    foreground = false;
  } else if (req.propagationPolicy) {
    orphan = req.propagationPolicy === 'Orphan';
    foreground = req.propagationPolicy === 'Foreground';
  } else {
    orphan = current.includes(ORPHAN) || (!current.includes(FOREGROUND) && strategy.gcPolicy === 'OrphanDependents');
    foreground = !orphan && current.includes(FOREGROUND);
  }
  const next = current.filter((f) => f !== ORPHAN && f !== FOREGROUND);
  if (orphan) next.push(ORPHAN);
  if (foreground) next.push(FOREGROUND);
  const same = next.length === current.length && next.every((f) => current.includes(f));
  return same ? undefined : next;
}

/** Decides how to delete `obj`; throws 409 on failed preconditions. Does not mutate `obj`. */
export function beforeDelete(store: { readonly strategy: Strategy; readonly resource: ResourceDef }, obj: KubeObject, req: DeleteRequest): DeletePlan {
  const m = obj.metadata;
  const res = { resource: store.resource.plural, group: store.resource.group };
  const name = m.name ?? '';
  const pre = req.preconditions;
  if (pre?.uid !== undefined && pre.uid !== m.uid) {
    throw statusErrors.conflict(res, name, `the UID in the precondition (${pre.uid}) does not match the UID in record (${m.uid ?? ''}). The object might have been deleted and then recreated`);
  }
  if (pre?.resourceVersion !== undefined && pre.resourceVersion !== m.resourceVersion) {
    throw statusErrors.conflict(res, name, `the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${m.resourceVersion ?? ''}). The object might have been modified`);
  }
  const requested = req.gracePeriodSeconds !== undefined && req.gracePeriodSeconds < 0 ? 1 : req.gracePeriodSeconds;
  const out = cloneJson(obj);
  let graceful = false;
  if (m.deletionTimestamp) {
    const current = m.deletionGracePeriodSeconds ?? 0;
    if (current > 0) {
      // A graceful deletion is pending; only a shorter grace period changes it.
      if (requested === undefined || requested >= current) return { kind: 'pending' };
      const start = Date.parse(m.deletionTimestamp) - current * 1000;
      let deadline = start + requested * 1000;
      let period = requested;
      if (deadline < Date.now()) {
        deadline = Date.now();
        if (period !== 0) period = 1;
      }
      out.metadata.deletionTimestamp = nowTimestamp(deadline);
      out.metadata.deletionGracePeriodSeconds = period;
      graceful = period > 0;
      if (period === 0 && !(out.metadata.finalizers?.length)) return { kind: 'now' };
      if (period > 0) return { kind: 'update', obj: out };
    }
  } else if (store.strategy.gracePeriod) {
    const period = store.strategy.gracePeriod(obj, { ...req, ...(requested !== undefined ? { gracePeriodSeconds: requested } : {}) });
    if (period !== undefined && period > 0) {
      out.metadata.deletionTimestamp = nowTimestamp(Date.now() + period * 1000);
      out.metadata.deletionGracePeriodSeconds = period;
      if ((out.metadata.generation ?? 0) > 0) out.metadata.generation = (out.metadata.generation ?? 0) + 1;
      graceful = true;
    }
  }
  const finalizers = gcFinalizers(store.strategy, out, req);
  if (finalizers) {
    if (finalizers.length) out.metadata.finalizers = finalizers;
    else delete out.metadata.finalizers;
  }
  if (graceful) return { kind: 'update', obj: out };
  if (out.metadata.finalizers?.length) {
    // Pending finalizers: mark as deleting (deletionTimestamp now, grace 0); the last finalizer's removal deletes.
    if (!out.metadata.deletionTimestamp && (out.metadata.generation ?? 0) > 0) out.metadata.generation = (out.metadata.generation ?? 0) + 1;
    if (!out.metadata.deletionTimestamp || Date.parse(out.metadata.deletionTimestamp) > Date.now()) out.metadata.deletionTimestamp = nowTimestamp();
    out.metadata.deletionGracePeriodSeconds = 0;
    if (m.deletionTimestamp && finalizers === undefined && (m.deletionGracePeriodSeconds ?? 0) === 0) return { kind: 'pending' };
    return { kind: 'update', obj: out };
  }
  return { kind: 'now' };
}
