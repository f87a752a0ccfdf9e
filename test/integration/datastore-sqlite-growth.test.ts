/**
 * @module The SQLite database stops growing under steady churn (the lease-renewal pattern that
 * grows kine databases to gigabytes): with automatic compaction on a fast interval, the file
 * sizes level off, while the same load without compaction keeps growing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../../src/datastore/backend.js';
import { openBackend } from '../../src/datastore/open.js';
import { pool } from '../../src/datastore/testing/conformance-load.js';
import { waitFor } from '../../src/datastore/testing/tap.js';

const KEYS = 50;
const ROUNDS = 8;
const PER_ROUND = 1500;
const MIN_RETAIN = 300;

const size = (path: string): number => {
  try { return statSync(path).size; } catch { return 0; }
};

/** Updates KEYS keys round after round; returns the database file size after each round. */
async function churn(store: Backend, path: string, compacting: boolean): Promise<{ db: number[]; wal: number[] }> {
  const value = new Uint8Array(1024).fill(7);
  const revs = new Map<string, number>();
  for (let k = 0; k < KEYS; k++) revs.set(`/registry/leases/node-${k}`, (await store.create(`/registry/leases/node-${k}`, value)).revision);
  const db: number[] = [], wal: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await pool(PER_ROUND, 16, async (i) => {
      const key = `/registry/leases/node-${i % KEYS}`;
      // Several writers share a key: retry on conflict as kube-apiserver's GuaranteedUpdate does.
      for (;;) {
        try {
          revs.set(key, (await store.update(key, value, { expectedModRevision: revs.get(key)! })).revision);
          return;
        } catch {
          revs.set(key, (await store.get(key)).kv!.modRevision);
        }
      }
    });
    if (compacting) {
      const current = await store.currentRevision();
      await waitFor(async () => (await store.compactRevision()) >= current - MIN_RETAIN, 'compaction to catch up');
    }
    db.push(size(path));
    wal.push(size(`${path}-wal`));
  }
  return { db, wal };
}

test('SQLite file sizes level off under steady updates with automatic compaction', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-growth-'));
  try {
    const compacted = join(dir, 'compacted.db');
    const a = await openBackend(`sqlite://${compacted}`, { tuning: { compaction: { intervalMs: 50, minRetain: MIN_RETAIN } } });
    const withCompaction = await churn(a, compacted, true);
    await a.close();
    const plain = join(dir, 'plain.db');
    const b = await openBackend(`sqlite://${plain}`, { tuning: { compaction: { intervalMs: 0 } } });
    const without = await churn(b, plain, false);
    await b.close();
    t.diagnostic(`db bytes per round, compacted: ${withCompaction.db.join(' ')}; wal: ${withCompaction.wal.join(' ')}`);
    t.diagnostic(`db bytes per round, no compaction: ${without.db.join(' ')}`);
    // Sizes wobble with how far compaction lagged when the round ended, but do not trend up.
    const settled = withCompaction.db[2]!;
    for (const s of withCompaction.db.slice(3)) assert.ok(s <= settled * 1.5, `db grew after settling: ${withCompaction.db.join(', ')}`);
    for (const s of withCompaction.wal) assert.ok(s < 16 << 20, `WAL not checkpointed: ${withCompaction.wal.join(', ')}`);
    // The control: the same churn without compaction keeps growing.
    assert.ok(without.db[ROUNDS - 1]! > 2 * without.db[2]!, `control did not grow: ${without.db.join(', ')}`);
    assert.ok(without.db[ROUNDS - 1]! > 3 * withCompaction.db[ROUNDS - 1]!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
