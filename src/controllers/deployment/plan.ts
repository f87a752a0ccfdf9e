/**
 * @module The Deployment's scaling arithmetic as pure functions (rolling.go, sync.go): how far
 * the new ReplicaSet may grow under maxSurge, how far old ones may shrink under maxUnavailable,
 * and proportional scaling when replicas change during a rollout.
 */
import type { Deployment, ReplicaSet } from '../../client/kinds/apps.js';
import { activeReplicaSets, byCreation, fenceposts, MAX_REPLICAS, maxSurge, maxUnavailable, replicasOf, rsReplicas, sum } from './util.js';

/** A planned change of one ReplicaSet's spec.replicas. */
export interface Scale {
  readonly rs: ReplicaSet;
  readonly to: number;
}

/** The size the new ReplicaSet may have now (NewRSNewReplicas). */
export function newRSReplicas(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet): number {
  const want = replicasOf(d);
  if (d.spec.strategy?.type === 'Recreate') return want;
  const current = sum(all, rsReplicas);
  const maxTotal = want + fenceposts(d).surge;
  if (current >= maxTotal) return rsReplicas(newRS);
  return rsReplicas(newRS) + Math.min(maxTotal - current, want - rsReplicas(newRS));
}

/** Scale-downs of old ReplicaSets' unavailable pods first (cleanupUnhealthyReplicas). */
export function cleanupUnhealthy(oldRSs: readonly ReplicaSet[], maxCleanup: number): Scale[] {
  const out: Scale[] = [];
  let done = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (done >= maxCleanup) break;
    const n = rsReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (n === 0 || n === available) continue;
    const down = Math.min(maxCleanup - done, n - available);
    out.push({ rs, to: n - down });
    done += down;
  }
  return out;
}

/**
 * How old ReplicaSets shrink in a rolling update (reconcileOldReplicaSets): never below
 * `replicas - maxUnavailable` available pods, counting the new ReplicaSet's unavailable ones.
 * Returns the scales for the unhealthy clean-up pass; `healthyScaleDown` does the second pass.
 */
export function oldScaleDownBudget(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet | undefined): number {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = newRS ? rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0) : 0;
  return sum(all, rsReplicas) - minAvailable - newUnavailable;
}

/** The second pass: scale old ReplicaSets down while availability stays above the minimum. */
export function healthyScaleDown(d: Deployment, all: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[]): Scale[] {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = sum(all, (rs) => rs.status?.availableReplicas);
  if (available <= minAvailable) return [];
  const budget = available - minAvailable;
  const out: Scale[] = [];
  let done = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (done >= budget) break;
    const n = rsReplicas(rs);
    if (n === 0) continue;
    const down = Math.min(n, budget - done);
    out.push({ rs, to: n - down });
    done += down;
  }
  return out;
}

/** The one ReplicaSet with pods, or the newest/new one when none has any (FindActiveOrLatest). */
export function activeOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const all = newRS ? [...oldRSs, newRS] : [...oldRSs];
  const active = activeReplicaSets(all);
  if (active.length === 1) return active[0];
  if (active.length === 0) return newRS ?? [...oldRSs].sort(byCreation).at(-1);
  return undefined;
}

/**
 * Proportional scaling (sync.go scale()): when spec.replicas changes in the middle of a rollout,
 * spread the difference over the active ReplicaSets in proportion to their size, measured
 * against the max-replicas each was sized for; rounding leftovers go to the largest.
 */
export function proportionalScale(d: Deployment, active: readonly ReplicaSet[]): Scale[] {
  const want = replicasOf(d);
  const allowed = want > 0 ? want + maxSurge(d) : 0;
  const current = sum(active, rsReplicas);
  const toAdd = allowed - current;
  if (toAdd === 0) return [];
  // Growing favours the largest (then newest) sets, shrinking the largest (then oldest).
  const sorted = [...active].sort((a, b) => {
    const s = rsReplicas(b) - rsReplicas(a);
    if (s !== 0) return s;
    return toAdd > 0 ? byCreation(b, a) : byCreation(a, b);
  });
  const sizes = new Map<ReplicaSet, number>();
  let added = 0;
  for (const rs of sorted) {
    let delta = 0;
    if (toAdd !== 0) {
      const annotated = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? '', 10);
      const base = Number.isFinite(annotated) && annotated > 0 ? annotated : d.status?.replicas ?? current;
      const fraction = want === 0 ? -rsReplicas(rs) : Math.round((rsReplicas(rs) * allowed) / (base || 1)) - rsReplicas(rs);
      const left = toAdd - added;
      delta = toAdd > 0 ? Math.min(fraction, left) : Math.max(fraction, left);
    }
    sizes.set(rs, rsReplicas(rs) + delta);
    added += delta;
  }
  const first = sorted[0];
  if (first && added !== toAdd) sizes.set(first, Math.max(0, (sizes.get(first) ?? 0) + toAdd - added));
  return sorted.map((rs) => ({ rs, to: Math.max(0, sizes.get(rs) ?? 0) }));
}
