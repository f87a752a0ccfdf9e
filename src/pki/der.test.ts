import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as der from './der.js';
import { hasCode } from '../base/errors.js';

test('oid() and readOid() round-trip multi-byte arcs', () => {
  for (const o of ['2.5.4.3', '1.2.840.10045.4.3.2', '1.3.6.1.5.5.7.3.2', '2.5.29.35']) assert.equal(der.readOid(der.decode(der.oid(o))), o);
  assert.deepEqual([...der.oid('1.2.840.113549')], [0x06, 0x06, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d]);
});

test('integer() encodes minimal two\'s complement', () => {
  assert.deepEqual([...der.integer(0)], [0x02, 0x01, 0x00]);
  assert.deepEqual([...der.integer(2)], [0x02, 0x01, 0x02]);
  assert.deepEqual([...der.integer(128)], [0x02, 0x02, 0x00, 0x80]);
  assert.deepEqual([...der.integer(Buffer.from([0, 0, 0x7f]))], [0x02, 0x01, 0x7f]);
});

test('namedBits() drops trailing zero bits as DER requires', () => {
  // digitalSignature(0), keyEncipherment(2), keyCertSign(5)
  assert.deepEqual([...der.namedBits([0, 2, 5])], [0x03, 0x02, 0x02, 0xa4]);
  assert.deepEqual([...der.namedBits([0, 2])], [0x03, 0x02, 0x05, 0xa0]);
});

test('time() picks UTCTime before 2050 and GeneralizedTime after, and readTime() reads both', () => {
  const a = new Date('2035-01-02T03:04:05Z'), b = new Date('2051-06-07T08:09:10Z');
  assert.equal(der.decode(der.time(a)).tag, der.Tag.UtcTime);
  assert.equal(der.decode(der.time(b)).tag, der.Tag.GeneralizedTime);
  assert.equal(der.readTime(der.decode(der.time(a))).toISOString(), a.toISOString());
  assert.equal(der.readTime(der.decode(der.time(b))).toISOString(), b.toISOString());
});

test('long lengths encode and decode', () => {
  const big = Buffer.alloc(70000, 7);
  const el = der.decode(der.octetString(big));
  assert.equal(el.value.length, 70000);
  assert.equal(der.children(der.decode(der.seq(der.integer(1), der.octetString(big)))).length, 2);
});

test('decode() rejects truncated and trailing input with ERR_PKI', () => {
  const ok = der.seq(der.integer(5));
  for (const bad of [ok.subarray(0, ok.length - 1), Buffer.concat([ok, Buffer.from([0])]), Buffer.from([0x30]), Buffer.from([0x30, 0x85, 1, 1, 1, 1, 1])]) {
    assert.throws(() => der.decode(bad), (err: unknown) => hasCode(err, 'ERR_PKI'));
  }
});
