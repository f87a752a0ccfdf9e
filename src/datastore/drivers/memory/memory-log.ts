/**
 * @module The in-memory log: the same row model as the SQL drivers, kept in maps and a sorted
 * key array. A named database (`memory://name`) lives as long as the process, so a store can
 * be closed and reopened on it, and several stores can share it, as servers share PostgreSQL.
 */
import { lowerBound, prefixEnd, rangeStart } from '../../keyrange.js';
import type { Log, LogEvent, LogList, LogListOptions, NewRow, OpOutcome, Revisions, Row, WriteOp } from '../../logstructured/log.js';
import { batchKeys, planBatch } from '../../logstructured/plan.js';

/** The shared state of one memory database. */
export class MemoryDatabase {
  readonly rows = new Map<number, NewRow>();
  /** Row ids of each key, ascending. */
  readonly versions = new Map<string, number[]>();
  /** Keys that have rows, sorted. */
  readonly keys: string[] = [];
  revision = 0;
  compact = 0;
  readonly listeners = new Map<object, () => void>();
}

const named = new Map<string, MemoryDatabase>();

/** The named database (created on first use), or a fresh anonymous one. */
export function memoryDatabase(name?: string): MemoryDatabase {
  if (!name) return new MemoryDatabase();
  let db = named.get(name);
  if (!db) named.set(name, db = new MemoryDatabase());
  return db;
}

/** Forgets a named database (tests). */
export function dropMemoryDatabase(name: string): void {
  named.delete(name);
}

export class MemoryLog implements Log {
  readonly name = 'memory';
  constructor(private readonly db: MemoryDatabase) {}

  revisions(): Promise<Revisions> {
    return Promise.resolve({ current: this.db.revision, compact: this.db.compact });
  }

  get(key: string, revision: number): Promise<Row | undefined> {
    return Promise.resolve(this.visible(key, revision));
  }

  getCurrent(key: string): Promise<{ revision: number; row: Row | undefined }> {
    return Promise.resolve({ revision: this.db.revision, row: this.visible(key, this.db.revision) });
  }

  list(prefix: string, opts: LogListOptions): Promise<LogList> {
    const { keys } = this.db;
    const end = prefixEnd(prefix);
    const rows: Row[] = [];
    let count = 0;
    for (let i = lowerBound(keys, rangeStart(prefix, opts.startKey)); i < keys.length; i++) {
      const key = keys[i]!;
      if (end !== undefined && key >= end) break;
      const row = this.visible(key, opts.revision);
      if (!row) continue;
      count++;
      if (!opts.limit || rows.length < opts.limit) rows.push(row);
    }
    return Promise.resolve({ rows, count, more: count > rows.length });
  }

  after(prefix: string, range: { from: number; to: number }, limit: number): Promise<LogEvent[]> {
    const out: LogEvent[] = [];
    const to = Math.min(range.to, this.db.revision);
    for (let id = Math.max(range.from, 1); id <= to && out.length < limit; id++) {
      const row = this.db.rows.get(id);
      if (!row || !row.key.startsWith(prefix)) continue;
      out.push({ row, prev: row.prevRevision ? this.db.rows.get(row.prevRevision) : undefined });
    }
    return Promise.resolve(out);
  }

  leased(): Promise<Row[]> {
    const out: Row[] = [];
    for (const key of this.db.keys) {
      const row = this.visible(key, this.db.revision);
      if (row && row.lease > 0) out.push(row);
    }
    return Promise.resolve(out);
  }

  commit(ops: readonly WriteOp[]): Promise<OpOutcome[]> {
    const { db } = this;
    const live = new Map<string, Row>();
    for (const key of batchKeys(ops)) {
      const row = this.latest(key);
      if (row && row.succ === null) live.set(key, row);
    }
    const plan = planBatch(ops, live, db.revision);
    for (const s of plan.superseded) {
      const row = db.rows.get(s.id);
      if (row) row.succ = s.succ;
    }
    for (const row of plan.rows) {
      db.rows.set(row.id, row);
      const ids = db.versions.get(row.key);
      if (ids) ids.push(row.id);
      else {
        db.versions.set(row.key, [row.id]);
        db.keys.splice(lowerBound(db.keys, row.key), 0, row.key);
      }
    }
    db.revision = plan.revision;
    if (plan.rows.length) for (const [owner, cb] of db.listeners) if (owner !== this) queueMicrotask(cb);
    return Promise.resolve(plan.outcomes);
  }

  compact(revision: number): Promise<void> {
    const { db } = this;
    // Rows superseded in [old, new) are the prev rows of the rows written there (and tombstones).
    for (let id = db.compact; id < revision; id++) {
      const row = db.rows.get(id);
      if (!row) continue;
      if (row.prevRevision) this.drop(row.prevRevision);
      if (row.deleted) this.drop(row.id);
    }
    db.compact = Math.max(db.compact, revision);
    return Promise.resolve();
  }

  onChange(cb: () => void): void {
    this.db.listeners.set(this, cb);
  }

  close(): Promise<void> {
    this.db.listeners.delete(this);
    return Promise.resolve();
  }

  private latest(key: string): NewRow | undefined {
    const ids = this.db.versions.get(key);
    const id = ids?.[ids.length - 1];
    return id === undefined ? undefined : this.db.rows.get(id);
  }

  /** The row of `key` visible at `revision`: id <= revision < succ. */
  private visible(key: string, revision: number): Row | undefined {
    const ids = this.db.versions.get(key);
    if (!ids) return undefined;
    for (let i = ids.length - 1; i >= 0; i--) {
      if (ids[i]! > revision) continue;
      const row = this.db.rows.get(ids[i]!);
      if (!row || row.deleted || (row.succ !== null && row.succ <= revision)) return undefined;
      return row;
    }
    return undefined;
  }

  private drop(id: number): void {
    const { db } = this;
    const row = db.rows.get(id);
    if (!row) return;
    db.rows.delete(id);
    const ids = db.versions.get(row.key);
    if (!ids) return;
    const at = ids.indexOf(id);
    if (at >= 0) ids.splice(at, 1);
    if (ids.length === 0) {
      db.versions.delete(row.key);
      const k = lowerBound(db.keys, row.key);
      if (db.keys[k] === row.key) db.keys.splice(k, 1);
    }
  }
}
