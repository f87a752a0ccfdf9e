import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinMergeSchema } from '../merge/catalog-schema.js';
import type { MergeNode } from '../merge/schema.js';
import { UNTYPED } from '../merge/schema.js';
import { compare, toFieldSet } from './typed.js';
import { merge, removeItems } from './typed-merge.js';
import { FieldSet } from './field-set.js';
import { pathString } from './path.js';

const pod = builtinMergeSchema().forKind('', 'v1', 'Pod') as MergeNode;
const paths = (s: FieldSet) => s.paths().map(pathString);

test('toFieldSet() names list items by key (with defaulted keys), set values and atomic leaves', () => {
  const s = toFieldSet({
    metadata: { finalizers: ['a'], labels: { app: 'x' } },
    spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', ports: [{ containerPort: 80 }], args: ['-v'] }] },
  }, pod);
  assert.deepEqual(s.toFieldsV1(), {
    'f:metadata': { 'f:finalizers': { 'v:"a"': {} }, 'f:labels': { 'f:app': {} } },
    'f:spec': {
      'f:containers': {
        'k:{"name":"c"}': { '.': {}, 'f:args': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } } },
      },
      'f:nodeSelector': {},
    },
  });
});

test('compare() reports added, modified and removed fields by item identity, not position', () => {
  const a = { spec: { containers: [{ name: 'a', image: '1' }, { name: 'b', image: '1' }], nodeSelector: { x: '1' } } };
  const b = { spec: { containers: [{ name: 'b', image: '2' }, { name: 'c' }], nodeSelector: { x: '2' } } };
  const c = compare(a, b, pod);
  assert.deepEqual(paths(c.added), ['.spec.containers[name="c"]', '.spec.containers[name="c"].name']);
  assert.deepEqual(paths(c.modified), ['.spec.nodeSelector', '.spec.containers[name="b"].image']);
  assert.deepEqual(paths(c.removed), ['.spec.containers[name="a"]', '.spec.containers[name="a"].image', '.spec.containers[name="a"].name']);
});

test('merge() keeps the live order and places new items where the configuration puts them', () => {
  const live = { spec: { containers: [{ name: 'a', image: '1' }, { name: 'b' }, { name: 'c' }] } };
  const cfg = { spec: { containers: [{ name: 'x' }, { name: 'b', image: '2' }, { name: 'y' }] } };
  const out = merge(live, cfg, pod) as { spec: { containers: { name: string; image?: string }[] } };
  assert.deepEqual(out.spec.containers, [{ name: 'a', image: '1' }, { name: 'x' }, { name: 'b', image: '2' }, { name: 'c' }, { name: 'y' }]);
  // Atomic lists are replaced; untyped maps merge by key.
  assert.deepEqual(merge({ a: [1, 2], m: { p: 1 } }, { a: [3], m: { q: 2 } }, UNTYPED), { a: [3], m: { p: 1, q: 2 } });
});

test('removeItems() removes named fields and leaves null where a removal empties a map', () => {
  const v = { metadata: { labels: { a: '1' }, name: 'p' }, spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b' }] } };
  const set = FieldSet.of([{ field: 'metadata' }, { field: 'labels' }, { field: 'a' }], [{ field: 'spec' }, { field: 'containers' }, { key: [{ name: 'name', value: 'a' }] }]);
  assert.deepEqual(removeItems(v, set, pod), { metadata: { labels: null, name: 'p' }, spec: { containers: [{ name: 'b' }] } });
});
