/**
 * @module The CronJob controller (cronjob_controllerv2): creates a Job named
 * `<cronjob>-<minutes since epoch>` at each scheduled time (in `timeZone`, default UTC),
 * honouring startingDeadlineSeconds and concurrencyPolicy (Allow, Forbid, Replace), keeps
 * `status.active`, lastScheduleTime and lastSuccessfulTime, prunes finished Jobs beyond the
 * history limits, and wakes up for the next scheduled time.
 */
import { messageOf } from '../../base/errors.js';
import { isTimeZone, nextRun, parseCron, type CronSchedule } from '../../api/cron.js';
import type { EventSink } from '../../client/event-recorder.js';
import { isAlreadyExists, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { CronJob, Job } from '../../client/kinds/batch.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { controllerOf, objectKey } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { nowTime } from '../common/conditions.js';
import { workerCount, indexedInformer, type Controller, type ControllerContext } from '../common/context.js';
import { controllerRefTo } from '../common/pods.js';
import { writeStatus } from '../common/status.js';
import { enqueueChanges, enqueueControllers } from '../common/handlers.js';

const KIND = { apiVersion: 'batch/v1', kind: 'CronJob' };
export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

const finishedAs = (j: Job): 'Complete' | 'Failed' | undefined =>
  (j.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type as 'Complete' | 'Failed' | undefined;

/** The latest scheduled time in (earliest, now], how many passed (counting stops past 100), and the next one. */
export function mostRecentSchedule(s: CronSchedule, earliest: number, now: number, tz: string): { time?: number; missed: number; next?: number } {
  let missed = 0;
  let last: number | undefined;
  let t = nextRun(s, earliest, tz);
  while (t !== undefined && t <= now && missed <= 100) {
    last = t;
    missed++;
    t = nextRun(s, t, tz);
  }
  if (missed > 100) {
    // Too many to walk one by one: look for the latest in progressively longer windows before now.
    for (const back of [3_600_000, 86_400_000, 31 * 86_400_000, 366 * 86_400_000]) {
      let found: number | undefined;
      for (let u = nextRun(s, Math.max(earliest, now - back), tz); u !== undefined && u <= now; u = nextRun(s, u, tz)) found = u;
      if (found !== undefined) {
        last = found;
        break;
      }
    }
  }
  const next = nextRun(s, now, tz);
  return { ...(last !== undefined ? { time: last } : {}), missed, ...(next !== undefined ? { next } : {}) };
}

export class CronJobController implements Controller {
  readonly name = 'cronjob-controller';
  private readonly cronJobs: SharedInformer<CronJob>;
  private readonly jobs: SharedInformer<Job>;
  private readonly cjClient: ResourceClient<CronJob>;
  private readonly jobClient: ResourceClient<Job>;
  private readonly events: EventSink;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext, private readonly clock: () => number = Date.now) {
    const client = ctx.clientFor('cronjob-controller');
    this.cjClient = client.resource<CronJob>(resources.cronjobs);
    this.jobClient = client.resource<Job>(resources.jobs);
    this.events = ctx.events(this.name);
    this.cronJobs = indexedInformer<CronJob>(ctx, resources.cronjobs);
    this.jobs = indexedInformer<Job>(ctx, resources.jobs);
    enqueueChanges(this.cronJobs, this.queue);
    enqueueControllers(this.jobs, 'CronJob', this.queue);
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (key) => this.sync(key, signal), { workers: workerCount(this.ctx, 'cronjob', 5), name: this.name, signal });
  }

  private async sync(key: string, signal: AbortSignal): Promise<void> {
    const cached = this.cronJobs.store.get(key);
    if (!cached) return;
    const cj = structuredClone(cached);
    const now = this.clock();
    const owned = this.jobs.store.byIndex('ownerUid', cj.metadata.uid ?? '').filter((j) => controllerOf(j)?.uid === cj.metadata.uid);
    const status = { ...cj.status };
    // Reconcile status.active with the jobs that exist and are still running.
    const running = await this.activeJobs(cj, owned, signal);
    for (const ref of status.active ?? []) {
      const j = owned.find((o) => o.metadata.uid === ref.uid);
      const how = j && finishedAs(j);
      if (j && how) {
        this.events.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name ?? ''}, condition: ${how}`, KIND);
        if (how === 'Complete' && j.status?.completionTime) status.lastSuccessfulTime = j.status.completionTime;
      }
    }
    status.active = running.map((j) => ({ kind: 'Job', namespace: j.metadata.namespace ?? '', name: j.metadata.name ?? '', uid: j.metadata.uid ?? '', apiVersion: 'batch/v1', resourceVersion: j.metadata.resourceVersion ?? '' }));
    if (status.active.length === 0) delete status.active;
    if (cj.metadata.deletionTimestamp) return;
    try {
      if (!cj.spec.suspend) await this.schedule(cj, status, running, owned, now, signal);
    } finally {
      await writeStatus(this.cjClient, cj, status, signal);
      await this.cleanup(cj, owned, signal);
    }
  }

  /**
   * The running Jobs this CronJob started: those in its status.active. A running Job it owns but
   * did not record (`kubectl create job --from=cronjob/...`, or a status write lost) is checked
   * against a fresh read of the CronJob, then reported as UnexpectedJob and left out, as upstream:
   * it neither blocks Forbid nor is replaced.
   */
  private async activeJobs(cj: CronJob, owned: readonly Job[], signal: AbortSignal): Promise<Job[]> {
    const recorded = new Set((cj.status?.active ?? []).map((r) => r.uid));
    let fresh: Set<string | undefined> | undefined;
    const active: Job[] = [];
    for (const j of owned) {
      if (finishedAs(j)) continue;
      if (!recorded.has(j.metadata.uid)) {
        fresh ??= new Set(((await this.cjClient.get(cj.metadata.name ?? '', { namespace: cj.metadata.namespace, signal })).status?.active ?? []).map((r) => r.uid));
        if (!fresh.has(j.metadata.uid)) {
          this.events.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name ?? ''}`, KIND);
          continue;
        }
      }
      active.push(j);
    }
    return active;
  }

  private async schedule(cj: CronJob, status: NonNullable<CronJob['status']>, running: Job[], owned: Job[], now: number, signal: AbortSignal): Promise<void> {
    let sched: CronSchedule;
    try {
      sched = parseCron(cj.spec.schedule);
    } catch (err) {
      this.events.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${messageOf(err)}`, KIND);
      return;
    }
    const tz = cj.spec.timeZone ?? 'UTC';
    if (!isTimeZone(tz)) {
      this.events.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${tz}": unknown time zone ${tz}`, KIND);
      return;
    }
    let earliest = Date.parse(status.lastScheduleTime ?? cj.metadata.creationTimestamp ?? '') || now;
    const sds = cj.spec.startingDeadlineSeconds;
    if (sds !== undefined) earliest = Math.max(earliest, now - sds * 1000);
    const r = mostRecentSchedule(sched, earliest, now, tz);
    if (r.next !== undefined) this.queue.addAfter(objectKey(cj), r.next - now + 100);
    if (r.time === undefined) return;
    if (r.missed > 100) {
      this.events.event(cj, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${r.missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`, KIND);
    }
    const name = `${cj.metadata.name ?? ''}-${Math.floor(r.time / 60_000)}`;
    if (owned.some((j) => j.metadata.name === name)) return;
    const policy = cj.spec.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && running.length > 0) {
      this.events.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', KIND);
      return;
    }
    if (policy === 'Replace') {
      for (const j of running) await this.deleteJob(cj, j, signal);
      delete status.active;
    }
    const tmpl = cj.spec.jobTemplate;
    const job: Job = {
      metadata: {
        name, namespace: cj.metadata.namespace ?? '',
        labels: { ...tmpl.metadata?.labels },
        annotations: { ...tmpl.metadata?.annotations, [SCHEDULED_TIMESTAMP]: new Date(r.time).toISOString().replace(/\.\d+Z$/, 'Z') },
        ownerReferences: [controllerRefTo(cj, 'batch/v1', 'CronJob')],
      },
      spec: structuredClone(tmpl.spec),
    };
    try {
      const made = await this.jobClient.create(job, { signal });
      this.events.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${made.metadata.name ?? ''}`, KIND);
      status.active = [...(status.active ?? []), { kind: 'Job', namespace: made.metadata.namespace ?? '', name: made.metadata.name ?? '', uid: made.metadata.uid ?? '', apiVersion: 'batch/v1', resourceVersion: made.metadata.resourceVersion ?? '' }];
    } catch (err) {
      if (!isAlreadyExists(err)) {
        this.events.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${messageOf(err)}`, KIND);
        throw err;
      }
    }
    status.lastScheduleTime = nowTime(r.time);
  }

  /** Deletes finished jobs beyond successfulJobsHistoryLimit (3) and failedJobsHistoryLimit (1). */
  private async cleanup(cj: CronJob, owned: Job[], signal: AbortSignal): Promise<void> {
    const byStart = (a: Job, b: Job): number => (Date.parse(a.status?.startTime ?? a.metadata.creationTimestamp ?? '') || 0) - (Date.parse(b.status?.startTime ?? b.metadata.creationTimestamp ?? '') || 0);
    for (const [how, limit] of [['Complete', cj.spec.successfulJobsHistoryLimit ?? 3], ['Failed', cj.spec.failedJobsHistoryLimit ?? 1]] as const) {
      const done = owned.filter((j) => finishedAs(j) === how && !j.metadata.deletionTimestamp).sort(byStart);
      for (const j of done.slice(0, Math.max(0, done.length - limit))) await this.deleteJob(cj, j, signal);
    }
  }

  private async deleteJob(cj: CronJob, j: Job, signal: AbortSignal): Promise<void> {
    try {
      await this.jobClient.delete(j.metadata.name ?? '', { namespace: j.metadata.namespace, propagationPolicy: 'Background', signal });
      this.events.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name ?? ''}`, KIND);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}
