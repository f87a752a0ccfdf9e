/**
 * @module Deployment status and conditions (sync.go calculateStatus, progress.go): replica
 * counts from the ReplicaSets, Available by maxUnavailable, Progressing with its reasons
 * (NewReplicaSetCreated, FoundNewReplicaSet, ReplicaSetUpdated, NewReplicaSetAvailable,
 * ProgressDeadlineExceeded, DeploymentPaused/Resumed), ReplicaFailure surfaced from a ReplicaSet.
 */
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../client/kinds/apps.js';
import type { Condition } from '../../client/kinds/core.js';
import { findCondition, nowTime, removeCondition } from '../common/conditions.js';
import { maxUnavailable, replicasOf, rsReplicas, sum } from './util.js';

/** Sets a Deployment condition: lastUpdateTime always now, lastTransitionTime kept while the status is unchanged. */
export function setDeploymentCondition(list: readonly Condition[] | undefined, c: Omit<Condition, 'lastTransitionTime' | 'lastUpdateTime'>, keepTransitionFrom?: Condition): Condition[] {
  const now = nowTime();
  const prev = findCondition(list, c.type);
  if (prev && prev.status === c.status && prev.reason === c.reason) return [...(list ?? [])];
  const transition = prev && prev.status === c.status ? prev.lastTransitionTime : keepTransitionFrom?.lastTransitionTime ?? now;
  const next: Condition = { type: c.type, status: c.status, lastUpdateTime: now, lastTransitionTime: transition ?? now };
  if (c.reason) next.reason = c.reason;
  if (c.message) next.message = c.message;
  const out = removeCondition(list, c.type);
  out.push(next);
  return out;
}

/** The status implied by the ReplicaSets (calculateStatus). */
export function calculateStatus(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet | undefined): DeploymentStatus {
  const available = sum(all, (rs) => rs.status?.availableReplicas);
  const total = sum(all, rsReplicas);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: sum(all, (rs) => rs.status?.replicas),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sum(all, (rs) => rs.status?.readyReplicas),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  const minAvailable = available >= replicasOf(d) - maxUnavailable(d);
  status.conditions = setDeploymentCondition(d.status?.conditions, minAvailable
    ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
    : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
  return status;
}

const hasDeadline = (d: Deployment): boolean => d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== 2147483647;

/** Every replica updated and available, and the generation observed (DeploymentComplete). */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const n = replicasOf(d);
  return s.updatedReplicas === n && s.replicas === n && s.availableReplicas === n && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** The rollout moved since the last status (DeploymentProgressing). */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) || newOld < oldOld ||
    (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0);
}

/** No progress for progressDeadlineSeconds since the Progressing condition last changed. */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, now: number): boolean {
  if (!hasDeadline(d)) return false;
  const c = findCondition(s.conditions, 'Progressing');
  if (!c || c.reason === 'NewReplicaSetAvailable') return false;
  if (c.reason === 'ProgressDeadlineExceeded') return true;
  const from = Date.parse(c.lastUpdateTime ?? '');
  return Number.isFinite(from) && from + (d.spec.progressDeadlineSeconds ?? 600) * 1000 < now;
}

/**
 * The status after a rollout step (syncRolloutStatus): Progressing per progress, completion or
 * deadline; ReplicaFailure copied from a failing ReplicaSet.
 */
export function rolloutStatus(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet | undefined, now: number): DeploymentStatus {
  const s = calculateStatus(d, all, newRS);
  if (!hasDeadline(d)) s.conditions = removeCondition(s.conditions, 'Progressing');
  const cur = findCondition(s.conditions, 'Progressing');
  const complete = s.replicas === s.updatedReplicas && cur?.reason === 'NewReplicaSetAvailable';
  if (hasDeadline(d) && !complete) {
    const name = newRS?.metadata.name ?? '';
    if (deploymentComplete(d, s)) {
      const message = newRS ? `ReplicaSet "${name}" has successfully progressed.` : 'Deployment has successfully progressed.';
      s.conditions = setDeploymentCondition(s.conditions, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message });
    } else if (deploymentProgressing(d, s)) {
      const message = newRS ? `ReplicaSet "${name}" is progressing.` : 'Deployment is progressing.';
      // Progress refreshes lastUpdateTime (the deadline clock) but keeps the transition time.
      const list = removeCondition(s.conditions, 'Progressing');
      s.conditions = setDeploymentCondition(list, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message }, cur?.status === 'True' ? cur : undefined);
    } else if (deploymentTimedOut(d, s, now)) {
      const message = newRS ? `ReplicaSet "${name}" has timed out progressing.` : 'Deployment has timed out progressing.';
      s.conditions = setDeploymentCondition(s.conditions, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message });
    }
  }
  const failing = all.map((rs) => findCondition(rs.status?.conditions, 'ReplicaFailure')).find((c) => c?.status === 'True');
  if (failing) {
    s.conditions = setDeploymentCondition(s.conditions, { type: 'ReplicaFailure', status: failing.status, ...(failing.reason ? { reason: failing.reason } : {}), ...(failing.message ? { message: failing.message } : {}) });
  } else {
    s.conditions = removeCondition(s.conditions, 'ReplicaFailure');
  }
  return s;
}

/** Milliseconds until the progress deadline of a rollout in progress, or undefined. */
export function msUntilDeadline(d: Deployment, s: DeploymentStatus, now: number): number | undefined {
  if (!hasDeadline(d)) return undefined;
  const c = findCondition(s.conditions, 'Progressing');
  if (!c || c.reason === 'NewReplicaSetAvailable' || c.reason === 'ProgressDeadlineExceeded' || deploymentComplete(d, s)) return undefined;
  const from = Date.parse(c.lastUpdateTime ?? '');
  if (!Number.isFinite(from)) return undefined;
  return Math.max(0, from + (d.spec.progressDeadlineSeconds ?? 600) * 1000 - now);
}
