/**
 * Smoke test of bench/startup: one run must produce its JSON report (the full benchmark runs
 * outside `npm test`: `node dist/bench/startup/main.js`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../src/base/testing/paths.js';

test('bench/startup prints a JSON report with readiness time and RSS', () => {
  const r = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'bench', 'startup', 'main.js'), '--runs', '1'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout.slice(0, r.stdout.indexOf('\n\n'))) as { firstStart: { readyMsMedian: number; rssMiBMedian: number }; restart: { readyMsMedian: number } };
  assert.ok(json.firstStart.readyMsMedian > 0);
  assert.ok(json.restart.readyMsMedian > 0);
  assert.ok(json.firstStart.rssMiBMedian > 0);
  assert.match(r.stdout, /first start \(creates PKI\)/);
});
