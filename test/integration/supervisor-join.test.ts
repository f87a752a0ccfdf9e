/**
 * The supervisor's agent join endpoints against a real `k3ts server`: the CA bundles, kubelet
 * client certificates behind the node-password check, and which credentials may ask.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:https';
import { startTestServer, type TestServer } from '../../src/server/testing/fixture.js';

interface Answer { status: number; body: string }

function get(s: TestServer, path: string, opts: { auth?: string; bearer?: string; headers?: Record<string, string>; cert?: { cert: string; key: string } } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.auth) headers['authorization'] = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
  if (opts.bearer) headers['authorization'] = `Bearer ${opts.bearer}`;
  return new Promise((resolve, reject) => {
    const req = request(`${s.url}${path}`, { ca: s.ca, headers, ...(opts.cert ?? {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

const creds = (token: string): string => token.trim().split('::')[1] ?? '';

test('the supervisor serves the CA bundles and kubelet client certificates behind node passwords', async (t) => {
  const s = await startTestServer(t);
  const node = creds(readFileSync(join(s.dataDir, 'server', 'node-token'), 'utf8'));
  // Without --agent-token the node user shares the server's password (k3s getNodePass).
  const agent = `node:${node.split(':')[1] ?? ''}`;
  const tls = (f: string): string => readFileSync(join(s.dataDir, 'server', 'tls', f), 'utf8');

  let r = await get(s, '/v1-k3s/client-ca.crt', { auth: agent });
  assert.equal(r.status, 200);
  assert.equal(r.body, tls('client-ca.crt'));
  r = await get(s, '/v1-k3s/server-ca.crt', { auth: node });
  assert.equal(r.body, tls('server-ca.crt'));
  assert.equal((await get(s, '/v1-k3s/server-ca.crt')).status, 401);
  assert.equal((await get(s, '/v1-k3s/server-ca.crt', { auth: 'node:wrong' })).status, 401);
  // The admin (system:masters) is neither an agent nor a node.
  assert.equal((await get(s, '/v1-k3s/client-ca.crt', { cert: { cert: s.cert, key: s.key } })).status, 403);

  const ask = (name: string, password: string, auth = agent) => get(s, '/v1-k3s/client-kubelet.crt', { auth, headers: { 'k3s-Node-Name': name, 'k3s-Node-Password': password } });
  r = await ask('Worker-1', 'pw1');
  assert.equal(r.status, 400, r.body);
  r = await ask('worker-1', 'pw1');
  assert.equal(r.status, 200, r.body);
  const cert = new X509Certificate(r.body);
  assert.match(cert.subject, /CN=system:node:worker-1/);
  assert.match(cert.subject, /O=system:nodes/);
  assert.ok(cert.checkIssued(new X509Certificate(tls('client-ca.crt'))));
  const key = /-----BEGIN (EC )?PRIVATE KEY-----[\s\S]*?-----END (EC )?PRIVATE KEY-----\n/.exec(r.body)?.[0] ?? '';
  assert.ok(key);

  // The certificate authenticates as the node.
  const who = await get(s, '/api/v1/nodes/worker-1', { cert: { cert: r.body, key } });
  assert.equal(who.status, 404, who.body);
  const secret = await get(s, '/api/v1/namespaces/kube-system/secrets/worker-1.node-password.k3s', { cert: { cert: s.cert, key: s.key } });
  const obj = JSON.parse(secret.body) as { immutable?: boolean; type?: string; data?: Record<string, string> };
  assert.equal(obj.immutable, true);
  assert.equal(obj.type, 'k3s.cattle.io/node-password');
  assert.match(Buffer.from(obj.data?.['hash'] ?? '', 'base64').toString(), /^\$1:[0-9a-f]+:15:8:1:[0-9a-f]+$/);

  // Same password again (server token too): another certificate. Another password: 403.
  assert.equal((await ask('worker-1', 'pw1', node)).status, 200);
  r = await ask('worker-1', 'pw2');
  assert.equal(r.status, 403);
  assert.match(r.body, /unable to verify password for node worker-1: hash does not match/);
  // A node may renew only its own name, without a password.
  r = await get(s, '/v1-k3s/client-kubelet.crt', { cert: { cert: cert.toString(), key }, headers: { 'k3s-Node-Name': 'worker-2' } });
  assert.equal(r.status, 403);
  r = await get(s, '/v1-k3s/client-kubelet.crt', { cert: { cert: cert.toString(), key }, headers: { 'k3s-Node-Name': 'worker-1' } });
  assert.equal(r.status, 200);
  // The encryption endpoints stay the server token's.
  assert.equal((await get(s, '/v1-k3s/encrypt/status', { auth: agent })).status, 403);
});

test('a bootstrap token may fetch kubelet certificates', async (t) => {
  const s = await startTestServer(t);
  const admin = { cert: s.cert, key: s.key };
  const body = JSON.stringify({
    apiVersion: 'v1', kind: 'Secret', metadata: { name: 'bootstrap-token-abcdef', namespace: 'kube-system' }, type: 'bootstrap.kubernetes.io/token',
    stringData: { 'token-id': 'abcdef', 'token-secret': '0123456789abcdef', 'usage-bootstrap-authentication': 'true', 'auth-extra-groups': 'system:bootstrappers:k3s:default-node-token' },
  });
  const created = await new Promise<number>((resolve, reject) => {
    const req = request(`${s.url}/api/v1/namespaces/kube-system/secrets`, { method: 'POST', ca: s.ca, ...admin, headers: { 'content-type': 'application/json' } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end(body);
  });
  assert.equal(created, 201);
  const r = await get(s, '/v1-k3s/client-kubelet.crt', { bearer: 'abcdef.0123456789abcdef', headers: { 'k3s-Node-Name': 'boot-1', 'k3s-Node-Password': 'x' } });
  assert.equal(r.status, 200, r.body);
  assert.equal((await get(s, '/v1-k3s/client-kubelet.crt', { bearer: 'abcdef.0123456789abcdef0', headers: { 'k3s-Node-Name': 'boot-1', 'k3s-Node-Password': 'x' } })).status, 401);
});
