/**
 * @module Status conditions as Kubernetes controllers maintain them: setting a condition keeps
 * its lastTransitionTime unless the status changed.
 */
import type { Condition } from '../../client/kinds/core.js';

/** RFC 3339 with seconds, as metav1.Time serializes. */
export function nowTime(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

export function findCondition<C extends { type: string }>(list: readonly C[] | undefined, type: string): C | undefined {
  return list?.find((c) => c.type === type);
}

/**
 * Returns `list` with `cond` set: a condition with the same status keeps its transition time;
 * `withUpdateTime` also stamps lastUpdateTime (Deployment conditions have it).
 */
export function setCondition(list: readonly Condition[] | undefined, cond: Condition, opts: { withUpdateTime?: boolean } = {}): Condition[] {
  const now = nowTime();
  const out = (list ?? []).filter((c) => c.type !== cond.type);
  const prev = findCondition(list, cond.type);
  const next: Condition = { ...cond };
  if (opts.withUpdateTime) next.lastUpdateTime = cond.lastUpdateTime ?? now;
  next.lastTransitionTime = prev && prev.status === cond.status ? prev.lastTransitionTime ?? now : cond.lastTransitionTime ?? now;
  if (prev && prev.status === cond.status && prev.reason === cond.reason && prev.message === cond.message && !opts.withUpdateTime) {
    return [...(list ?? [])];
  }
  const idx = (list ?? []).findIndex((c) => c.type === cond.type);
  if (idx >= 0) out.splice(idx, 0, next);
  else out.push(next);
  return out;
}

/** `list` without the condition of `type`. */
export function removeCondition(list: readonly Condition[] | undefined, type: string): Condition[] {
  return (list ?? []).filter((c) => c.type !== type);
}
