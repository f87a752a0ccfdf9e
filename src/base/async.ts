/**
 * @module Small async helpers that honour an AbortSignal: an abortable sleep, a promise that
 * settles when a signal aborts, polling until a condition holds, and a deferred promise.
 */
import { AbortedError } from './errors.js';

/** Resolves after `ms`, or rejects with AbortedError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortedError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves (never rejects) when `signal` aborts; immediately if it already has. */
export function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** Options for {@link waitFor}. */
export interface WaitForOptions {
  /** Give up after this many milliseconds (default 30 s). */
  timeoutMs?: number;
  /** Delay between attempts (default 50 ms). */
  intervalMs?: number;
  signal?: AbortSignal;
  /** Says what was awaited, for the timeout message. */
  what?: string;
}

/**
 * Calls `probe` until it returns a value other than undefined (errors count as "not yet"),
 * and returns that value. Throws with the last error when the timeout passes.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, opts: WaitForOptions = {}): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() >= deadline) {
      const why = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`timed out waiting for ${opts.what ?? 'condition'}${why}`, { cause: last });
    }
    await sleep(opts.intervalMs ?? 50, opts.signal);
  }
}

/** A promise with its resolve and reject exposed, for readiness signals. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
