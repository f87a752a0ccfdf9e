import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lifecycle } from './lifecycle.js';
import { setLogSink } from './log.js';

test('Lifecycle.close() runs teardowns in reverse order, once', async () => {
  const life = new Lifecycle();
  const order: string[] = [];
  life.defer('datastore', () => order.push('datastore'));
  life.defer('listener', async () => { await Promise.resolve(); order.push('listener'); });
  const a = life.close(), b = life.close();
  assert.equal(a, b);
  await a;
  assert.deepEqual(order, ['listener', 'datastore']);
  assert.throws(() => life.defer('late', () => undefined), /while closing/);
});

test('Lifecycle.close() runs every teardown even when one fails, then rejects with all failures', async () => {
  const prev = setLogSink({ write: () => undefined });
  try {
    const life = new Lifecycle();
    const ran: string[] = [];
    life.defer('a', () => ran.push('a'));
    life.defer('b', () => { throw new Error('b broke'); });
    life.defer('c', () => ran.push('c'));
    await assert.rejects(life.close(), (err: unknown) => err instanceof AggregateError && err.errors.length === 1);
    assert.deepEqual(ran, ['c', 'a']);
  } finally {
    setLogSink(prev);
  }
});
