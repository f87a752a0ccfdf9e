/** @module Smoke run of bench/apiserver in its quick mode on the memory datastore: it runs, every request succeeds, and it prints JSON and a table. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../src/base/testing/paths.js';

test('bench/apiserver --quick prints its report with no failed request', () => {
  const r = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'bench', 'apiserver', 'main.js'), '--backend', 'memory', '--quick'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  const [json, ...table] = r.stdout.trim().split('\n');
  const report = JSON.parse(json ?? '{}') as { creates: { perSec: number; errors: number }; gets: { errors: number }; mixed: { errors: number }; watchFanout: { watchers: number; received: number }; serverRssMb: number };
  assert.ok(report.creates.perSec > 0);
  assert.equal(report.creates.errors + report.gets.errors + report.mixed.errors, 0);
  assert.equal(report.watchFanout.received, report.watchFanout.watchers);
  assert.ok(report.serverRssMb > 0);
  assert.ok(table.some((l) => l.startsWith('creates/s (64 clients)')));
});
