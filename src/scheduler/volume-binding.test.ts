import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../base/async.js';
import type { PersistentVolume, PersistentVolumeClaim } from '../client/kinds/core.js';
import { resources } from '../client/resources.js';
import type { KubeObject } from '../client/types.js';
import { startTestCluster, testNode, testPod, type TestCluster } from './testing/cluster.js';

const claimPod = (name: string, claim: string) => testPod(name, { spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }] } });

async function storage(c: TestCluster) {
  const classes = c.client.resource<KubeObject>(resources.storageclasses);
  const pvs = c.client.resource<PersistentVolume>(resources.persistentvolumes);
  const pvcs = c.client.resource<PersistentVolumeClaim>(resources.persistentvolumeclaims);
  const claim = (name: string, cls: string) => pvcs.create({ metadata: { name, namespace: 'default' }, spec: { storageClassName: cls, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
  /** Plays the PV controller: binds the claim to the volume whose claimRef names it. */
  const completeBinding = async (claimName: string, pvName: string) => {
    const pvc = await pvcs.get(claimName, { namespace: 'default' });
    await pvcs.update({ ...pvc, spec: { ...pvc.spec, volumeName: pvName } });
    const again = await pvcs.get(claimName, { namespace: 'default' });
    await pvcs.updateStatus({ ...again, status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } } });
  };
  /** Plays the PV controller's first step: a new volume becomes Available. */
  const createPv = async (pv: PersistentVolume) => {
    const made = await pvs.create(pv);
    await pvs.updateStatus({ ...made, status: { phase: 'Available' } });
  };
  return { classes, pvs, pvcs, claim, completeBinding, createPv };
}

const localPv = (name: string, node: string, size = '1Gi'): PersistentVolume => ({
  metadata: { name }, spec: {
    capacity: { storage: size }, accessModes: ['ReadWriteOnce'], storageClassName: 'local', persistentVolumeReclaimPolicy: 'Retain', local: { path: '/mnt/x' },
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
  },
});

test('VolumeBinding: a WaitForFirstConsumer claim picks the node of a fitting local volume and claims it before binding', async (t) => {
  const c = await startTestCluster(t);
  const s = await storage(c);
  for (const n of ['n1', 'n2', 'n3']) await c.nodes.create(testNode(n));
  await s.classes.create({ metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' } as KubeObject);
  await s.createPv(localPv('small-n1', 'n1', '100Mi'));
  await s.createPv(localPv('pv-n2', 'n2'));
  await s.claim('data', 'local');
  c.start();
  await c.pods.create(claimPod('db', 'data'));
  // The scheduler claims the volume on n2 (the one on n1 is too small) and waits for the binder.
  const pv = await waitFor(async () => { const v = await s.pvs.get('pv-n2'); return v.spec?.claimRef ? v : undefined; }, { what: 'claimRef on pv-n2' });
  assert.equal(pv.spec?.claimRef?.name, 'data');
  assert.equal(pv.metadata.annotations?.['pv.kubernetes.io/bound-by-controller'], 'yes');
  assert.equal((await c.pods.get('db', { namespace: 'default' })).spec?.nodeName, undefined);
  await s.completeBinding('data', 'pv-n2');
  assert.equal(await c.boundNode('db'), 'n2');
  // A second pod of the same bound claim must follow the volume.
  await c.pods.create(claimPod('db2', 'data'));
  assert.equal(await c.boundNode('db2'), 'n2');
});

test('VolumeBinding: provisioning records the selected node; unbound Immediate claims and missing claims keep pods pending', async (t) => {
  const c = await startTestCluster(t);
  const s = await storage(c);
  for (const n of ['n1', 'n2']) await c.nodes.create(testNode(n, { labels: { zone: n === 'n1' ? 'a' : 'b' } }));
  await s.classes.create({ metadata: { name: 'dyn' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer',
    allowedTopologies: [{ matchLabelExpressions: [{ key: 'zone', values: ['b'] }] }] } as KubeObject);
  await s.classes.create({ metadata: { name: 'now' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'Immediate' } as KubeObject);
  await s.claim('dyn-claim', 'dyn');
  await s.claim('now-claim', 'now');
  c.start();
  await c.pods.create(claimPod('app', 'dyn-claim'));
  const pvc = await waitFor(async () => { const p = await s.pvcs.get('dyn-claim', { namespace: 'default' }); return p.metadata.annotations?.['volume.kubernetes.io/selected-node'] ? p : undefined; }, { what: 'selected-node' });
  assert.equal(pvc.metadata.annotations?.['volume.kubernetes.io/selected-node'], 'n2');
  await s.pvs.create({ ...localPv('pvc-1', 'n2'), spec: { ...localPv('pvc-1', 'n2').spec, storageClassName: 'dyn', claimRef: { name: 'dyn-claim', namespace: 'default' } } });
  await s.completeBinding('dyn-claim', 'pvc-1');
  assert.equal(await c.boundNode('app'), 'n2');

  await c.pods.create(claimPod('early', 'now-claim'));
  assert.equal(await c.failedMessage('early'), '0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
  await c.pods.create(claimPod('lost', 'nope'));
  assert.match(await c.failedMessage('lost'), /^0\/2 nodes are available: persistentvolumeclaim "nope" not found\./);
});
