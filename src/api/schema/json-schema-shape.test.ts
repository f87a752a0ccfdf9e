/** @module Custom resource schemas compile to shapes that strict decoding and fieldSchema use. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldSchema } from './field-schema.js';
import { shapeFromJsonSchema } from './json-schema-shape.js';
import { decodeJson } from './strict/decode.js';
import { miniCatalog } from './testing/mini-catalog.js';

const schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object', required: ['size'],
      properties: {
        size: { type: 'integer' },
        port: { 'x-kubernetes-int-or-string': true },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        items: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], items: { type: 'object', properties: { name: { type: 'string' } } } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } },
        note: { type: 'string', nullable: true },
      },
    },
  },
};
const shape = shapeFromJsonSchema(schema, 'com.example.v1.Gadget', miniCatalog());

test('shapeFromJsonSchema() gives custom resources strict decoding with paths', () => {
  const body = JSON.stringify({
    apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g', bogus: 1 },
    spec: { size: 3, port: 'http', labels: { a: 'b' }, items: [{ name: 'x', extra: true }], free: { any: { thing: 1 } },
      template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { whatever: [] }, stray: 1 }, note: null, replicas: 2 },
  });
  const r = decodeJson(body, shape);
  assert.deepEqual(r.errors.map((e) => e.message), [
    'unknown field "metadata.bogus"', 'unknown field "spec.items[0].extra"', 'unknown field "spec.template.stray"', 'unknown field "spec.replicas"',
  ]);
  const warn = decodeJson(body, shape, { mode: 'Warn' }).object as { spec: Record<string, unknown> };
  assert.equal(warn.spec['note'], null, 'nullable fields keep null');
  assert.deepEqual(decodeJson('{"spec":{"size":"big"}}', shape).errors.map((e) => [e.type, e.path]), [['invalid', 'spec.size']]);
});

test('shapeFromJsonSchema() carries list and map metadata for server-side apply', () => {
  const items = fieldSchema(shape, 'spec.items');
  assert.equal(items?.listType, 'map');
  assert.deepEqual(items?.listMapKeys, ['name']);
  assert.equal(fieldSchema(shape, 'spec.free.any.thing')?.shape.kind, 'any');
  assert.equal(fieldSchema(shape, 'metadata.labels')?.mapType, 'granular');
});
