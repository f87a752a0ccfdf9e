/**
 * @module Several servers on one external datastore (PostgreSQL) share the cluster's CA, keys and
 * join passwords through the bootstrap data, as k3s servers do: both answer with certificates of
 * one CA, a service-account token minted by one is accepted by the other, and a server started
 * without the token, or with another one, is refused with a clear error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer } from '../../src/server/testing/fixture.js';
import { pgScratch, pgUnavailable } from '../../src/datastore/testing/sql-services.js';
import { runKubectl } from '../../src/apiserver/testing/kubectl.js';
import { kubectlPath } from './harness.js';

const bin = kubectlPath(33);

const skip = bin ? await pgUnavailable() : 'kubectl 1.33 is not installed';

async function kubectl(s: { kubeconfig: string; dataDir: string }, args: readonly string[]): Promise<string> {
  const r = await runKubectl(bin ?? 'kubectl', { kubeconfig: s.kubeconfig, dir: join(s.dataDir, '..') }, args);
  assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

test('two servers on one PostgreSQL share the CA, the service-account key and the token', { skip: skip ?? false }, async (t) => {
  const db = await pgScratch();
  t.after(() => db.drop());
  const args = ['--datastore-endpoint', db.endpoint, '--token', 'ha-secret'];
  const a = await startTestServer(t, { args });
  const b = await startTestServer(t, { args });
  const file = (s: { dataDir: string }, name: string) => readFileSync(join(s.dataDir, 'server', name), 'utf8');
  assert.equal(file(b, 'tls/server-ca.crt'), file(a, 'tls/server-ca.crt'));
  assert.equal(file(b, 'tls/client-ca.key'), file(a, 'tls/client-ca.key'));
  assert.equal(file(b, 'tls/service.key'), file(a, 'tls/service.key'));
  assert.equal(file(b, 'token'), file(a, 'token'), 'one token (one CA hash) for the whole cluster');
  // An object written through one server is served by the other, and a token minted by one authenticates on the other.
  await kubectl(a, ['create', 'serviceaccount', 'robot']);
  const token = (await kubectl(a, ['create', 'token', 'robot'])).trim();
  // A kubeconfig for server B holding only the CA and that bearer token (no client certificate).
  const tokenOnly = join(b.dataDir, '..', 'token-only.yaml');
  writeFileSync(tokenOnly, `apiVersion: v1\nkind: Config\nclusters: [{name: b, cluster: {server: '${b.url}', certificate-authority-data: ${Buffer.from(b.ca).toString('base64')}}}]\n` +
    `users: [{name: robot, user: {token: ${token}}}]\ncontexts: [{name: b, context: {cluster: b, user: robot}}]\ncurrent-context: b\n`);
  const who = await kubectl({ kubeconfig: tokenOnly, dataDir: b.dataDir }, ['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}']);
  assert.equal(who, 'system:serviceaccount:default:robot');
  // The admin kubeconfig of one server works against the other (same client CA, same server CA).
  const crossed = join(a.dataDir, '..', 'crossed.yaml');
  writeFileSync(crossed, readFileSync(a.kubeconfig, 'utf8').replace(a.url, b.url));
  assert.match(await kubectl({ kubeconfig: crossed, dataDir: a.dataDir }, ['get', 'sa', 'robot', '-o', 'name']), /serviceaccount\/robot/);

  await assert.rejects(startTestServer(t, { args: ['--datastore-endpoint', db.endpoint] }), /--token set to the token of the cluster's first server/);
  await assert.rejects(startTestServer(t, { args: ['--datastore-endpoint', db.endpoint, '--token', 'other'] }), /encrypted with a different token/);
});
