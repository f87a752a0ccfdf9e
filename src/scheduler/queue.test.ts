import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PodInfo } from './pod-info.js';
import { SchedulingQueue } from './queue.js';

const pi = (name: string, priority = 0, gates = false) =>
  new PodInfo({ metadata: { name, namespace: 'd', uid: name }, spec: { containers: [], ...(gates ? { schedulingGates: [{ name: 'g' }] } : {}) } }, priority);

test('SchedulingQueue pops higher priority first, then the oldest', async () => {
  let now = 0;
  const q = new SchedulingQueue({ now: () => now });
  q.add(pi('a'));
  now = 1;
  q.add(pi('b', 10));
  now = 2;
  q.add(pi('c'));
  const order = [];
  for (let i = 0; i < 3; i++) order.push((await q.pop())?.info.name);
  assert.deepEqual(order, ['b', 'a', 'c']);
});

test('SchedulingQueue keeps rejected pods until a relevant event, then honours their backoff', async () => {
  let now = 0;
  const q = new SchedulingQueue({ now: () => now, initialBackoffMs: 1000, maxBackoffMs: 10_000 });
  q.add(pi('a'));
  const a = await q.pop();
  assert.ok(a);
  q.failed(a, new Set(['NodeResourcesFit']));
  assert.deepEqual(q.stats(), { active: 0, backoff: 0, unschedulable: 1, inFlight: 0 });
  q.moveOnEvent({ label: 'x', plugins: new Set(['TaintToleration']) });
  assert.equal(q.stats().unschedulable, 1);
  q.moveOnEvent({ label: 'AssignedPodDelete', plugins: new Set(['NodeResourcesFit']) });
  // Still within its 1 s backoff: it waits in the backoff queue.
  assert.deepEqual(q.stats(), { active: 0, backoff: 1, unschedulable: 0, inFlight: 0 });
  now = 1001;
  q.flushBackoff();
  assert.equal((await q.pop())?.info.name, 'a');
});

test('SchedulingQueue backs errors off exponentially and retries leftovers after the maximum wait', async () => {
  let now = 0;
  const q = new SchedulingQueue({ now: () => now, initialBackoffMs: 1000, maxBackoffMs: 4000, maxUnschedulableMs: 60_000 });
  q.add(pi('a'));
  for (const [attempt, wait] of [[1, 1000], [2, 2000], [3, 4000], [4, 4000]] as const) {
    const p = await q.pop();
    assert.equal(p?.attempts, attempt);
    q.failed(p as NonNullable<typeof p>, 'error');
    now += wait - 1;
    q.flushBackoff();
    assert.equal(q.stats().active, 0);
    now += 1;
    q.flushBackoff();
    assert.equal(q.stats().active, 1);
  }
  const p = await q.pop();
  q.failed(p as NonNullable<typeof p>, new Set(['NodeAffinity']));
  now += 60_000;
  q.flushUnschedulableLeftover();
  assert.equal(q.stats().unschedulable, 0);
});

test('SchedulingQueue holds gated pods until their gates are removed', async () => {
  const q = new SchedulingQueue();
  q.add(pi('g', 0, true));
  q.moveOnEvent({ label: 'NodeAdd', plugins: '*' });
  assert.deepEqual(q.stats(), { active: 0, backoff: 0, unschedulable: 1, inFlight: 0 });
  q.update(pi('g'), true);
  assert.equal((await q.pop())?.info.name, 'g');
});
