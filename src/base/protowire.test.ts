/** @module Round trips of the protobuf wire primitives. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProtoReader, ProtoWriter, WireType, ProtoDecodeError } from './protowire.js';

test('ProtoWriter and ProtoReader round-trip every wire type', () => {
  const w = new ProtoWriter(4);
  w.tag(1, WireType.Varint).varint(300);
  w.tag(2, WireType.Varint).varint(-1);
  w.tag(3, WireType.LengthDelimited).string('héllo');
  w.tag(4, WireType.Fixed64).double(1.5);
  w.tag(5, WireType.Varint).bool(true);
  w.tag(6, WireType.Varint).varint(2n ** 60n);
  const r = new ProtoReader(w.finish());
  assert.deepEqual(r.tag(), [1, WireType.Varint]); assert.equal(r.int(), 300);
  assert.deepEqual(r.tag(), [2, WireType.Varint]); assert.equal(r.int32(), -1);
  assert.deepEqual(r.tag(), [3, WireType.LengthDelimited]); assert.equal(r.string(), 'héllo');
  assert.deepEqual(r.tag(), [4, WireType.Fixed64]); assert.equal(r.double(), 1.5);
  assert.deepEqual(r.tag(), [5, WireType.Varint]); assert.equal(r.bool(), true);
  assert.deepEqual(r.tag(), [6, WireType.Varint]); assert.equal(r.varint64(), 2n ** 60n);
  assert.equal(r.done, true);
});

test('ProtoWriter.varint encodes -1 in ten bytes as Go does', () => {
  assert.deepEqual([...new ProtoWriter().varint(-1).finish()], [255, 255, 255, 255, 255, 255, 255, 255, 255, 1]);
});

test('ProtoReader rejects truncated input with ProtoDecodeError', () => {
  const bytes = new ProtoWriter().tag(1, WireType.LengthDelimited).string('abcdef').finish();
  const r = new ProtoReader(bytes.subarray(0, 4));
  r.tag();
  assert.throws(() => r.bytes(), ProtoDecodeError);
  assert.throws(() => new ProtoReader(new Uint8Array([0x80])).uvarint(), ProtoDecodeError);
});

test('ProtoWriter.begin and end write nested messages of any length in place', () => {
  for (const size of [0, 5, 127, 128, 300, 20000]) {
    const body = 'x'.repeat(size);
    const w = new ProtoWriter(2);
    const outer = w.begin(1);
    const inner = w.begin(2);
    w.tag(3, WireType.LengthDelimited).string(body);
    w.end(inner);
    w.end(outer);
    const nested = new ProtoWriter().tag(3, WireType.LengthDelimited).string(body).finish();
    const expected = new ProtoWriter().tag(1, WireType.LengthDelimited)
      .bytes(new ProtoWriter().tag(2, WireType.LengthDelimited).bytes(nested).finish()).finish();
    assert.deepEqual(w.finish(), expected, `size ${size}`);
  }
});

test('ProtoWriter.string writes ASCII, multi-byte and long strings as UTF-8', () => {
  for (const s of ['', 'abc', 'héllo wörld', '日本語', '😀 emoji', 'x'.repeat(200), `${'é'.repeat(100)}z`]) {
    const r = new ProtoReader(new ProtoWriter(1).string(s).finish());
    assert.equal(r.string(), s);
    assert.equal(r.done, true);
  }
});

test('ProtoReader.int32, int and int64 read negative and large varints as Go writes them', () => {
  const w = new ProtoWriter();
  for (const v of [0, 1, 300, -1, -300, 2 ** 31 - 1, -(2 ** 31)]) w.varint(v);
  w.varint(2 ** 52).varint(-(2 ** 40)).varint(2n ** 62n);
  const r = new ProtoReader(w.finish());
  for (const v of [0, 1, 300, -1, -300, 2 ** 31 - 1, -(2 ** 31)]) assert.equal(r.int32(), v);
  assert.equal(r.int(), 2 ** 52);
  assert.equal(r.int64(), -(2 ** 40));
  assert.equal(r.int64(), 2 ** 62);
  assert.equal(r.done, true);
});
