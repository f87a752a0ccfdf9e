import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Quantity, parseQuantity, QuantityParseError } from './quantity.js';

test('parseQuantity() prints canonical forms as Kubernetes does', () => {
  const cases: Array<[string, string]> = [
    ['100m', '100m'], ['0.1', '100m'], ['1.5', '1500m'], ['2000m', '2'], ['1000', '1k'], ['1500', '1500'],
    ['1Gi', '1Gi'], ['1024Mi', '1Gi'], ['1.5Gi', '1536Mi'], ['1536', '1536'], ['0.5Ki', '512'], ['1.5Ki', '1536'],
    ['1e3', '1e3'], ['1.5e3', '1500'], ['0', '0'], ['0Gi', '0'], ['-1', '-1'], ['1n', '1n'], ['0.0000000001', '1n'],
    ['1000000k', '1G'], ['12e6', '12e6'], ['500M', '500M'], ['+1', '1'], ['1E', '1E'], ['128974848', '128974848'],
  ];
  for (const [input, want] of cases) assert.equal(parseQuantity(input).toString(), want, input);
});

test('Quantity.from() accepts JSON numbers', () => {
  assert.equal(Quantity.from(0.5).toString(), '500m');
  assert.equal(Quantity.from(2).toString(), '2');
});

test('parseQuantity() rejects malformed strings', () => {
  for (const bad of ['', 'abc', '1Gb', '1.2.3', '--1', 'Mi', '1 Gi']) {
    assert.throws(() => parseQuantity(bad), QuantityParseError, bad);
  }
});

test('Quantity compares, adds and scales exactly', () => {
  assert.equal(parseQuantity('1Gi').cmp(parseQuantity('1073741824')), 0);
  assert.equal(parseQuantity('100m').cmp(parseQuantity('0.2')), -1);
  assert.equal(parseQuantity('1').add(parseQuantity('500m')).toString(), '1500m');
  assert.equal(parseQuantity('1.5').value(), 2);
  assert.equal(parseQuantity('1.5').milliValue(), 1500);
});
