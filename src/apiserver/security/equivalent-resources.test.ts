import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/meta/object.js';
import { customVersions } from '../../api/apiextensions/crd-resources.js';
import { openMemory } from '../../datastore/drivers/memory/memory-driver.js';
import { servedCustomVersion } from '../apiextensions/custom-resources.js';
import { defaultResources } from '../apiserver.js';
import { builtinRegistry } from '../registry/builtin.js';
import { equivalentResources } from './equivalent-resources.js';

async function registry(t: { after(fn: () => unknown): void }) {
  const backend = await openMemory('equivalents');
  const r = builtinRegistry(backend, defaultResources(), { serviceCidr: '10.43.0.0/16', nodePortBase: 30000, nodePortSize: 2768 });
  t.after(async () => { r.stop(); await backend.close(); });
  return { backend, registry: r };
}

const hpa = (version: string) => ({ group: 'autoscaling', version, resource: 'horizontalpodautoscalers' });
const names = (list: readonly { group: string; version: string; resource: string }[]) => list.map((e) => `${e.group}/${e.version}/${e.resource}`);

test('equivalentResources() finds the built-ins served over one storage as kube-apiserver v1.33 does', async (t) => {
  const { registry: reg } = await registry(t);
  const m = equivalentResources(reg);
  const shared = new Map<string, string[]>();
  for (const s of reg.all()) {
    const eq = names(m.equivalentsOf({ group: s.def.group, version: s.def.version, resource: s.def.plural }, ''));
    if (eq.length > 1) shared.set(eq.join(' '), eq);
  }
  assert.deepEqual([...shared.values()].map((l) => [...l].sort()).sort(), [
    ['/v1/events', 'events.k8s.io/v1/events'],
    ['autoscaling/v1/horizontalpodautoscalers', 'autoscaling/v2/horizontalpodautoscalers'],
  ]);
  assert.deepEqual(m.equivalentsOf(hpa('v1'), '').find((e) => e.version === 'v2')?.kind, { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' });
  assert.deepEqual(m.equivalentsOf({ group: 'apps', version: 'v1', resource: 'deployments' }, 'scale'), [
    { group: 'apps', version: 'v1', resource: 'deployments', kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' } },
  ]);
  assert.deepEqual(m.equivalentsOf({ group: 'nope', version: 'v1', resource: 'things' }, ''), []);
});

test('equivalentResources().convert() moves an HPA between autoscaling/v1 and v2 through storage', async (t) => {
  const m = equivalentResources((await registry(t)).registry);
  const v1: KubeObject = {
    apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 50 },
  };
  const v2 = m.convert(v1, hpa('v1'), hpa('v2'));
  assert.equal(v2.apiVersion, 'autoscaling/v2');
  assert.deepEqual((v2['spec'] as Record<string, unknown>)['metrics'], [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
  assert.deepEqual(m.convert(v2, hpa('v2'), hpa('v1')), v1);
  assert.equal((v1['spec'] as Record<string, unknown>)['targetCPUUtilizationPercentage'], 50, 'the input is left alone');
});

test('equivalentResources() follows the served versions of a CRD, with their status and scale kinds', async (t) => {
  const { backend, registry: reg } = await registry(t);
  const version = (name: string, storage: boolean) => ({
    name, served: true, storage, subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } },
    schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
  });
  const crd = { spec: { group: 'x.example.com', names: { plural: 'widgets', kind: 'Widget' }, scope: 'Namespaced', versions: [version('v1', true), version('v2', false)] } };
  for (const v of customVersions(crd)) reg.add(servedCustomVersion(backend, v, { storage: 'v1' }));
  const m = equivalentResources(reg);
  const widgets = (v: string) => ({ group: 'x.example.com', version: v, resource: 'widgets' });
  assert.deepEqual(names(m.equivalentsOf(widgets('v2'), '')), ['x.example.com/v1/widgets', 'x.example.com/v2/widgets']);
  assert.deepEqual(m.equivalentsOf(widgets('v1'), 'status').map((e) => e.kind), [{ group: 'x.example.com', version: 'v1', kind: 'Widget' }, { group: 'x.example.com', version: 'v2', kind: 'Widget' }]);
  assert.deepEqual(m.equivalentsOf(widgets('v1'), 'scale').map((e) => `${e.kind.group}/${e.kind.version}`), ['autoscaling/v1', 'autoscaling/v1']);
  const w: KubeObject = { apiVersion: 'x.example.com/v1', kind: 'Widget', metadata: { name: 'a' }, spec: { replicas: 2 } };
  assert.deepEqual(m.convert(w, widgets('v1'), widgets('v2')), { ...w, apiVersion: 'x.example.com/v2' });
  // A Scale is not the resource's own kind: it passes as it is.
  const scale: KubeObject = { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'a' }, spec: { replicas: 2 } };
  assert.deepEqual(m.convert(scale, widgets('v1'), widgets('v2')), scale);
  // A version that stops being served is no longer an equivalent.
  reg.remove('x.example.com', 'v2', 'widgets');
  assert.deepEqual(names(m.equivalentsOf(widgets('v1'), '')), ['x.example.com/v1/widgets']);
});
