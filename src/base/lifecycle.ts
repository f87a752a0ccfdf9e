/**
 * @module Teardown stack: components register how to stop as they start, and `close()` runs
 * those teardowns in reverse order, once, collecting every failure rather than stopping at
 * the first, so a half-started process still releases what it did acquire.
 */
import { messageOf } from './errors.js';
import { logger } from './log.js';

const log = logger('lifecycle');

/** A registered teardown: a name for logs and the function that releases the resource. */
interface Teardown {
  readonly name: string;
  readonly fn: () => unknown;
}

/** Collects teardowns while starting; stops everything in reverse on `close()`. */
export class Lifecycle {
  private readonly stack: Teardown[] = [];
  private closing: Promise<void> | undefined;

  /** Registers a teardown; it runs before every teardown registered earlier. */
  defer(name: string, fn: () => unknown): void {
    if (this.closing) throw new Error(`lifecycle: cannot register "${name}" while closing`);
    this.stack.push({ name, fn });
  }

  /** True once close() has been called. */
  get closed(): boolean {
    return this.closing !== undefined;
  }

  /**
   * Runs every teardown in reverse registration order. Idempotent: later calls return the
   * same promise. Rejects with an AggregateError when any teardown failed (all still ran).
   */
  close(): Promise<void> {
    this.closing ??= this.run();
    return this.closing;
  }

  private async run(): Promise<void> {
    const errors: unknown[] = [];
    while (this.stack.length) {
      const t = this.stack.pop() as Teardown;
      try {
        log.v(2, `stopping ${t.name}`);
        await t.fn();
      } catch (err) {
        log.error(`stopping ${t.name} failed: ${messageOf(err)}`);
        errors.push(err);
      }
    }
    if (errors.length) throw new AggregateError(errors, `${errors.length} teardown(s) failed`);
  }
}
