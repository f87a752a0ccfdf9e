import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../base/testing/tmp.js';
import { ensureNodePassword, nodePasswordFile } from './node-password.js';
import { splitCertKey } from './run.js';

test('nodePasswordFile() is /etc/rancher/node/password for the default data dir, else under the data dir', () => {
  assert.equal(nodePasswordFile('/var/lib/rancher/k3s', { defaultDataDir: '/var/lib/rancher/k3s' }), '/etc/rancher/node/password');
  assert.equal(nodePasswordFile('/tmp/a', { defaultDataDir: '/var/lib/rancher/k3s' }), '/tmp/a/agent/etc/rancher/node/password');
});

test('ensureNodePassword() creates 32 hex digits with mode 0600 once, then reuses them', async (t) => {
  const file = join(tempDir(t, 'k3ts-agent-'), 'etc', 'password');
  const first = await ensureNodePassword(file);
  assert.match(first, /^[0-9a-f]{32}$/);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(readFileSync(file, 'utf8'), `${first}\n`);
  assert.equal(await ensureNodePassword(file), first);
});

test('splitCertKey() separates the certificate chain from the key and refuses answers without both', () => {
  const cert = '-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n';
  const ca = '-----BEGIN CERTIFICATE-----\nBBB\n-----END CERTIFICATE-----\n';
  const key = '-----BEGIN EC PRIVATE KEY-----\nCCC\n-----END EC PRIVATE KEY-----\n';
  assert.deepEqual(splitCertKey(cert + ca + key), { cert: cert + ca, key });
  assert.throws(() => splitCertKey(cert), /without a certificate and key/);
});
