/**
 * @module A small in-process control loop for the security layer's own controllers (cluster
 * role aggregation, namespace defaults, quota usage): it follows the watch caches of the
 * resources it depends on and runs one reconcile pass after each burst of changes, serialized,
 * never two at once, a failed pass retried on the next change or after a short delay.
 */
import { logger } from '../../base/log.js';
import { EVERYTHING } from '../storage/filter.js';
import type { ObjectView } from './object-view.js';

const log = logger('reconciler');

export class Reconciler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly closers: (() => void)[] = [];

  /** `pass` brings the world in line; it is called after changes to any of `views`. */
  constructor(private readonly name: string, private readonly views: readonly ObjectView[], private readonly pass: () => Promise<void>, private readonly delayMs = 10) {}

  /** Loads the caches, starts following them and runs a first pass. */
  async start(): Promise<void> {
    await Promise.all(this.views.map((v) => v.ready()));
    for (const v of this.views) this.follow(v);
    await this.run();
  }

  private follow(view: ObjectView): void {
    if (this.stopped) return;
    const again = () => setImmediate(() => { this.follow(view); this.schedule(); });
    const r = view.store.watchCache().watch({
      from: view.revision, filter: EVERYTHING, allowBookmarks: false, sendInitialEvents: false,
      sink: {
        send: () => { this.schedule(); return true; },
        bookmark: () => true,
        end: (reason) => { if (reason !== 'stopped' && !this.stopped) again(); },
      },
    });
    if ('watcher' in r) this.closers.push(() => r.watcher.close('stopped'));
    else again();
  }

  /** Asks for a pass soon (coalescing bursts). */
  schedule(delayMs = this.delayMs): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delayMs);
    this.timer.unref();
  }

  /** Runs a pass now (or right after the running one). */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.pass();
        } catch (e) {
          log.warn(`${this.name}: ${e instanceof Error ? e.message : String(e)}`);
          this.schedule(1000);
        }
      } while (this.again && !this.stopped);
    })().finally(() => { this.running = undefined; });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const c of this.closers) c();
  }
}
