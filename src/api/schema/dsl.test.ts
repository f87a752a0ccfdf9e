/** @module The catalog DSL's helpers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineGroup, embedded } from './dsl.js';

test('embedded() nests protobuf paths and keeps the other options', () => {
  const inner = embedded([2], { rule: ['string', 1, 'A rule.', { required: true }] });
  const outer = embedded([3], inner);
  assert.deepEqual(outer['rule'], ['string', 1, 'A rule.', { required: true, embeddedIn: [3, 2] }]);
  const g = defineGroup({ prefix: 'io.k8s.api.test.v1', group: 'test', version: 'v1' }, (b) => b.struct('X', 'An x.', outer));
  assert.deepEqual(g.definitions[0]?.fields[0]?.embeddedIn, [3, 2]);
  assert.equal(g.definitions[0]?.fields[0]?.required, true);
});
