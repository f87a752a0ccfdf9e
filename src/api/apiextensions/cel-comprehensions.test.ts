import { test } from 'node:test';
import assert from 'node:assert/strict';
import { celEval, expectCel } from './testing/cel-eval.js';

// The examples follow cel-go's two-variable comprehension macros (ext.TwoVarComprehensions),
// in Kubernetes's CRD environment since v1.32.

test('all(), exists() and existsOne() bind the index or key and the value', () => {
  expectCel([
    ['[1, 2, 3].all(i, v, v > i)', true], ['[0, 2, 3].all(i, v, v > i)', false],
    ["{'a': 1, 'b': 2}.all(k, v, k.size() == 1 && v > 0)", true],
    ['[1, 2, 3].exists(i, v, i == 1 && v == 2)', true], ['[1, 2, 3].exists(i, v, i == v)', false],
    ["{'a': 'a', 'b': 'c'}.exists(k, v, k == v)", true],
    ['[1, 2, 2].existsOne(i, v, v == 2)', false], ['[1, 2, 3].existsOne(i, v, v == 2)', true], ['[1, 2].exists_one(i, v, i == 0)', true],
    // false wins over an error, as in the one-variable all().
    ["[0, 1].all(i, v, 1 / v > 0 && i > 5)", false],
    ["[1].all(i, v, 1 / 0 > v)", /division by zero|divide by zero/],
  ]);
});

test('transformList(), transformMap() and transformMapEntry() build new lists and maps', () => {
  expectCel([
    ['[1, 2, 3].transformList(i, v, i * v) == [0, 2, 6]', true],
    ['[1, 2, 3].transformList(i, v, i > 0, v * 10) == [20, 30]', true],
    ["{'a': 1, 'b': 2}.transformList(k, v, k) == ['a', 'b']", true],
    ["{'a': 1, 'b': 2}.transformMap(k, v, v * 2) == {'a': 2, 'b': 4}", true],
    ["{'a': 1, 'b': 2}.transformMap(k, v, v > 1, k + 'x') == {'b': 'bx'}", true],
    ["['x', 'y'].transformMap(i, v, v) == {0: 'x', 1: 'y'}", true],
    ["{'a': 1}.transformMapEntry(k, v, {k + 'x': v}) == {'ax': 1}", true],
    ["{'a': 1, 'b': 2}.transformMapEntry(k, v, v > 1, {v: k}) == {2: 'b'}", true],
    ["{'a': 1, 'b': 1}.transformMapEntry(k, v, {'same': v})", /insert failed: key same already exists/],
  ]);
});

test('two-variable comprehensions nest and respect inner rebinding of their names', () => {
  expectCel([
    ['[[1, 2], [3]].all(i, v, v.all(j, w, w > i))', true],
    ['[[1, 2], [3]].exists(i, v, v.exists(j, w, i == 1 && j == 0 && w == 3))', true],
    ['[1, 2].all(i, v, [5].all(i, w, i == 0 && w == 5))', true],
    ['[1, 2].all(i, v, [7].exists(v, v == 7) && v < 3)', true],
    ['[3, 4].transformList(i, v, [i, v].map(x, x * 2)) == [[0, 6], [2, 8]]', true],
  ]);
});

test('two-variable comprehensions see self and report a target that is not iterable', () => {
  const self = new Map<string, unknown>([['ports', [80n, 443n]], ['names', new Map([['a', 'x']])]]);
  assert.equal(celEval('self.ports.all(i, p, p > 0 && i < 2) && self.names.all(k, v, k != v)', self), true);
  assert.match(String((celEval('self.names.a.all(i, v, true)', self) as { error: string }).error), /no such overload/);
});
