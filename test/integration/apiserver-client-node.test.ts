// @kubernetes/client-node 1.4 against `k3ts server` (in process, embedded SQLite, admin client certificate): typed list/create, an informer that sees
// adds, updates and deletes through list-then-watch, and KubernetesObjectApi's discovery.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as k8s from '@kubernetes/client-node';
import { startTestServer } from '../../src/server/testing/fixture.js';

let kc: k8s.KubeConfig;
const cleanups: Array<() => unknown> = [];
before(async () => {
  const ts = await startTestServer({ after: (fn) => { cleanups.push(fn); } });
  kc = new k8s.KubeConfig();
  kc.loadFromFile(ts.kubeconfig);
});
after(async () => { for (const fn of cleanups.reverse()) await fn(); });

const until = async (cond: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

test('client-node lists and creates with the typed API', async () => {
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const ns = await core.listNamespace();
  assert.deepEqual(ns.items.map((n) => n.metadata?.name).sort(), ['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  const cm = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'typed' }, data: { a: '1' } } });
  assert.equal(cm.metadata?.name, 'typed');
  assert.ok(cm.metadata?.resourceVersion);
  await assert.rejects(core.readNamespacedConfigMap({ namespace: 'default', name: 'missing' }), (e: unknown) => (e as { code?: number }).code === 404);
});

test('client-node informer sees add, update and delete', async () => {
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const seen: string[] = [];
  const informer = k8s.makeInformer(kc, '/api/v1/namespaces/default/configmaps', () => core.listNamespacedConfigMap({ namespace: 'default' }));
  informer.on('add', (o) => seen.push(`add ${o.metadata?.name ?? ''}`));
  informer.on('update', (o) => seen.push(`update ${o.metadata?.name ?? ''}`));
  informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name ?? ''}`));
  await informer.start();
  try {
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'inf' }, data: { a: '1' } } });
    await until(() => seen.includes('add inf'));
    await core.patchNamespacedConfigMap({ namespace: 'default', name: 'inf', body: { data: { a: '2' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    await until(() => seen.includes('update inf'));
    await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'inf' });
    await until(() => seen.includes('delete inf'));
    assert.ok(informer.list('default').every((o) => o.metadata?.name !== 'inf'));
  } finally {
    await informer.stop();
  }
});

test('client-node KubernetesObjectApi maps kinds through discovery', async () => {
  const api = k8s.KubernetesObjectApi.makeApiClient(kc);
  const created = await api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'obj', namespace: 'default' }, stringData: { k: 'v' } } as k8s.KubernetesObject);
  assert.equal(created.metadata?.name, 'obj');
  const read = await api.read({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'obj', namespace: 'default' } });
  assert.deepEqual((read as { data?: Record<string, string> }).data, { k: Buffer.from('v').toString('base64') });
});
