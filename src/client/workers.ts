/**
 * @module The worker loop every controller runs over its queue: take a key, sync it, forget it
 * on success or requeue it rate-limited on failure, always mark it done. Stops when the signal
 * aborts (the queue shuts down and in-flight syncs finish).
 */
import { AbortedError, messageOf } from '../base/errors.js';
import { logger } from '../base/log.js';
import type { WorkQueue } from './work-queue.js';

export interface WorkerOptions {
  /** Concurrent workers (kube-controller-manager runs 5 for most controllers). */
  readonly workers: number;
  /** For logs. */
  readonly name: string;
  readonly signal: AbortSignal;
  /** Give up on a key after this many consecutive failures (default: never). */
  readonly maxRetries?: number;
}

/** Runs `sync` over the queue's keys with `workers` loops; resolves after shutdown. */
export async function runWorkers<K>(queue: WorkQueue<K>, sync: (key: K) => Promise<void>, opts: WorkerOptions): Promise<void> {
  const log = logger(opts.name);
  const stop = (): void => queue.shutDown();
  if (opts.signal.aborted) stop();
  else opts.signal.addEventListener('abort', stop, { once: true });
  const loop = async (): Promise<void> => {
    for (;;) {
      const key = await queue.get();
      if (key === undefined) return;
      try {
        await sync(key);
        queue.forget(key);
      } catch (err) {
        if (opts.signal.aborted && err instanceof AbortedError) continue;
        const n = queue.numRequeues(key);
        if (opts.maxRetries !== undefined && n >= opts.maxRetries) {
          log.warn(`dropping ${String(key)} after ${n} retries: ${messageOf(err)}`);
          queue.forget(key);
        } else {
          log.v(n > 3 ? 0 : 2, `error syncing ${typeof key === "object" && key !== null ? JSON.stringify(key) : String(key)} (retry ${n + 1}): ${messageOf(err)}`);
          queue.addRateLimited(key);
        }
      } finally {
        queue.done(key);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.workers) }, loop));
  opts.signal.removeEventListener('abort', stop);
}
