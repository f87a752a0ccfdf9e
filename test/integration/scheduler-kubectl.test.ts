import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { runKubectl } from '../../src/apiserver/testing/kubectl.js';
import { startTestServer } from '../../src/server/testing/fixture.js';
import { newestKubectl } from './sim-cluster.js';

// The scheduler and simulated nodes inside a real `k3ts server --simulate-nodes`, driven by kubectl.
const bin = newestKubectl();
const skip = bin ? false : 'kubectl is not installed';

type Kubectl = (args: readonly string[], input?: string) => Promise<{ code: number; stdout: string; stderr: string }>;

async function simServer(t: Parameters<typeof startTestServer>[0], args: readonly string[]): Promise<Kubectl> {
  const srv = await startTestServer(t, { args: ['--simulate-nodes', '3', '--simulate-node-cpu', '2', '--simulate-node-memory', '4Gi', ...args] });
  const kubectl: Kubectl = (a, input) => runKubectl(bin as string, { kubeconfig: srv.kubeconfig, dir: srv.dataDir }, a, input !== undefined ? { input } : {});
  await waitFor(async () => ((await kubectl(['get', 'nodes', '--no-headers'])).stdout.match(/ Ready /g)?.length === 3 ? true : undefined), { what: 'three Ready nodes', timeoutMs: 30_000 });
  return kubectl;
}

function pod(name: string, o: { cpu?: string; labels?: Record<string, string>; spec?: Record<string, unknown>; hostPort?: number; command?: string[] } = {}): string {
  const container: Record<string, unknown> = { name: 'c', image: 'nginx' };
  if (o.cpu) container['resources'] = { requests: { cpu: o.cpu } };
  if (o.hostPort) container['ports'] = [{ containerPort: 80, hostPort: o.hostPort }];
  if (o.command) container['command'] = o.command;
  return JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: o.labels ?? {} }, spec: { containers: [container], ...(o.spec ?? {}) } });
}

const apply = async (k: Kubectl, ...docs: string[]): Promise<void> => {
  const r = await k(['apply', '-f', '-'], docs.map((d) => `${d}\n---\n`).join(''));
  assert.equal(r.code, 0, r.stderr);
};

const nodeOf = (k: Kubectl, name: string): Promise<string> =>
  waitFor(async () => (await k(['get', 'pod', name, '-o', 'jsonpath={.spec.nodeName}'])).stdout || undefined, { what: `${name} scheduled`, timeoutMs: 30_000 });

const failedScheduling = (k: Kubectl, name: string): Promise<string> => waitFor(async () => {
  const d = await k(['describe', 'pod', name]);
  return /Warning\s+FailedScheduling/.test(d.stdout) ? d.stdout : undefined;
}, { what: `FailedScheduling for ${name}`, timeoutMs: 30_000 });

test('kubectl: pods spread over simulated nodes; node selectors, taints and tolerations steer them', { skip }, async (t) => {
  const k = await simServer(t, []);
  await apply(k, ...Array.from({ length: 6 }, (_, i) => pod(`spread-${i}`, { cpu: '100m' })));
  const counts = new Map<string, number>();
  for (let i = 0; i < 6; i++) {
    const n = await nodeOf(k, `spread-${i}`);
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  assert.deepEqual([...counts.values()], [2, 2, 2]);
  const run = await waitFor(async () => {
    const r = await k(['get', 'pods', '-o', 'jsonpath={range .items[*]}{.status.phase}{"\\n"}{end}']);
    const phases = r.stdout.trim().split('\n');
    return phases.length === 6 && phases.every((p) => p === 'Running') ? phases : undefined;
  }, { what: 'six Running pods', timeoutMs: 30_000 });
  assert.equal(run.length, 6);

  assert.equal((await k(['label', 'node', 'k3ts-sim-0002', 'disk=ssd'])).code, 0);
  await apply(k, pod('ssd', { spec: { nodeSelector: { disk: 'ssd' } } }));
  assert.equal(await nodeOf(k, 'ssd'), 'k3ts-sim-0002');
  const notIn = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['k3ts-sim-0001', 'k3ts-sim-0002'] }] }] } } };
  await apply(k, pod('affine', { spec: { affinity: notIn } }));
  assert.equal(await nodeOf(k, 'affine'), 'k3ts-sim-0003');

  for (const n of ['k3ts-sim-0001', 'k3ts-sim-0002']) assert.equal((await k(['taint', 'node', n, 'dedicated=db:NoSchedule'])).code, 0);
  await apply(k, ...['t1', 't2', 't3'].map((n) => pod(n)));
  for (const n of ['t1', 't2', 't3']) assert.equal(await nodeOf(k, n), 'k3ts-sim-0003');
  await apply(k, pod('tolerant', { spec: { nodeSelector: { disk: 'ssd' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }] } }));
  assert.equal(await nodeOf(k, 'tolerant'), 'k3ts-sim-0002');
  await apply(k, pod('intolerant', { spec: { nodeSelector: { disk: 'ssd' } } }));
  const d = await failedScheduling(k, 'intolerant');
  assert.match(d, /0\/3 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector, 2 node\(s\) had untolerated taint \{dedicated: db\}\. preemption: 0\/3 nodes are available: 3 Preemption is not helpful for scheduling\./);
  assert.match(d, /PodScheduled\s+False/);
});

test('kubectl: exhausted cpu, host port conflicts and required anti-affinity leave pods Pending with the reason', { skip }, async (t) => {
  const k = await simServer(t, []);
  await apply(k, ...Array.from({ length: 6 }, (_, i) => pod(`cpu-${i}`, { cpu: '1' })));
  for (let i = 0; i < 6; i++) await nodeOf(k, `cpu-${i}`);
  await apply(k, pod('cpu-6', { cpu: '1' }));
  assert.match(await failedScheduling(k, 'cpu-6'), /0\/3 nodes are available: 3 Insufficient cpu\. preemption: 0\/3 nodes are available: 3 No preemption victims found for incoming pod\./);
  assert.equal((await k(['delete', 'pod', 'cpu-0'])).code, 0);
  await nodeOf(k, 'cpu-6');

  await apply(k, ...Array.from({ length: 4 }, (_, i) => pod(`port-${i}`, { hostPort: 8080 })));
  const ports = await waitFor(async () => {
    const r = await k(['get', 'pods', '-l', '!x', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.spec.nodeName}{"\\n"}{end}']);
    const bound = r.stdout.split('\n').filter((l) => l.startsWith('port-') && !l.endsWith('='));
    return bound.length === 3 ? bound : undefined;
  }, { what: 'three port pods bound', timeoutMs: 30_000 });
  assert.equal(new Set(ports.map((l) => l.split('=')[1])).size, 3);
  const pending = ['port-0', 'port-1', 'port-2', 'port-3'].find((n) => !ports.some((l) => l.startsWith(`${n}=`))) as string;
  assert.match(await failedScheduling(k, pending), /3 node\(s\) didn't have free ports for the requested pod ports/);

  const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'solo' } }, topologyKey: 'kubernetes.io/hostname' }] } };
  await apply(k, ...Array.from({ length: 4 }, (_, i) => pod(`solo-${i}`, { labels: { app: 'solo' }, spec: { affinity: anti } })));
  const solo = await waitFor(async () => {
    const r = await k(['get', 'pods', '-l', 'app=solo', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.spec.nodeName}{"\\n"}{end}']);
    const lines = r.stdout.trim().split('\n');
    return lines.filter((l) => !l.endsWith('=')).length === 3 && lines.length === 4 ? lines : undefined;
  }, { what: 'three solo pods bound', timeoutMs: 30_000 });
  const left = (solo.find((l) => l.endsWith('=')) as string).slice(0, -1);
  assert.match(await failedScheduling(k, left), /3 node\(s\) didn't match pod anti-affinity rules/);
});

test('kubectl: topology spread over zones, priority preemption, and a pod whose command exits', { skip }, async (t) => {
  const k = await simServer(t, ['--simulate-node-zones', '2', '--simulate-node-resource', 'example.com/gpu=1']);
  const spread = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'zoned' } } }] };
  await apply(k, ...Array.from({ length: 6 }, (_, i) => pod(`zoned-${i}`, { labels: { app: 'zoned' }, spec: spread })));
  const zones = new Map<string, number>();
  const zoneOf = new Map<string, string>([['k3ts-sim-0001', 'zone-0'], ['k3ts-sim-0002', 'zone-1'], ['k3ts-sim-0003', 'zone-0']]);
  for (let i = 0; i < 6; i++) {
    const z = zoneOf.get(await nodeOf(k, `zoned-${i}`)) as string;
    zones.set(z, (zones.get(z) ?? 0) + 1);
  }
  assert.deepEqual([...zones.values()], [3, 3]);
  assert.equal((await k(['delete', 'pods', '-l', 'app=zoned', '--wait=true'])).code, 0);

  await apply(k, JSON.stringify({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 }));
  await apply(k, ...Array.from({ length: 3 }, (_, i) => pod(`low-${i}`, { cpu: '1500m' })));
  for (let i = 0; i < 3; i++) await nodeOf(k, `low-${i}`);
  await apply(k, pod('vip', { cpu: '1', spec: { priorityClassName: 'high' } }));
  const node = await nodeOf(k, 'vip');
  const victims = await k(['get', 'events', '--field-selector', 'reason=Preempted', '-o', 'jsonpath={.items[*].message}']);
  assert.match(victims.stdout, new RegExp(`Preempted by pod [0-9a-f-]+ on node ${node}`));
  const lows = await k(['get', 'pods', '-o', 'name']);
  assert.equal(lows.stdout.split('\n').filter((l) => l.startsWith('pod/low-')).length, 2);

  const gpu = (name: string, n: string) => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'cuda', resources: { limits: { 'example.com/gpu': n } } }] } });
  await apply(k, gpu('gpu-1', '1'), gpu('gpu-2', '2'));
  await nodeOf(k, 'gpu-1');
  assert.match(await failedScheduling(k, 'gpu-2'), /0\/3 nodes are available: 3 Insufficient example\.com\/gpu\./);

  assert.equal((await k(['run', 'done', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'sleep 1; exit 0'])).code, 0);
  assert.equal((await k(['run', 'oops', '--image=busybox', '--restart=Never', '--', 'false'])).code, 0);
  await waitFor(async () => ((await k(['get', 'pod', 'done', '-o', 'jsonpath={.status.phase}'])).stdout === 'Succeeded' ? true : undefined), { what: 'done Succeeded', timeoutMs: 30_000 });
  await waitFor(async () => ((await k(['get', 'pod', 'oops', '-o', 'jsonpath={.status.phase}'])).stdout === 'Failed' ? true : undefined), { what: 'oops Failed', timeoutMs: 30_000 });
  const table = await k(['get', 'pods', 'done', 'oops', '--no-headers']);
  assert.match(table.stdout, /^done\s+0\/1\s+Completed\s/m);
  assert.match(table.stdout, /^oops\s+0\/1\s+Error\s/m);
});
