// The datastore the benchmark server runs on: the embedded SQLite default (in a temp dir), the
// in-memory driver, or any --datastore-endpoint the server accepts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../../src/datastore/backend.js';
import { openMemory } from '../../src/datastore/drivers/memory/memory-driver.js';
import { openBackend } from '../../src/datastore/open.js';

export async function openBenchBackend(kind: string): Promise<{ backend: Backend; describe: string }> {
  if (kind === 'memory') return { backend: await openMemory(''), describe: 'memory' };
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'k3ts-bench-'));
    return { backend: await openBackend('', { dataDir: dir }), describe: `sqlite (${dir}/server/db/state.db, WAL fdatasynced per commit)` };
  }
  return { backend: await openBackend(kind), describe: kind.replace(/\/\/[^@/]*@/, '//***@') };
}
