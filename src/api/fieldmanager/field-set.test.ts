import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FieldSet } from './field-set.js';
import { deserializePE, pathString, serializePE, type FieldPath } from './path.js';

const f = (field: string) => ({ field });
const k = (name: string, value: unknown) => ({ key: [{ name, value }] });

test('FieldSet.toFieldsV1() writes members, children and "." in path order', () => {
  const s = FieldSet.of(
    [f('spec'), f('replicas')],
    [f('metadata'), f('labels')],
    [f('metadata'), f('labels'), f('app')],
    [f('spec'), f('containers'), k('name', 'c1')],
    [f('spec'), f('containers'), k('name', 'c1'), f('image')],
    [f('metadata'), f('finalizers'), { value: 'x' }],
  );
  assert.equal(JSON.stringify(s.toFieldsV1()),
    '{"f:metadata":{"f:finalizers":{"v:\\"x\\"":{}},"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:containers":{"k:{\\"name\\":\\"c1\\"}":{".":{},"f:image":{}}},"f:replicas":{}}}');
});

test('FieldSet.fromFieldsV1() reads what toFieldsV1() writes', () => {
  const v1 = { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:ports': { 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {} } } } };
  const s = FieldSet.fromFieldsV1(v1);
  assert.deepEqual(s.toFieldsV1(), v1);
  assert.ok(s.has([f('metadata'), f('labels')]));
  assert.ok(!s.has([f('metadata')]));
  assert.ok(s.has([f('spec'), f('ports'), { key: [{ name: 'port', value: 80 }, { name: 'protocol', value: 'TCP' }] }, f('port')]));
  assert.throws(() => FieldSet.fromFieldsV1({ 'f:a': 'x' }), /expected a FieldsV1 object/);
  assert.throws(() => FieldSet.fromFieldsV1({ 'k:{bad': {} }), /parsing key as path element/);
  // Unknown element types are skipped, as apimachinery does.
  assert.deepEqual(FieldSet.fromFieldsV1({ 'z:x': {}, 'f:a': {} }).toFieldsV1(), { 'f:a': {} });
});

test('FieldSet set algebra: union, intersection, difference, recursiveDifference', () => {
  const a = FieldSet.of([f('a')], [f('b'), f('x')], [f('b'), f('y')]);
  const b = FieldSet.of([f('b')], [f('b'), f('x')], [f('c')]);
  const paths = (s: FieldSet) => s.paths().map(pathString);
  assert.deepEqual(paths(a.union(b)), ['.a', '.b', '.c', '.b.x', '.b.y']);
  assert.deepEqual(paths(a.intersection(b)), ['.b.x']);
  assert.deepEqual(paths(a.difference(b)), ['.a', '.b.y']);
  assert.deepEqual(paths(a.recursiveDifference(b)), ['.a']);
  assert.ok(a.difference(a).empty());
  assert.deepEqual(paths(FieldSet.of([f('a')], [f('a'), f('b')]).leaves()), ['.a.b']);
});

test('serializePE() and deserializePE() round-trip every element kind', () => {
  const els = [f('spec'), { key: [{ name: 'containerPort', value: 80 }, { name: 'protocol', value: 'TCP' }] }, { value: 'a<b' }, { index: 3 }];
  for (const pe of els) assert.deepEqual(deserializePE(serializePE(pe)), pe);
  assert.equal(serializePE({ value: 'a<b' }), 'v:"a\\u003cb"');
  const p: FieldPath = [f('spec'), f('containers'), k('name', 'c'), f('ports'), { key: [{ name: 'containerPort', value: 80 }, { name: 'protocol', value: 'TCP' }] }];
  assert.equal(pathString(p), '.spec.containers[name="c"].ports[containerPort=80,protocol="TCP"]');
});
