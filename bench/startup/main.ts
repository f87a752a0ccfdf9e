/**
 * @module Startup benchmark: time from spawning `bin/k3ts server` to `/readyz` answering 200,
 * and the server's resident memory then, for a first start (creating the PKI) and a restart
 * (reusing it). Median of several runs, printed as JSON and as a table.
 *
 *   node dist/bench/startup/main.js [--runs N]
 *
 * No reference server runs here (k3s is not installed); k3s-facts §6.4 records third-party
 * cold-boot figures of 25-40 s to /readyz for k3s on a Raspberry Pi 5.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/base/testing/paths.js';
import { freePort } from '../../src/base/testing/ports.js';

const BIN = join(repoRoot(), 'bin', 'k3ts');

function readyz(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    // The probe only measures readiness; certificate checks belong to the tests.
    const req = request({ host: '127.0.0.1', port, path: '/readyz', rejectUnauthorized: false, agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** One start: milliseconds to /readyz 200 and RSS in MiB at that moment. */
async function once(dir: string): Promise<{ readyMs: number; rssMiB: number }> {
  const port = await freePort();
  const started = performance.now();
  const proc = spawn(BIN, ['server', '-d', join(dir, 'data'), '--https-listen-port', String(port), '-o', join(dir, 'kc.yaml'), '--bind-address', '127.0.0.1'], {
    env: { PATH: process.env['PATH'] ?? '', HOME: dir, K3S_CONFIG_FILE: join(dir, 'none.yaml') }, stdio: 'ignore',
  });
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`k3ts exited with ${proc.exitCode}`);
      if (await readyz(port)) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    const readyMs = performance.now() - started;
    return { readyMs, rssMiB: rssMiB(proc.pid as number) };
  } finally {
    const exited = new Promise((r) => proc.on('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function main(): Promise<void> {
  const i = process.argv.indexOf('--runs');
  const runs = i > 0 ? Number(process.argv[i + 1]) : 7;
  const first: Array<{ readyMs: number; rssMiB: number }> = [];
  const restart: Array<{ readyMs: number; rssMiB: number }> = [];
  for (let r = 0; r < runs; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'k3ts-bench-'));
    try {
      first.push(await once(dir));
      restart.push(await once(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const summary = (xs: typeof first) => ({
    readyMsMedian: Number(median(xs.map((x) => x.readyMs)).toFixed(1)),
    readyMsMin: Number(Math.min(...xs.map((x) => x.readyMs)).toFixed(1)),
    readyMsMax: Number(Math.max(...xs.map((x) => x.readyMs)).toFixed(1)),
    rssMiBMedian: Number(median(xs.map((x) => x.rssMiB)).toFixed(1)),
  });
  const result = { benchmark: 'startup', runs, node: process.version, firstStart: summary(first), restart: summary(restart), aim: { readyMs: 1000, rssMiB: 80 } };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n\n`);
  const rows = [['case', 'ready ms (median)', 'min', 'max', 'RSS MiB (median)'],
    ['first start (creates PKI)', ...Object.values(result.firstStart).map(String)],
    ['restart (reuses PKI)', ...Object.values(result.restart).map(String)]];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) process.stdout.write(`${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ')}\n`);
}

await main();
