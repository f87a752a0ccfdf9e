import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podRequests, quantityValue } from './resources.js';

test('quantityValue() agrees with the quantity library on fast and slow paths', () => {
  assert.equal(quantityValue('100m', true), 100);
  assert.equal(quantityValue('1', true), 1000);
  assert.equal(quantityValue('1500m'), 2);
  assert.equal(quantityValue('64Mi'), 64 * 1024 * 1024);
  assert.equal(quantityValue('1G'), 1e9);
  assert.equal(quantityValue('0.5', true), 500);
  assert.equal(quantityValue('1e3'), 1000);
  assert.equal(quantityValue(2, true), 2000);
  assert.equal(quantityValue('bogus'), 0);
});

test('podRequests() sums containers, takes the init maximum, adds sidecars and overhead, and fills from limits', () => {
  const r = podRequests({ metadata: {}, spec: {
    containers: [{ name: 'a', resources: { requests: { cpu: '100m', memory: '100Mi' } } }, { name: 'b', resources: { limits: { cpu: '200m', 'example.com/gpu': '1' } } }],
    initContainers: [{ name: 'i', resources: { requests: { cpu: '1' } } }, { name: 's', restartPolicy: 'Always', resources: { requests: { cpu: '50m', memory: '10Mi' } } }],
    overhead: { cpu: '10m' },
  } });
  // Containers 300m + sidecar 50m = 350m < init 1000m: the init container decides; overhead on top.
  assert.equal(r.requests.milliCPU, 1010);
  assert.equal(r.requests.memory, 110 * 1024 * 1024);
  assert.equal(r.requests.scalar?.get('example.com/gpu'), 1);
  // The scoring view gives container b (no memory request) the 200 MiB default.
  assert.equal(r.nonZero.memory, 100 * 1024 * 1024 + 200 * 1024 * 1024 + 10 * 1024 * 1024);
});
