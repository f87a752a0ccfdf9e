// bench/apiserver: creates/s, gets/s, list of 10k objects, watch fan-out to 1,000 watchers and
// p50/p99 latency with 64 concurrent HTTPS clients, against an API server in a child process
// (so load generator and server each get a core). Prints JSON, then a table.
//   node dist/bench/apiserver/main.js [--backend sqlite|memory|<datastore endpoint>] [--quick]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { BenchClient, load } from './client.js';
import { watchFanout } from './watch-fanout.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const backendAt = args.indexOf('--backend');
const backend = backendAt >= 0 ? args[backendAt + 1] ?? 'sqlite' : 'sqlite';
const N = quick ? { creates: 500, gets: 1000, list: 1000, watchers: 50 } : { creates: 10_000, gets: 20_000, list: 10_000, watchers: 1000 };
const CONC = 64;

const serverFlags = (process.env['BENCH_SERVER_FLAGS'] ?? '').split(' ').filter(Boolean);
const child = spawn(process.execPath, [...serverFlags, fileURLToPath(new URL('./server.js', import.meta.url)), backend], { stdio: ['ignore', 'pipe', 'inherit'] });
const info = await new Promise<{ port: number; ca: string; pid: number; backend: string }>((resolve, reject) => {
  createInterface({ input: child.stdout }).once('line', (l) => resolve(JSON.parse(l) as { port: number; ca: string; pid: number; backend: string }));
  child.once('exit', (c) => reject(new Error(`server exited with ${String(c)}`)));
});
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${info.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const c = new BenchClient(`https://127.0.0.1:${info.port}`, readFileSync(info.ca, 'utf8'), CONC);
const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { app: 'bench' } }, data: { key: 'x'.repeat(64) } });

await c.send('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } });
// Warm-up: open the 64 TLS connections and let the JIT settle before measuring.
await load(CONC * 4, CONC, () => c.send('GET', '/api/v1/namespaces/bench'));
const creates = await load(N.creates, CONC, (i) => c.send('POST', '/api/v1/namespaces/bench/configmaps', cm(`cm-${i}`)));
const gets = await load(N.gets, CONC, (i) => c.send('GET', `/api/v1/namespaces/bench/configmaps/cm-${i % N.creates}`));
for (let i = N.creates; i < N.list; i += CONC) await Promise.all(Array.from({ length: Math.min(CONC, N.list - i) }, (_, j) => c.send('POST', '/api/v1/namespaces/bench/configmaps', cm(`cm-${i + j}`))));
const listTimes = async (path: string, accept = 'application/json') => {
  const t: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = await new BenchClient(c.base, c.ca, 1).send('GET', path, undefined, accept, true);
    t.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`list ${path}: ${r.status}`);
  }
  return Math.min(...t);
};
const listMs = await listTimes('/api/v1/namespaces/bench/configmaps');
const listCacheMs = await listTimes('/api/v1/namespaces/bench/configmaps?resourceVersion=0');
await c.send('POST', '/api/v1/namespaces/bench/configmaps', cm('fanout'));
const fan = await watchFanout(c.base, c.ca, N.watchers, async () => {
  await c.send('PATCH', '/api/v1/namespaces/bench/configmaps/fanout', { data: { t: String(Date.now()) } }, 'application/merge-patch+json');
});
const mixed = await load(N.gets, CONC, (i) => (i % 4 === 0
  ? c.send('PUT', `/api/v1/namespaces/bench/configmaps/cm-${i % N.creates}`, { ...cm(`cm-${i % N.creates}`), data: { key: String(i) } })
  : c.send('GET', `/api/v1/namespaces/bench/configmaps/cm-${i % N.creates}`)));
const result = {
  backend: info.backend, quick, concurrency: CONC,
  creates: { count: N.creates, perSec: Math.round(creates.opsPerSec), p50ms: +creates.p50.toFixed(2), p99ms: +creates.p99.toFixed(2), errors: creates.errors },
  gets: { count: N.gets, perSec: Math.round(gets.opsPerSec), p50ms: +gets.p50.toFixed(2), p99ms: +gets.p99.toFixed(2), errors: gets.errors },
  mixed: { count: N.gets, perSec: Math.round(mixed.opsPerSec), p50ms: +mixed.p50.toFixed(2), p99ms: +mixed.p99.toFixed(2), errors: mixed.errors },
  list: { objects: N.list, datastoreMs: +listMs.toFixed(1), watchCacheMs: +listCacheMs.toFixed(1) },
  watchFanout: { watchers: fan.watchers, received: fan.received, p50ms: +fan.p50.toFixed(1), p99ms: +fan.p99.toFixed(1), maxMs: +fan.max.toFixed(1) },
  serverRssMb: Math.round(rss()),
};
c.close();
child.kill('SIGTERM');
console.log(JSON.stringify(result));
const rows: Array<[string, string]> = [
  ['backend', result.backend],
  ['creates/s (64 clients)', `${result.creates.perSec}  p50 ${result.creates.p50ms} ms  p99 ${result.creates.p99ms} ms`],
  ['gets/s (64 clients)', `${result.gets.perSec}  p50 ${result.gets.p50ms} ms  p99 ${result.gets.p99ms} ms`],
  ['75% get / 25% put', `${result.mixed.perSec}/s  p50 ${result.mixed.p50ms} ms  p99 ${result.mixed.p99ms} ms`],
  [`list ${result.list.objects} (datastore)`, `${result.list.datastoreMs} ms`],
  [`list ${result.list.objects} (rv=0, cache)`, `${result.list.watchCacheMs} ms`],
  [`watch fan-out (${result.watchFanout.watchers})`, `received ${result.watchFanout.received}  p50 ${result.watchFanout.p50ms} ms  p99 ${result.watchFanout.p99ms} ms`],
  ['server RSS', `${result.serverRssMb} MB`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(30)} ${v}`);
