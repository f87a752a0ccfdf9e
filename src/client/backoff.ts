/**
 * @module Exponential backoff with jitter, shared by request retries,
 * watch reconnects and leader election.
 */
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
