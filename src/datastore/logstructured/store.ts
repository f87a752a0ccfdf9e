/**
 * @module LogStore: the Backend every log-based driver (memory, SQLite, PostgreSQL, MySQL) is.
 * It puts etcd's semantics on a Log: group commit of writes, revision checks on reads, watches
 * served from one in-memory window fed directly by this store's commits (no polling when one
 * process owns the database) and by the feeder for other servers' writes, TTL expiry and
 * automatic compaction.
 */
import {
  CompactedError, DatastoreUnavailableError, FutureRevisionError, KeyExistsError, RevisionMismatchError,
  type Backend, type CreateOptions, type DeleteOptions, type DeleteResult, type GetOptions, type GetResult,
  type ListOptions, type ListResult, type UpdateOptions, type WatchEvent, type WatchOptions, type WriteResult,
} from '../backend.js';
import { Batcher } from './batcher.js';
import { Compactor, defaultCompactionPolicy, type CompactionPolicy } from './compactor.js';
import { Feeder } from './feeder.js';
import { Hub } from './hub.js';
import { LeaseReaper } from './leases.js';
import { eventRevision, rowToKv, toWatchEvent, type Log, type OpOutcome, type WriteOp } from './log.js';
import { watchHub } from './watcher.js';

/** Knobs with production defaults; tests turn them down to see the behaviour quickly. */
export interface StoreTuning {
  /** How often to look for other servers' writes (ms). Default 1000; 0: only when notified. */
  readonly pollIntervalMs?: number;
  /** Events kept in memory for watchers (default 10,000) and their approximate bytes (64 MiB). */
  readonly watchWindowEvents?: number;
  readonly watchWindowBytes?: number;
  /** Automatic compaction (default: every 5 min, keeping at least 1000 revisions). */
  readonly compaction?: Partial<CompactionPolicy>;
  /** Most writes per transaction (default 256). */
  readonly maxBatch?: number;
}

const WATCH_BATCH = 1000;
const POLL_PAGE = 500;

export class LogStore implements Backend {
  readonly name: string;
  private readonly hub: Hub;
  private readonly batcher: Batcher;
  private readonly feeder: Feeder;
  private readonly reaper: LeaseReaper;
  private readonly compactor: Compactor;
  /** The newest revision this store committed (a watch from 0 starts after it). */
  private lastLocal = 0;
  private closed = false;

  /** Opens a store on `log` (which it then owns and closes). */
  static async open(log: Log, tuning: StoreTuning = {}): Promise<LogStore> {
    const { current } = await log.revisions();
    const store = new LogStore(log, current, tuning);
    for (const row of await log.leased()) store.reaper.track(row.key, row.id, row.lease);
    return store;
  }

  private constructor(private readonly log: Log, head: number, tuning: StoreTuning) {
    this.name = log.name;
    this.hub = new Hub(head, { windowEvents: tuning.watchWindowEvents ?? 10_000, windowBytes: tuning.watchWindowBytes ?? 64 << 20 });
    this.batcher = new Batcher((ops) => this.commit(ops), tuning.maxBatch ?? 256);
    this.feeder = new Feeder(log, this.hub, { intervalMs: tuning.pollIntervalMs ?? 1000, pageSize: POLL_PAGE });
    this.reaper = new LeaseReaper((key, rev) => this.delete(key, { expectedModRevision: rev }).then(() => undefined));
    this.hub.listen((events) => this.reaper.observe(events));
    this.compactor = new Compactor(log, { ...defaultCompactionPolicy, ...tuning.compaction });
    log.onChange?.(() => this.feeder.wake());
  }

  async currentRevision(): Promise<number> {
    this.checkOpen();
    return (await this.log.revisions()).current;
  }

  async compactRevision(): Promise<number> {
    this.checkOpen();
    return (await this.log.revisions()).compact;
  }

  async get(key: string, opts?: GetOptions): Promise<GetResult> {
    if (!opts?.revision) {
      this.checkOpen();
      const { revision, row } = await this.log.getCurrent(key);
      return row ? { revision, kv: rowToKv(row) } : { revision };
    }
    const { revision, historical } = await this.resolve(opts.revision);
    const row = await this.log.get(key, revision);
    if (historical) await this.recheck(revision);
    return row ? { revision, kv: rowToKv(row) } : { revision };
  }

  async list(prefix: string, opts?: ListOptions): Promise<ListResult> {
    const { revision, historical } = await this.resolve(opts?.revision);
    const res = await this.log.list(prefix, { startKey: opts?.startKey, limit: opts?.limit ?? 0, revision });
    if (historical) await this.recheck(revision);
    return { revision, items: res.rows.map(rowToKv), count: res.count, more: res.more };
  }

  async create(key: string, value: Uint8Array, opts?: CreateOptions): Promise<WriteResult> {
    const o = await this.write({ op: 'create', key, value: value.slice(), lease: opts?.ttl ?? 0 });
    if (!o.ok) throw new KeyExistsError(key);
    return { revision: o.event.row.id };
  }

  async update(key: string, value: Uint8Array, opts: UpdateOptions): Promise<WriteResult> {
    const o = await this.write({ op: 'update', key, value: value.slice(), lease: opts.ttl ?? 0, expected: opts.expectedModRevision });
    if (!o.ok) throw new RevisionMismatchError(key, o.current ? rowToKv(o.current) : undefined);
    return { revision: o.event.row.id };
  }

  async delete(key: string, opts?: DeleteOptions): Promise<DeleteResult> {
    const o = await this.write({ op: 'delete', key, expected: opts?.expectedModRevision });
    if (!o.ok) throw new RevisionMismatchError(key, o.current ? rowToKv(o.current) : undefined);
    const prev = o.event.prev ?? o.event.row;
    return { revision: o.event.row.id, prev: rowToKv(prev) };
  }

  watch(prefix: string, opts: WatchOptions): AsyncIterable<readonly WatchEvent[]> {
    this.checkOpen();
    // "From now": after everything the hub has and everything this store has acknowledged.
    const start = opts.fromRevision > 0 ? opts.fromRevision : Math.max(this.hub.head, this.lastLocal) + 1;
    return watchHub(this.hub, this.log, prefix, { start, signal: opts.signal, batchSize: WATCH_BATCH });
  }

  async compact(revision: number): Promise<void> {
    const { current, compact } = await this.log.revisions();
    if (revision > current) throw new FutureRevisionError(revision, current);
    if (revision > compact) await this.log.compact(revision);
  }

  /** Runs one round of the automatic compaction policy now (tests, and the CLI). */
  compactNow(): Promise<void> {
    return this.compactor.tick();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.feeder.close();
    this.compactor.close();
    this.reaper.close();
    await this.batcher.drained();
    this.hub.close();
    await this.log.close();
  }

  private checkOpen(): void {
    if (this.closed) throw new DatastoreUnavailableError(`${this.name} datastore is closed`);
  }

  /** Values are copied on the way in: watchers keep them, and callers may reuse their buffers. */
  private write(op: WriteOp): Promise<OpOutcome> {
    this.checkOpen();
    return this.batcher.submit(op);
  }

  /** The batcher's commit: one transaction, then the events go straight to the watchers. */
  private async commit(ops: readonly WriteOp[]): Promise<OpOutcome[]> {
    const outcomes = await this.log.commit(ops);
    const events: WatchEvent[] = [];
    for (const o of outcomes) if (o.ok) events.push(toWatchEvent(o.event));
    const last = events[events.length - 1];
    if (last) {
      this.lastLocal = Math.max(this.lastLocal, eventRevision(last));
      // Another server wrote in between: the feeder fetches the missing revisions first.
      if (!this.hub.publish(events)) this.feeder.wake();
    }
    return outcomes;
  }

  private async resolve(requested: number | undefined): Promise<{ revision: number; historical: boolean }> {
    this.checkOpen();
    const { current, compact } = await this.log.revisions();
    if (!requested) return { revision: current, historical: false };
    if (requested > current) throw new FutureRevisionError(requested, current);
    if (requested < compact) throw new CompactedError(requested, compact);
    return { revision: requested, historical: requested < current };
  }

  /**
   * A compaction that ran while we read may have removed rows the read needed. Reads at the
   * current revision are not checked: only compacting above them could hurt, and the policy
   * stays minRetain revisions behind.
   */
  private async recheck(revision: number): Promise<void> {
    const { compact } = await this.log.revisions();
    if (revision < compact) throw new CompactedError(revision, compact);
  }
}
