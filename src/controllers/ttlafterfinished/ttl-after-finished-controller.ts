/**
 * @module The TTL-after-finished controller: deletes a finished Job (Complete or Failed)
 * `ttlSecondsAfterFinished` seconds after it finished, with foreground propagation so its pods
 * go first, re-checking the live object before deleting (the TTL may have changed).
 */
import { isConflict, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Job } from '../../client/kinds/batch.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { objectKey, splitKey } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { workerCount, type Controller, type ControllerContext } from '../common/context.js';

/** When the job finished (ms), or undefined while it runs. */
export function finishedAt(j: Job): number | undefined {
  const c = (j.status?.conditions ?? []).find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  if (!c) return undefined;
  const t = Date.parse(c.lastTransitionTime ?? j.status?.completionTime ?? '');
  return Number.isFinite(t) ? t : undefined;
}

/** Milliseconds until the job expires (≤ 0: expired), or undefined when it never does. */
export function msUntilExpiry(j: Job, now: number): number | undefined {
  const ttl = j.spec.ttlSecondsAfterFinished;
  const at = finishedAt(j);
  if (ttl === undefined || at === undefined || j.metadata.deletionTimestamp) return undefined;
  return at + ttl * 1000 - now;
}

export class TtlAfterFinishedController implements Controller {
  readonly name = 'ttl-after-finished-controller';
  private readonly jobs: SharedInformer<Job>;
  private readonly client: ResourceClient<Job>;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext) {
    this.client = ctx.clientFor('ttl-after-finished-controller').resource<Job>(resources.jobs);
    this.jobs = ctx.informers.informer<Job>(resources.jobs);
    const job = (j: Job): void => { if (j.spec.ttlSecondsAfterFinished !== undefined && finishedAt(j) !== undefined) this.queue.add(objectKey(j)); };
    this.jobs.addEventHandler({ onAdd: job, onUpdate: (_o, j) => job(j) });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (key) => this.sync(key, signal), { workers: workerCount(this.ctx, 'ttl-after-finished', 5), name: this.name, signal });
  }

  private async sync(key: string, signal: AbortSignal): Promise<void> {
    const cached = this.jobs.store.get(key);
    if (!cached) return;
    const left = msUntilExpiry(cached, Date.now());
    if (left === undefined) return;
    if (left > 0) {
      this.queue.addAfter(key, left);
      return;
    }
    // The cache may be stale: decide on the live object.
    const { namespace, name } = splitKey(key);
    try {
      const fresh = await this.client.get(name, { namespace, signal });
      const again = msUntilExpiry(fresh, Date.now());
      if (again === undefined) return;
      if (again > 0) {
        this.queue.addAfter(key, again);
        return;
      }
      await this.client.delete(name, { namespace, propagationPolicy: 'Foreground', preconditions: { uid: fresh.metadata.uid ?? '', resourceVersion: fresh.metadata.resourceVersion ?? '' }, signal });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }
}
