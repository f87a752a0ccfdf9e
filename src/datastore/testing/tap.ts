/**
 * @module Test helpers for watches: a Tap reads a watch stream into a buffer so a test can wait
 * for N events or for the stream's error, always with a generous timeout and never a sleep.
 */
import type { WatchEvent } from '../backend.js';

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
export const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Waits until `cond()` is true, polling; fails after `timeoutMs`. */
export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export class Tap {
  readonly events: WatchEvent[] = [];
  error: unknown;
  ended = false;
  /** Set false to stop pulling (a slow consumer); true resumes. */
  private pulling = true;
  private resume: (() => void) | undefined;
  private readonly done: Promise<void>;
  private readonly controller = new AbortController();

  constructor(stream: (signal: AbortSignal) => AsyncIterable<readonly WatchEvent[]>) {
    this.done = (async () => {
      try {
        for await (const batch of stream(this.controller.signal)) {
          this.events.push(...batch);
          while (!this.pulling) await new Promise<void>((r) => { this.resume = r; });
        }
      } catch (err) {
        this.error = err;
      } finally {
        this.ended = true;
      }
    })();
  }

  /** Waits for at least `n` events in total and returns the first n. */
  async take(n: number, timeoutMs = 20_000): Promise<WatchEvent[]> {
    await waitFor(() => this.events.length >= n || this.ended, `${n} watch events (have ${this.events.length})`, timeoutMs);
    if (this.events.length < n) throw new Error(`watch ended after ${this.events.length} of ${n} events: ${String(this.error)}`);
    return this.events.slice(0, n);
  }

  /** Waits for the stream to end; returns its error (undefined for a normal end). */
  async end(timeoutMs = 20_000): Promise<unknown> {
    await waitFor(() => this.ended, 'the watch to end', timeoutMs);
    return this.error;
  }

  pause(): void { this.pulling = false; }

  unpause(): void {
    this.pulling = true;
    this.resume?.();
  }

  async close(): Promise<void> {
    this.controller.abort();
    this.unpause();
    await this.done;
  }
}
