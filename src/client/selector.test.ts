import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapSelectorMatches, selectorIsEmpty, selectorMatches, selectorString } from './selector.js';

test('selectorMatches() applies matchLabels and every operator; a missing selector matches nothing', () => {
  const sel = { matchLabels: { app: 'web' }, matchExpressions: [
    { key: 'tier', operator: 'In' as const, values: ['a', 'b'] },
    { key: 'env', operator: 'NotIn' as const, values: ['prod'] },
    { key: 'team', operator: 'Exists' as const },
    { key: 'legacy', operator: 'DoesNotExist' as const },
  ] };
  assert.equal(selectorMatches(sel, { app: 'web', tier: 'a', team: 'x' }), true);
  assert.equal(selectorMatches(sel, { app: 'web', tier: 'c', team: 'x' }), false);
  assert.equal(selectorMatches(sel, { app: 'web', tier: 'a', team: 'x', env: 'prod' }), false);
  assert.equal(selectorMatches(sel, { app: 'web', tier: 'a' }), false);
  assert.equal(selectorMatches(sel, { app: 'web', tier: 'a', team: 'x', legacy: '' }), false);
  assert.equal(selectorMatches(undefined, { app: 'web' }), false);
  assert.equal(selectorMatches({}, undefined), true);
  assert.equal(selectorIsEmpty({}), true);
});

test('selectorString() prints the query form sorted by key', () => {
  assert.equal(selectorString({ matchLabels: { b: '2', a: '1' }, matchExpressions: [{ key: 'c', operator: 'In', values: ['y', 'x'] }, { key: 'aa', operator: 'DoesNotExist' }] }), 'a=1,!aa,b=2,c in (x,y)');
});

test('mapSelectorMatches() needs every key equal and treats an empty map as matching nothing', () => {
  assert.equal(mapSelectorMatches({ app: 'x' }, { app: 'x', other: 'y' }), true);
  assert.equal(mapSelectorMatches({ app: 'x' }, { app: 'z' }), false);
  assert.equal(mapSelectorMatches({}, { app: 'x' }), false);
});
