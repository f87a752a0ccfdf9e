import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDb } from './sqlite-db.js';

test('SqliteDb syncs the WAL off the main thread and acknowledges commits in order', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-sqlitedb-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'state.db');
  const db = new SqliteDb(path, { writerPragmas: ['journal_mode = WAL', 'synchronous = NORMAL'], readerPragmas: [], syncWal: `${path}-wal` });
  await db.query('CREATE TABLE t (n INTEGER)');
  const acked: number[] = [];
  await Promise.all(Array.from({ length: 50 }, (_, i) => db.transaction(async (tx) => {
    await tx.query('INSERT INTO t (n) VALUES (?)', [i]);
    return i;
  }).then((n) => acked.push(n))));
  assert.deepEqual(acked, Array.from({ length: 50 }, (_, i) => i));
  await db.close();
  const again = new SqliteDb(path, { writerPragmas: [], readerPragmas: [] });
  assert.deepEqual(await again.query('SELECT COUNT(*) AS c FROM t'), [{ c: 50 }]);
  await again.close();
});

test('SqliteDb reports a WAL it cannot sync as a datastore error', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-sqlitedb-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'state.db');
  const db = new SqliteDb(path, { writerPragmas: ['journal_mode = WAL', 'synchronous = NORMAL'], readerPragmas: [], syncWal: join(dir, 'missing', 'wal') });
  await assert.rejects(db.transaction(async (tx) => { await tx.query('CREATE TABLE t (n INTEGER)'); }), /sqlite: syncing the WAL failed/);
  await db.close();
});
