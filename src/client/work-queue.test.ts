import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkQueue } from './work-queue.js';
import { ItemExponentialRateLimiter } from './rate-limiter.js';
import { runWorkers } from './workers.js';

test('WorkQueue.add() deduplicates items that are already queued', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  q.add('b');
  q.add('a');
  assert.equal(q.len(), 2);
  assert.equal(await q.get(), 'a');
  assert.equal(await q.get(), 'b');
  assert.equal(q.len(), 0);
});

test('WorkQueue.get() never hands out an item that is being processed; a re-add runs after done()', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  const first = await q.get();
  assert.equal(first, 'a');
  q.add('a');
  q.add('a');
  assert.equal(q.len(), 0, 'a is processing, so the re-add waits');
  let second: string | undefined;
  const p = q.get().then((v) => { second = v; });
  await new Promise((r) => setImmediate(r));
  assert.equal(second, undefined);
  q.done('a');
  await p;
  assert.equal(second, 'a');
  q.done('a');
  assert.equal(q.len(), 0, 'the two re-adds were deduplicated into one');
});

test('WorkQueue.get() waits for an add', async () => {
  const q = new WorkQueue<string>();
  const p = q.get();
  q.add('x');
  assert.equal(await p, 'x');
});

test('WorkQueue.addAfter() queues the item later, and the earliest pending time wins', async () => {
  const q = new WorkQueue<string>();
  q.addAfter('late', 10_000);
  q.addAfter('late', 20);
  assert.equal(q.len(), 0);
  assert.equal(await q.get(), 'late');
  q.done('late');
  q.shutDown();
});

test('WorkQueue.addRateLimited() counts failures until forget()', async () => {
  const q = new WorkQueue<string>(new ItemExponentialRateLimiter<string>(1, 10));
  q.addRateLimited('k');
  q.addRateLimited('k');
  assert.equal(q.numRequeues('k'), 2);
  assert.equal(await q.get(), 'k');
  q.forget('k');
  assert.equal(q.numRequeues('k'), 0);
  q.done('k');
  q.shutDown();
});

test('WorkQueue.shutDown() releases waiting getters with undefined and refuses adds', async () => {
  const q = new WorkQueue<string>();
  const p = q.get();
  q.shutDown();
  assert.equal(await p, undefined);
  q.add('x');
  assert.equal(await q.get(), undefined);
});

test('WorkQueue.shutDownWithDrain() resolves once in-flight items are done', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  const item = await q.get();
  let drained = false;
  const d = q.shutDownWithDrain().then(() => { drained = true; });
  await new Promise((r) => setImmediate(r));
  assert.equal(drained, false);
  q.done(item as string);
  await d;
  assert.equal(drained, true);
});

test('runWorkers() processes every key, retries failures, and stops on abort', async () => {
  const q = new WorkQueue<string>(new ItemExponentialRateLimiter<string>(1, 5));
  const ctl = new AbortController();
  const seen: string[] = [];
  let failures = 0;
  let active = 0;
  let maxActiveForB = 0;
  const done = runWorkers(q, async (key) => {
    if (key === 'b') {
      active++;
      maxActiveForB = Math.max(maxActiveForB, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    }
    if (key === 'flaky' && failures < 3) {
      failures++;
      throw new Error('not yet');
    }
    seen.push(key);
    if (seen.includes('flaky') && seen.includes('a')) ctl.abort();
  }, { workers: 4, name: 'test', signal: ctl.signal });
  q.add('b');
  q.add('flaky');
  q.add('b');
  q.add('a');
  await done;
  assert.equal(failures, 3);
  assert.ok(seen.includes('flaky'));
  assert.equal(maxActiveForB, 1, 'one key is never worked on twice at once');
  assert.equal(q.isShuttingDown, true);
});
