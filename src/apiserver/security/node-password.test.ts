import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashNodePassword, nodePasswordSecretName, verifyNodePassword } from './node-password.js';

test('hashNodePassword() makes salted scrypt hashes that verifyNodePassword() accepts only for the password', async () => {
  const a = await hashNodePassword('pw');
  assert.match(a, /^\$1:[0-9a-f]{16}:15:8:1:[0-9a-f]{128}$/);
  assert.notEqual(await hashNodePassword('pw'), a);
  assert.equal(await verifyNodePassword(a, 'pw'), true);
  assert.equal(await verifyNodePassword(a, 'pw2'), false);
  for (const bad of ['', 'plain', '$2:aa:15:8:1:bb', '$1:aa:99:8:1:bb', '$1:aa:x:8:1:bb']) assert.equal(await verifyNodePassword(bad, 'pw'), false);
});

test('nodePasswordSecretName() lowercases the node name as k3s does', () => {
  assert.equal(nodePasswordSecretName('Worker-1'), 'worker-1.node-password.k3s');
});
