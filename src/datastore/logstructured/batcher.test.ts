/** @module Batcher: group commit of concurrent writes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatastoreUnavailableError } from '../backend.js';
import { Batcher } from './batcher.js';
import type { OpOutcome, WriteOp } from './log.js';

const op = (key: string): WriteOp => ({ op: 'delete', key });
const ok = (ops: readonly WriteOp[]): OpOutcome[] => ops.map(() => ({ ok: false, reason: 'mismatch' }));

test('Batcher commits writes submitted together as one batch, and the next ones while it is in flight', async () => {
  const batches: number[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const b = new Batcher(async (ops) => {
    batches.push(ops.length);
    if (batches.length === 1) await gate;
    return ok(ops);
  }, 100);
  const first = Array.from({ length: 10 }, (_, i) => b.submit(op(`/a${i}`)));
  await new Promise((r) => setImmediate(r));
  const second = Array.from({ length: 30 }, (_, i) => b.submit(op(`/b${i}`)));
  release();
  await Promise.all([...first, ...second]);
  assert.deepEqual(batches, [10, 30]);
  await b.drained();
});

test('Batcher splits at maxBatch and refuses writes beyond maxQueued', async () => {
  const batches: number[] = [];
  const b = new Batcher(async (ops) => { batches.push(ops.length); return ok(ops); }, 4, 10);
  const accepted = Array.from({ length: 10 }, (_, i) => b.submit(op(`/k${i}`)));
  await assert.rejects(b.submit(op('/over')), DatastoreUnavailableError);
  await Promise.all(accepted);
  assert.deepEqual(batches, [4, 4, 2]);
});

test('Batcher fails every op of a batch whose commit fails', async () => {
  const b = new Batcher(async () => { throw new DatastoreUnavailableError('down'); }, 10);
  const results = await Promise.allSettled([b.submit(op('/x')), b.submit(op('/y'))]);
  assert.ok(results.every((r) => r.status === 'rejected' && r.reason instanceof DatastoreUnavailableError));
});
