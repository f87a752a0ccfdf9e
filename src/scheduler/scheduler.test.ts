import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../base/async.js';
import { startTestCluster, testNode, testPod } from './testing/cluster.js';

test('Scheduler binds pods across nodes and records Scheduled events', async (t) => {
  const c = await startTestCluster(t);
  for (const n of ['n1', 'n2', 'n3']) await c.nodes.create(testNode(n));
  c.start();
  for (let i = 0; i < 9; i++) await c.pods.create(testPod(`p${i}`, { requests: { cpu: '500m', memory: '256Mi' } }));
  const placed = new Map<string, number>();
  for (let i = 0; i < 9; i++) {
    const node = await c.boundNode(`p${i}`);
    placed.set(node, (placed.get(node) ?? 0) + 1);
  }
  // LeastAllocated spreads equal pods evenly.
  assert.deepEqual([...placed.values()].sort(), [3, 3, 3]);
  const pod = await c.pods.get('p0', { namespace: 'default' });
  assert.equal(pod.status?.conditions?.find((x) => x.type === 'PodScheduled')?.status, 'True');
});

test('Scheduler explains an unschedulable pod in Kubernetes\'s message form and sets PodScheduled=False', async (t) => {
  const c = await startTestCluster(t);
  await c.nodes.create(testNode('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }));
  await c.nodes.create(testNode('w1', { cpu: '1' }));
  await c.nodes.create(testNode('w2', { cpu: '1' }));
  c.start();
  await c.pods.create(testPod('big', { requests: { cpu: '2' } }));
  const msg = await c.failedMessage('big');
  assert.equal(msg, '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
    'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.');
  const cond = await waitFor(async () => (await c.pods.get('big', { namespace: 'default' })).status?.conditions?.find((x) => x.type === 'PodScheduled'));
  assert.equal(cond.status, 'False');
  assert.equal(cond.reason, 'Unschedulable');
  assert.equal(cond.message, msg);
  // A node where it fits arrives: the pod leaves the unschedulable set and binds there.
  await c.nodes.create(testNode('w3', { cpu: '4' }));
  assert.equal(await c.boundNode('big'), 'w3');
});

test('Scheduler honours tolerations, node selectors, host ports and schedulerName', async (t) => {
  const c = await startTestCluster(t);
  await c.nodes.create(testNode('tainted', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }], labels: { disk: 'ssd' } }));
  await c.nodes.create(testNode('plain'));
  c.start();
  await c.pods.create(testPod('tolerant', { spec: { nodeSelector: { disk: 'ssd' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }] } }));
  assert.equal(await c.boundNode('tolerant'), 'tainted');
  await c.pods.create(testPod('picky', { spec: { nodeSelector: { disk: 'ssd' } } }));
  assert.match(await c.failedMessage('picky'), /^0\/2 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector, 1 node\(s\) had untolerated taint \{dedicated: db\}\./);
  const port = { container: { ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] } };
  await c.pods.create(testPod('web1', port));
  await c.pods.create(testPod('web2', port));
  await c.boundNode('web1');
  assert.match(await c.failedMessage('web2'), /1 node\(s\) didn't have free ports for the requested pod ports/);
  await c.pods.create(testPod('other', { spec: { schedulerName: 'my-scheduler' } }));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await c.pods.get('other', { namespace: 'default' })).spec?.nodeName, undefined);
});
