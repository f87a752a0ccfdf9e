/**
 * @module `k3ts datastore migrate` run as the real program: copies the default SQLite datastore
 * of a data dir into PostgreSQL (or, without PostgreSQL here, into another SQLite file), and
 * refuses bad usage with a one-line message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBackend } from '../../src/datastore/open.js';
import { pgScratch, pgUnavailable } from '../../src/datastore/testing/sql-services.js';
import { dec, enc } from '../../src/datastore/testing/tap.js';

const bin = fileURLToPath(new URL('../../../bin/k3ts', import.meta.url));
const k3ts = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });

test('k3ts datastore migrate copies the default SQLite datastore into another datastore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-cli-migrate-'));
  const pg = (await pgUnavailable()) ? undefined : await pgScratch();
  try {
    const source = await openBackend('', { dataDir: dir });
    for (let i = 0; i < 50; i++) await source.create(`/registry/secrets/ns/s${i}`, enc(`secret ${i}`));
    await source.close();
    const to = pg?.endpoint ?? `sqlite://${join(dir, 'copy.db')}`;
    const run = k3ts('datastore', 'migrate', '--from', '', '--to', to, '--data-dir', dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /copied 50 keys from the sqlite datastore/);
    assert.ok(!`${run.stdout}${run.stderr}`.includes('k3ts:k3ts@'), 'the password was printed');
    const target = await openBackend(to);
    assert.equal((await target.list('/registry/')).count, 50);
    assert.equal(dec((await target.get('/registry/secrets/ns/s7')).kv!.value), 'secret 7');
    await target.close();
    const again = k3ts('datastore', 'migrate', '--from', '', '--to', to, '-d', dir);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already holds 50 keys/);
  } finally {
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('k3ts datastore refuses bad usage with one line', () => {
  const missing = k3ts('datastore', 'migrate', '--to', 'sqlite:///tmp/x.db');
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr.trim(), 'k3ts: --from is required ("" names the default SQLite datastore)');
  const unknown = k3ts('datastore', 'compact');
  assert.match(unknown.stderr, /unknown datastore command "compact"/);
  const nofile = k3ts('datastore', 'migrate', '--from', 'sqlite:///nonexistent/state.db', '--to', 'memory://');
  assert.match(nofile.stderr, /--from: no SQLite datastore at \/nonexistent\/state.db/);
  assert.equal(k3ts('datastore', '--help').status, 0);
});
