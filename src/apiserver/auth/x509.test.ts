import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createCa, issueCertificate } from '../../pki/authority.js';
import { generateEcKey } from '../../pki/keys.js';
import { AuthenticatorChain } from './authenticator.js';
import { X509Authenticator } from './x509.js';

const now = new Date();

test('X509Authenticator names the user by CN and groups by O, only for certificates from the client CA', async (t) => {
  const serverCa = createCa('server-ca', await generateEcKey(), { now });
  const clientCa = createCa('client-ca', await generateEcKey(), { now });
  const rogueCa = createCa('client-ca', await generateEcKey(), { now });
  const serving = issueCertificate(serverCa, await generateEcKey(), { cn: 'kube-apiserver', usages: ['serverAuth'], ips: ['127.0.0.1'], days: 1, now });
  const auth = new AuthenticatorChain([new X509Authenticator(clientCa.bundlePem)]);
  const server = createServer({ key: serving.keyPem, cert: serving.certPem, ca: [clientCa.bundlePem, rogueCa.bundlePem], requestCert: true, rejectUnauthorized: false }, (req, res) => {
    void Promise.resolve(auth.authenticate(req)).then((u) => res.end(JSON.stringify(u ?? null)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise((r) => server.close(() => r(undefined))));
  const port = (server.address() as AddressInfo).port;
  const call = (cert?: { certPem: string; keyPem: string }): Promise<unknown> => new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', ca: serverCa.bundlePem, agent: false, ...(cert ? { cert: cert.certPem, key: cert.keyPem } : {}) }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve(JSON.parse(body)));
    });
    req.on('error', reject);
    req.end();
  });
  const admin = issueCertificate(clientCa, await generateEcKey(), { cn: 'system:admin', o: ['system:masters'], usages: ['clientAuth'], days: 1, now });
  assert.deepEqual(await call(admin), { name: 'system:admin', groups: ['system:masters', 'system:authenticated'] });
  assert.equal(await call(), null);
  const rogue = issueCertificate(rogueCa, await generateEcKey(), { cn: 'system:admin', o: ['system:masters'], usages: ['clientAuth'], days: 1, now });
  assert.equal(await call(rogue), null, 'a certificate from another CA with the same name is refused');
  const serverOnly = issueCertificate(clientCa, await generateEcKey(), { cn: 'x', usages: ['serverAuth'], days: 1, now });
  assert.equal(await call(serverOnly), null, 'a certificate not valid for client auth is refused');
});
