/**
 * Fuzzing the authentication and impersonation front of `k3ts server`: malformed and forged
 * bearer tokens, basic credentials, client certificates from the wrong CA, expired or without
 * client usage, and hostile impersonation headers. Every answer must be 400, 401 or 403 (431 for
 * headers past the size limit), and the server must stay up and keep serving the admin.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { createCa, issueCertificate } from '../../src/pki/authority.js';
import { generateEcKey } from '../../src/pki/keys.js';
import { startSecureCluster, type SecureCluster } from '../../src/apiserver/security/testing/cluster.js';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

function raw(c: SecureCluster, path: string, headers: Record<string, string>, cert?: { cert: string; key: string }): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${c.url}${path}`, { method: 'GET', ca: c.ca, headers, ...(cert ? { cert: cert.cert, key: cert.key } : {}) }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(-1));
    req.end();
  });
}

test('malformed tokens, certificates and headers get only 400, 401 or 403, and the server stays up', async (t) => {
  const c = await startSecureCluster(t);
  const random = rng(0x6b337473);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
  const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url');
  const jwtish = () => `${b64u(pick(['{"alg":"RS256"}', '{"alg":"none"}', '{"alg":"HS256","kid":"x"}', '{}', 'null', '[]', bytes(8).toString('latin1')]))}.${b64u(pick([
    '{"iss":"https://kubernetes.default.svc.cluster.local","sub":"system:serviceaccount:kube-system:default","aud":["k3s"],"exp":9999999999,"kubernetes.io":{"namespace":"kube-system","serviceaccount":{"name":"default","uid":"x"}}}',
    '{"iss":"kubernetes/serviceaccount","kubernetes.io/serviceaccount/namespace":"kube-system"}', '{"exp":"soon"}', '{"kubernetes.io":[]}', bytes(40).toString('latin1'),
  ]))}.${b64u(bytes(pick([0, 1, 64, 256, 512])))}`;
  const tokens = () => pick([
    jwtish(), bytes(32).toString('hex'), `${bytes(3).toString('hex')}.${bytes(8).toString('hex')}`, 'abcdef.0123456789abcdef', '', ' ', 'a b',
    'x'.repeat(70_000), '\u00ff\u00fe', '....', `${jwtish()}.${jwtish()}`, 'K10abc::server:secret',
  ]);
  const paths = ['/api', '/apis', '/api/v1/namespaces/kube-system/secrets', '/apis/rbac.authorization.k8s.io/v1/clusterroles', '/openapi/v2', '/v1-k3s/encrypt/status', '/%2e%2e/%2e%2e/etc/passwd', '/api/v1/namespaces/default/pods?watch=1'];
  const other = createCa('evil-ca', await generateEcKey(), { now: new Date() });
  const evil = issueCertificate(other, await generateEcKey(), { cn: 'system:admin', o: ['system:masters'], usages: ['clientAuth'], days: 1, now: new Date() });
  const expired = await c.certUser('old', ['system:masters'], { days: 1, now: new Date(Date.now() - 5 * 86_400_000) });
  const serverOnly = issueCertificate(other, await generateEcKey(), { cn: 'svc', usages: ['serverAuth'], days: 1, now: new Date() });
  const nobody = await c.certUser('nobody', []);
  const seen = new Map<number, number>();
  const record = (code: number) => seen.set(code, (seen.get(code) ?? 0) + 1);
  for (let i = 0; i < 400; i++) {
    const path = pick(paths);
    const kind = pick(['bearer', 'basic', 'scheme', 'cert', 'impersonate', 'ws'] as const);
    let code: number;
    if (kind === 'bearer') code = await raw(c, path, { authorization: `Bearer ${tokens()}` });
    else if (kind === 'basic') code = await raw(c, path, { authorization: `Basic ${pick([b64u(bytes(12)), Buffer.from('server:wrong').toString('base64'), Buffer.from('node:').toString('base64'), ':::', '', Buffer.from(`admin:${'x'.repeat(1000)}`).toString('base64')])}` });
    else if (kind === 'scheme') code = await raw(c, path, { authorization: pick(['Negotiate abc', 'Bearer', 'bearer', 'Digest x', bytes(20).toString('hex'), 'Bearer  two  spaces']) });
    else if (kind === 'cert') code = await raw(c, path, {}, pick([{ cert: evil.certPem, key: evil.keyPem }, { cert: expired.cert, key: expired.key }, { cert: serverOnly.certPem, key: serverOnly.keyPem }]));
    else if (kind === 'ws') code = await raw(c, path, { 'sec-websocket-protocol': `base64url.bearer.authorization.k8s.io.${b64u(tokens())}` });
    else {
      // A certificate user with no rights tries every kind of impersonation header.
      const headers: Record<string, string> = {};
      const n = 1 + Math.floor(random() * 3);
      for (let j = 0; j < n; j++) {
        const h = pick(['Impersonate-User', 'Impersonate-Group', 'Impersonate-Uid', `Impersonate-Extra-${pick(['scopes', '%ZZ', 'a%2Fb', ''])}`]);
        headers[h] = pick(['system:admin', 'system:masters', 'system:serviceaccount:kube-system:default', 'system:serviceaccount::', '', ' ', '\t', 'x'.repeat(5000), 'system:node:n1']);
      }
      // (Paths the user may not read itself, so an ignored empty header still ends in 403.)
      code = await raw(c, pick(['/api/v1/namespaces/kube-system/secrets', '/apis/rbac.authorization.k8s.io/v1/clusterroles', '/api/v1/nodes']), headers, nobody);
    }
    record(code);
    // 431: a header beyond the listener's 16 KiB limit (a 70 kB token) is refused before any authentication.
    assert.ok([400, 401, 403, 431].includes(code), `request ${i} (${kind} ${path}) answered ${code}`);
  }
  assert.ok((seen.get(401) ?? 0) > 100, `mostly 401: ${JSON.stringify([...seen])}`);
  assert.equal(await raw(c, '/readyz', {}), 200);
  assert.equal(await raw(c, '/api/v1/namespaces', {}, { cert: c.cert, key: c.key }), 200);
});
