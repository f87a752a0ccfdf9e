import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { newestKubectl, startSimCluster, type SimCluster } from './sim-cluster.js';

const skip = newestKubectl() ? false : 'kubectl is not installed';

const get = async (c: SimCluster, args: readonly string[], path: string): Promise<string> => (await c.kubectl(['get', ...args, '-o', `jsonpath=${path}`])).stdout;

test('the PV binder binds a claim to the smallest matching volume and releases it after the claim goes', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 1 });
  const made = await c.kubectl(['apply', '-f', '-'], { input: `
apiVersion: v1
kind: PersistentVolume
metadata: {name: big}
spec: {capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce], storageClassName: manual, hostPath: {path: /tmp/big}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: small}
spec: {capacity: {storage: 2Gi}, accessModes: [ReadWriteOnce], storageClassName: manual, persistentVolumeReclaimPolicy: Retain, hostPath: {path: /tmp/small}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {accessModes: [ReadWriteOnce], storageClassName: manual, resources: {requests: {storage: 1Gi}}}
` });
  assert.equal(made.code, 0, made.stderr);
  await waitFor(async () => ((await get(c, ['pvc', 'data'], '{.status.phase} {.spec.volumeName}')) === 'Bound small' ? true : undefined), { timeoutMs: 30_000, what: 'the claim to bind' });
  assert.equal(await get(c, ['pv', 'small'], '{.status.phase} {.spec.claimRef.name}'), 'Bound data');
  assert.equal(await get(c, ['pvc', 'data'], '{.status.capacity.storage}'), '2Gi');
  assert.equal(await get(c, ['pv', 'big'], '{.status.phase}'), 'Available');
  assert.equal((await c.kubectl(['delete', 'pvc', 'data'])).code, 0);
  await waitFor(async () => ((await get(c, ['pv', 'small'], '{.status.phase}')) === 'Released' ? true : undefined), { timeoutMs: 30_000, what: 'the volume to be released' });
});

test('a WaitForFirstConsumer claim waits, then asks the provisioner and binds to what it creates', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 1 });
  const made = await c.kubectl(['apply', '-f', '-'], { input: `
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: local-path}
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Delete
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: later}
spec: {accessModes: [ReadWriteOnce], storageClassName: local-path, resources: {requests: {storage: 1Gi}}}
` });
  assert.equal(made.code, 0, made.stderr);
  await waitFor(async () => ((await c.kubectl(['describe', 'pvc', 'later'])).stdout.includes('waiting for first consumer to be created before binding') ? true : undefined), { timeoutMs: 30_000, what: 'the WaitForFirstConsumer event' });
  // What the scheduler does for the first consumer: name the node.
  assert.equal((await c.kubectl(['annotate', 'pvc', 'later', 'volume.kubernetes.io/selected-node=somewhere'])).code, 0);
  await waitFor(async () => ((await get(c, ['pvc', 'later'], '{.metadata.annotations.volume\\.kubernetes\\.io/storage-provisioner}')) === 'rancher.io/local-path' ? true : undefined), { timeoutMs: 30_000, what: 'the provisioning request' });
  // What the local-path provisioner does: a volume pre-bound to the claim.
  const uid = await get(c, ['pvc', 'later'], '{.metadata.uid}');
  const pv = await c.kubectl(['apply', '-f', '-'], { input: `
apiVersion: v1
kind: PersistentVolume
metadata: {name: pvc-${uid}, annotations: {pv.kubernetes.io/provisioned-by: rancher.io/local-path}}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: local-path
  persistentVolumeReclaimPolicy: Delete
  hostPath: {path: /tmp/pvc-${uid}}
  claimRef: {namespace: default, name: later, uid: ${uid}}
` });
  assert.equal(pv.code, 0, pv.stderr);
  await waitFor(async () => ((await get(c, ['pvc', 'later'], '{.status.phase} {.spec.volumeName}')) === `Bound pvc-${uid}` ? true : undefined), { timeoutMs: 30_000, what: 'the claim to bind to the provisioned volume' });
  assert.equal(await get(c, ['pv', `pvc-${uid}`], '{.status.phase}'), 'Bound');
});
