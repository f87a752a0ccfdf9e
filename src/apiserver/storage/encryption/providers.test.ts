import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { decryptWith, encryptWith, isCurrent, type Provider } from './providers.js';
import { formatConfig, parseConfig } from './config.js';

const key = (name: string, size = 32) => ({ name, secret: randomBytes(size) });

test('encryptWith() and decryptWith() round-trip every provider, by key name with colons too', () => {
  for (const type of ['aescbc', 'aesgcm', 'secretbox'] as const) {
    const p: Provider = { type, keys: [key('k-2026-01-01T00:00:00Z'), key('old')] };
    const plain = Buffer.from('{"kind":"Secret","data":{"a":"Yg=="}}');
    const stored = encryptWith(p, plain, '/registry/secrets/ns/a');
    assert.ok(Buffer.from(stored).toString('latin1').startsWith(`k8s:enc:${type}:v1:k-2026-01-01T00:00:00Z:`));
    assert.ok(!Buffer.from(stored).includes(plain));
    assert.deepEqual(Buffer.from(decryptWith([p], stored, '/registry/secrets/ns/a')), plain);
    assert.equal(isCurrent(p, stored), true);
    assert.equal(isCurrent({ type, keys: p.keys.slice(1) }, stored), false);
    assert.throws(() => decryptWith([{ type, keys: [key('other')] }], stored, '/registry/secrets/ns/a'), /no matching key was found/);
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 0xff;
    if (type !== 'aescbc') assert.throws(() => decryptWith([p], tampered, '/registry/secrets/ns/a'));
  }
  // AES-GCM authenticates the storage key: a value moved to another key does not decrypt.
  const gcm: Provider = { type: 'aesgcm', keys: [key('g')] };
  assert.throws(() => decryptWith([gcm], encryptWith(gcm, Buffer.from('x'), '/registry/secrets/a/b'), '/registry/secrets/a/c'));
  // Plain values read as they are.
  assert.deepEqual(Buffer.from(decryptWith([gcm], Buffer.from('{}'), 'k')), Buffer.from('{}'));
});

test('parseConfig() reads what formatConfig() writes and refuses what k3s would not write', () => {
  const s = { keyed: { type: 'aescbc' as const, keys: [key('aescbckey'), key('aescbckey-2')] }, enabled: false };
  const text = formatConfig(s);
  assert.match(text, /^\{"kind":"EncryptionConfiguration","apiVersion":"apiserver.config.k8s.io\/v1","resources":\[\{"resources":\["secrets"\],"providers":\[\{"identity":\{\}\},\{"aescbc":/);
  const back = parseConfig(text, 'f');
  assert.equal(back.enabled, false);
  assert.deepEqual(back.keyed.keys.map((k) => k.name), ['aescbckey', 'aescbckey-2']);
  assert.deepEqual(back.keyed.keys[0]?.secret, s.keyed.keys[0]?.secret);
  assert.throws(() => parseConfig('{', 'f'), /f: not valid JSON/);
  assert.throws(() => parseConfig('{"resources":[{"providers":[{"kms":{}},{"identity":{}}]}]}', 'f'), /unsupported provider "kms"/);
  assert.throws(() => parseConfig('{"resources":[{"providers":[{"secretbox":{"keys":[{"name":"a","secret":"AAAA"}]}},{"identity":{}}]}]}', 'f'), /key a has 3 bytes/);
});
