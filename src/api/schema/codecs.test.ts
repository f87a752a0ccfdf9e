/** @module decodeBody() picks the decoder by media type; kindShape() finds kinds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BodySyntaxError, decodeBody, kindShape, protobufCodec } from './codecs.js';
import { miniCatalog } from './testing/mini-catalog.js';

const cat = miniCatalog();
const cm = kindShape('v1', 'ConfigMap', cat);

test('kindShape() finds a kind by apiVersion and kind', () => {
  assert.equal(cm?.name, 'io.k8s.api.core.v1.ConfigMap');
  assert.equal(kindShape('test.k3ts.io/v1', 'Widget', cat)?.name, 'io.k3ts.test.v1.Widget');
  assert.equal(kindShape('v1', 'Nope', cat), undefined);
});

test('decodeBody() decodes JSON, YAML and protobuf bodies', () => {
  if (!cm) throw new Error('no ConfigMap');
  const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } };
  const enc = new TextEncoder();
  assert.deepEqual(decodeBody(enc.encode(JSON.stringify(obj)), 'application/json', cm).object, obj);
  assert.deepEqual(decodeBody(enc.encode('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n'), 'application/yaml', cm).object, obj);
  const pb = protobufCodec(cat).encode(obj);
  assert.deepEqual(decodeBody(pb, 'application/vnd.kubernetes.protobuf', cm, { catalog: cat }).object, obj);
  const widget = kindShape('test.k3ts.io/v1', 'Widget', cat);
  assert.throws(() => decodeBody(pb, 'application/vnd.kubernetes.protobuf', widget ?? cm, { catalog: cat }), BodySyntaxError);
});
