import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { issueCertificate } from './authority.js';
import { generateEcKey } from './keys.js';
import { ensureServerTls, tlsPaths } from './server-tls.js';
import { haveOpenssl, openssl } from './testing/openssl.js';
import { tempDir } from '../base/testing/tmp.js';

const sans = { servingDnsNames: ['kubernetes', 'kubernetes.default', 'localhost', 'node1'], servingIps: ['127.0.0.1', '10.43.0.1'] };

test('ensureServerTls() creates k3s\'s files with 0600 keys, then reuses them unchanged', async (t) => {
  const dir = tempDir(t, 'k3ts-tls-');
  const first = await ensureServerTls(dir, sans);
  const p = tlsPaths(dir);
  for (const key of [p.serverCaKey, p.clientCaKey, p.requestHeaderCaKey, p.serviceKey, p.serviceCurrentKey, p.servingApiKey, p.clientAdminKey]) {
    assert.equal(statSync(key).mode & 0o777, 0o600, key);
  }
  assert.equal(statSync(p.dir).mode & 0o777, 0o700);
  assert.match(readFileSync(p.serverCaKey, 'utf8'), /^-----BEGIN EC PRIVATE KEY-----/);
  assert.match(readFileSync(p.serviceKey, 'utf8'), /^-----BEGIN RSA PRIVATE KEY-----/);
  assert.match(first.serverCa.cert.subject.cn ?? '', /^k3s-server-ca@\d+$/);
  assert.deepEqual(first.admin.cert.subject, { cn: 'system:admin', o: ['system:masters'] });
  // The leaf file carries the leaf and then the CA, as k3s writes it.
  assert.equal(readFileSync(p.servingApiCert, 'utf8').split('BEGIN CERTIFICATE').length - 1, 2);
  const before = readFileSync(p.servingApiCert, 'utf8');
  const second = await ensureServerTls(dir, sans);
  assert.deepEqual(second.written, []);
  assert.equal(second.serverCa.bundlePem, first.serverCa.bundlePem);
  assert.equal(readFileSync(p.servingApiCert, 'utf8'), before);
});

test('ensureServerTls() renews a leaf with fewer than 120 days left, keeping the CA', async (t) => {
  const dir = tempDir(t, 'k3ts-tls-');
  const first = await ensureServerTls(dir, sans);
  const p = tlsPaths(dir);
  const short = issueCertificate(first.serverCa, await generateEcKey(), { cn: 'kube-apiserver', usages: ['serverAuth'], dnsNames: sans.servingDnsNames, ips: sans.servingIps, days: 30, now: new Date() });
  writeFileSync(p.servingApiCert, short.certPem);
  writeFileSync(p.servingApiKey, short.keyPem);
  const again = await ensureServerTls(dir, sans);
  assert.deepEqual(again.written, [p.servingApiCert]);
  assert.ok(again.serving.cert.notAfter.getTime() - Date.now() > 360 * 86_400_000);
  assert.equal(again.serverCa.bundlePem, first.serverCa.bundlePem);
  assert.equal(statSync(p.servingApiKey).mode & 0o777, 0o600);
});

test('ensureServerTls() re-issues the serving certificate when a SAN is added', async (t) => {
  const dir = tempDir(t, 'k3ts-tls-');
  await ensureServerTls(dir, sans);
  const more = await ensureServerTls(dir, { ...sans, servingDnsNames: [...sans.servingDnsNames, 'k3s.example.com'] });
  assert.deepEqual(more.written, [tlsPaths(dir).servingApiCert]);
  assert.ok(more.serving.cert.dnsNames.includes('k3s.example.com'));
});

test('ensureServerTls() refuses a CA certificate whose key is missing instead of replacing the CA', async (t) => {
  const dir = tempDir(t, 'k3ts-tls-');
  await ensureServerTls(dir, sans);
  unlinkSync(tlsPaths(dir).clientCaKey);
  await assert.rejects(ensureServerTls(dir, sans), /client-ca\.crt exists but its key .*client-ca\.key is missing/);
});

test('the certificate files pass openssl verify with the right purposes', { skip: !haveOpenssl() && 'openssl not installed' }, async (t) => {
  const dir = tempDir(t, 'k3ts-tls-');
  await ensureServerTls(dir, sans);
  const p = tlsPaths(dir);
  assert.match(openssl(['verify', '-purpose', 'sslserver', '-CAfile', p.serverCa, p.servingApiCert]).out, /OK/);
  assert.match(openssl(['verify', '-purpose', 'sslclient', '-CAfile', p.clientCa, p.clientAdminCert]).out, /OK/);
  assert.notEqual(openssl(['verify', '-CAfile', p.serverCa, p.clientAdminCert]).status, 0);
  assert.match(openssl(['x509', '-in', p.clientAdminCert, '-noout', '-subject']).out, /subject=O = system:masters, CN = system:admin/);
});
