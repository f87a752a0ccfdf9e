/**
 * @module Turns a batch of write ops into log rows: the precondition checks and revision
 * assignment every Log.commit shares (etcd's Txn compares, applied in order). Pure: the caller
 * reads the current rows and writes the plan inside its transaction.
 */
import type { NewRow, OpOutcome, Row, WriteOp } from './log.js';

export interface BatchPlan {
  /** Rows to insert, in revision order, each with its final `succ`. */
  readonly rows: NewRow[];
  /** Existing rows superseded by this batch: set their `succ`. */
  readonly superseded: { id: number; succ: number }[];
  /** One outcome per op, in op order. */
  readonly outcomes: OpOutcome[];
  /** The store revision after the batch. */
  readonly revision: number;
}

/** Distinct keys a batch touches (what the caller must look up before planning). */
export function batchKeys(ops: readonly WriteOp[]): string[] {
  return [...new Set(ops.map((o) => o.key))];
}

/**
 * Plans `ops` against `live` (the live row of each key, absent when the key does not exist)
 * and the current revision `head`. Later ops see the effects of earlier ones.
 */
export function planBatch(ops: readonly WriteOp[], live: ReadonlyMap<string, Row>, head: number): BatchPlan {
  const state = new Map<string, Row>(live);
  const fresh = new Map<number, NewRow>();
  const rows: NewRow[] = [];
  const superseded: { id: number; succ: number }[] = [];
  const outcomes: OpOutcome[] = [];
  let rev = head;

  const supersede = (old: Row, by: number): void => {
    const inBatch = fresh.get(old.id);
    if (inBatch) inBatch.succ = by;
    else superseded.push({ id: old.id, succ: by });
  };
  const append = (row: NewRow): void => {
    rows.push(row);
    fresh.set(row.id, row);
  };

  for (const op of ops) {
    const cur = state.get(op.key);
    if (op.op === 'create') {
      if (cur) { outcomes.push({ ok: false, reason: 'exists', current: cur }); continue; }
      const id = ++rev;
      const row: NewRow = { id, key: op.key, createRevision: id, prevRevision: 0, deleted: false, lease: op.lease, value: op.value, succ: null };
      append(row);
      state.set(op.key, row);
      outcomes.push({ ok: true, event: { row } });
      continue;
    }
    const expected = op.expected;
    if (!cur || (expected !== undefined && cur.id !== expected)) {
      outcomes.push({ ok: false, reason: 'mismatch', current: cur });
      continue;
    }
    const id = ++rev;
    if (op.op === 'update') {
      const row: NewRow = { id, key: op.key, createRevision: cur.createRevision, prevRevision: cur.id, deleted: false, lease: op.lease, value: op.value, succ: null };
      supersede(cur, id);
      append(row);
      state.set(op.key, row);
      outcomes.push({ ok: true, event: { row, prev: cur } });
    } else {
      // A tombstone is superseded by itself: it is never the visible state at any revision.
      const row: NewRow = { id, key: op.key, createRevision: cur.createRevision, prevRevision: cur.id, deleted: true, lease: 0, value: cur.value, succ: id };
      supersede(cur, id);
      append(row);
      state.delete(op.key);
      outcomes.push({ ok: true, event: { row, prev: cur } });
    }
  }
  return { rows, superseded, outcomes, revision: rev };
}
