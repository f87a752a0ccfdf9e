/**
 * @module The Job controller: runs pods until `completions` succeed (or, without completions,
 * until one succeeds), `parallelism` at a time, indexed or not; counts finished pods exactly once
 * through the tracking finalizer; fails the Job past backoffLimit, activeDeadlineSeconds or a
 * podFailurePolicy FailJob rule (FailureTarget, then Failed once its pods stopped); marks
 * SuccessCriteriaMet then Complete; honours suspend; recreates failed pods with exponential
 * backoff (10 s doubling, at most 6 minutes).
 */
import { messageOf } from '../../base/errors.js';
import type { EventSink } from '../../client/event-recorder.js';
import { isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Job, JobStatus } from '../../client/kinds/batch.js';
import type { Condition, Pod } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { selectorMatches } from '../../client/selector.js';
import { controllerOf, objectKey } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { claimObjects } from '../common/claim.js';
import { Expectations } from '../common/expectations.js';
import { findCondition, nowTime } from '../common/conditions.js';
import { indexedInformer, ownedOrOrphans, type Controller, type ControllerContext } from '../common/context.js';
import { controllerRefTo, deletionOrder, isPodReady, podFromTemplate } from '../common/pods.js';
import { writeStatus } from '../common/status.js';
import { enqueueChanges, enqueueControllers } from '../common/handlers.js';
import { completionIndex, COMPLETION_INDEX, formatIndexes, parseIndexes } from './indexes.js';
import { countUncounted, hasTracking, newlyFinished, onlyReplaceFailedPods, TRACKING_FINALIZER, withUncounted } from './tracking.js';

const KIND = { apiVersion: 'batch/v1', kind: 'Job' };
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 6 * 60_000;

const isFinishedJob = (j: Job): boolean => (j.status?.conditions ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
const activePod = (p: Pod): boolean => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp;

/** Sets a Job condition (lastProbeTime and lastTransitionTime now). */
function jobCondition(list: readonly Condition[] | undefined, type: string, reason: string, message: string, status: 'True' | 'False' = 'True'): Condition[] {
  const now = nowTime();
  const rest = (list ?? []).filter((c) => c.type !== type);
  return [...rest, { type, status, reason, message, lastProbeTime: now, lastTransitionTime: now }];
}

export class JobController implements Controller {
  readonly name = 'job-controller';
  private readonly jobs: SharedInformer<Job>;
  private readonly pods: SharedInformer<Pod>;
  private readonly jobClient: ResourceClient<Job>;
  private readonly podClient: ResourceClient<Pod>;
  private readonly events: EventSink;
  private readonly queue = new WorkQueue<string>();
  /**
   * The Job as this controller last wrote it: the informer may still hold an older status, and
   * acting on it (say, without a FailureTarget just set, or uncounted pods already released)
   * would count or create pods twice.
   */
  private readonly written = new Map<string, Job>();
  /** Pods created but not yet seen by the informer: until then the Job creates no more. */
  private readonly expectations = new Expectations();

  constructor(private readonly ctx: ControllerContext) {
    const client = ctx.clientFor('job-controller');
    this.jobClient = client.resource<Job>(resources.jobs);
    this.podClient = client.resource<Pod>(resources.pods);
    this.events = ctx.events(this.name);
    this.jobs = indexedInformer<Job>(ctx, resources.jobs);
    this.pods = indexedInformer<Pod>(ctx, resources.pods);
    enqueueChanges(this.jobs, this.queue);
    // Registered before the enqueueing handler, so a sync it triggers sees the creation observed.
    this.pods.addEventHandler({ onAdd: (p) => { const ref = controllerOf(p); if (ref?.kind === 'Job') this.expectations.creationObserved(`${p.metadata.namespace ?? ''}/${ref.name}`); } });
    enqueueControllers(this.pods, 'Job', this.queue);
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (key) => this.sync(key, signal), { workers: this.ctx.workers ?? 5, name: this.name, signal });
  }

  private async sync(key: string, signal: AbortSignal): Promise<void> {
    const cached = this.jobs.store.get(key);
    if (!cached) {
      this.written.delete(key);
      this.expectations.delete(key);
      return;
    }
    const job = structuredClone(newer(cached, this.written.get(key)));
    // Read before the pods are listed: a creation observed later is missing from that list.
    const settled = this.expectations.satisfied(key);
    const pods = await claimObjects(ownedOrOrphans(this.pods, job), {
      owner: job, ref: controllerRefTo(job, 'batch/v1', 'Job'), client: this.podClient, signal,
      matches: (p) => selectorMatches(job.spec.selector, p.metadata.labels),
      recheckOwner: () => this.jobClient.get(job.metadata.name ?? '', { namespace: job.metadata.namespace, signal }).catch((e: unknown) => (isNotFound(e) ? undefined : Promise.reject(e))),
    });
    let status = await this.track(job, pods, signal);
    if (isFinishedJob(job)) return;
    const active = pods.filter(activePod);
    const now = Date.now();
    status = { ...status, ready: active.filter(isPodReady).length, terminating: pods.filter((p) => !!p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length };
    if (active.length > 0) status.active = active.length;
    else delete status.active;
    const failure = this.failureReason(job, status, active, now);
    if (failure) {
      if (!findCondition(status.conditions, 'FailureTarget')) status.conditions = jobCondition(status.conditions, 'FailureTarget', failure.reason, failure.message);
      await this.deletePods(job, active, active.length, signal);
      if (active.length === 0 && status.terminating === 0 && !uncounted(status)) {
        status.conditions = jobCondition(status.conditions, 'Failed', failure.reason, failure.message);
        this.events.event(job, 'Warning', failure.reason, failure.message, KIND);
      }
      await this.write(job, status, signal);
      return;
    }
    if (this.complete(job, status)) {
      const msg = 'Reached expected number of succeeded pods';
      if (!findCondition(status.conditions, 'SuccessCriteriaMet')) status.conditions = jobCondition(status.conditions, 'SuccessCriteriaMet', 'CompletionsReached', msg);
      await this.deletePods(job, active, active.length, signal);
      if (active.length === 0 && status.terminating === 0 && !uncounted(status)) {
        status.conditions = jobCondition(status.conditions, 'Complete', 'CompletionsReached', msg);
        status.completionTime = nowTime(now);
        this.events.event(job, 'Normal', 'Completed', 'Job completed', KIND);
      }
      await this.write(job, status, signal);
      return;
    }
    if (job.spec.suspend) {
      await this.deletePods(job, active, active.length, signal);
      if (findCondition(status.conditions, 'Suspended')?.status !== 'True') {
        status.conditions = jobCondition(status.conditions, 'Suspended', 'JobSuspended', 'Job suspended');
        this.events.event(job, 'Normal', 'Suspended', 'Job suspended', KIND);
      }
      delete status.startTime;
      await this.write(job, status, signal);
      return;
    }
    if (findCondition(status.conditions, 'Suspended')?.status === 'True') {
      status.conditions = jobCondition(status.conditions, 'Suspended', 'JobResumed', 'Job resumed', 'False');
      this.events.event(job, 'Normal', 'Resumed', 'Job resumed', KIND);
    }
    status.startTime ??= nowTime(now);
    await this.write(job, status, signal);
    await this.manage(job, status, { pods, active, settled }, signal);
    const deadline = job.spec.activeDeadlineSeconds;
    if (deadline !== undefined) this.queue.addAfter(key, Math.max(0, Date.parse(status.startTime) + deadline * 1000 - now) + 100);
  }

  /** Counts finished pods through the uncounted list and finalizer removal; returns the new status. */
  private async track(job: Job, pods: readonly Pod[], signal: AbortSignal): Promise<JobStatus> {
    let status: JobStatus = { ...job.status };
    const f = newlyFinished(job, pods);
    if (f.succeeded.length || f.failed.length) {
      status = withUncounted(status, f);
      if (job.spec.completionMode === 'Indexed') {
        const done = parseIndexes(status.completedIndexes);
        for (const p of f.succeeded) { const i = completionIndex(p); if (i !== undefined) done.add(i); }
        status.completedIndexes = formatIndexes(done);
      }
      if (f.failJob && !findCondition(status.conditions, 'FailureTarget')) status.conditions = jobCondition(status.conditions, 'FailureTarget', 'PodFailurePolicy', f.failJob);
      await this.write(job, status, signal);
    }
    const unc = new Set([...(status.uncountedTerminatedPods?.succeeded ?? []), ...(status.uncountedTerminatedPods?.failed ?? [])]);
    const release = pods.filter((p) => hasTracking(p) && (unc.has(p.metadata.uid ?? '') || f.ignored.includes(p) || isFinishedJob(job) && !activePod(p)));
    await Promise.all(release.map((p) => this.dropFinalizer(p, signal)));
    if (unc.size) {
      const still = new Set(pods.filter((p) => hasTracking(p) && !release.includes(p)).map((p) => p.metadata.uid ?? ''));
      status = countUncounted(status, still);
      await this.write(job, status, signal);
    }
    return status;
  }

  private async dropFinalizer(p: Pod, signal: AbortSignal): Promise<void> {
    const rest = (p.metadata.finalizers ?? []).filter((f) => f !== TRACKING_FINALIZER);
    try {
      await this.podClient.patch(p.metadata.name ?? '', { metadata: { resourceVersion: p.metadata.resourceVersion, finalizers: rest.length ? rest : null } }, { namespace: p.metadata.namespace, type: 'merge', signal });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  private failureReason(job: Job, status: JobStatus, active: readonly Pod[], now: number): { reason: string; message: string } | undefined {
    const target = findCondition(status.conditions, 'FailureTarget');
    if (target?.status === 'True') return { reason: target.reason ?? 'BackoffLimitExceeded', message: target.message ?? '' };
    const limit = job.spec.backoffLimit ?? 6;
    // With restartPolicy OnFailure, container restarts count against the limit too.
    const restarts = job.spec.template.spec?.restartPolicy === 'OnFailure'
      ? active.reduce((s, p) => s + (p.status?.containerStatuses ?? []).reduce((a, c) => a + (c.restartCount ?? 0), 0), 0) : 0;
    if ((status.failed ?? 0) + restarts > limit) return { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    const deadline = job.spec.activeDeadlineSeconds;
    if (deadline !== undefined && status.startTime && now - Date.parse(status.startTime) >= deadline * 1000) {
      return { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
    }
    return undefined;
  }

  private complete(job: Job, status: JobStatus): boolean {
    const completions = job.spec.completions;
    if (job.spec.completionMode === 'Indexed') return parseIndexes(status.completedIndexes).size >= (completions ?? 1);
    if (completions === undefined || completions === null) return (status.succeeded ?? 0) > 0 && (status.active ?? 0) === 0;
    return (status.succeeded ?? 0) >= completions;
  }

  /** Creates or deletes pods towards the wanted number of active ones. */
  private async manage(job: Job, status: JobStatus, seen: { pods: readonly Pod[]; active: Pod[]; settled: boolean }, signal: AbortSignal): Promise<void> {
    const { pods, active } = seen;
    const parallelism = job.spec.parallelism ?? 1;
    const completions = job.spec.completions;
    const succeeded = status.succeeded ?? 0;
    let toCreate: (number | undefined)[] = [];
    if (job.spec.completionMode === 'Indexed') {
      const done = parseIndexes(status.completedIndexes);
      const running = new Set(active.map(completionIndex));
      const pending: number[] = [];
      for (let i = 0; i < (completions ?? 1) && pending.length < parallelism - active.length; i++) if (!done.has(i) && !running.has(i)) pending.push(i);
      toCreate = pending;
    } else {
      const want = completions === undefined || completions === null ? (succeeded > 0 ? 0 : parallelism) : Math.min(parallelism, completions - succeeded);
      if (active.length > want) {
        await this.deletePods(job, active, active.length - want, signal);
        return;
      }
      toCreate = Array.from({ length: Math.max(0, want - active.length) }, () => undefined);
    }
    // Pods still terminating hold their replacements back until they have ended.
    if (onlyReplaceFailedPods(job)) toCreate = toCreate.slice(0, Math.max(0, toCreate.length - (status.terminating ?? 0)));
    if (toCreate.length === 0) return;
    const key = objectKey(job);
    if (!seen.settled) {
      this.queue.addAfter(key, 1000);
      return;
    }
    const wait = this.backoffRemaining(status, pods);
    if (wait > 0) {
      this.queue.addAfter(key, wait);
      return;
    }
    this.expectations.expectCreations(key, toCreate.length);
    for (const [i, index] of toCreate.entries()) {
      try {
        await this.createPod(job, index, signal);
      } catch (err) {
        for (let n = i; n < toCreate.length; n++) this.expectations.creationObserved(key);
        throw err;
      }
    }
  }

  /** Time left before failed pods may be replaced (10 s · 2^(failures-1), at most 6 min). */
  private backoffRemaining(status: JobStatus, pods: readonly Pod[]): number {
    const failed = status.failed ?? 0;
    if (failed === 0) return 0;
    let last = 0;
    for (const p of pods) {
      if (p.status?.phase !== 'Failed') continue;
      for (const cs of p.status.containerStatuses ?? []) {
        const t = (cs.state?.['terminated'] as { finishedAt?: string } | undefined)?.finishedAt;
        if (t) last = Math.max(last, Date.parse(t));
      }
    }
    if (last === 0) return 0;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failed - 1));
    return Math.max(0, last + delay - Date.now());
  }

  private async createPod(job: Job, index: number | undefined, signal: AbortSignal): Promise<void> {
    const ns = job.metadata.namespace ?? '';
    const name = job.metadata.name ?? '';
    const pod = podFromTemplate(job.spec.template, ns, index === undefined ? name : `${name}-${index}`, controllerRefTo(job, 'batch/v1', 'Job'));
    pod.metadata.finalizers = [...(pod.metadata.finalizers ?? []), TRACKING_FINALIZER];
    if (index !== undefined && pod.spec) {
      pod.metadata.annotations = { ...pod.metadata.annotations, [COMPLETION_INDEX]: String(index) };
      pod.metadata.labels = { ...pod.metadata.labels, [COMPLETION_INDEX]: String(index) };
      pod.spec.hostname ??= `${name}-${index}`;
      for (const c of pod.spec.containers) {
        const env = Array.isArray(c['env']) ? (c['env'] as unknown[]) : [];
        c['env'] = [...env, { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } }];
      }
    }
    try {
      const made = await this.podClient.create(pod, { namespace: ns, signal });
      this.events.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${made.metadata.name ?? ''}`, KIND);
    } catch (err) {
      this.events.event(job, 'Warning', 'FailedCreate', `Error creating: ${messageOf(err)}`, KIND);
      throw err;
    }
  }

  private async deletePods(job: Job, active: readonly Pod[], n: number, signal: AbortSignal): Promise<void> {
    for (const p of [...active].sort(deletionOrder()).slice(0, n)) {
      try {
        await this.podClient.delete(p.metadata.name ?? '', { namespace: p.metadata.namespace, signal });
        this.events.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name ?? ''}`, KIND);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }

  private async write(job: Job, status: JobStatus, signal: AbortSignal): Promise<void> {
    const written = await writeStatus(this.jobClient, job, status, signal);
    if (written) {
      job.metadata = written.metadata;
      job.status = written.status ?? status;
      this.written.set(objectKey(job), structuredClone(job));
    }
  }
}

/** The later of the cached Job and the one last written (same object, higher resourceVersion). */
function newer(cached: Job, written: Job | undefined): Job {
  if (!written || written.metadata.uid !== cached.metadata.uid) return cached;
  const a = cached.metadata.resourceVersion ?? '', b = written.metadata.resourceVersion ?? '';
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b)) return cached;
  return BigInt(b) > BigInt(a) ? written : cached;
}

const uncounted = (s: JobStatus): boolean => !!(s.uncountedTerminatedPods?.succeeded?.length || s.uncountedTerminatedPods?.failed?.length);
