/**
 * Certificate renewal across real restarts: a serving certificate near expiry (simulated by
 * writing a 30-day one signed by the real CA) is re-issued for 365 days at start, a new
 * --tls-san re-issues it with the name, and the CA never changes. Checked with openssl.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCa, issueCertificate } from '../../src/pki/authority.js';
import { generateEcKey } from '../../src/pki/keys.js';
import { haveOpenssl, openssl } from '../../src/pki/testing/openssl.js';
import { cleanEnv, httpsGet, readKubeconfig, startServer, tmpDir } from './harness.js';

const DAY = 86_400_000;

function enddate(file: string): Date {
  const out = openssl(['x509', '-in', file, '-noout', '-enddate']).out;
  return new Date(out.replace('notAfter=', '').trim());
}

test('a near-expiry serving certificate is renewed at start and a new --tls-san is added, with the same CA', { skip: !haveOpenssl() && 'openssl not installed' }, async (t) => {
  const dir = tmpDir(t);
  const data = join(dir, 'data'), kc = join(dir, 'kc.yaml');
  const env = cleanEnv(dir);
  const args = ['-d', data, '--https-listen-port', '0', '-o', kc];
  const tls = join(data, 'server', 'tls');
  const first = await startServer(args, { env, kubeconfig: kc });
  assert.equal(await first.stop(), 0);
  const ca = readFileSync(join(tls, 'server-ca.crt'), 'utf8');

  // Simulate a certificate 30 days from expiry, signed by the real CA, with the same SANs.
  const serverCa = loadCa(ca, readFileSync(join(tls, 'server-ca.key'), 'utf8'), { what: 'server-ca.crt' });
  const sans = openssl(['x509', '-in', join(tls, 'serving-kube-apiserver.crt'), '-noout', '-ext', 'subjectAltName']).out;
  const dns = [...sans.matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1] as string);
  const ips = [...sans.matchAll(/IP Address:([^,\s]+)/g)].map((m) => (m[1] as string).replace(/^0:0:0:0:0:0:0:1$/, '::1'));
  const short = issueCertificate(serverCa, await generateEcKey(), { cn: 'kube-apiserver', usages: ['serverAuth'], dnsNames: dns, ips, days: 30, now: new Date() });
  writeFileSync(join(tls, 'serving-kube-apiserver.crt'), short.certPem);
  writeFileSync(join(tls, 'serving-kube-apiserver.key'), short.keyPem);
  assert.ok(enddate(join(tls, 'serving-kube-apiserver.crt')).getTime() - Date.now() < 31 * DAY);

  const second = await startServer(args, { env, kubeconfig: kc });
  try {
    assert.match(second.logs(), /wrote .*serving-kube-apiserver\.crt/);
    const days = (enddate(join(tls, 'serving-kube-apiserver.crt')).getTime() - Date.now()) / DAY;
    assert.ok(days > 364 && days < 366, `renewed for ${days} days`);
    assert.equal(readFileSync(join(tls, 'server-ca.crt'), 'utf8'), ca);
    assert.match(openssl(['verify', '-CAfile', join(tls, 'server-ca.crt'), join(tls, 'serving-kube-apiserver.crt')]).out, /OK/);
    const k = readKubeconfig(kc);
    assert.equal((await httpsGet(`${k.server}/readyz`, { ca: k.ca })).body, 'ok');
  } finally {
    assert.equal(await second.stop(), 0);
  }

  const third = await startServer([...args, '--tls-san', 'renewed.example.com'], { env, kubeconfig: kc });
  try {
    const text = openssl(['x509', '-in', join(tls, 'serving-kube-apiserver.crt'), '-noout', '-text']).out;
    assert.match(text, /DNS:renewed\.example\.com/);
    assert.equal(readFileSync(join(tls, 'server-ca.crt'), 'utf8'), ca);
    assert.doesNotMatch(third.logs(), /client-admin\.crt/, 'the admin certificate was still good and kept');
  } finally {
    assert.equal(await third.stop(), 0);
  }
});
