/** @module Bootstrap data: sealing with the token, and the datastore round trip. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapKey, openBootstrap, sealBootstrap } from './bootstrap-data.js';
import { PkiError } from '../base/errors.js';

test('sealBootstrap() output opens only with the same token secret', () => {
  const sealed = sealBootstrap({ 'server-ca.crt': 'PEM', passwd: 'p,server' }, 'secret1');
  assert.deepEqual(openBootstrap(sealed, 'secret1'), { 'server-ca.crt': 'PEM', passwd: 'p,server' });
  assert.throws(() => openBootstrap(sealed, 'secret2'), PkiError);
  assert.ok(!Buffer.from(sealed).toString().includes('PEM'), 'the files are not readable in the datastore');
});

test('bootstrapKey() is /bootstrap/ and the first 12 hex digits of the token hash, as k3s names it', () => {
  assert.match(bootstrapKey('secret1'), /^\/bootstrap\/[0-9a-f]{12}$/);
  assert.notEqual(bootstrapKey('secret1'), bootstrapKey('secret2'));
});
