import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aborted, deferred, sleep, waitFor } from './async.js';
import { hasCode } from './errors.js';

test('sleep() resolves, and rejects with ERR_ABORTED when its signal aborts', async () => {
  await sleep(1);
  const ctl = new AbortController();
  const p = sleep(60_000, ctl.signal);
  ctl.abort();
  await assert.rejects(p, (err: unknown) => hasCode(err, 'ERR_ABORTED'));
  await assert.rejects(sleep(1, ctl.signal), (err: unknown) => hasCode(err, 'ERR_ABORTED'));
});

test('aborted() settles when the signal aborts', async () => {
  const ctl = new AbortController();
  let done = false;
  const p = aborted(ctl.signal).then(() => { done = true; });
  await sleep(1);
  assert.equal(done, false);
  ctl.abort();
  await p;
  assert.equal(done, true);
});

test('waitFor() retries until a value comes, and times out with the last error', async () => {
  let n = 0;
  assert.equal(await waitFor(() => (++n >= 3 ? 'ready' : undefined), { intervalMs: 1 }), 'ready');
  await assert.rejects(waitFor(() => { throw new Error('still down'); }, { timeoutMs: 20, intervalMs: 5, what: 'the server' }), /timed out waiting for the server: still down/);
});

test('deferred() exposes resolve', async () => {
  const d = deferred<number>();
  d.resolve(7);
  assert.equal(await d.promise, 7);
});
