/**
 * @module Exponential backoff with jitter and an abortable sleep, shared by request retries,
 * watch reconnects and leader election.
 */
import { AbortedError } from '../base/errors.js';

export interface BackoffOptions {
  /** First delay (ms). */
  readonly initialMs: number;
  /** Cap (ms). */
  readonly maxMs: number;
  /** Growth per step (default 2). */
  readonly factor?: number;
  /** Random extra fraction of the delay added, 0..1 (default 0.2). */
  readonly jitter?: number;
}

/** A delay sequence that grows until `reset()`. */
export class Backoff {
  private step = 0;

  constructor(private readonly opts: BackoffOptions) {}

  /** The next delay in milliseconds. */
  next(): number {
    const { initialMs, maxMs, factor = 2, jitter = 0.2 } = this.opts;
    const base = Math.min(maxMs, initialMs * factor ** this.step);
    if (base < maxMs) this.step++;
    return Math.round(base * (1 + Math.random() * jitter));
  }

  reset(): void {
    this.step = 0;
  }
}

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
