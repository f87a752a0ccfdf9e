import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../base/async.js';
import type { Lease } from '../../client/kinds/coordination.js';
import type { Pod } from '../../client/kinds/core.js';
import { resources } from '../../client/resources.js';
import { startTestCluster, testPod } from '../../scheduler/testing/cluster.js';
import { SimulatedNodes } from './simulated-nodes.js';

const CAPACITY = { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '50Gi' };

async function withSimulator(t: Parameters<typeof startTestCluster>[0], count: number) {
  const c = await startTestCluster(t);
  const sim = new SimulatedNodes({ client: c.client, capacity: CAPACITY, count, namePrefix: 'sim-', leaseRenewMs: 500 });
  const ctl = new AbortController();
  const run = sim.run(ctl.signal);
  t.after(async () => { ctl.abort(); await run; });
  c.start();
  return { c, sim };
}

const phaseOf = async (c: Awaited<ReturnType<typeof startTestCluster>>, name: string, want: string): Promise<Pod> =>
  waitFor(async () => {
    const p = await c.pods.get(name, { namespace: 'default' });
    return p.status?.phase === want ? p : undefined;
  }, { what: `pod ${name} ${want}`, timeoutMs: 20_000 });

test('SimulatedNodes registers Ready nodes with Leases and runs scheduled pods', async (t) => {
  const { c } = await withSimulator(t, 3);
  const nodes = await waitFor(async () => { const l = await c.nodes.list(); return l.items.length === 3 ? l.items : undefined; });
  assert.deepEqual(nodes.map((n) => n.metadata.name).sort(), ['sim-0001', 'sim-0002', 'sim-0003']);
  const n1 = nodes.find((n) => n.metadata.name === 'sim-0001');
  assert.equal(n1?.status?.conditions?.find((x) => x.type === 'Ready')?.status, 'True');
  assert.equal(n1?.spec?.podCIDR, '10.42.255.0/24');
  assert.equal(n1?.status?.daemonEndpoints?.kubeletEndpoint?.Port, 10250);
  const leases = c.client.resource<Lease>(resources.leases);
  const first = await leases.get('sim-0001', { namespace: 'kube-node-lease' });
  assert.equal(first.spec?.holderIdentity, 'sim-0001');
  await waitFor(async () => ((await leases.get('sim-0001', { namespace: 'kube-node-lease' })).spec?.renewTime !== first.spec?.renewTime ? true : undefined), { what: 'lease renewal' });

  await c.pods.create(testPod('web'));
  const web = await phaseOf(c, 'web', 'Running');
  const node = nodes.find((n) => n.metadata.name === web.spec?.nodeName);
  assert.ok(web.status?.podIP?.startsWith((node?.spec?.podCIDR ?? 'x').split('.').slice(0, 3).join('.')));
  assert.equal(web.status?.containerStatuses?.[0]?.ready, true);
  for (const type of ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled']) {
    assert.equal(web.status?.conditions?.find((x) => x.type === type)?.status, 'True', type);
  }
  // Graceful deletion: the simulated kubelet finalises the pod.
  await c.pods.delete('web', { namespace: 'default' });
  await waitFor(async () => c.pods.get('web', { namespace: 'default' }).then(() => undefined, () => true), { what: 'pod gone' });
});

test('SimulatedNodes completes and fails pods whose command exits', async (t) => {
  const { c } = await withSimulator(t, 1);
  await c.pods.create(testPod('ok', { spec: { restartPolicy: 'Never' }, container: { command: ['sh', '-c', 'sleep 1; true'] } }));
  await c.pods.create(testPod('bad', { spec: { restartPolicy: 'Never' }, container: { command: ['sh', '-c', 'exit 3'] } }));
  await c.pods.create({ ...testPod('ann', { spec: { restartPolicy: 'OnFailure' } }), metadata: { name: 'ann', namespace: 'default', annotations: { 'sim.k3ts.io/exit-after': '500ms' } } });
  const ok = await phaseOf(c, 'ok', 'Succeeded');
  assert.equal((ok.status?.containerStatuses?.[0]?.state?.['terminated'] as { exitCode: number }).exitCode, 0);
  assert.equal(ok.status?.conditions?.find((x) => x.type === 'Ready')?.reason, 'PodCompleted');
  const bad = await phaseOf(c, 'bad', 'Failed');
  assert.equal((bad.status?.containerStatuses?.[0]?.state?.['terminated'] as { exitCode: number; reason: string }).exitCode, 3);
  await phaseOf(c, 'ann', 'Succeeded');
});
