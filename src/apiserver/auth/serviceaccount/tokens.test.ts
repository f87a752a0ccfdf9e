import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import type { KubeObject } from '../../../api/meta/object.js';
import { keyId, parseJwt, signJwt, verifyJwt } from '../jwt.js';
import { BootstrapTokenAuthenticator } from '../bootstrap-token.js';
import { ServiceAccountTokens } from './tokens.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

test('signJwt() and verifyJwt() agree on RS256 and ES256; the header cannot pick another algorithm', () => {
  for (const k of [rsa, ec]) {
    const t = signJwt({ a: 1 }, k.privateKey, { kid: keyId(k.publicKey) });
    const p = parseJwt(t);
    assert.ok(p);
    assert.equal(p.header.kid, keyId(k.publicKey));
    assert.equal(verifyJwt(p, [k.publicKey]), true);
  }
  const t = signJwt({ a: 1 }, rsa.privateKey);
  assert.equal(verifyJwt(parseJwt(t)!, [ec.publicKey]), false);
  const [, c, sig] = t.split('.');
  // alg "none" with any signature never verifies against an RSA key.
  const none = parseJwt(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${c ?? ''}.${sig ?? ''}`);
  assert.ok(none);
  assert.equal(verifyJwt(none, [rsa.publicKey]), false);
  for (const junk of ['', 'a', 'a.b', 'a.b.c.d', '!.!.!', `${'a'.repeat(70_000)}.b.c`]) assert.equal(parseJwt(junk), undefined, junk);
});

function lookup(objects: Record<string, KubeObject>) {
  const get = (k: string) => Promise.resolve(objects[k]);
  return { serviceAccount: (ns: string, n: string) => get(`sa/${ns}/${n}`), secret: (ns: string, n: string) => get(`secret/${ns}/${n}`), pod: (ns: string, n: string) => get(`pod/${ns}/${n}`), node: (n: string) => get(`node/${n}`) };
}

test('ServiceAccountTokens checks expiry, audiences and the objects a token is bound to', async () => {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const objects: Record<string, KubeObject> = {
    'sa/ns/bot': { metadata: { name: 'bot', uid: 'sa-1' } },
    'pod/ns/p': { metadata: { name: 'p', uid: 'pod-1' } },
  };
  const tokens = new ServiceAccountTokens({ privateKey: rsa.privateKey, issuer: 'https://k', apiAudiences: ['https://k', 'k3s'], lookup: lookup(objects), now: () => now });
  const { token } = tokens.issueBound({ namespace: 'ns', serviceAccount: { name: 'bot', uid: 'sa-1' }, audiences: [], expirationSeconds: 600, pod: { name: 'p', uid: 'pod-1' } });
  const ok = await tokens.authenticateToken(token, []);
  assert.ok(ok && 'user' in ok);
  assert.equal(ok.user.name, 'system:serviceaccount:ns:bot');
  assert.deepEqual(ok.user.groups, ['system:serviceaccounts', 'system:serviceaccounts:ns']);
  assert.deepEqual(ok.user.extra?.['authentication.kubernetes.io/pod-uid'], ['pod-1']);
  assert.deepEqual(ok.audiences, ['https://k', 'k3s']);
  const other = await tokens.authenticateToken(token, ['vault']);
  assert.ok(other && 'error' in other);
  now += 12 * 60_000;
  assert.match(JSON.stringify(await tokens.authenticateToken(token, [])), /expired/);
  now -= 12 * 60_000;
  objects['pod/ns/p'] = { metadata: { name: 'p', uid: 'pod-2' } };
  assert.match(JSON.stringify(await tokens.authenticateToken(token, [])), /does not match/);
  delete objects['pod/ns/p'];
  assert.match(JSON.stringify(await tokens.authenticateToken(token, [])), /has been deleted/);
  // Another issuer's token is not this authenticator's business.
  assert.equal(await tokens.authenticateToken(signJwt({ iss: 'elsewhere' }, rsa.privateKey), []), undefined);
});

test('ServiceAccountTokens accepts a legacy token only while its secret holds it', async () => {
  const objects: Record<string, KubeObject> = { 'sa/ns/bot': { metadata: { name: 'bot', uid: 'sa-1' } } };
  const tokens = new ServiceAccountTokens({ privateKey: rsa.privateKey, issuer: 'https://k', apiAudiences: ['k3s'], lookup: lookup(objects) });
  const legacy = tokens.issueLegacy('ns', { name: 'bot', uid: 'sa-1' }, 'bot-token');
  assert.match(JSON.stringify(await tokens.authenticateToken(legacy, [])), /no longer holds/);
  objects['secret/ns/bot-token'] = { metadata: { name: 'bot-token' }, data: { token: Buffer.from(legacy).toString('base64') } };
  const ok = await tokens.authenticateToken(legacy, []);
  assert.ok(ok && 'user' in ok);
});

test('BootstrapTokenAuthenticator checks the secret, expiry, usage and extra groups', async () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const secrets: Record<string, KubeObject> = {
    'bootstrap-token-abcdef': { metadata: { name: 'x' }, type: 'bootstrap.kubernetes.io/token', data: { 'token-id': b64('abcdef'), 'token-secret': b64('0123456789abcdef'), 'usage-bootstrap-authentication': b64('true'), 'auth-extra-groups': b64('system:bootstrappers:worker') } },
    'bootstrap-token-bbbbbb': { metadata: { name: 'x' }, type: 'bootstrap.kubernetes.io/token', data: { 'token-id': b64('bbbbbb'), 'token-secret': b64('0123456789abcdef'), 'usage-bootstrap-authentication': b64('true'), 'auth-extra-groups': b64('system:masters') } },
  };
  const a = new BootstrapTokenAuthenticator({ secret: (n) => Promise.resolve(secrets[n]), apiAudiences: ['k3s'] });
  const ok = await a.authenticateToken('abcdef.0123456789abcdef', []);
  assert.ok(ok && 'user' in ok);
  assert.deepEqual(ok.user.groups, ['system:bootstrappers', 'system:bootstrappers:worker']);
  assert.ok('error' in ((await a.authenticateToken('abcdef.0123456789abcdeX', [])) ?? { error: '' }));
  assert.ok('error' in ((await a.authenticateToken('bbbbbb.0123456789abcdef', [])) ?? { error: '' }), 'system:masters is not a bootstrap group');
  assert.equal(await a.authenticateToken('not-a-bootstrap-token', []), undefined);
});
