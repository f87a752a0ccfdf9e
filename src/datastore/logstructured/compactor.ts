/**
 * @module Automatic compaction. Policy: every `intervalMs` compact up to the revision that was
 * current one interval ago (as kube-apiserver compacts etcd every 5 minutes), but never into
 * the newest `minRetain` revisions (kine keeps at least 1000). History is therefore kept for
 * at least one interval and at least minRetain revisions; everything older that was
 * superseded or deleted goes, so a store under steady churn stops growing.
 */
import { messageOf } from '../../base/errors.js';
import { logger } from '../../base/log.js';
import type { Log } from './log.js';

const log = logger('datastore');

export interface CompactionPolicy {
  /** How often to compact, in ms; 0 turns automatic compaction off. */
  readonly intervalMs: number;
  /** Revisions never compacted, counting back from the current one. */
  readonly minRetain: number;
}

export const defaultCompactionPolicy: CompactionPolicy = { intervalMs: 5 * 60_000, minRetain: 1000 };

export class Compactor {
  private timer: NodeJS.Timeout | undefined;
  private previous: number | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly source: Log, private readonly policy: CompactionPolicy) {
    if (policy.intervalMs > 0) {
      this.timer = setInterval(() => { void this.tick(); }, policy.intervalMs);
      this.timer.unref();
    }
  }

  /** The revision the policy would compact to now, given the current one. */
  target(current: number): number {
    const byTime = this.previous ?? 0;
    return Math.min(byTime, current - this.policy.minRetain);
  }

  /** One round of the policy (the timer calls it; tests may too). */
  tick(): Promise<void> {
    this.running ??= this.round().finally(() => { this.running = undefined; });
    return this.running;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async round(): Promise<void> {
    try {
      const { current, compact } = await this.source.revisions();
      const target = this.target(current);
      this.previous = current;
      if (target > compact) {
        await this.source.compact(target);
        log.v(2, `${this.source.name}: compacted history below revision ${target} (current ${current})`);
      }
    } catch (err) {
      log.warn(`${this.source.name}: compaction failed, will retry: ${messageOf(err)}`);
    }
  }
}
