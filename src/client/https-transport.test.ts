import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientFromKubeconfig } from './client.js';
import { loadKubeconfig } from './kubeconfig.js';
import { TransportError } from './errors.js';
import { resources } from './resources.js';
import { hasOpenssl, makeTestCerts } from './testing/openssl-certs.js';
import type { KubeObject } from './types.js';
import { ConfigError } from '../base/errors.js';

const skip = hasOpenssl() ? false : 'openssl is not installed (needed to make test certificates)';

test('clientFromKubeconfig() connects over mutual TLS with the kubeconfig\'s CA and client certificate', { skip }, async () => {
  const certs = makeTestCerts();
  const srv = createServer({ key: certs.serverKey, cert: certs.serverCert, ca: certs.ca, requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const peer = (req.socket as TLSSocket).getPeerCertificate();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ metadata: { name: String(peer.subject?.CN), namespace: String(peer.subject?.O) } }));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  const kc = join(certs.dir, 'kubeconfig.yaml');
  writeFileSync(kc, `apiVersion: v1
kind: Config
clusters:
- name: default
  cluster:
    server: https://127.0.0.1:${port}
    certificate-authority-data: ${b64(certs.ca)}
contexts:
- name: default
  context: {cluster: default, user: default, namespace: apps}
current-context: default
users:
- name: default
  user:
    client-certificate: client.crt
    client-key-data: ${b64(certs.clientKey)}
`);
  try {
    assert.equal(loadKubeconfig(kc).namespace, 'apps');
    const client = clientFromKubeconfig(kc);
    const who = await client.resource<KubeObject>(resources.pods).get('x', { namespace: 'd' });
    assert.deepEqual(who.metadata, { name: 'system:admin', namespace: 'system:masters' });
    client.close();
    // Without the CA the server certificate is refused.
    writeFileSync(kc, `clusters: [{name: c, cluster: {server: "https://127.0.0.1:${port}"}}]\ncontexts: [{name: c, context: {cluster: c}}]\ncurrent-context: c\n`);
    const bare = clientFromKubeconfig(kc, { retry: { maxRetries: 0 } });
    await assert.rejects(bare.resource<KubeObject>(resources.pods).get('x', { namespace: 'd' }), TransportError);
    bare.close();
  } finally {
    srv.closeAllConnections();
    await new Promise((r) => srv.close(r));
  }
});

test('loadKubeconfig() names the file and the missing part in its errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-kc-'));
  const kc = join(dir, 'bad.yaml');
  writeFileSync(kc, 'current-context: nope\ncontexts: []\n');
  assert.throws(() => loadKubeconfig(kc), (e: unknown) => e instanceof ConfigError && e.message === `kubeconfig ${kc}: no context named "nope"`);
  writeFileSync(kc, ': : :\n');
  assert.throws(() => loadKubeconfig(kc), ConfigError);
});
