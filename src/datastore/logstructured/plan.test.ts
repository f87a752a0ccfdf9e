/** @module planBatch(): precondition checks and revision assignment within one batch. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Row } from './log.js';
import { planBatch } from './plan.js';

const v = (s: string): Uint8Array => new TextEncoder().encode(s);
const row = (id: number, key: string): Row => ({ id, key, createRevision: id, prevRevision: 0, deleted: false, lease: 0, value: v(key) });

test('planBatch() applies ops in order, later ones seeing earlier ones', () => {
  const plan = planBatch([
    { op: 'create', key: '/a', value: v('1'), lease: 0 },
    { op: 'update', key: '/a', value: v('2'), lease: 5, expected: 11 },
    { op: 'delete', key: '/a', expected: 12 },
    { op: 'create', key: '/a', value: v('3'), lease: 0 },
  ], new Map(), 10);
  assert.deepEqual(plan.rows.map((r) => [r.id, r.deleted, r.prevRevision, r.createRevision, r.succ]), [
    [11, false, 0, 11, 12], [12, false, 11, 11, 13], [13, true, 12, 11, 13], [14, false, 0, 14, null],
  ]);
  assert.equal(plan.revision, 14);
  assert.deepEqual(plan.superseded, []);
  assert.ok(plan.outcomes.every((o) => o.ok));
});

test('planBatch() fails ops without using revisions and marks superseded rows', () => {
  const live = new Map([['/x', row(5, '/x')], ['/y', row(6, '/y')]]);
  const plan = planBatch([
    { op: 'create', key: '/x', value: v('dup'), lease: 0 },
    { op: 'update', key: '/x', value: v('stale'), lease: 0, expected: 4 },
    { op: 'update', key: '/x', value: v('ok'), lease: 0, expected: 5 },
    { op: 'delete', key: '/missing' },
    { op: 'delete', key: '/y' },
  ], live, 6);
  assert.deepEqual(plan.outcomes.map((o) => (o.ok ? o.event.row.id : `${o.reason}:${o.current?.id ?? '-'}`)), ['exists:5', 'mismatch:5', 7, 'mismatch:-', 8]);
  assert.deepEqual(plan.superseded, [{ id: 5, succ: 7 }, { id: 6, succ: 8 }]);
  assert.equal(plan.revision, 8);
});
