/**
 * @module Migration between real backends: SQLite → PostgreSQL (the move k3s users make when
 * they outgrow one server) and etcd → SQLite (the way back k3s lacks).
 */
import { test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../src/datastore/open.js';
import { etcdUnavailable, startEtcd } from '../../src/datastore/testing/etcd-server.js';
import { checkMigration } from '../../src/datastore/testing/migration-check.js';
import { pgScratch, pgUnavailable } from '../../src/datastore/testing/sql-services.js';

test('migrate() copies a SQLite datastore into PostgreSQL', async (t) => {
  const why = await pgUnavailable();
  if (why) return t.skip(why);
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-migrate-'));
  const db = await pgScratch();
  const from = await openBackend(`sqlite://${join(dir, 'state.db')}`);
  const to = await openBackend(db.endpoint);
  try {
    await checkMigration(from, to);
  } finally {
    await from.close();
    await to.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migrate() copies an etcd datastore into SQLite', { skip: etcdUnavailable() }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-migrate-'));
  const etcd = await startEtcd();
  const from = await openBackend(etcd.endpoint);
  const to = await openBackend(`sqlite://${join(dir, 'state.db')}`);
  try {
    await checkMigration(from, to, 400);
  } finally {
    await from.close();
    await to.close();
    await etcd.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
