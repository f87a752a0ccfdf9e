import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { CsrError, parseCsr } from './csr.js';
import { KUBELET_CLIENT, KUBELET_SERVING, sign, validate } from './signers.js';
import { createCa } from '../../pki/authority.js';
import { generateEcKey } from '../../pki/keys.js';
import { hasOpenssl } from '../../client/testing/openssl-certs.js';

const skip = hasOpenssl() ? false : 'openssl is not installed (it makes the test requests)';

function opensslCsr(subj: string, san?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-csr-'));
  const args = ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'k'), '-out', join(dir, 'r'), '-subj', subj];
  if (san) args.push('-addext', `subjectAltName=${san}`);
  execFileSync('openssl', args, { stdio: 'ignore' });
  return readFileSync(join(dir, 'r'), 'utf8');
}

test('parseCsr() reads subject, key and SANs, and refuses a tampered request', { skip }, () => {
  const pem = opensslCsr('/O=system:nodes/CN=system:node:n1', 'DNS:n1.local,IP:10.0.0.7');
  const csr = parseCsr(pem);
  assert.equal(csr.cn, 'system:node:n1');
  assert.deepEqual(csr.o, ['system:nodes']);
  assert.deepEqual(csr.dnsNames, ['n1.local']);
  assert.deepEqual(csr.ips, ['10.0.0.7']);
  assert.equal(csr.publicKey.asymmetricKeyType, 'ec');
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  der[40] = (der[40] ?? 0) ^ 1;
  assert.throws(() => parseCsr(der), CsrError);
  assert.throws(() => parseCsr('not a pem'), /PEM block type must be CERTIFICATE REQUEST/);
});

test('validate() and sign() issue kubelet certificates the way the built-in signers do', { skip }, async () => {
  const client = parseCsr(opensslCsr('/O=system:nodes/CN=system:node:n1'));
  assert.equal(validate(KUBELET_CLIENT, client, ['digital signature', 'client auth']), undefined);
  assert.match(validate(KUBELET_CLIENT, client, ['server auth']) ?? '', /invalid usage/);
  assert.match(validate(KUBELET_CLIENT, parseCsr(opensslCsr('/O=evil/CN=system:node:n1')), ['client auth']) ?? '', /organization/);
  assert.match(validate(KUBELET_SERVING, client, ['server auth']) ?? '', /need a DNS or IP name/);
  const ca = createCa('k3s-client-ca@1', await generateEcKey(), { now: new Date() });
  const pem = sign(ca, client, ['digital signature', 'client auth'], { now: new Date(), seconds: 3600 });
  const x = new X509Certificate(pem);
  assert.equal(x.subject, 'O=system:nodes\nCN=system:node:n1');
  assert.ok(x.verify(new X509Certificate(ca.bundlePem).publicKey));
  assert.ok(x.checkIssued(new X509Certificate(ca.bundlePem)));
});
