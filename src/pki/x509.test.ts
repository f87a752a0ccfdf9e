import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCa, issueCertificate, loadCa } from './authority.js';
import { generateEcKey, generateRsaKey, privateKeyPem } from './keys.js';
import { parseCertificate } from './x509.js';
import { haveOpenssl, openssl } from './testing/openssl.js';
import { tempDir } from '../base/testing/tmp.js';

const now = new Date();

test('issueCertificate() makes a leaf that node:crypto verifies against its CA', async () => {
  const ca = createCa('k3s-server-ca@1', await generateEcKey(), { now });
  const leaf = issueCertificate(ca, await generateEcKey(), { cn: 'kube-apiserver', usages: ['serverAuth'], dnsNames: ['kubernetes', 'localhost'], ips: ['127.0.0.1', '10.43.0.1', '::1'], days: 365, now });
  const x = new X509Certificate(leaf.certPem);
  const xca = new X509Certificate(ca.bundlePem);
  assert.equal(x.checkIssued(xca), true);
  assert.equal(x.verify(xca.publicKey), true);
  assert.equal(x.subjectAltName, 'DNS:kubernetes, DNS:localhost, IP Address:127.0.0.1, IP Address:10.43.0.1, IP Address:0:0:0:0:0:0:0:1');
  assert.equal(x.checkHost('kubernetes'), 'kubernetes');
  assert.equal(x.checkIP('10.43.0.1'), '10.43.0.1');
  assert.equal(leaf.cert.subject.cn, 'kube-apiserver');
  assert.deepEqual(leaf.cert.ips, ['127.0.0.1', '10.43.0.1', '::1']);
  assert.equal(Math.round((leaf.cert.notAfter.getTime() - now.getTime()) / 86_400_000), 365);
  assert.deepEqual(leaf.cert.authorityKeyId, ca.cert.subjectKeyId);
  assert.equal(ca.cert.isCa, true);
  assert.equal(leaf.cert.isCa, false);
});

test('parseCertificate() reads CN and every O of a client certificate', async () => {
  const ca = createCa('k3s-client-ca@1', await generateEcKey(), { now });
  const leaf = issueCertificate(ca, await generateEcKey(), { cn: 'system:admin', o: ['system:masters', 'dev'], usages: ['clientAuth'], days: 365, now });
  assert.deepEqual(leaf.cert.subject, { cn: 'system:admin', o: ['system:masters', 'dev'] });
  assert.deepEqual(leaf.cert.extKeyUsage, ['clientAuth']);
  assert.equal(new X509Certificate(leaf.certPem).subject, 'O=system:masters\nO=dev\nCN=system:admin');
});

test('an RSA CA signs with sha256WithRSAEncryption (custom CAs may be RSA)', async () => {
  const ca = createCa('rsa-ca', await generateRsaKey(), { now });
  const leaf = issueCertificate(ca, await generateEcKey(), { cn: 'x', usages: ['serverAuth'], days: 1, now });
  assert.equal(new X509Certificate(leaf.certPem).verify(new X509Certificate(ca.bundlePem).publicKey), true);
});

test('loadCa() refuses a key that does not match the certificate', async () => {
  const ca = createCa('a', await generateEcKey(), { now });
  const other = privateKeyPem(await generateEcKey());
  assert.throws(() => loadCa(ca.bundlePem, other, { what: 'server-ca.crt' }), /server-ca.crt: the CA key does not match the CA certificate/);
});

test('openssl accepts the certificates: text dump, chain verification, purpose', { skip: !haveOpenssl() && 'openssl not installed' }, async (t) => {
  const dir = tempDir(t, 'k3ts-x509-');
  const ca = createCa('k3s-server-ca@1', await generateEcKey(), { now });
  const leaf = issueCertificate(ca, await generateEcKey(), { cn: 'kube-apiserver', usages: ['serverAuth'], dnsNames: ['kubernetes.default.svc.cluster.local'], ips: ['10.43.0.1'], days: 365, now });
  writeFileSync(join(dir, 'ca.crt'), ca.bundlePem);
  writeFileSync(join(dir, 'leaf.crt'), leaf.certPem);
  const text = openssl(['x509', '-in', join(dir, 'leaf.crt'), '-noout', '-text']);
  assert.equal(text.status, 0, text.out);
  assert.match(text.out, /Signature Algorithm: ecdsa-with-SHA256/);
  assert.match(text.out, /DNS:kubernetes\.default\.svc\.cluster\.local, IP Address:10\.43\.0\.1/);
  assert.match(text.out, /X509v3 Extended Key Usage: \n\s+TLS Web Server Authentication/);
  assert.match(text.out, /CA:FALSE/);
  const v = openssl(['verify', '-purpose', 'sslserver', '-CAfile', join(dir, 'ca.crt'), join(dir, 'leaf.crt')]);
  assert.equal(v.status, 0, v.out);
  assert.match(v.out, /leaf\.crt: OK/);
  const wrong = openssl(['verify', '-purpose', 'sslclient', '-CAfile', join(dir, 'ca.crt'), join(dir, 'leaf.crt')]);
  assert.notEqual(wrong.status, 0);
  assert.equal(parseCertificate(new X509Certificate(leaf.certPem).raw).serialHex.length > 0, true);
});
