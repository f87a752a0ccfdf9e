/**
 * @module Crash safety of the SQLite datastore: a child process writing with 64 writers is
 * SIGKILLed mid-load; after reopening, every write it acknowledged is there, and a watcher
 * replaying from revision 1 sees every revision up to the current one, with no hole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openBackend } from '../../src/datastore/open.js';
import { Tap } from '../../src/datastore/testing/tap.js';

const writer = fileURLToPath(new URL('../../src/datastore/testing/crash-writer.js', import.meta.url));

test('SQLite keeps every acknowledged write and a hole-free history across a SIGKILL', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-crash-'));
  const path = join(dir, 'state.db');
  try {
    const child = spawn(process.execPath, [writer, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const acked: { op: string; key: string; revision: number }[] = [];
    const lines = createInterface({ input: child.stdout });
    for await (const line of lines) {
      const [op, key, rev] = line.split(' ');
      if (op === 'ready' || !key) continue;
      acked.push({ op: op!, key, revision: Number(rev) });
      // Kill in the middle of the load, once plenty of writes are acknowledged.
      if (acked.length === 3000) child.kill('SIGKILL');
    }
    assert.equal(await exited, 'SIGKILL', 'the writer was killed, not finished');
    t.diagnostic(`${acked.length} writes acknowledged before the kill`);

    const store = await openBackend(`sqlite://${path}`, { tuning: { compaction: { intervalMs: 0 } } });
    try {
      const current = await store.currentRevision();
      const maxAcked = Math.max(...acked.map((a) => a.revision));
      assert.ok(current >= maxAcked, `current ${current} < acknowledged ${maxAcked}`);
      for (const a of acked.filter((x) => x.op === 'create' && x.key.includes('obj'))) {
        assert.equal((await store.get(a.key)).kv?.createRevision, a.revision, `${a.key} lost`);
      }
      const tap = new Tap((signal) => store.watch('/', { fromRevision: 1, signal }));
      const events = await tap.take(current);
      await tap.close();
      events.forEach((e, i) => assert.equal(e.kv.modRevision, i + 1, `hole or duplicate at revision ${i + 1}`));
      const byRevision = new Map(events.map((e) => [e.kv.modRevision, e]));
      for (const a of acked) {
        const e = byRevision.get(a.revision);
        assert.equal(e?.kv.key, a.key, `acknowledged ${a.op} of ${a.key} at ${a.revision} missing from history`);
      }
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
