import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { credentialPaths, ensureServerCredentials } from './credentials.js';
import { caHash, parseToken } from './token.js';
import { tempDir } from '../base/testing/tmp.js';

const caBundle = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

test('ensureServerCredentials() generates a token, writes k3s\'s files and reuses them', async (t) => {
  const dir = tempDir(t, 'k3ts-cred-');
  const a = await ensureServerCredentials(dir, { caBundle });
  const p = credentialPaths(dir);
  assert.match(a.serverToken, new RegExp(`^K10${caHash(caBundle)}::server:[0-9a-f]{32}$`));
  assert.equal(readFileSync(p.token, 'utf8'), `${a.serverToken}\n`);
  assert.equal(statSync(p.token).mode & 0o777, 0o600);
  assert.equal(readlinkSync(p.nodeToken), p.token);
  assert.equal(readlinkSync(p.agentToken), p.token);
  assert.equal(readFileSync(p.passwd, 'utf8'), `${a.serverPassword},server,server,k3s:server\n${a.serverPassword},node,node,k3s:agent\n`);
  const b = await ensureServerCredentials(dir, { caBundle });
  assert.equal(b.serverToken, a.serverToken);
});

test('ensureServerCredentials() honours a short --token and a full token for the same CA', async (t) => {
  const dir = tempDir(t, 'k3ts-cred-');
  const a = await ensureServerCredentials(dir, { caBundle, token: { parsed: parseToken('s3cret'), source: '--token' } });
  assert.equal(a.serverToken, `K10${caHash(caBundle)}::server:s3cret`);
  const b = await ensureServerCredentials(dir, { caBundle, token: { parsed: parseToken(a.serverToken), source: '--token' } });
  assert.equal(b.serverToken, a.serverToken);
});

test('ensureServerCredentials() refuses a full token whose CA hash does not match', async (t) => {
  const dir = tempDir(t, 'k3ts-cred-');
  const other = `K10${caHash('another CA')}::server:s3cret`;
  await assert.rejects(ensureServerCredentials(dir, { caBundle, token: { parsed: parseToken(other), source: '--token' } }),
    /the token given by --token is for another cluster: its CA hash does not match/);
});

test('ensureServerCredentials() refuses a different token on restart', async (t) => {
  const dir = tempDir(t, 'k3ts-cred-');
  await ensureServerCredentials(dir, { caBundle, token: { parsed: parseToken('first'), source: '--token' } });
  await assert.rejects(ensureServerCredentials(dir, { caBundle, token: { parsed: parseToken('second'), source: '$K3S_TOKEN (for --token)' } }),
    /\$K3S_TOKEN \(for --token\) does not match the token this server was created with/);
});

test('ensureServerCredentials() writes its own agent-token with --agent-token', async (t) => {
  const dir = tempDir(t, 'k3ts-cred-');
  const a = await ensureServerCredentials(dir, { caBundle, agentToken: { parsed: parseToken('agentsecret'), source: '--agent-token' } });
  const p = credentialPaths(dir);
  assert.equal(lstatSync(p.agentToken).isSymbolicLink(), false);
  assert.equal(readFileSync(p.agentToken, 'utf8'), `K10${caHash(caBundle)}::node:agentsecret\n`);
  assert.equal(a.nodePassword, 'agentsecret');
  await ensureServerCredentials(dir, { caBundle });
  assert.equal(readlinkSync(p.agentToken), p.token);
});
