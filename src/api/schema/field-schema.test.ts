/** @module Merge metadata lookups on a small catalog. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { child, fieldSchema, parsePath } from './field-schema.js';
import { miniCatalog } from './testing/mini-catalog.js';

const cat = miniCatalog();
const W = 'io.k3ts.test.v1.Widget';

test('fieldSchema() gives list type, map keys, patch strategy and merge key of a list of structs', () => {
  const parts = fieldSchema(W, 'spec.parts', cat);
  assert.equal(parts?.listType, 'map');
  assert.deepEqual(parts?.listMapKeys, ['name']);
  assert.equal(parts?.patchStrategy, 'merge');
  assert.equal(parts?.patchMergeKey, 'name');
  assert.equal(parts?.element?.kind, 'struct');
  assert.equal(fieldSchema(W, 'spec.parts[0].count', cat)?.field?.def?.proto, 2);
  assert.equal(fieldSchema(W, 'spec.parts.count', cat)?.shape.kind, 'scalar');
});

test('fieldSchema() applies structured-merge-diff defaults and declared map types', () => {
  assert.equal(fieldSchema(W, 'spec.weights', cat)?.listType, 'atomic');
  assert.equal(fieldSchema(W, 'spec.selector', cat)?.mapType, 'atomic');
  assert.equal(fieldSchema(W, 'metadata.labels', cat)?.mapType, 'granular');
  assert.equal(fieldSchema(W, 'metadata.finalizers', cat)?.listType, 'set');
  assert.equal(fieldSchema(W, 'spec', cat)?.mapType, 'granular');
});

test('fieldSchema() walks maps, preserved fields and raw extensions, and rejects unknown steps', () => {
  assert.equal(fieldSchema(W, 'spec.limits.cpu', cat)?.shape.kind, 'custom');
  assert.equal(fieldSchema(W, 'spec.extra.groups', cat)?.listType, 'atomic');
  assert.equal(fieldSchema(W, 'status.anything.at.all', cat)?.shape.kind, 'any');
  assert.equal(fieldSchema(W, 'spec.payload.x.y', cat)?.shape.kind, 'any');
  assert.equal(fieldSchema(W, 'spec.nope', cat), undefined);
  assert.equal(fieldSchema(W, ['spec', 'probe', 'exec', 'command'], cat)?.listType, 'atomic');
  const spec = fieldSchema(W, 'spec', cat);
  assert.ok(spec && child(spec, 'replicas')?.field?.ptr);
});

test('parsePath() splits dotted paths with indices', () => {
  assert.deepEqual(parsePath('spec.containers[2].ports[].name'), ['spec', 'containers', 2, 'ports', 0, 'name']);
});
