import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node } from '../../client/kinds/core.js';
import { DEFAULT_EVICTION_RATES, TokenBucket, zoneOf, zoneRate, zoneState, zoneStates } from './zones.js';

const node = (name: string, ready: boolean, zone?: string): Node => ({
  metadata: { name, ...(zone ? { labels: { 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': zone } } : {}) },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'Unknown' }] },
});

test('zoneState(): full without a Ready node, partial past the threshold with more than two down, else normal', () => {
  assert.equal(zoneState(0, 1, 0.55), 'FullDisruption');
  assert.equal(zoneState(0, 0, 0.55), 'Normal');
  assert.equal(zoneState(1, 2, 0.55), 'Normal', 'two nodes down is never a partial disruption');
  assert.equal(zoneState(2, 3, 0.55), 'PartialDisruption');
  assert.equal(zoneState(3, 3, 0.55), 'Normal', '50 % is under the 55 % threshold');
  const zones = zoneStates([node('a', false, 'z1'), node('b', true, 'z2'), node('c', false, 'z2'), node('d', false)], 0.55);
  assert.deepEqual(Object.fromEntries(zones), {
    [zoneOf(node('a', false, 'z1'))]: { state: 'FullDisruption', size: 1 },
    [zoneOf(node('b', true, 'z2'))]: { state: 'Normal', size: 2 },
    [zoneOf(node('d', false))]: { state: 'FullDisruption', size: 1 },
  });
});

test('zoneRate() and TokenBucket: 0.1 nodes/s normally, none in a small partially disrupted zone, 0.01 in a large one', () => {
  assert.equal(zoneRate('Normal', 3, DEFAULT_EVICTION_RATES), 0.1);
  assert.equal(zoneRate('FullDisruption', 3, DEFAULT_EVICTION_RATES), 0.1);
  assert.equal(zoneRate('PartialDisruption', 50, DEFAULT_EVICTION_RATES), 0);
  assert.equal(zoneRate('PartialDisruption', 51, DEFAULT_EVICTION_RATES), 0.01);
  const b = new TokenBucket(0);
  assert.equal(b.take(0, 0.1), true, 'a burst of one');
  assert.equal(b.take(5_000, 0.1), false);
  assert.equal(b.take(10_000, 0.1), true, 'one more after 10 s at 0.1/s');
  assert.equal(new TokenBucket(0).take(0, 0), false, 'a zero rate never gives a token');
});
