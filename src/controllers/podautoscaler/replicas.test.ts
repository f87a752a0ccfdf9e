import { test } from 'node:test';
import assert from 'node:assert/strict';
import { desiredReplicas, stabilize, utilization } from './replicas.js';

test('utilization() averages usage over requests and needs every pod to request the resource', () => {
  assert.equal(utilization([{ usage: 150, request: 100 }, { usage: 50, request: 100 }]), 100);
  assert.equal(utilization([{ usage: 150, request: 100 }, { usage: 50, request: 0 }]), undefined);
  assert.equal(utilization([]), undefined);
});

test('desiredReplicas() keeps the count within the 10% tolerance and rounds up otherwise', () => {
  assert.equal(desiredReplicas(4, 105, 100), 4);
  assert.equal(desiredReplicas(4, 150, 100), 6);
  assert.equal(desiredReplicas(4, 20, 100), 1);
});

test('stabilize() keeps the highest recommendation of the window', () => {
  const h: { at: number; replicas: number }[] = [];
  assert.equal(stabilize(h, 5, 0, 300_000), 5);
  assert.equal(stabilize(h, 2, 60_000, 300_000), 5);
  assert.equal(stabilize(h, 2, 301_000, 300_000), 2);
});
