/** @module Strict decoding of JSON and YAML bodies on a small catalog. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shapesOf } from '../shape.js';
import { miniCatalog } from '../testing/mini-catalog.js';
import { decodeFailure, decodeJson, decodeYaml, validateValue, BodySyntaxError } from './decode.js';
import { findDuplicateKeys } from './duplicates.js';

const shapes = shapesOf(miniCatalog());
const widget = shapes.struct('io.k3ts.test.v1.Widget');
const cm = shapes.struct('io.k8s.api.core.v1.ConfigMap');

test('decodeJson() reports unknown fields with their paths in Strict mode', () => {
  const body = JSON.stringify({ apiVersion: 'test.k3ts.io/v1', kind: 'Widget', metadata: { name: 'w', nmae: 'x' },
    spec: { parts: [{ name: 'a', count: 1 }, { name: 'b', count: 2, colour: 'red' }], probe: { exec: { command: ['x'], shell: true } } } });
  const r = decodeJson(body, widget);
  assert.deepEqual(r.errors.map((e) => e.message), [
    'unknown field "metadata.nmae"', 'unknown field "spec.parts[1].colour"', 'unknown field "spec.probe.exec.shell"',
  ]);
  assert.deepEqual(r.warnings, []);
  // Strict keeps the object as sent (it is rejected anyway).
  assert.equal((r.object as { metadata: Record<string, unknown> }).metadata['nmae'], 'x');
});

test('decodeJson() warns and drops unknown fields in Warn mode, drops silently in Ignore mode', () => {
  const body = '{"kind":"ConfigMap","metadata":{"name":"c","extra":1},"data":{"a":"b"},"bogus":true}';
  const warn = decodeJson(body, cm, { mode: 'Warn' });
  assert.deepEqual(warn.errors, []);
  assert.deepEqual(warn.warnings, ['unknown field "metadata.extra"', 'unknown field "bogus"']);
  assert.deepEqual(warn.object, { kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } });
  const ignore = decodeJson(body, cm, { mode: 'Ignore' });
  assert.deepEqual([ignore.errors, ignore.warnings], [[], []]);
  assert.deepEqual(ignore.object, warn.object);
});

test('decodeJson() reports duplicate fields, which JSON.parse hides', () => {
  const body = '{"kind":"ConfigMap","metadata":{"name":"a","labels":{"x":"1","x":"2"},"name":"b"},"data":{"k":"v"}}';
  const r = decodeJson(body, cm);
  assert.deepEqual(r.errors.map((e) => e.message), ['duplicate field "metadata.name"', 'duplicate field "metadata.labels.x"']);
  assert.deepEqual(decodeJson(body, cm, { mode: 'Warn' }).warnings, ['duplicate field "metadata.name"', 'duplicate field "metadata.labels.x"']);
  assert.deepEqual(decodeJson(body, cm, { mode: 'Ignore' }).errors, []);
});

test('decodeJson() rejects values of the wrong type in every mode, naming the Go field', () => {
  const body = '{"spec":{"replicas":"3","parts":[{"name":"a","count":1.5}],"enabled":"yes","size":{},"port":1.5}}';
  const r = decodeJson(body, widget, { mode: 'Ignore' });
  assert.deepEqual(r.errors.map((e) => e.path), ['spec.replicas', 'spec.parts[0].count', 'spec.enabled', 'spec.size', 'spec.port']);
  assert.equal(r.errors[0]?.message, 'json: cannot unmarshal string into Go struct field WidgetSpec.spec.replicas of type int32');
  const failure = decodeFailure(r, 'Widget', 'v1');
  assert.equal(failure?.status.code, 400);
  assert.match(failure?.status.message ?? '', /^Widget in version "v1" cannot be handled as a Widget: json: cannot unmarshal string/);
});

test('decodeJson() accepts int-or-string, quantities as numbers, raw extensions and preserved fields', () => {
  const body = JSON.stringify({ spec: { port: 'http', size: 2, limits: { cpu: 0.5, memory: '1Gi' }, payload: { anything: [1, { goes: true }] },
    probe: { httpGet: { port: 8080 } }, extra: { a: ['b'] }, weights: [1, 2] }, status: { ready: true, somethingNew: { x: 1 } } });
  const r = decodeJson(body, widget);
  assert.deepEqual(r.errors, []);
  const spec = (r.object as { spec: Record<string, unknown> }).spec;
  assert.equal(spec['size'], '2');
  assert.deepEqual(spec['limits'], { cpu: '0.5', memory: '1Gi' });
  assert.deepEqual((r.object as { status: unknown }).status, { ready: true, somethingNew: { x: 1 } });
});

test('decodeJson() checks base64, times and quantity syntax, and drops nulls', () => {
  const r = decodeJson('{"binaryData":{"a":"not base64!"},"metadata":{"creationTimestamp":"yesterday","name":null}}', cm);
  assert.deepEqual(r.errors.map((e) => e.path), ['binaryData.a', 'metadata.creationTimestamp']);
  const ok = decodeJson('{"metadata":{"name":null,"creationTimestamp":"2024-01-02T03:04:05+01:00"},"binaryData":{"a":"AAE="}}', cm);
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.object, { metadata: { creationTimestamp: '2024-01-02T03:04:05+01:00' }, binaryData: { a: 'AAE=' } });
  assert.deepEqual(decodeJson('{"spec":{"size":"1.2.3"}}', widget).errors.map((e) => e.path), ['spec.size']);
});

test('decodeJson() throws BodySyntaxError for text that is not JSON', () => {
  assert.throws(() => decodeJson('{"a":', cm), BodySyntaxError);
});

test('decodeYaml() applies the same checks and reports duplicate keys', () => {
  const body = 'kind: ConfigMap\nmetadata:\n  name: a\n  name: b\n  bogus: 1\ndata:\n  when: 2024-01-01\n  clock: 12:30\n  flag: "yes"\n';
  const r = decodeYaml(body, cm, { mode: 'Warn' });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.warnings, ['duplicate field "metadata.name"', 'unknown field "metadata.bogus"']);
  assert.deepEqual(r.object, { kind: 'ConfigMap', metadata: { name: 'b' }, data: { when: '2024-01-01', clock: '12:30', flag: 'yes' } });
  // YAML 1.1: an unquoted yes is a boolean, which a string map rejects (as kube-apiserver does).
  assert.deepEqual(decodeYaml('data:\n  flag: yes\n', cm).errors.map((e) => e.path), ['data.flag']);
  assert.throws(() => decodeYaml('a: [1, 2\n', cm), BodySyntaxError);
});

test('validateValue() checks an object that was already parsed', () => {
  assert.deepEqual(validateValue({ data: { a: 1 } }, cm).errors.map((e) => e.path), ['data.a']);
});

test('findDuplicateKeys() tracks paths through arrays, escapes and nested strings', () => {
  assert.equal(findDuplicateKeys('{"a":[{"b":1},{"b":2}],"s":"\\"b\\":{"}'), undefined);
  assert.deepEqual([...(findDuplicateKeys('{"a":[1,{"x":1,"x":2}],"q\\u0061":1,"qa":2}') ?? [])], [['a[1]', ['x']], ['', ['qa']]]);
});
