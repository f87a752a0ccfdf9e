import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node, Pod } from '../client/kinds/core.js';
import { SchedulerCache } from './cache.js';
import { CycleState, fitErrorMessage, runFilters } from './framework.js';
import { preempt } from './preemption.js';
import { defaultPlugins } from './profile.js';
import { SchedulingQueue } from './queue.js';
import { podRequests } from './resources.js';

const node = (name: string, o: { cpu?: string; pods?: string; labels?: Record<string, string>; taints?: Node['spec'] extends infer S ? S extends { taints?: infer T } ? T : never : never; unschedulable?: boolean } = {}): Node => ({
  metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
  spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
  status: { allocatable: { cpu: o.cpu ?? '2', memory: '4Gi', pods: o.pods ?? '110' } },
});
const pod = (name: string, o: { cpu?: string; node?: string; priority?: number; selector?: Record<string, string>; labels?: Record<string, string>; spec?: Partial<NonNullable<Pod['spec']>> } = {}): Pod => ({
  metadata: { name, namespace: 'ns', uid: name, labels: o.labels ?? {} },
  spec: {
    containers: [{ name: 'c', resources: { requests: { cpu: o.cpu ?? '100m' } } }],
    ...(o.node ? { nodeName: o.node } : {}), ...(o.priority !== undefined ? { priority: o.priority } : {}),
    ...(o.selector ? { nodeSelector: o.selector } : {}), ...o.spec,
  },
});

function cluster(nodes: Node[], pods: Pod[] = []): SchedulerCache {
  const c = new SchedulerCache();
  for (const n of nodes) c.upsertNode(n);
  for (const p of pods) c.upsertPod(p);
  return c;
}

test('runFilters() explains every node\'s failure as kube-scheduler does', () => {
  const c = cluster([
    node('a', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
    node('b', { cpu: '1' }),
    node('c', { labels: { disk: 'hdd' } }),
    node('d', { unschedulable: true }),
  ], [pod('big', { node: 'b', cpu: '900m' })]);
  const p = pod('p', { cpu: '500m', spec: { nodeSelector: { disk: 'hdd' } } });
  const out = runFilters(defaultPlugins(), p, c, new CycleState());
  assert.equal(out.feasible.length, 1);
  assert.equal(out.feasible[0]?.name, 'c');
  const q = pod('q', { cpu: '500m', spec: { nodeSelector: { disk: 'ssd' } } });
  const out2 = runFilters(defaultPlugins(), q, c, new CycleState());
  assert.equal(fitErrorMessage(4, out2, 'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.'),
    "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.");
  const r = pod('r', { cpu: '1500m' });
  const out3 = runFilters(defaultPlugins(), r, cluster([node('b', { cpu: '1' })]), new CycleState());
  assert.deepEqual([...out3.failures.values()].map((f) => f.reasons), [['Insufficient cpu']]);
});

test('runFilters() honours tolerations, host ports, pod count and anti-affinity', () => {
  const tainted = node('t', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], pods: '1' });
  const tolerating = pod('p', { spec: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] } });
  assert.equal(runFilters(defaultPlugins(), tolerating, cluster([tainted]), new CycleState()).feasible.length, 1);
  const full = cluster([tainted], [pod('x', { node: 't' })]);
  assert.deepEqual([...runFilters(defaultPlugins(), tolerating, full, new CycleState()).failures.values()][0]?.reasons, ['Too many pods']);
  const withPort = (name: string, n?: string): Pod => pod(name, { ...(n ? { node: n } : {}), spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 8080 }] }] } });
  const ports = cluster([node('a')], [withPort('one', 'a')]);
  assert.deepEqual([...runFilters(defaultPlugins(), withPort('two'), ports, new CycleState()).failures.values()][0]?.reasons, ["node(s) didn't have free ports for the requested pod ports"]);
  const anti = (name: string, n?: string): Pod => pod(name, { labels: { app: 'db' }, ...(n ? { node: n } : {}), spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } } } });
  const c = cluster([node('a'), node('b')], [anti('db-0', 'a')]);
  const out = runFilters(defaultPlugins(), anti('db-1'), c, new CycleState());
  assert.deepEqual(out.feasible.map((n) => n.name), ['b']);
});

test('preempt() picks the node whose victims have the lowest priority and keeps what it can', () => {
  const c = cluster([node('a', { cpu: '1' }), node('b', { cpu: '1' })], [
    pod('a-low', { node: 'a', cpu: '600m', priority: 10 }),
    pod('b-mid', { node: 'b', cpu: '600m', priority: 50 }),
    pod('b-tiny', { node: 'b', cpu: '100m', priority: 1 }),
  ]);
  const p = pod('urgent', { cpu: '800m', priority: 100 });
  const out = runFilters(defaultPlugins(), p, c, new CycleState());
  assert.equal(out.feasible.length, 0);
  const r = preempt(defaultPlugins(), p, c, out);
  assert.equal(r.plan?.node, 'a');
  assert.deepEqual(r.plan?.victims.map((v) => v.metadata.name), ['a-low']);
  assert.equal(c.get('a')?.pods.size, 1, 'the simulation restored the node');
  const none = preempt(defaultPlugins(), pod('meek', { cpu: '800m', priority: 0 }), c, out);
  assert.equal(none.message, 'preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.');
});

test('podRequests() takes the larger of the containers\' sum and any init container, plus overhead', () => {
  const p: Pod = { metadata: {}, spec: {
    containers: [{ name: 'a', resources: { requests: { cpu: '100m', memory: '64Mi' } } }, { name: 'b', resources: { requests: { cpu: '200m' } } }],
    initContainers: [{ name: 'i', resources: { requests: { cpu: '1' } } }],
    overhead: { cpu: '10m' },
  } };
  const r = podRequests(p);
  assert.equal(r.get('cpu'), 1010);
  assert.equal(r.get('memory'), 64 * 1024 * 1024);
});

test('SchedulingQueue pops by priority then age, and backs failures off', async () => {
  const q = new SchedulingQueue({ initialBackoffMs: 10, maxBackoffMs: 20 });
  q.add(pod('low'));
  q.add(pod('high', { priority: 5 }));
  q.add(pod('low2'));
  assert.equal((await q.pop())?.metadata.name, 'high');
  assert.equal((await q.pop())?.metadata.name, 'low');
  const again = await q.pop();
  q.backoff(again as Pod);
  assert.deepEqual(q.counts(), { active: 0, backoff: 1, unschedulable: 0 });
  assert.equal((await q.pop())?.metadata.name, 'low2');
  q.unschedulable(pod('low2'));
  assert.equal(q.counts().unschedulable, 1);
  q.moveAllUnschedulable();
  assert.equal((await q.pop())?.metadata.name, 'low2');
  q.close();
});
