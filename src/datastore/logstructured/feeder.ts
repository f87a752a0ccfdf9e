/**
 * @module Brings writes this store did not make (another server on the same database) into the
 * hub: reads the log after the hub's head when woken (a NOTIFY, a commit that did not follow
 * the head) and on a timer, like kine's poll loop. Revisions are contiguous, so a hole means
 * "not visible yet" and is read again shortly; a hole below the compaction point can never be
 * filled and restarts the hub.
 */
import { messageOf } from '../../base/errors.js';
import { logger } from '../../base/log.js';
import type { Hub } from './hub.js';
import { toWatchEvent, type Log } from './log.js';

const log = logger('datastore');

export interface FeederOptions {
  /** Poll interval in ms; 0 polls only when woken. */
  readonly intervalMs: number;
  /** Rows read per query. */
  readonly pageSize: number;
}

export class Feeder {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private closed = false;
  private holeSince = 0;
  private failing = false;

  constructor(private readonly source: Log, private readonly hub: Hub, private readonly opts: FeederOptions) {
    this.arm(opts.intervalMs);
  }

  /** Reads new rows as soon as possible (coalesced with a read already running). */
  wake(): void {
    if (this.closed) return;
    if (this.running) { this.again = true; return; }
    void this.run();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private arm(ms: number): void {
    if (this.closed || ms <= 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), ms);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    this.running = true;
    let retryMs = this.opts.intervalMs;
    try {
      do {
        this.again = false;
        const outcome = await this.poll();
        if (outcome === 'hole') { retryMs = 20; break; }
        if (outcome === 'more') this.again = true;
      } while (this.again && !this.closed);
      if (this.failing) { log.info(`${this.source.name}: watch feed recovered`); this.failing = false; }
    } catch (err) {
      if (!this.failing) log.warn(`${this.source.name}: reading new revisions failed, retrying: ${messageOf(err)}`);
      this.failing = true;
      retryMs = Math.max(200, Math.min(this.opts.intervalMs || 1000, 1000));
    } finally {
      this.running = false;
    }
    this.arm(retryMs);
  }

  private async poll(): Promise<'done' | 'more' | 'hole'> {
    const from = this.hub.head + 1;
    const page = await this.source.after('', { from, to: Number.MAX_SAFE_INTEGER }, this.opts.pageSize);
    if (this.closed || page.length === 0) return 'done';
    if (this.hub.publish(page.map(toWatchEvent))) {
      this.holeSince = 0;
      return page.length === this.opts.pageSize ? 'more' : 'done';
    }
    // The next revision is missing: either not visible yet, or compacted away while we lagged.
    const { compact } = await this.source.revisions();
    if (compact > this.hub.head + 1) {
      const first = page[0]!.row.id;
      log.warn(`${this.source.name}: watch feed fell behind compaction (at ${this.hub.head}, compacted to ${compact}); watchers must re-list`);
      this.hub.restart(first - 1);
      return 'more';
    }
    if (!this.holeSince) this.holeSince = Date.now();
    else if (Date.now() - this.holeSince > 5000) {
      log.warn(`${this.source.name}: revision ${this.hub.head + 1} is still not visible after 5 s`);
      this.holeSince = Date.now();
    }
    return 'hole';
  }
}
