import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cloneJson } from './object.js';

const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

test('cloneJson copies as a JSON round trip would', () => {
  const cases: unknown[] = [
    null, 0, -1.5, 'text', true, [], {},
    { a: 1, b: undefined, c: [1, undefined, () => 1, { d: null }], e: { f: { g: 'h' } }, n: Number.NaN },
    [undefined, Number.POSITIVE_INFINITY, 'x', [[]]],
    { when: new Date(0), nested: { when: new Date(1000) } },
    JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}'),
  ];
  for (const c of cases) assert.deepStrictEqual(cloneJson(c), roundTrip(c), JSON.stringify(c));
});

test('cloneJson makes an independent copy and never sets a prototype', () => {
  const src = { metadata: { labels: { a: 'b' } }, spec: { items: [{ x: 1 }] } };
  const copy = cloneJson(src);
  copy.metadata.labels.a = 'changed';
  copy.spec.items.push({ x: 2 });
  assert.equal(src.metadata.labels.a, 'b');
  assert.equal(src.spec.items.length, 1);
  const evil = cloneJson(JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>);
  assert.equal(Object.getPrototypeOf(evil), Object.prototype);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.deepEqual(Object.keys(evil), ['__proto__']);
});
