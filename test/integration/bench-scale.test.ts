/** @module Smoke run of bench/scale with 20 simulated nodes and 500 pods through Deployments: every pod gets bound and Running, and the report is printed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../src/base/testing/paths.js';

test('bench/scale with 20 nodes and 500 pods binds and runs every pod and prints JSON and a table', () => {
  const r = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'bench', 'scale', 'main.js'), '--nodes', '20', '--pods', '500', '--timeout', '240'], { encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.status, 0, r.stderr);
  const [json, ...table] = r.stdout.trim().split('\n');
  const report = JSON.parse(json ?? '{}') as { pods: number; allBoundS: number; allRunningS: number; schedulerPodsPerSec: number; apiErrors: number; serverPeakRssMb: number; via: string };
  assert.equal(report.pods, 500);
  assert.match(report.via, /^Deployments/);
  assert.ok(report.allRunningS >= report.allBoundS);
  assert.ok(report.schedulerPodsPerSec > 0);
  assert.equal(report.apiErrors, 0);
  assert.ok(report.serverPeakRssMb > 0);
  assert.ok(table.some((l) => l.startsWith('scheduler throughput')));
});
