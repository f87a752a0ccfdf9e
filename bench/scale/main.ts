// bench/scale: one `k3ts server` (child process, SQLite) with N simulated nodes; P pods created
// through Deployments (or directly with --via pods); measures the time until every pod is bound
// and Running, the scheduler's binding rate, API latency percentiles from a probe client during
// the run, and the server's peak RSS and CPU time. Prints JSON, then a table.
//   node dist/bench/scale/main.js [--nodes 1000] [--pods 30000] [--via deployments|pods]
//        [--controllers auto|external|server] [--timeout 1800]
// The Deployment and ReplicaSet controllers run in the server once it runs them; until then
// (--controllers auto finds no kube-controller-manager lease) this process runs them as an
// external controller manager over HTTPS, as kube-controller-manager runs beside kube-apiserver.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setLogSink } from '../../src/base/log.js';
import { clientFromKubeconfig } from '../../src/client/client.js';
import { SharedInformer } from '../../src/client/informer.js';
import type { Node, Pod } from '../../src/client/kinds/core.js';
import { resources } from '../../src/client/resources.js';
import type { KubeObject } from '../../src/client/types.js';
import { ControllerManager } from '../../src/controllers/manager.js';
import { algorithmThroughput } from './algorithm.js';
import type { LatencySummary } from './probe.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] ?? def : def;
};
const NODES = Number(opt('nodes', '1000'));
const PODS = Number(opt('pods', '30000'));
const VIA = opt('via', 'deployments');
const CONTROLLERS = opt('controllers', 'auto');
const TIMEOUT_MS = Number(opt('timeout', '1800')) * 1000;
const PER_DEPLOYMENT = 1000;
const NS = 'bench';

setLogSink({ write: () => undefined });
// First the scheduler alone (a few seconds, before anything else competes for the CPU).
const algorithm = algorithmThroughput(NODES, PODS);
const dir = mkdtempSync(join(tmpdir(), 'k3ts-bench-scale-'));
const kubeconfig = join(dir, 'kubeconfig.yaml');
const bin = fileURLToPath(new URL('../../../bin/k3ts', import.meta.url));
const serverFlags = (process.env['BENCH_SERVER_FLAGS'] ?? '').split(' ').filter(Boolean);
// BENCH_NODE_FLAGS passes node options to the server (e.g. --cpu-prof).
const nodeFlags = (process.env['BENCH_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);
const server = spawn(process.execPath, [...nodeFlags, bin, 'server', '-d', join(dir, 'data'), '--https-listen-port', '0', '--bind-address', '127.0.0.1', '-o', kubeconfig,
  '--simulate-nodes', String(NODES), ...serverFlags], { stdio: ['ignore', 'ignore', 'pipe'] });
let serverLog = '';
// BENCH_SERVER_LOG=<file> keeps the server's whole log (with BENCH_SERVER_FLAGS="-v 4": every HTTPS request).
const logFile = process.env['BENCH_SERVER_LOG'] ? createWriteStream(process.env['BENCH_SERVER_LOG']) : undefined;
if (logFile) server.stderr.pipe(logFile);
await new Promise<void>((resolve, reject) => {
  server.stderr.on('data', (c: Buffer) => {
    serverLog = (serverLog + c.toString()).slice(-20_000);
    if (serverLog.includes('k3ts is up and running')) resolve();
  });
  server.once('exit', (code) => reject(new Error(`k3ts server exited with ${String(code)}:\n${serverLog}`)));
});
const pid = server.pid as number;
let serverExit: string | undefined;
server.once('exit', (code, sig) => {
  serverExit = `k3ts server exited (${String(code ?? sig)}) during the run; its last words:\n${serverLog.slice(-4000)}`;
  process.stderr.write(`${serverExit}\n`);
  process.exit(1);
});
const proc = (): { rssMb: number; cpuS: number } => {
  if (serverExit) return { rssMb: 0, cpuS: 0 };
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return { rssMb: rss, cpuS: (Number(stat[11] ?? 0) + Number(stat[12] ?? 0)) / 100 };
};
let peakRss = 0;
const rssTimer = setInterval(() => { peakRss = Math.max(peakRss, proc().rssMb); }, 500);
const cleanup = (): void => {
  clearInterval(rssTimer);
  server.removeAllListeners('exit');
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
};
const deadline = Date.now() + TIMEOUT_MS;
const until = async (what: string, ok: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

/** The probe in its own process; `stop()` closes its stdin and reads its results. */
async function startProbe(kc: string, ns: string): Promise<{ stop(): Promise<{ byKind: Record<string, LatencySummary>; overall: LatencySummary }> }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./probe-main.js', import.meta.url)), kc, ns, '100'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  await until('the probe', () => out.includes('ready\n'));
  return {
    async stop() {
      child.stdin.end();
      await new Promise((r) => child.once('exit', r));
      return JSON.parse(out.split('\n')[1] ?? '{}') as { byKind: Record<string, LatencySummary>; overall: LatencySummary };
    },
  };
}

const client = clientFromKubeconfig(kubeconfig, { userAgent: 'k3ts-bench-scale' });
const ctl = new AbortController();
try {
  const tStart = performance.now();
  const nodes = client.resource<Node>(resources.nodes);
  let nodeNames: string[] = [];
  await until(`${NODES} Ready nodes`, async () => {
    const l = await nodes.list();
    nodeNames = l.items.filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).map((n) => n.metadata.name ?? '');
    return nodeNames.length >= NODES;
  });
  const nodesReadyS = (performance.now() - tStart) / 1000;
  await client.resource<KubeObject>(resources.namespaces).create({ metadata: { name: NS } });

  // Track every pod's first sight, binding and Running from one watch.
  const seen = new Map<string, number>();
  const bound = new Map<string, number>();
  const running = new Map<string, number>();
  const inf = new SharedInformer<Pod>(client.resource<Pod>(resources.pods), { namespace: NS });
  const track = (p: Pod): void => {
    const k = p.metadata.name ?? '';
    const now = performance.now();
    if (!seen.has(k)) seen.set(k, now);
    if (p.spec?.nodeName && !bound.has(k)) bound.set(k, now);
    if (p.status?.phase === 'Running' && !running.has(k)) running.set(k, now);
  };
  inf.addEventHandler({ onAdd: track, onUpdate: (_o, p) => track(p) });
  void inf.run(ctl.signal);
  await inf.waitForSync(ctl.signal);

  let mode = VIA === 'pods' ? 'pods created directly' : '';
  if (VIA !== 'pods') {
    let external = CONTROLLERS === 'external';
    if (CONTROLLERS === 'auto') {
      const leases = client.resource<KubeObject>(resources.leases);
      external = !(await leases.get('kube-controller-manager', { namespace: 'kube-system' }).then(() => true, () => false));
    }
    if (external) void new ControllerManager({ client: client.withUserAgent('k3ts-bench-controller-manager'), controllers: ['replicaset', 'deployment'] }).run(ctl.signal);
    mode = `Deployments (controllers ${external ? 'external, in the bench process' : 'in the server'})`;
  }
  const probe = await startProbe(kubeconfig, NS);
  const cpu0 = proc().cpuS;
  const t0 = performance.now();
  if (VIA === 'pods') {
    const pods = client.resource<Pod>(resources.pods);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < PODS) {
        const i = next++;
        await pods.create({ metadata: { name: `pod-${i}`, namespace: NS, labels: { app: 'bench' } }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } });
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
  } else {
    const deployments = client.resource<KubeObject>(resources.deployments);
    const count = Math.ceil(PODS / PER_DEPLOYMENT);
    for (let d = 0; d < count; d++) {
      const replicas = Math.min(PER_DEPLOYMENT, PODS - d * PER_DEPLOYMENT);
      const labels = { app: `bench-${d}` };
      await deployments.create({ metadata: { name: `bench-${d}`, namespace: NS }, spec: { replicas, selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } } } } as KubeObject);
    }
  }
  const createdS = (performance.now() - t0) / 1000;
  await until(`${PODS} pods bound`, () => bound.size >= PODS);
  const boundAt = Math.max(...bound.values());
  await until(`${PODS} pods Running`, () => running.size >= PODS);
  const runningAt = Math.max(...running.values());
  const api = await probe.stop();
  const cpu = proc().cpuS - cpu0;
  const firstSeen = Math.min(...seen.values());
  // The best 5-second binding window: the scheduler's rate while pods were waiting for it.
  const times = [...bound.values()].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) > 5000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  const result = {
    nodes: NODES, pods: PODS, via: mode, datastore: 'sqlite',
    nodesReadyS: +nodesReadyS.toFixed(1),
    workloadCreatedS: +createdS.toFixed(1),
    allBoundS: +((boundAt - t0) / 1000).toFixed(1),
    allRunningS: +((runningAt - t0) / 1000).toFixed(1),
    schedulerPodsPerSec: Math.round(PODS / ((boundAt - firstSeen) / 1000)),
    schedulerPeak5sPodsPerSec: Math.round(peak / 5),
    schedulingCyclesPerSec: algorithm.podsPerSec, schedulingCycleUs: algorithm.usPerPod,
    apiP99Ms: api.overall.p99ms, apiP50Ms: api.overall.p50ms, apiMaxMs: api.overall.maxMs, apiErrors: api.overall.errors,
    api: api.byKind,
    serverPeakRssMb: Math.round(Math.max(peakRss, proc().rssMb)),
    serverCpuS: +cpu.toFixed(1),
  };
  console.log(JSON.stringify(result));
  const rows: Array<[string, string]> = [
    ['workload', `${PODS} pods on ${NODES} simulated nodes via ${mode}`],
    ['nodes registered and Ready', `${result.nodesReadyS} s`],
    ['workload created', `${result.workloadCreatedS} s`],
    ['all pods bound', `${result.allBoundS} s`],
    ['all pods Running', `${result.allRunningS} s`],
    ['scheduler throughput', `${result.schedulerPodsPerSec} pods/s bound (peak 5 s: ${result.schedulerPeak5sPodsPerSec} pods/s)`],
    ['scheduling cycles alone', `${result.schedulingCyclesPerSec} pods/s (${result.schedulingCycleUs} µs per pod, no API server)`],
    ['API latency (probe)', `p50 ${result.apiP50Ms} ms  p99 ${result.apiP99Ms} ms  max ${result.apiMaxMs} ms  errors ${result.apiErrors}`],
    ...Object.entries(result.api).map(([k, v]): [string, string] => [`  ${k}`, `p50 ${v.p50ms} ms  p99 ${v.p99ms} ms  (${v.count})`]),
    ['server peak RSS', `${result.serverPeakRssMb} MB`],
    ['server CPU during the run', `${result.serverCpuS} s`],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(30)} ${v}`);
} finally {
  ctl.abort();
  client.close();
  cleanup();
}
