/**
 * @module Job pod tracking with finalizers (JobTrackingWithFinalizers): pods carry the
 * `batch.kubernetes.io/job-tracking` finalizer until the Job has counted them. Finished pods are
 * first recorded in `status.uncountedTerminatedPods`, then their finalizers are removed, then
 * they move into `succeeded`/`failed`, so no pod is counted twice or lost across restarts.
 */
import type { Job, JobStatus } from '../../client/kinds/batch.js';
import type { Pod } from '../../client/kinds/core.js';
import { evaluatePolicy } from './pod-failure-policy.js';

export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

export const hasTracking = (p: Pod): boolean => (p.metadata.finalizers ?? []).includes(TRACKING_FINALIZER);

/**
 * Replacement waits for terminating pods to end (podReplacementPolicy Failed, implied by a
 * podFailurePolicy), so their final state can be judged.
 */
export const onlyReplaceFailedPods = (job: Job): boolean => job.spec.podReplacementPolicy === 'Failed' || !!job.spec.podFailurePolicy;

/**
 * A pod the Job will count as failed: phase Failed, or deleted before it succeeded (orphans
 * may never reach a phase), unless the Job waits for terminating pods to end.
 */
export function isFailedPod(job: Job, p: Pod): boolean {
  if (p.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded';
}
const isSucceededPod = (p: Pod): boolean => p.status?.phase === 'Succeeded';

/** What finished since the last sync. */
export interface Finished {
  readonly succeeded: Pod[];
  readonly failed: Pod[];
  /** Failed pods a podFailurePolicy Ignore rule excludes from counting. */
  readonly ignored: Pod[];
  /** Set when a FailJob rule matched. */
  readonly failJob?: string;
}

/** Tracked pods that finished and are not yet in uncountedTerminatedPods. */
export function newlyFinished(job: Job, pods: readonly Pod[]): Finished {
  const unc = job.status?.uncountedTerminatedPods;
  const known = new Set([...(unc?.succeeded ?? []), ...(unc?.failed ?? [])]);
  const out: { succeeded: Pod[]; failed: Pod[]; ignored: Pod[]; failJob?: string } = { succeeded: [], failed: [], ignored: [] };
  for (const p of pods) {
    if (!hasTracking(p) || known.has(p.metadata.uid ?? '')) continue;
    if (isSucceededPod(p)) out.succeeded.push(p);
    else if (isFailedPod(job, p)) {
      const d = evaluatePolicy(job.spec, p);
      if (d.action === 'Ignore') out.ignored.push(p);
      else {
        out.failed.push(p);
        if (d.action === 'FailJob' && !out.failJob && d.message) out.failJob = d.message;
      }
    }
  }
  return out;
}

/** The status with the newly finished pods recorded as uncounted. */
export function withUncounted(status: JobStatus, f: Finished): JobStatus {
  const unc = status.uncountedTerminatedPods ?? {};
  return {
    ...status,
    uncountedTerminatedPods: {
      succeeded: [...(unc.succeeded ?? []), ...f.succeeded.map((p) => p.metadata.uid ?? '')],
      failed: [...(unc.failed ?? []), ...f.failed.map((p) => p.metadata.uid ?? '')],
    },
  };
}

/** Moves uncounted pods whose finalizer is gone into the counters. */
export function countUncounted(status: JobStatus, stillTracked: ReadonlySet<string>): JobStatus {
  const unc = status.uncountedTerminatedPods ?? {};
  const doneS = (unc.succeeded ?? []).filter((u) => !stillTracked.has(u));
  const doneF = (unc.failed ?? []).filter((u) => !stillTracked.has(u));
  const restS = (unc.succeeded ?? []).filter((u) => stillTracked.has(u));
  const restF = (unc.failed ?? []).filter((u) => stillTracked.has(u));
  const out: JobStatus = { ...status, uncountedTerminatedPods: { ...(restS.length ? { succeeded: restS } : {}), ...(restF.length ? { failed: restF } : {}) } };
  // succeeded and failed are omitted while zero, as Kubernetes serializes them.
  const s = (status.succeeded ?? 0) + doneS.length;
  const f = (status.failed ?? 0) + doneF.length;
  if (s > 0) out.succeeded = s;
  if (f > 0) out.failed = f;
  return out;
}
