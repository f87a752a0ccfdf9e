import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandPlan, exitPlan, parseDuration } from './exit-plan.js';
import { IpPool, nodePodCidrs } from './sim-node.js';

test('parseDuration() reads Go durations', () => {
  assert.equal(parseDuration('2s'), 2000);
  assert.equal(parseDuration('1m30s'), 90_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('0'), 0);
  assert.equal(parseDuration('2 seconds'), undefined);
});

test('commandPlan() understands true, false, sleep, exit and sh -c scripts', () => {
  const c = (command: string[], args?: string[]) => commandPlan({ name: 'c', command, ...(args ? { args } : {}) });
  assert.deepEqual(c(['true']), { afterMs: 0, code: 0 });
  assert.deepEqual(c(['/bin/false']), { afterMs: 0, code: 1 });
  assert.deepEqual(c(['sleep', '3']), { afterMs: 3000, code: 0 });
  assert.deepEqual(c(['sh', '-c'], ['sleep 1; exit 3']), { afterMs: 1000, code: 3 });
  assert.deepEqual(c(['/bin/sh', '-c', 'echo hi && false && sleep 10']), { afterMs: 0, code: 1 });
  assert.equal(c(['nginx', '-g', 'daemon off;']), undefined);
  assert.equal(c(['sleep', 'infinity']), undefined);
  assert.equal(c(['sh', '-c', 'while true; do sleep 1; done']), undefined);
});

test('exitPlan() prefers the sim.k3ts.io annotations', () => {
  const pod = { metadata: { annotations: { 'sim.k3ts.io/exit-after': '2s', 'sim.k3ts.io/exit-code': '4' } } };
  assert.deepEqual(exitPlan(pod, { name: 'c', command: ['true'] }), { afterMs: 2000, code: 4 });
  assert.equal(exitPlan({ metadata: {} }, { name: 'c' }), undefined);
});

test('nodePodCidrs() carves /24s from the end of the cluster CIDR, smaller subnets when needed', () => {
  assert.deepEqual(nodePodCidrs('10.42.0.0/16', 2), ['10.42.255.0/24', '10.42.254.0/24']);
  const many = nodePodCidrs('10.42.0.0/16', 1000);
  assert.equal(many[0], '10.42.255.192/26');
  assert.equal(new Set(many).size, 1000);
  assert.throws(() => nodePodCidrs('10.42.0.0/24', 100), /too small/);
});

test('IpPool hands out .2 upwards, reuses released addresses and reports exhaustion', () => {
  const pool = new IpPool('10.0.0.0/29');
  assert.equal(pool.gateway, '10.0.0.1');
  const got = ['a', 'b', 'c', 'd', 'e'].map((k) => pool.allocate(k));
  assert.deepEqual(got, ['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
  assert.equal(pool.allocate('f'), undefined);
  assert.equal(pool.allocate('a'), '10.0.0.2');
  pool.release('c');
  assert.equal(pool.allocate('f'), '10.0.0.4');
});
