/**
 * @module One watch over the hub: replays history from the log until it reaches the hub's
 * window, then reads the window with its own cursor. Every revision from the start on is
 * looked at exactly once, so events come in order with no gap and no duplicate. A watcher
 * that was live and fell out of the window gets WatchOverflowError (it must re-list), the
 * way kine and the apiserver's cacher drop a watcher that cannot keep up.
 */
import { CompactedError, WatchOverflowError, type WatchEvent } from '../backend.js';
import type { Hub } from './hub.js';
import { eventRevision, toWatchEvent, type Log } from './log.js';

export interface WatcherOptions {
  /** The first revision to deliver (already resolved: never 0). */
  readonly start: number;
  readonly signal?: AbortSignal | undefined;
  /** Most events per delivered batch. */
  readonly batchSize: number;
}

/** Resolves when `p` does or when the signal aborts, whichever comes first. */
function untilAborted(p: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return p;
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const onAbort = (): void => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    void p.then(() => { signal.removeEventListener('abort', onAbort); resolve(); });
  });
}

function matching(events: readonly WatchEvent[], prefix: string): WatchEvent[] {
  if (prefix === '') return events.slice();
  return events.filter((ev) => ev.kv.key.startsWith(prefix));
}

/** The event stream of one watch (see Backend.watch). */
export async function* watchHub(hub: Hub, log: Log, prefix: string, opts: WatcherOptions): AsyncGenerator<readonly WatchEvent[]> {
  const { signal, batchSize } = opts;
  const epoch = hub.epoch;
  let cursor = opts.start;
  let live = false;
  // The window may still hold events below the compaction point; etcd refuses those watches.
  const { compact } = await log.revisions();
  if (cursor < compact) throw new CompactedError(cursor, compact);
  for (;;) {
    if (signal?.aborted || hub.closed) return;
    if (hub.epoch !== epoch) throw new WatchOverflowError(prefix);
    if (cursor > hub.head) {
      await untilAborted(hub.changed(), signal);
      continue;
    }
    const window = hub.since(cursor, batchSize);
    if (window) {
      live = true;
      const last = window[window.length - 1];
      if (last) cursor = eventRevision(last) + 1;
      const batch = matching(window, prefix);
      if (batch.length) yield batch;
      continue;
    }
    if (live) throw new WatchOverflowError(prefix);
    // Still replaying history: read the log up to what the hub has, then look again.
    const before = await log.revisions();
    if (cursor < before.compact) throw new CompactedError(cursor, before.compact);
    const to = hub.head;
    const page = await log.after(prefix, { from: cursor, to }, batchSize);
    const after = await log.revisions();
    // Compaction may have removed rows while we read: then the page cannot be trusted.
    if (cursor < after.compact) throw new CompactedError(cursor, after.compact);
    const last = page[page.length - 1];
    cursor = page.length === batchSize && last ? last.row.id + 1 : to + 1;
    if (page.length) yield page.map(toWatchEvent);
  }
}
