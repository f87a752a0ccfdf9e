import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BucketRateLimiter, ItemExponentialRateLimiter, MaxOfRateLimiter } from './rate-limiter.js';

test('ItemExponentialRateLimiter.when() doubles per failure up to the cap, per item', () => {
  const l = new ItemExponentialRateLimiter<string>(5, 100);
  assert.deepEqual([l.when('a'), l.when('a'), l.when('a'), l.when('a'), l.when('a'), l.when('a')], [5, 10, 20, 40, 80, 100]);
  assert.equal(l.when('b'), 5);
  assert.equal(l.retries('a'), 6);
  l.forget('a');
  assert.equal(l.when('a'), 5);
});

test('BucketRateLimiter.when() allows a burst, then spaces items at 1/qps', () => {
  let now = 0;
  const l = new BucketRateLimiter<string>(10, 3, () => now);
  assert.deepEqual([l.when('x'), l.when('x'), l.when('x')], [0, 0, 0]);
  assert.equal(l.when('x'), 100);
  assert.equal(l.when('x'), 200);
  now = 1000;
  // One second refills 10 tokens, capped by the burst of 3; two were owed.
  assert.equal(l.when('x'), 0);
});

test('MaxOfRateLimiter.when() returns the longest delay', () => {
  let now = 0;
  const l = new MaxOfRateLimiter<string>(new ItemExponentialRateLimiter<string>(5, 1000), new BucketRateLimiter<string>(1, 1, () => now));
  assert.equal(l.when('a'), 5);
  assert.equal(l.when('a'), 1000);
  assert.equal(l.retries('a'), 2);
});
