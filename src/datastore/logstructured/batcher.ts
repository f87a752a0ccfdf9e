/**
 * @module Group commit: writes submitted while a commit is in flight (or in the same turn of
 * the event loop) go to the log together as one transaction and one sync, so many concurrent
 * writers cost one fsync per batch instead of one each. One batch is in flight at a time,
 * which also keeps this store's revisions in submission order.
 */
import { DatastoreUnavailableError } from '../backend.js';
import type { OpOutcome, WriteOp } from './log.js';

interface Pending {
  readonly op: WriteOp;
  readonly resolve: (o: OpOutcome) => void;
  readonly reject: (err: unknown) => void;
}

export type CommitFn = (ops: readonly WriteOp[]) => Promise<OpOutcome[]>;

export class Batcher {
  private queue: Pending[] = [];
  private busy = false;
  private scheduled = false;
  private idle: Promise<void> = Promise.resolve();
  private idleResolve: (() => void) | undefined;

  /**
   * @param commit runs one batch; it must return one outcome per op or throw for the batch.
   * @param maxBatch most ops per transaction (bounded by SQL parameter limits).
   * @param maxQueued ops allowed to wait; beyond that writes are refused at once (the
   *   database is slow or away) instead of piling up in memory.
   */
  constructor(private readonly commit: CommitFn, private readonly maxBatch: number, private readonly maxQueued = 20_000) {}

  /** Queues one op; resolves with its outcome once its batch is durable. */
  submit(op: WriteOp): Promise<OpOutcome> {
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(new DatastoreUnavailableError(`datastore overloaded: ${this.queue.length} writes waiting`, { retryAfterSeconds: 2 }));
    }
    return new Promise<OpOutcome>((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      if (!this.idleResolve) this.idle = new Promise<void>((r) => { this.idleResolve = r; });
      this.schedule();
    });
  }

  /** Resolves when every submitted op has finished. */
  drained(): Promise<void> {
    return this.idle;
  }

  private schedule(): void {
    if (this.busy || this.scheduled) return;
    this.scheduled = true;
    // setImmediate, not a microtask: writers resumed by the previous batch get to join this one.
    setImmediate(() => { this.scheduled = false; void this.flush(); });
  }

  private async flush(): Promise<void> {
    if (this.busy || this.queue.length === 0) return;
    this.busy = true;
    const batch = this.queue.length <= this.maxBatch ? this.queue : this.queue.slice(0, this.maxBatch);
    this.queue = batch === this.queue ? [] : this.queue.slice(this.maxBatch);
    try {
      const outcomes = await this.commit(batch.map((p) => p.op));
      batch.forEach((p, i) => {
        const o = outcomes[i];
        if (o) p.resolve(o);
        else p.reject(new Error(`commit returned ${outcomes.length} outcomes for ${batch.length} ops`));
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      this.busy = false;
      if (this.queue.length) this.schedule();
      else if (this.idleResolve) { this.idleResolve(); this.idleResolve = undefined; }
    }
  }
}
