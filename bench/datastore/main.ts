/**
 * @module `node dist/bench/datastore/main.js [--quick] [--backends sqlite,postgres,mysql,etcd,memory]`:
 * the datastore benchmark. Every backend that is available here is measured in the same run,
 * real etcd (started on loopback) included as the reference; prints a table and one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setLogSink } from '../../src/base/log.js';
import type { Backend } from '../../src/datastore/backend.js';
import { openBackend } from '../../src/datastore/open.js';
import { etcdUnavailable, startEtcd } from '../../src/datastore/testing/etcd-server.js';
import { mysqlScratch, mysqlUnavailable, pgScratch, pgUnavailable } from '../../src/datastore/testing/sql-services.js';
import { measure, type Result, type Sizes } from './measure.js';

interface Target {
  readonly name: string;
  readonly durable: boolean;
  /** Why it is skipped, or undefined. */
  unavailable(): Promise<string | undefined>;
  /** Opens a store (and a second one on the same database when that is a real deployment). */
  open(): Promise<{ store: Backend; other?: Backend | undefined; cleanup: () => Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'sqlite', durable: true, unavailable: async () => undefined,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'k3ts-bench-'));
      const store = await openBackend(`sqlite://${join(dir, 'state.db')}`);
      return { store, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
    },
  },
  {
    name: 'postgres', durable: true, unavailable: pgUnavailable,
    async open() {
      const db = await pgScratch();
      const [store, other] = [await openBackend(db.endpoint), await openBackend(db.endpoint)];
      return { store, other, cleanup: async () => { await store.close(); await other.close(); await db.drop(); } };
    },
  },
  {
    name: 'mysql', durable: true, unavailable: mysqlUnavailable,
    async open() {
      const db = await mysqlScratch();
      const [store, other] = [await openBackend(db.endpoint), await openBackend(db.endpoint)];
      return { store, other, cleanup: async () => { await store.close(); await other.close(); await db.drop(); } };
    },
  },
  {
    name: 'etcd', durable: true, unavailable: async () => etcdUnavailable(),
    async open() {
      const etcd = await startEtcd();
      const [store, other] = [await openBackend(etcd.endpoint), await openBackend(etcd.endpoint)];
      return { store, other, cleanup: async () => { await store.close(); await other.close(); await etcd.stop(); } };
    },
  },
  {
    name: 'memory', durable: false, unavailable: async () => undefined,
    async open() {
      const store = await openBackend('memory://');
      return { store, cleanup: () => store.close() };
    },
  },
];

const cell = (v: string | number, w: number): string => String(v).padStart(w);

function table(results: readonly Result[]): string {
  const head = ['backend', '1w/s', 'p50', 'p99', '64w/s', 'p50', 'p99', 'watch p50', 'p99', 'other p99', 'reads/s', 'list10k ms'];
  const widths = [9, 8, 7, 7, 8, 7, 7, 10, 7, 10, 9, 11];
  const rows = results.map((r) => [
    r.durable ? r.backend : `${r.backend}*`, r.create1.perSec, r.create1.p50Ms, r.create1.p99Ms,
    r.create64.perSec, r.create64.p50Ms, r.create64.p99Ms, r.watch.p50Ms, r.watch.p99Ms,
    r.watchOther ? r.watchOther.p99Ms : '-', r.readsPerSec, r.list10k.ms,
  ]);
  const line = (cols: readonly (string | number)[]): string => cols.map((c, i) => cell(c, widths[i]!)).join(' ');
  return [line(head), ...rows.map(line), '(latencies in ms; * not durable; "other": a second store on the same database)'].join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const only = argv.find((a) => a.startsWith('--backends='))?.slice('--backends='.length).split(',');
  const sizes: Sizes = quick
    ? { single: 50, parallel: 300, reads: 500, listRounds: 1, valueBytes: 1024 }
    : { single: 2000, parallel: 10_000, reads: 50_000, listRounds: 5, valueBytes: 1024 };
  // The drivers' start-up lines would interleave with the table.
  setLogSink({ write: () => undefined });
  const results: Result[] = [];
  for (const t of targets) {
    if (only && !only.includes(t.name)) continue;
    const why = await t.unavailable();
    if (why) { process.stderr.write(`skipping ${t.name}: ${why}\n`); continue; }
    process.stderr.write(`measuring ${t.name}...\n`);
    const { store, other, cleanup } = await t.open();
    try {
      results.push(await measure(t.name, t.durable, store, other, sizes));
    } finally {
      await cleanup();
    }
  }
  process.stdout.write(`${table(results)}\n`);
  process.stdout.write(`${JSON.stringify({ benchmark: 'datastore', quick, sizes, results })}\n`);
}

await main(process.argv.slice(2));
