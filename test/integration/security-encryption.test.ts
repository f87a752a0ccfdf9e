/**
 * Secrets encryption at rest (`--secrets-encryption`) on `k3ts server` with SQLite: secrets are
 * unreadable in the database file and readable through the API with the real kubectl; and
 * `k3ts secrets-encrypt` (status, rotate-keys, disable, enable, prepare/rotate/reencrypt) keeps
 * every secret readable while keys change. Also the aesgcm and secretbox providers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runApp } from '../../src/cli/app.js';
import { startSecureCluster, type SecureCluster } from '../../src/apiserver/security/testing/cluster.js';
import { kubectlPath } from './harness.js';

const KUBECTL = kubectlPath(33) ?? 'kubectl';
const SECRET = 'topsecret-value';

/** Runs `k3ts secrets-encrypt ...` in process against the cluster. */
async function secretsEncrypt(c: SecureCluster, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const io = { app: 'k3ts', env: {}, stdout: { write: (s: string) => { out += s; } }, stderr: { write: (s: string) => { err += s; } } };
  const code = await runApp(['secrets-encrypt', ...args, '-d', c.dataDir, '--server', c.url], io);
  return { code, out, err };
}

/** The live values of every secret in the SQLite file, as stored. */
function storedSecrets(c: SecureCluster): Map<string, Buffer> {
  const db = new Database(join(c.dataDir, 'server', 'db', 'state.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT name, value FROM k3ts_log WHERE name LIKE '/registry/secrets/%' AND succ IS NULL AND deleted = 0").all() as { name: string; value: Buffer }[];
    return new Map(rows.map((r) => [r.name, r.value]));
  } finally {
    db.close();
  }
}

async function waitForStage(c: SecureCluster, stage: string): Promise<string> {
  let last = '';
  for (let i = 0; i < 100; i++) {
    last = (await secretsEncrypt(c, ['status'])).out;
    if (last.includes(`Current Rotation Stage: ${stage}`)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`stage ${stage} never came: ${last}`);
}

test('secrets are encrypted in the database, readable through the API, and survive key rotation and disable/enable', async (t) => {
  const c = await startSecureCluster(t, { args: ['--secrets-encryption'] });
  const k = (args: string[]) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL });
  const cred = join(c.dataDir, 'server', 'cred');
  assert.ok(existsSync(join(cred, 'encryption-config.json')));
  assert.match(readFileSync(join(cred, 'encryption-state.json'), 'utf8'), /^start-[0-9a-f]{64}$/);
  assert.equal((await k(['create', 'secret', 'generic', 'db', `--from-literal=password=${SECRET}`])).code, 0);
  assert.equal((await k(['create', 'configmap', 'plain', `--from-literal=password=${SECRET}`])).code, 0);
  for (let i = 0; i < 30; i++) assert.equal((await k(['create', 'secret', 'generic', `s${i}`, `--from-literal=n=${i}`])).code, 0);

  // Unreadable in the file (the config map, stored plain, shows the search works), readable through the API.
  const dbFiles = ['state.db', 'state.db-wal'].map((f) => join(c.dataDir, 'server', 'db', f)).filter(existsSync);
  const raw = Buffer.concat(dbFiles.map((f) => readFileSync(f)));
  assert.ok(raw.includes(Buffer.from(SECRET)), 'the config map is stored in the clear');
  const stored = storedSecrets(c);
  assert.ok(stored.size >= 31);
  for (const [name, value] of stored) {
    assert.ok(value.subarray(0, 32).toString('latin1').startsWith('k8s:enc:aescbc:v1:aescbckey:'), name);
    assert.ok(!value.includes(Buffer.from(Buffer.from(SECRET).toString('base64'))) && !value.includes(Buffer.from(SECRET)), name);
  }
  const read = async (name: string, key: string) => Buffer.from((await k(['get', 'secret', name, '-o', `jsonpath={.data.${key}}`])).stdout, 'base64').toString();
  assert.equal(await read('db', 'password'), SECRET);

  let status = await secretsEncrypt(c, ['status']);
  assert.equal(status.code, 0, status.err);
  assert.match(status.out, /^Encryption Status: Enabled\nCurrent Rotation Stage: start\nServer Encryption Hashes: All hashes match\n\nActive  Key Type  Name\n------  --------  ----\n \*      AES-CBC   aescbckey\n/);

  // rotate-keys: a new active key, every secret rewritten under it, the old key gone.
  const rotated = await secretsEncrypt(c, ['rotate-keys']);
  assert.equal(rotated.out, 'keys rotated, reencryption started\n', rotated.err);
  status = { code: 0, out: await waitForStage(c, 'reencrypt_finished'), err: '' };
  const active = /\*\s+AES-CBC\s+(\S+)/.exec(status.out)?.[1] ?? '';
  assert.match(active, /^aescbckey-\d{4}-\d\d-\d\dT/);
  assert.ok(!/\n\s+AES-CBC\s+aescbckey\n/.test(status.out), 'the old key was removed');
  for (const [name, value] of storedSecrets(c)) assert.ok(value.toString('latin1').startsWith(`k8s:enc:aescbc:v1:${active}:`), name);
  assert.equal(await read('db', 'password'), SECRET);
  for (let i = 0; i < 30; i++) assert.equal(await read(`s${i}`, 'n'), String(i));
  assert.equal((await secretsEncrypt(c, ['status', '-o', 'json'])).out.includes('"stage": "reencrypt_finished"'), true);

  // disable: secrets are rewritten in the clear; enable: encrypted again.
  assert.equal((await secretsEncrypt(c, ['disable'])).out, 'secrets-encryption disabled\n');
  status.out = await waitForStage(c, 'reencrypt_finished');
  assert.match(status.out, /Encryption Status: Disabled/);
  assert.ok([...storedSecrets(c).values()].every((v) => v.toString('latin1').startsWith('{')), 'stored plain');
  assert.equal(await read('db', 'password'), SECRET);
  assert.equal((await secretsEncrypt(c, ['enable'])).out, 'secrets-encryption enabled\n');
  await waitForStage(c, 'reencrypt_finished');
  assert.ok([...storedSecrets(c).values()].every((v) => v.toString('latin1').startsWith('k8s:enc:aescbc:v1:')), 'encrypted again');

  // The older three-step rotation, with its stage checks.
  assert.match((await secretsEncrypt(c, ['rotate'])).err, /incorrect stage: reencrypt_finished/);
  assert.equal((await secretsEncrypt(c, ['prepare'])).out, 'prepare completed successfully\n');
  assert.equal((await secretsEncrypt(c, ['rotate'])).out, 'rotate completed successfully\n');
  assert.equal((await secretsEncrypt(c, ['reencrypt'])).out, 'reencryption started\n');
  status.out = await waitForStage(c, 'reencrypt_finished');
  assert.equal([...status.out.matchAll(/AES-CBC/g)].length, 1, 'one key left');
  for (let i = 0; i < 30; i++) assert.equal(await read(`s${i}`, 'n'), String(i));
  assert.equal(await read('db', 'password'), SECRET);
  // Only the server token's user may use these endpoints.
  const r = await c.fetch('/v1-k3s/encrypt/status', { cert: { cert: c.cert, key: c.key } });
  assert.equal(r.status, 403);
});

for (const provider of ['aesgcm', 'secretbox']) {
  test(`the ${provider} provider encrypts secrets at rest`, async (t) => {
    const c = await startSecureCluster(t, { args: ['--secrets-encryption', `--secrets-encryption-provider=${provider}`] });
    assert.equal((await c.kubectl(c.kubeconfig, ['create', 'secret', 'generic', 'db', `--from-literal=password=${SECRET}`], { bin: KUBECTL })).code, 0);
    const value = storedSecrets(c).get('/registry/secrets/default/db');
    assert.ok(value?.toString('latin1').startsWith(`k8s:enc:${provider}:v1:${provider}key:`));
    assert.ok(value && !value.includes(Buffer.from(Buffer.from(SECRET).toString("base64"))));
    const got = (await c.kubectl(c.kubeconfig, ['get', 'secret', 'db', '-o', 'jsonpath={.data.password}'], { bin: KUBECTL })).stdout;
    assert.equal(Buffer.from(got, 'base64').toString(), SECRET);
    assert.match((await secretsEncrypt(c, ['status'])).out, provider === 'aesgcm' ? /AES-GCM\s+aesgcmkey/ : /XSalsa20-POLY1305\s+secretboxkey/);
  });
}
