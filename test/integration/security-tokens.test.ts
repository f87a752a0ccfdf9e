/**
 * Bearer tokens against `k3ts server` with the real kubectl: TokenRequest (`kubectl create
 * token`), tokens bound to pods that die with them, legacy secret tokens, bootstrap tokens,
 * expired, forged and tampered tokens, TokenReview, and the anonymous routes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startSecureCluster, type SecureCluster } from '../../src/apiserver/security/testing/cluster.js';
import { signJwt } from '../../src/apiserver/auth/jwt.js';
import { boundClaimsJson } from '../../src/apiserver/auth/serviceaccount/claims.js';
import { tlsPaths } from '../../src/pki/server-tls.js';
import { kubectlPath } from './harness.js';

const KUBECTL = kubectlPath(33) ?? 'kubectl';

async function eventually<T>(fn: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function whoami(c: SecureCluster, token: string): Promise<{ status: number; user?: { username: string; groups: string[]; extra?: Record<string, string[]> } }> {
  const r = await c.fetch('/apis/authentication.k8s.io/v1/selfsubjectreviews', {
    method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' }),
  });
  return r.status === 201 ? { status: r.status, user: (r.json()['status'] as { userInfo: { username: string; groups: string[] } }).userInfo } : { status: r.status };
}

test('kubectl create token gives a working bound token; audiences, pod binding and deletion are enforced', async (t) => {
  const c = await startSecureCluster(t);
  const k = (args: string[], input?: string) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL, ...(input !== undefined ? { input } : {}) });
  assert.equal((await k(['create', 'namespace', 'team'])).code, 0);
  assert.equal((await k(['-n', 'team', 'create', 'serviceaccount', 'bot'])).code, 0);
  assert.equal((await k(['-n', 'team', 'create', 'rolebinding', 'bot-view', '--clusterrole=view', '--serviceaccount=team:bot'])).code, 0);
  let r = await k(['-n', 'team', 'create', 'token', 'bot']);
  assert.equal(r.code, 0, r.stderr);
  const token = r.stdout.trim();
  const tk = c.tokenUser('bot', token);
  r = await c.kubectl(tk, ['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username} {.status.userInfo.groups}'], { bin: KUBECTL });
  assert.equal(r.stdout, 'system:serviceaccount:team:bot ["system:serviceaccounts","system:serviceaccounts:team","system:authenticated"]');
  r = await c.kubectl(tk, ['-n', 'team', 'get', 'serviceaccounts', '-o', 'name'], { bin: KUBECTL });
  for (let i = 0; r.code !== 0 && i < 20; i++) r = await c.kubectl(tk, ['-n', 'team', 'get', 'serviceaccounts', '-o', 'name'], { bin: KUBECTL });
  assert.match(r.stdout, /serviceaccount\/bot/);
  r = await c.kubectl(tk, ['-n', 'team', 'get', 'secrets'], { bin: KUBECTL });
  assert.match(r.stderr, /secrets is forbidden: User "system:serviceaccount:team:bot" cannot list resource "secrets"/);

  // Another audience does not open the API; too short a duration is refused.
  r = await k(['-n', 'team', 'create', 'token', 'bot', '--audience=vault']);
  assert.equal((await whoami(c, r.stdout.trim())).status, 401);
  r = await k(['-n', 'team', 'create', 'token', 'bot', '--duration=5m']);
  assert.match(r.stderr, /may not specify a duration less than 10 minutes/);
  r = await k(['-n', 'team', 'create', 'token', 'ghost']);
  assert.match(r.stderr, /serviceaccounts "ghost" not found/);

  // A token bound to a pod dies with the pod.
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { serviceAccountName: 'bot', containers: [{ name: 'c', image: 'nginx' }] } };
  r = await k(['-n', 'team', 'create', '-f', '-'], JSON.stringify(pod));
  for (let i = 0; r.code !== 0 && i < 30; i++) r = await k(['-n', 'team', 'create', '-f', '-'], JSON.stringify(pod));
  assert.equal(r.code, 0, r.stderr);
  r = await k(['-n', 'team', 'create', 'token', 'bot', '--bound-object-kind=Pod', '--bound-object-name=p']);
  assert.equal(r.code, 0, r.stderr);
  const podToken = r.stdout.trim();
  const who = await whoami(c, podToken);
  assert.equal(who.status, 201);
  assert.deepEqual(who.user?.extra?.['authentication.kubernetes.io/pod-name'], ['p']);
  assert.match(who.user?.extra?.['authentication.kubernetes.io/credential-id']?.[0] ?? '', /^JTI=/);
  r = await k(['-n', 'team', 'create', 'token', 'default', '--bound-object-kind=Pod', '--bound-object-name=p']);
  assert.match(r.stderr, /cannot bind token for serviceaccount "default" to pod running with different serviceaccount name/);
  assert.equal((await k(['-n', 'team', 'delete', 'pod', 'p', '--grace-period=0', '--force'])).code, 0);
  await eventually(async () => ((await whoami(c, podToken)).status === 401 ? true : undefined), 'the pod-bound token to be refused');
  // Deleting the service account ends its tokens.
  assert.equal((await k(['-n', 'team', 'delete', 'serviceaccount', 'bot'])).code, 0);
  await eventually(async () => ((await whoami(c, token)).status === 401 ? true : undefined), 'the token to be refused');
});

test('expired, forged, tampered and malformed tokens are refused with 401', async (t) => {
  const c = await startSecureCluster(t);
  const k = (args: string[]) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL });
  assert.equal((await k(['-n', 'default', 'create', 'serviceaccount', 'bot'])).code, 0);
  const uid = (await k(['-n', 'default', 'get', 'sa', 'bot', '-o', 'jsonpath={.metadata.uid}'])).stdout;
  const key = createPrivateKey(readFileSync(tlsPaths(c.dataDir).serviceKey, 'utf8'));
  const now = Math.floor(Date.now() / 1000);
  const claims = (iat: number, exp: number) => boundClaimsJson({
    issuer: 'https://kubernetes.default.svc.cluster.local', audiences: ['k3s'], namespace: 'default', serviceAccount: { name: 'bot', uid }, issuedAt: iat, expiresAt: exp,
  });
  const good = signJwt(claims(now, now + 600), key);
  assert.equal((await whoami(c, good)).status, 201);
  assert.equal((await whoami(c, signJwt(claims(now - 7200, now - 3600), key))).status, 401, 'expired');
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  assert.equal((await whoami(c, signJwt(claims(now, now + 600), other))).status, 401, 'forged');
  const [h, , s] = good.split('.');
  const evil = Buffer.from(JSON.stringify({ ...claims(now, now + 600), sub: 'system:serviceaccount:kube-system:admin' })).toString('base64url');
  assert.equal((await whoami(c, `${h ?? ''}.${evil}.${s ?? ''}`)).status, 401, 'tampered');
  const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims(now, now + 600))).toString('base64url')}.`;
  assert.equal((await whoami(c, none)).status, 401, 'alg none');
  for (const bad of ['x', 'a.b.c', 'abcdef.0123456789abcdef', '....', 'Bearer', '%00']) assert.equal((await whoami(c, bad)).status, 401, bad);
  const r = await c.kubectl(c.tokenUser('expired', signJwt(claims(now - 7200, now - 3600), key)), ['get', 'pods'], { bin: KUBECTL });
  assert.match(r.stderr, /error: You must be logged in to the server \(Unauthorized\)/);
});

test('legacy service account token secrets are filled in and work until the secret goes', async (t) => {
  const c = await startSecureCluster(t);
  const k = (args: string[], input?: string) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL, ...(input !== undefined ? { input } : {}) });
  assert.equal((await k(['create', 'serviceaccount', 'legacy'])).code, 0);
  const secret = { apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/service-account-token', metadata: { name: 'legacy-token', annotations: { 'kubernetes.io/service-account.name': 'legacy' } } };
  assert.equal((await k(['create', '-f', '-'], JSON.stringify(secret))).code, 0);
  const token = await eventually(async () => {
    const b = (await k(['get', 'secret', 'legacy-token', '-o', 'jsonpath={.data.token}'])).stdout;
    return b ? Buffer.from(b, 'base64').toString() : undefined;
  }, 'the legacy token');
  const who = await whoami(c, token);
  assert.equal(who.user?.username, 'system:serviceaccount:default:legacy');
  assert.equal((await k(['delete', 'secret', 'legacy-token'])).code, 0);
  await eventually(async () => ((await whoami(c, token)).status === 401 ? true : undefined), 'the legacy token to be refused');
});

test('bootstrap tokens authenticate as system:bootstrap:<id> until they expire', async (t) => {
  const c = await startSecureCluster(t);
  const k = (args: string[], input?: string) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL, ...(input !== undefined ? { input } : {}) });
  const secret = (id: string, expiration: string) => JSON.stringify({
    apiVersion: 'v1', kind: 'Secret', type: 'bootstrap.kubernetes.io/token', metadata: { name: `bootstrap-token-${id}`, namespace: 'kube-system' },
    stringData: { 'token-id': id, 'token-secret': '0123456789abcdef', expiration, 'usage-bootstrap-authentication': 'true', 'auth-extra-groups': 'system:bootstrappers:k3s:default-node-token' },
  });
  assert.equal((await k(['create', '-f', '-'], secret('abcdef', new Date(Date.now() + 3600_000).toISOString()))).code, 0);
  assert.equal((await k(['create', '-f', '-'], secret('zzzzzz', new Date(Date.now() - 1000).toISOString()))).code, 0);
  const who = await eventually(async () => (await whoami(c, 'abcdef.0123456789abcdef')).user, 'the bootstrap token');
  assert.equal(who.username, 'system:bootstrap:abcdef');
  assert.deepEqual(who.groups, ['system:bootstrappers', 'system:bootstrappers:k3s:default-node-token', 'system:authenticated']);
  assert.equal((await whoami(c, 'abcdef.0123456789abcdee')).status, 401, 'wrong secret');
  assert.equal((await whoami(c, 'zzzzzz.0123456789abcdef')).status, 401, 'expired');
});

test('TokenReview answers for tokens; only the anonymous routes answer without credentials', async (t) => {
  const c = await startSecureCluster(t);
  const admin = { cert: c.cert, key: c.key };
  assert.equal((await c.kubectl(c.kubeconfig, ['create', 'serviceaccount', 'bot'], { bin: KUBECTL })).code, 0);
  const token = (await c.kubectl(c.kubeconfig, ['create', 'token', 'bot'], { bin: KUBECTL })).stdout.trim();
  const review = async (tok: string, audiences?: string[]) => (await c.fetch('/apis/authentication.k8s.io/v1/tokenreviews', {
    method: 'POST', cert: admin, body: JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token: tok, ...(audiences ? { audiences } : {}) } }),
  })).json()['status'] as { authenticated: boolean; user?: { username: string }; audiences?: string[]; error?: string };
  const ok = await review(token);
  assert.equal(ok.authenticated, true);
  assert.equal(ok.user?.username, 'system:serviceaccount:default:bot');
  assert.deepEqual(ok.audiences, ['https://kubernetes.default.svc.cluster.local', 'k3s']);
  assert.deepEqual((await review(token, ['k3s'])).audiences, ['k3s']);
  assert.equal((await review(token, ['vault'])).authenticated, false);
  assert.equal((await review('nonsense')).authenticated, false);

  // Issuer discovery: service accounts may read it (system:service-account-issuer-discovery).
  const oidc = await c.fetch('/.well-known/openid-configuration', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(oidc.status, 200);
  assert.equal(oidc.json()['jwks_uri'], 'https://kubernetes.default.svc.cluster.local/openid/v1/jwks');
  const jwks = (await c.fetch('/openid/v1/jwks', { headers: { authorization: `Bearer ${token}` } })).json() as { keys: { kty: string; alg: string; kid: string }[] };
  assert.equal(jwks.keys[0]?.kty, 'RSA');
  assert.equal(jwks.keys[0]?.kid, JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())['kid']);

  for (const path of ['/healthz', '/livez', '/readyz', '/version', '/cacerts', '/ping', '/healthz?verbose', '/readyz/ping']) {
    const r = await c.fetch(path);
    assert.equal(r.status, 200, path);
  }
  for (const path of ['/', '/api', '/apis', '/api/v1/namespaces', '/openapi/v2', '/openapi/v3', '/metrics', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', '/v1-k3s/encrypt/status', '/logs', '/.well-known/openid-configuration', '/openid/v1/jwks']) {
    const r = await c.fetch(path);
    assert.equal(r.status, 401, path);
    assert.equal(r.json()['reason'], 'Unauthorized', path);
  }
});
