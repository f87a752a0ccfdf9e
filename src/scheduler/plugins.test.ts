import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numFeasibleNodesToFind } from './algorithm.js';
import { OfflineCluster, pod } from './testing/offline.js';

const zoneSpread = (maxSkew: number, extra: Record<string, unknown> = {}) => ({
  containers: [{ name: 'c' }],
  topologySpreadConstraints: [{ maxSkew, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' as const, labelSelector: { matchLabels: { app: 'a' } }, ...extra }],
});

test('numFeasibleNodesToFind() follows the adaptive percentage', () => {
  assert.equal(numFeasibleNodesToFind(50), 50);
  assert.equal(numFeasibleNodesToFind(100), 100);
  assert.equal(numFeasibleNodesToFind(1000), 420);
  assert.equal(numFeasibleNodesToFind(5000), 500);
  assert.equal(numFeasibleNodesToFind(1000, 10), 100);
});

test('PodTopologySpread keeps skew within maxSkew and counts missing domains as empty under minDomains', () => {
  const c = new OfflineCluster();
  c.node('a1', { labels: { zone: 'a' } });
  c.node('b1', { labels: { zone: 'b' } });
  c.node('nolabel');
  const zones: string[] = [];
  for (let i = 0; i < 4; i++) {
    const r = c.schedule(pod(`p${i}`, { labels: { app: 'a' }, spec: zoneSpread(1) }));
    assert.ok(r.node && r.node !== 'nolabel', JSON.stringify(r));
    zones.push(r.node === 'a1' ? 'a' : 'b');
  }
  assert.deepEqual(zones.sort(), ['a', 'a', 'b', 'b']);
  // With 3 domains required but only 2 existing, the global minimum is 0: each zone takes at most maxSkew.
  const m = new OfflineCluster();
  m.node('a1', { labels: { zone: 'a' } });
  m.node('b1', { labels: { zone: 'b' } });
  assert.ok(m.schedule(pod('q0', { labels: { app: 'a' }, spec: zoneSpread(1, { minDomains: 3 }) })).node);
  assert.ok(m.schedule(pod('q1', { labels: { app: 'a' }, spec: zoneSpread(1, { minDomains: 3 }) })).node);
  assert.equal(m.schedule(pod('q2', { labels: { app: 'a' }, spec: zoneSpread(1, { minDomains: 3 }) })).message,
    "0/2 nodes are available: 2 node(s) didn't match pod topology spread constraints.");
  const missing = new OfflineCluster();
  missing.node('plain');
  assert.match(missing.schedule(pod('x', { labels: { app: 'a' }, spec: zoneSpread(1) })).message ?? '', /1 node\(s\) didn't match pod topology spread constraints \(missing required label\)/);
});

test('InterPodAffinity: the first pod of a self-affine group may go anywhere; others follow it; existing anti-affinity repels', () => {
  const c = new OfflineCluster();
  for (const n of ['n1', 'n2', 'n3']) c.node(n);
  const affine = { containers: [{ name: 'c' }], affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { g: 'x' } }, topologyKey: 'kubernetes.io/hostname' }] } } };
  const first = c.schedule(pod('g0', { labels: { g: 'x' }, spec: affine })).node;
  assert.ok(first);
  for (let i = 1; i < 4; i++) assert.equal(c.schedule(pod(`g${i}`, { labels: { g: 'x' }, spec: affine })).node, first);
  const stranger = c.schedule(pod('s', { spec: affine }));
  assert.equal(stranger.node, first);
  const loner = new OfflineCluster();
  loner.node('n1');
  loner.node('n2');
  loner.place(pod('guard', { labels: { role: 'guard' }, spec: { containers: [], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { role: 'intruder' } }, topologyKey: 'kubernetes.io/hostname' }] } } } }), 'n1');
  for (let i = 0; i < 3; i++) assert.equal(loner.schedule(pod(`i${i}`, { labels: { role: 'intruder' } })).node, 'n2');
  const nowhere = new OfflineCluster();
  nowhere.node('n1');
  assert.equal(nowhere.schedule(pod('lonely', { spec: affine })).message,
    "0/1 nodes are available: 1 node(s) didn't match pod affinity rules.");
});

test('preferred node affinity and PreferNoSchedule taints steer scoring', () => {
  const c = new OfflineCluster();
  c.node('plain');
  c.node('ssd', { labels: { disk: 'ssd' } });
  c.node('soft', { labels: { disk: 'ssd' }, taints: [{ key: 'k', effect: 'PreferNoSchedule' }] });
  const prefer = { containers: [{ name: 'c' }], affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: 'disk', operator: 'In' as const, values: ['ssd'] }] } }] } } };
  assert.equal(c.schedule(pod('p', { spec: prefer })).node, 'ssd');
});

test('default spreading uses the owning ReplicaSet\'s selector across hostnames', () => {
  const c = new OfflineCluster();
  for (const n of ['n1', 'n2', 'n3']) c.node(n, { cpu: '100' });
  c.replicaSets.upsert({ metadata: { name: 'rs', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } } } });
  const owned = (i: number) => ({ ...pod(`w${i}`, { labels: { app: 'web' } }), metadata: { name: `w${i}`, labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u', controller: true }] } });
  const per = new Map<string, number>();
  for (let i = 0; i < 9; i++) {
    const n = c.schedule(owned(i)).node as string;
    per.set(n, (per.get(n) ?? 0) + 1);
  }
  assert.deepEqual([...per.values()], [3, 3, 3]);
});

test('nominated pods of higher priority keep their room from lower-priority pods', () => {
  const c = new OfflineCluster();
  c.node('n1', { cpu: '2' });
  const vip = c.info(pod('vip', { cpu: '2' }), 100);
  c.cache.setNominated(vip, 'n1');
  assert.match(c.schedule(pod('low', { cpu: '1' }), 0).message ?? '', /1 Insufficient cpu/);
  assert.equal(c.schedule(pod('higher', { cpu: '1' }), 200).node, 'n1');
});
