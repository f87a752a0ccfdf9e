/**
 * @module Start-up failures of external datastores against the real services: a malformed
 * endpoint, an unreachable server and a wrong password each give a clear error naming the
 * endpoint with its password masked; the password appears in no error, cause or log line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { ConfigError } from '../../src/base/errors.js';
import { setLogSink } from '../../src/base/log.js';
import { DatastoreUnavailableError } from '../../src/datastore/backend.js';
import { openBackend } from '../../src/datastore/open.js';
import { etcdUnavailable, freePort } from '../../src/datastore/testing/etcd-server.js';
import { mysqlTestEndpoint, mysqlUnavailable, pgTestEndpoint, pgUnavailable } from '../../src/datastore/testing/sql-services.js';

const SECRET = 'S3cr3t-Pa55w0rd';

/** Opens `endpoint`, expecting failure; returns the error and every log line written meanwhile. */
async function failingOpen(endpoint: string): Promise<{ err: unknown; logs: string }> {
  let logs = '';
  const prev = setLogSink({ write: (l) => { logs += l; } });
  try {
    await openBackend(endpoint, { tuning: { pollIntervalMs: 0 } });
    assert.fail(`opening ${endpoint.replace(SECRET, '***')} should fail`);
  } catch (err) {
    return { err, logs };
  } finally {
    setLogSink(prev);
  }
}

function assertNoSecret(err: unknown, logs: string): void {
  for (const text of [String(err), (err as Error).stack ?? '', inspect(err, { depth: 10 }), JSON.stringify(err), logs]) {
    assert.ok(!text.includes(SECRET), `the password leaked: ${text}`);
  }
}

const withPassword = (endpoint: string): string => endpoint.replace(/:\/\/([^:@/]+):[^@]*@/, `://$1:${SECRET}@`);

test('openBackend() rejects a malformed endpoint with a ConfigError that masks the password', async () => {
  for (const bad of [`postgres://k3ts:${SECRET}@[::1/db`, `mysql://k3ts:${SECRET}@tcp(host:port/db`, `redis://k3ts:${SECRET}@h`]) {
    const { err, logs } = await failingOpen(bad);
    assert.ok(err instanceof ConfigError, String(err));
    assert.match(err.message, /k3ts:\*\*\*@/);
    assertNoSecret(err, logs);
  }
});

test('openBackend() names an unreachable PostgreSQL, MySQL and etcd without their passwords', async () => {
  const port = await freePort();
  for (const endpoint of [`postgres://k3ts:${SECRET}@127.0.0.1:${port}/db`, `mysql://k3ts:${SECRET}@tcp(127.0.0.1:${port})/db`, `http://127.0.0.1:${port}`]) {
    const { err, logs } = await failingOpen(endpoint);
    assert.ok(err instanceof DatastoreUnavailableError, String(err));
    assert.match(err.message, /^cannot connect to datastore /);
    assert.ok(err.message.includes(`127.0.0.1`), err.message);
    assertNoSecret(err, logs);
  }
});

test('openBackend() reports a wrong PostgreSQL password clearly', async (t) => {
  const why = await pgUnavailable();
  if (why) return t.skip(why);
  const { err, logs } = await failingOpen(withPassword(pgTestEndpoint));
  assert.ok(err instanceof DatastoreUnavailableError, String(err));
  assert.match(err.message, /cannot connect to datastore postgres:\/\/k3ts:\*\*\*@.*authentication failed/);
  assertNoSecret(err, logs);
});

test('openBackend() reports a wrong MySQL password clearly', async (t) => {
  const why = await mysqlUnavailable();
  if (why) return t.skip(why);
  const { err, logs } = await failingOpen(withPassword(mysqlTestEndpoint));
  assert.ok(err instanceof DatastoreUnavailableError, String(err));
  assert.match(err.message, /cannot connect to datastore mysql:\/\/k3ts:\*\*\*@.*authentication failed/);
  assertNoSecret(err, logs);
});

test('openBackend() on etcd needs a reachable member', { skip: etcdUnavailable() }, async () => {
  const port = await freePort();
  const { err } = await failingOpen(`http://127.0.0.1:${port},http://127.0.0.1:${port + 1}`);
  assert.ok(err instanceof DatastoreUnavailableError);
  assert.match(err.message, /cannot connect to datastore http:\/\/127\.0\.0\.1/);
});
