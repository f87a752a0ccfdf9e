/** @module Smoke run of bench/security in its quick mode: it runs, every end-to-end request succeeds, and it prints JSON and a table. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../src/base/testing/paths.js';

test('bench/security --quick prints its report with no failed request', () => {
  const r = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'bench', 'security', 'main.js'), '--quick'], { encoding: 'utf8', timeout: 180_000 });
  assert.equal(r.status, 0, r.stderr);
  const [json, ...table] = r.stdout.trim().split('\n');
  const report = JSON.parse(json ?? '{}') as { authorization: Record<string, number>; endToEndGets: Record<string, { perSec: number; errors: number }> };
  assert.ok(report.authorization['rbacAllowUs'] !== undefined);
  for (const [who, e] of Object.entries(report.endToEndGets)) {
    assert.equal(e.errors, 0, who);
    assert.ok(e.perSec > 0, who);
  }
  assert.ok(table.some((l) => l.startsWith('authorize RBAC allow')));
});
