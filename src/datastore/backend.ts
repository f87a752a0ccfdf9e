/**
 * @module The datastore contract: an MVCC key-value log with etcd's semantics (as kine gives
 * kube-apiserver). Every write gets the next revision of one store-wide, strictly increasing
 * sequence; an object's resourceVersion is its key's `modRevision`. Drivers (sqlite, postgres,
 * mysql, etcd, memory) implement it; src/datastore/testing/ is the conformance suite they all run.
 */
import { K3tsError } from '../base/errors.js';

/** One key at one revision. `value` is opaque bytes (JSON or the protobuf envelope). */
export interface KeyValue {
  readonly key: string;
  readonly value: Uint8Array;
  /** Revision of the write that created the key (unchanged by updates). */
  readonly createRevision: number;
  /** Revision of the last write to the key: the object's resourceVersion. */
  readonly modRevision: number;
  /** Time to live in seconds given at create/update, 0 for none. */
  readonly lease: number;
}

export interface PutEvent {
  readonly type: 'put';
  /** The new state; `kv.modRevision` is the event's revision. */
  readonly kv: KeyValue;
  /** The state before this write; absent on create. */
  readonly prev?: KeyValue;
}

export interface DeleteEvent {
  readonly type: 'delete';
  /** The deleted key with the deletion's revision as `modRevision` and the last value. */
  readonly kv: KeyValue;
  /** The state before the delete. */
  readonly prev: KeyValue;
}

export type WatchEvent = PutEvent | DeleteEvent;

export interface GetOptions {
  /** Read as of this revision (0 or absent: current). */
  readonly revision?: number;
}

export interface GetResult {
  /** The store revision the read was served at. */
  readonly revision: number;
  readonly kv?: KeyValue;
}

export interface ListOptions {
  /** Start at this key (inclusive) within the prefix; used for continuation. */
  readonly startKey?: string;
  /** At most this many items (0 or absent: all). */
  readonly limit?: number;
  /** Read as of this revision (0 or absent: current). */
  readonly revision?: number;
}

export interface ListResult {
  /** The store revision the list was served at; pass it back to page consistently. */
  readonly revision: number;
  /** Items in key order. */
  readonly items: readonly KeyValue[];
  /** Number of keys under the prefix (from startKey on) at that revision, beyond the limit too. */
  readonly count: number;
  /** True when keys remain after the last item. */
  readonly more: boolean;
}

export interface WriteResult {
  /** The revision of this write (the new modRevision). */
  readonly revision: number;
}

export interface CreateOptions {
  /** Seconds until the key disappears by itself (Kubernetes Events use 3600). */
  readonly ttl?: number;
}

export interface UpdateOptions {
  /** The write happens only if the key's current modRevision equals this. */
  readonly expectedModRevision: number;
  readonly ttl?: number;
}

export interface DeleteOptions {
  /** When set, the delete happens only if the key's current modRevision equals this. */
  readonly expectedModRevision?: number;
}

export interface DeleteResult extends WriteResult {
  /** The value that was deleted. */
  readonly prev: KeyValue;
}

export interface WatchOptions {
  /** Deliver every event with revision >= fromRevision (0: only events after the watch starts). */
  readonly fromRevision: number;
  /** Ends the stream (the iterator returns normally). */
  readonly signal?: AbortSignal;
}

/**
 * The revisioned store. Methods may be called concurrently. Failures are the typed errors
 * below or DatastoreUnavailableError; no driver error escapes untranslated.
 */
export interface Backend {
  /** A short name for logs: "sqlite", "postgres", ... (never a DSN). */
  readonly name: string;
  /** The newest revision in the store. */
  currentRevision(): Promise<number>;
  /**
   * The revision below which history has been compacted (0 if never): reads at a revision
   * below it throw CompactedError (reads at it succeed), and a watch needs fromRevision >= it.
   */
  compactRevision(): Promise<number>;
  get(key: string, opts?: GetOptions): Promise<GetResult>;
  list(prefix: string, opts?: ListOptions): Promise<ListResult>;
  /** Creates the key; KeyExistsError if it exists. */
  create(key: string, value: Uint8Array, opts?: CreateOptions): Promise<WriteResult>;
  /** Replaces the value; RevisionMismatchError (with the current value) if the precondition fails. */
  update(key: string, value: Uint8Array, opts: UpdateOptions): Promise<WriteResult>;
  /** Deletes the key; RevisionMismatchError on a failed precondition or a missing key. */
  delete(key: string, opts?: DeleteOptions): Promise<DeleteResult>;
  /**
   * Events for keys under `prefix`, in revision order, without gaps or duplicates, in batches.
   * Throws CompactedError when `fromRevision` is older than the compaction point.
   * A watcher that cannot keep up is ended with WatchOverflowError so it re-lists.
   */
  watch(prefix: string, opts: WatchOptions): AsyncIterable<readonly WatchEvent[]>;
  /** Drops history older than `revision` (the newest value of each live key is kept). */
  compact(revision: number): Promise<void>;
  /** Releases connections, timers and files. */
  close(): Promise<void>;
}

/** create() on a key that exists. */
export class KeyExistsError extends K3tsError {
  constructor(readonly key: string) {
    super('ERR_KEY_EXISTS', `key exists: ${key}`);
  }
}

/** update()/delete() whose expected modRevision did not match; `current` is absent if the key is gone. */
export class RevisionMismatchError extends K3tsError {
  constructor(readonly key: string, readonly current: KeyValue | undefined) {
    super('ERR_REVISION_MISMATCH', current
      ? `revision mismatch on ${key}: current modRevision is ${current.modRevision}`
      : `revision mismatch on ${key}: key not found`);
  }
}

/** A read or watch at a revision older than the compaction point. */
export class CompactedError extends K3tsError {
  constructor(readonly requested: number, readonly compactRevision: number) {
    super('ERR_COMPACTED', `revision ${requested} has been compacted (compacted up to ${compactRevision})`);
  }
}

/** A read at a revision newer than the store has. */
export class FutureRevisionError extends K3tsError {
  constructor(readonly requested: number, readonly current: number) {
    super('ERR_FUTURE_REVISION', `revision ${requested} is newer than the current revision ${current}`);
  }
}

/** A watcher fell too far behind and was dropped; it must list again. */
export class WatchOverflowError extends K3tsError {
  constructor(readonly prefix: string) {
    super('ERR_WATCH_OVERFLOW', `watch on ${prefix} fell behind and was closed`);
  }
}

/** The database cannot be reached or refused the operation for a transient reason. */
export class DatastoreUnavailableError extends K3tsError {
  constructor(message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super('ERR_DATASTORE_UNAVAILABLE', message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds ?? 1;
  }
  readonly retryAfterSeconds: number;
}
