import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caHash, formatToken, parseToken, randomSecret, secretsEqual } from './token.js';

const bundle = '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n';

test('formatToken() gives K10<sha256 of the CA bundle>::user:password', () => {
  const t = formatToken(bundle, { username: 'server', password: 'secret' });
  assert.match(t, /^K10[0-9a-f]{64}::server:secret$/);
  assert.equal(t.slice(3, 67), caHash(bundle));
});

test('parseToken() reads full tokens and treats anything else as a short secret', () => {
  const h = caHash(bundle);
  assert.deepEqual(parseToken(`K10${h}::server:s3cr3t\n`), { caHash: h, username: 'server', password: 's3cr3t' });
  assert.deepEqual(parseToken(`K10${h}::node:a:b`), { caHash: h, username: 'node', password: 'a:b' });
  assert.deepEqual(parseToken(`K10${h}::justpassword`), { caHash: h, username: undefined, password: 'justpassword' });
  assert.deepEqual(parseToken('mysecret'), { caHash: undefined, username: undefined, password: 'mysecret' });
  assert.deepEqual(parseToken('K10short'), { caHash: undefined, username: undefined, password: 'K10short' });
});

test('parseToken() refuses a malformed full token without echoing the secret', () => {
  assert.throws(() => parseToken('K10abc::server:topsecret'), (err: unknown) => err instanceof Error && /64 hex digits/.test(err.message) && !err.message.includes('topsecret'));
  assert.throws(() => parseToken(`K10${caHash(bundle)}::server:`), /no password/);
  assert.throws(() => parseToken('  '), /empty/);
});

test('randomSecret() is 32 hex digits and secretsEqual() compares exactly', () => {
  const s = randomSecret();
  assert.match(s, /^[0-9a-f]{32}$/);
  assert.notEqual(s, randomSecret());
  assert.equal(secretsEqual('abc', 'abc'), true);
  assert.equal(secretsEqual('abc', 'abd'), false);
  assert.equal(secretsEqual('abc', 'abcd'), false);
});
