import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../api/meta/object.js';
import { formatList, missingDeclarations, quotaSelects, resourcesFor, usageOf } from './usage.js';

const pod = (spec: Record<string, unknown>, status?: Record<string, unknown>): KubeObject => ({ metadata: { name: 'p' }, spec, ...(status ? { status } : {}) });

test('usageOf() counts pods with their compute resources; terminal pods count nothing', () => {
  const p = pod({
    initContainers: [{ name: 'init', resources: { requests: { cpu: '2' } } }],
    containers: [{ name: 'a', resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } }, { name: 'b', resources: { requests: { cpu: '700m' } } }],
  });
  const u = usageOf('', 'pods', p);
  assert.equal(formatList(u, [...u.keys()]), 'count/pods=1,cpu=2,limits.cpu=1,limits.memory=1Gi,memory=1Gi,pods=1,requests.cpu=2,requests.memory=1Gi');
  assert.equal(usageOf('', 'pods', pod({ containers: [] }, { phase: 'Succeeded' })).size, 0);
});

test('usageOf() counts services, claims per storage class and objects of any group', () => {
  const svc: KubeObject = { metadata: { name: 's' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }, { port: 443 }] } };
  const su = usageOf('', 'services', svc);
  assert.equal(formatList(su, ['services', 'services.loadbalancers', 'services.nodeports']), 'services=1,services.loadbalancers=1,services.nodeports=2');
  const pvc: KubeObject = { metadata: { name: 'c' }, spec: { storageClassName: 'fast', resources: { requests: { storage: '5Gi' } } } };
  const cu = usageOf('', 'persistentvolumeclaims', pvc);
  assert.equal(formatList(cu, ['requests.storage', 'fast.storageclass.storage.k8s.io/requests.storage', 'fast.storageclass.storage.k8s.io/persistentvolumeclaims']),
    'fast.storageclass.storage.k8s.io/persistentvolumeclaims=1,fast.storageclass.storage.k8s.io/requests.storage=5Gi,requests.storage=5Gi');
  assert.deepEqual([...usageOf('apps', 'deployments', { metadata: {} }).keys()], ['count/deployments.apps']);
  assert.deepEqual(resourcesFor(['pods', 'count/deployments.apps', 'requests.storage', 'limits.cpu']), [
    { group: '', resource: 'pods' }, { group: 'apps', resource: 'deployments' }, { group: '', resource: 'persistentvolumeclaims' },
  ]);
});

test('quotaSelects() applies scopes to pods only; missingDeclarations() names undeclared resources', () => {
  const best = pod({ containers: [{ name: 'a' }] });
  const burst = pod({ activeDeadlineSeconds: 10, containers: [{ name: 'a', resources: { limits: { cpu: '1' } } }] });
  const quota = (scopes: string[]): KubeObject => ({ metadata: {}, spec: { scopes } });
  assert.equal(quotaSelects(quota(['BestEffort']), '', 'pods', best), true);
  assert.equal(quotaSelects(quota(['BestEffort']), '', 'pods', burst), false);
  assert.equal(quotaSelects(quota(['Terminating', 'NotBestEffort']), '', 'pods', burst), true);
  assert.equal(quotaSelects(quota(['BestEffort']), '', 'configmaps', { metadata: {} }), false);
  assert.equal(missingDeclarations(burst, ['limits.cpu', 'requests.cpu', 'limits.memory']), 'limits.memory for: a');
  assert.equal(missingDeclarations(best, ['requests.memory']), 'requests.memory for: a');
});
