/** @module Smoke run of bench/datastore in its quick mode: it runs and prints a table and JSON. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../bench/datastore/main.js', import.meta.url));

test('bench/datastore --quick measures the available backends and prints JSON and a table', () => {
  const out = execFileSync(process.execPath, [main, '--quick'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  const lines = out.trim().split('\n');
  assert.match(lines[0]!, /backend\s+1w\/s/);
  const json = JSON.parse(lines[lines.length - 1]!) as { results: { backend: string; create64: { perSec: number }; list10k: { items: number } }[] };
  const sqlite = json.results.find((r) => r.backend === 'sqlite');
  assert.ok(sqlite && sqlite.create64.perSec > 0);
  assert.equal(sqlite.list10k.items, 300);
});
