/**
 * @module Round trips over every definition of the built-in catalog, with samples generated from
 * the catalog itself: JSON text → strict decoding (no issues, nothing changed) → protobuf → JSON
 * gives the sample back, and re-encoding gives the same bytes. Also the all-zero object of each
 * struct is stable through protobuf.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalog } from './catalog.js';
import { shapesOf } from './shape.js';
import { decodeJson } from './strict/decode.js';
import { protobufCodec } from './protobuf/codec.js';
import { sampleStruct } from './testing/samples.js';

const cat = catalog();
const shapes = shapesOf(cat);
const codec = protobufCodec(cat);
const structs = [...cat.definitions.values()].filter((d) => !d.custom && d.fields.length > 0);
const hasProtobuf = (name: string) => cat.definitions.get(name)?.fields.some((f) => f.proto > 0) ?? false;

test(`every catalog definition round-trips JSON ↔ object ↔ protobuf (${structs.length} definitions)`, () => {
  let fields = 0;
  for (const d of structs) {
    const shape = shapes.struct(d.name);
    const sample = sampleStruct(shape);
    const text = JSON.stringify(sample);
    const strict = decodeJson(text, shape);
    assert.deepEqual(strict.errors, [], d.name);
    assert.deepEqual(strict.object, JSON.parse(text), `${d.name}: strict decoding changed the sample`);
    if (!hasProtobuf(d.name)) continue;
    const pbSample = sampleStruct(shape, { protobufOnly: true });
    const bytes = codec.encodeMessage(d.name, pbSample);
    const back = codec.decodeMessage(d.name, bytes);
    assert.deepEqual(back, pbSample, `${d.name}: protobuf round trip`);
    assert.deepEqual(codec.encodeMessage(d.name, back), bytes, `${d.name}: re-encoding`);
    fields += d.fields.length;
  }
  assert.ok(fields > 0);
});

test('every kind round-trips through the protobuf envelope', () => {
  for (const d of structs) {
    for (const gvk of d.gvk ?? []) {
      if (!hasProtobuf(d.name)) continue;
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
      const obj = { apiVersion, kind: gvk.kind, ...sampleStruct(shapes.struct(d.name), { protobufOnly: true, depth: 2 }) };
      assert.deepEqual(codec.decode(codec.encode(obj)), obj, `${apiVersion} ${gvk.kind}`);
    }
  }
});

test('the zero object of every definition is stable through protobuf', () => {
  for (const d of structs) {
    if (!hasProtobuf(d.name)) continue;
    const zero = codec.encodeMessage(d.name, {});
    const decoded = codec.decodeMessage(d.name, zero);
    assert.deepEqual(codec.encodeMessage(d.name, decoded), zero, d.name);
  }
});
