/**
 * @module A database that goes away while servers run on it (real PostgreSQL, MariaDB and etcd):
 * requests fail with DatastoreUnavailableError (which names no password), both stores recover
 * by themselves when it returns, every acknowledged write is still there, and the second
 * store's watch delivers them all in order with no gap. Only this test's own database is
 * cut off (connections refused and killed), so other tests sharing the server are unaffected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatastoreUnavailableError, type Backend } from '../../src/datastore/backend.js';
import { openBackend } from '../../src/datastore/open.js';
import { etcdUnavailable, startEtcd } from '../../src/datastore/testing/etcd-server.js';
import {
  mysqlAdmin, mysqlScratch, mysqlTestEndpoint, mysqlUnavailable, pgAdmin, pgScratch, pgUnavailable, scratchName,
} from '../../src/datastore/testing/sql-services.js';
import { enc, Tap, waitFor } from '../../src/datastore/testing/tap.js';

interface Outage {
  open(): Promise<Backend>;
  down(): Promise<void>;
  up(): Promise<void>;
  /** Text that must not appear in errors (a password). */
  secret?: string;
}

async function survive(o: Outage): Promise<void> {
  const writer = await o.open();
  const watcher = await o.open();
  const tap = new Tap((signal) => watcher.watch('/o/', { fromRevision: 1, signal }));
  const acked = new Map<number, string>();
  let n = 0;
  const write = async (): Promise<void> => {
    const key = `/o/${n++}`;
    acked.set((await writer.create(key, enc(key))).revision, key);
  };
  try {
    for (let i = 0; i < 10; i++) await write();
    await o.down();
    let failure: unknown;
    await waitFor(async () => {
      try { await write(); } catch (err) { failure = err; }
      return failure !== undefined;
    }, 'a write to fail while the database is away', 60_000);
    assert.ok(failure instanceof DatastoreUnavailableError, `got ${String(failure)}`);
    if (o.secret) assert.ok(!failure.message.includes(o.secret), failure.message);
    await assert.rejects(writer.get('/o/0'), DatastoreUnavailableError);
    await o.up();
    await waitFor(async () => {
      try { await write(); return true; } catch (err) { assert.ok(err instanceof DatastoreUnavailableError, String(err)); return false; }
    }, 'writes to succeed again', 60_000);
    for (let i = 0; i < 10; i++) await write();
    const listed = await writer.list('/o/');
    for (const [rev, key] of acked) assert.equal(listed.items.find((kv) => kv.key === key)?.modRevision, rev, `${key} lost`);
    const last = Math.max(...acked.keys());
    await waitFor(() => tap.events.some((e) => e.kv.modRevision === last), 'the watcher to catch up', 60_000);
    const revs = tap.events.map((e) => e.kv.modRevision);
    revs.forEach((r, i) => { if (i > 0) assert.equal(r, revs[i - 1]! + 1, `watch gap or duplicate after ${revs[i - 1]}`); });
    for (const [rev, key] of acked) assert.equal(tap.events.find((e) => e.kv.modRevision === rev)?.kv.key, key);
  } finally {
    await tap.close();
    await writer.close();
    await watcher.close();
  }
}

test('a PostgreSQL outage fails requests, then both stores recover with nothing lost', async (t) => {
  const why = await pgUnavailable();
  if (why) return t.skip(why);
  const db = await pgScratch();
  const cut = (allow: boolean) => pgAdmin(async (c) => {
    await c.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS ${allow}`);
    if (!allow) await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db.name]);
  });
  try {
    await survive({ open: () => openBackend(db.endpoint, { tuning: { pollIntervalMs: 200 } }), down: () => cut(false), up: () => cut(true), secret: 'k3ts:k3ts' });
  } finally {
    await cut(true).catch(() => undefined);
    await db.drop();
  }
});

test('a MariaDB outage fails requests, then both stores recover with nothing lost', async (t) => {
  const why = await mysqlUnavailable();
  if (why) return t.skip(why);
  const db = await mysqlScratch();
  const user = scratchName().replace('k3ts_t_', 'k3o_').slice(0, 32);
  const secret = `pw-${user}`;
  const hosts = ['localhost', '127.0.0.1'];
  await mysqlAdmin(async (c) => {
    for (const h of hosts) {
      await c.query(`CREATE USER '${user}'@'${h}' IDENTIFIED BY '${secret}'`);
      await c.query(`GRANT ALL ON ${db.name}.* TO '${user}'@'${h}'`);
    }
  });
  const endpoint = db.endpoint.replace(/^mysql:\/\/[^@]*@/, `mysql://${user}:${secret}@`);
  const lock = (locked: boolean) => mysqlAdmin(async (c) => {
    for (const h of hosts) await c.query(`ALTER USER '${user}'@'${h}' ACCOUNT ${locked ? 'LOCK' : 'UNLOCK'}`);
    if (!locked) return;
    const [rows] = await c.query('SELECT ID AS id FROM information_schema.PROCESSLIST WHERE USER = ?', [user]);
    for (const r of rows as { id: number }[]) await c.query(`KILL ${r.id}`).catch(() => undefined);
  });
  try {
    assert.ok(mysqlTestEndpoint);
    await survive({ open: () => openBackend(endpoint, { tuning: { pollIntervalMs: 100 } }), down: () => lock(true), up: () => lock(false), secret });
  } finally {
    await lock(false).catch(() => undefined);
    await mysqlAdmin(async (c) => { for (const h of hosts) await c.query(`DROP USER IF EXISTS '${user}'@'${h}'`); });
    await db.drop();
  }
});

test('an etcd crash fails requests, then both stores recover with nothing lost', { skip: etcdUnavailable() }, async () => {
  const etcd = await startEtcd();
  try {
    await survive({ open: () => openBackend(etcd.endpoint), down: () => etcd.kill(true), up: () => etcd.restart() });
  } finally {
    await etcd.stop();
  }
});
