/** @module migrate() between the in-process drivers (memory → SQLite); real databases: test/integration. */
import { test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMemory } from './drivers/memory/memory-driver.js';
import { openSqlite } from './drivers/sqlite/sqlite-driver.js';
import { checkMigration } from './testing/migration-check.js';

test('migrate() copies the live keys of a memory store into SQLite, TTLs included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-migrate-'));
  const from = await openMemory('');
  const to = await openSqlite(join(dir, 'state.db'));
  try {
    await checkMigration(from, to);
  } finally {
    await from.close();
    await to.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
