/**
 * @module The append-only log that LogStore (the MVCC facade) sits on, as kine's logstructured
 * layer sits on its SQL log. Every write appends one row whose id is the next store-wide
 * revision; a row records which later row superseded it (`succ`), so "the value of a key at
 * revision R" is the one row with `id <= R < succ`. Drivers (memory, SQL dialects) implement Log.
 */
import type { KeyValue, WatchEvent } from '../backend.js';

/** One write: the state of `key` from revision `id` until it is superseded. */
export interface Row {
  /** The revision of this write. */
  readonly id: number;
  readonly key: string;
  readonly createRevision: number;
  /** The id of the key's previous live row (0 for a create): the event's prev value. */
  readonly prevRevision: number;
  /** A tombstone: the key was deleted at `id`; `value` is the last value. */
  readonly deleted: boolean;
  /** Time to live in seconds, 0 for none. */
  readonly lease: number;
  readonly value: Uint8Array;
}

/** A row to insert, with the revision that supersedes it if that is known already. */
export interface NewRow extends Row {
  /** null while live; its own id for a tombstone; the next row's id once superseded. */
  succ: number | null;
}

/** A row and the row it superseded: one watch event. */
export interface LogEvent {
  readonly row: Row;
  readonly prev?: Row | undefined;
}

export type WriteOp =
  | { readonly op: 'create'; readonly key: string; readonly value: Uint8Array; readonly lease: number }
  | { readonly op: 'update'; readonly key: string; readonly value: Uint8Array; readonly lease: number; readonly expected: number }
  | { readonly op: 'delete'; readonly key: string; readonly expected?: number | undefined };

/** What happened to one op of a committed batch. Failed ops consume no revision. */
export type OpOutcome =
  | { readonly ok: true; readonly event: LogEvent }
  | { readonly ok: false; readonly reason: 'exists' | 'mismatch'; readonly current?: Row | undefined };

export interface Revisions {
  /** The newest committed revision. */
  readonly current: number;
  /** Reads below this revision fail; watches need fromRevision >= this. */
  readonly compact: number;
}

export interface LogListOptions {
  readonly startKey?: string | undefined;
  /** 0: no limit. */
  readonly limit: number;
  /** Resolved revision (> 0). */
  readonly revision: number;
}

export interface LogList {
  readonly rows: readonly Row[];
  readonly count: number;
  readonly more: boolean;
}

/**
 * The log a LogStore drives. Reads take a resolved revision; the store checks it against
 * `revisions()` first (future) and after (compacted: compaction may run concurrently).
 * Errors are already translated (DatastoreUnavailableError) by the driver.
 */
export interface Log {
  readonly name: string;
  revisions(): Promise<Revisions>;
  get(key: string, revision: number): Promise<Row | undefined>;
  /** The key at the current revision and that revision, read together (one round trip). */
  getCurrent(key: string): Promise<{ revision: number; row: Row | undefined }>;
  list(prefix: string, opts: LogListOptions): Promise<LogList>;
  /** Events with `from <= revision <= to` for keys under prefix, in revision order, at most `limit`. */
  after(prefix: string, range: { from: number; to: number }, limit: number): Promise<LogEvent[]>;
  /** Live rows that carry a lease (read once at start by the TTL reaper). */
  leased(): Promise<Row[]>;
  /**
   * Applies the ops in order in one transaction (one sync): each sees the effect of the ones
   * before it; revisions are contiguous after the current one. Serialised against other
   * writers of the same database (several stores may share one).
   */
  commit(ops: readonly WriteOp[]): Promise<OpOutcome[]>;
  /** Drops rows superseded before `revision` and tombstones below it; no-op if already there. */
  compact(revision: number): Promise<void>;
  /** Registers a callback for "another instance may have written" (LISTEN/NOTIFY and the like). */
  onChange?(cb: () => void): void;
  close(): Promise<void>;
}

/** The KeyValue a row stands for (a tombstone keeps its last value and the deletion revision). */
export function rowToKv(row: Row): KeyValue {
  return { key: row.key, value: row.value, createRevision: row.createRevision, modRevision: row.id, lease: row.lease };
}

/** The watch event a log event stands for. */
export function toWatchEvent(ev: LogEvent): WatchEvent {
  const kv = rowToKv(ev.row);
  if (ev.row.deleted) {
    // A tombstone always has a prev (the deleted state); keep its own kv as fallback.
    return { type: 'delete', kv, prev: ev.prev ? rowToKv(ev.prev) : kv };
  }
  return ev.prev ? { type: 'put', kv, prev: rowToKv(ev.prev) } : { type: 'put', kv };
}

/** The revision of a watch event. */
export function eventRevision(ev: WatchEvent): number {
  return ev.kv.modRevision;
}
