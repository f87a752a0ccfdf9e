/**
 * Admission webhooks registered through admissionregistration.k8s.io/v1, served over HTTPS by a
 * test server with its own CA (caBundle): a validating webhook that refuses, a mutating webhook
 * that patches, selectors, dry run, and a webhook that times out with failurePolicy Fail (the
 * request is blocked) and Ignore (it goes through).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { startSecureCluster } from '../../src/apiserver/security/testing/cluster.js';
import { kubectlPath } from './harness.js';
import { hookConfig, jsonPatch, webhookServer } from './webhook-server.js';

const KUBECTL = kubectlPath(33) ?? 'kubectl';

test('validating and mutating webhooks refuse, patch and warn, honouring selectors and dry run', async (t) => {
  const c = await startSecureCluster(t);
  const wh = await webhookServer(t);
  const k = (args: string[], input?: string) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL, ...(input !== undefined ? { input } : {}) });
  assert.equal((await k(['create', 'namespace', 'hooked'])).code, 0);
  assert.equal((await k(['label', 'namespace', 'hooked', 'webhooks=on'])).code, 0);
  const rules = [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['configmaps'], scope: 'Namespaced' }];
  assert.equal((await k(['create', '-f', '-'], hookConfig('Validating', 'names', {
    rules, failurePolicy: 'Fail', namespaceSelector: { matchLabels: { webhooks: 'on' } }, clientConfig: { url: `${wh.url}/validate`, caBundle: wh.caBundle },
  }))).code, 0);
  assert.equal((await k(['create', '-f', '-'], hookConfig('Mutating', 'labels', {
    rules, failurePolicy: 'Fail', objectSelector: { matchLabels: { mutate: 'me' } }, clientConfig: { url: `${wh.url}/mutate`, caBundle: wh.caBundle },
    matchConditions: [{ name: 'not-skipped', expression: "object.metadata.name != 'skip-me'" }],
  }))).code, 0);

  let r = await k(['-n', 'hooked', 'create', 'configmap', 'bad-one']);
  for (let i = 0; !/denied/.test(r.stderr) && i < 30; i++) {
    await k(['-n', 'hooked', 'delete', 'configmap', 'bad-one', '--ignore-not-found']);
    r = await k(['-n', 'hooked', 'create', 'configmap', 'bad-one']);
  }
  assert.match(r.stderr, /admission webhook "names.example.com" denied the request: names starting with bad are not allowed/);
  r = await k(['-n', 'hooked', 'create', 'configmap', 'good']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /Warning: checked by the test webhook/);
  // Outside the selected namespace the validating webhook is not asked.
  assert.equal((await k(['-n', 'default', 'create', 'configmap', 'bad-elsewhere'])).code, 0);
  // The mutating webhook patches objects its selector picks.
  const cm = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'picked', labels: { mutate: 'me' } } });
  assert.equal((await k(['-n', 'default', 'create', '-f', '-'], cm)).code, 0);
  assert.equal((await k(['-n', 'default', 'get', 'configmap', 'picked', '-o', 'jsonpath={.metadata.labels.mutated}'])).stdout, 'yes');
  assert.equal((await k(['-n', 'default', 'get', 'configmap', 'bad-elsewhere', '-o', 'jsonpath={.metadata.labels}'])).stdout, '');
  // matchConditions (CEL) keep the webhook away from this one.
  const skipped = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'skip-me', labels: { mutate: 'me' } } });
  assert.equal((await k(['-n', 'default', 'create', '-f', '-'], skipped)).code, 0);
  assert.equal((await k(['-n', 'default', 'get', 'configmap', 'skip-me', '-o', 'jsonpath={.metadata.labels.mutated}'])).stdout, '');
  // Dry runs reach webhooks without side effects, and are refused by ones that have them.
  assert.match((await k(['-n', 'hooked', 'create', 'configmap', 'bad-dry', '--dry-run=server'])).stderr, /denied the request/);
  // admissionregistration/v1 only knows webhooks without side effects (None, NoneOnDryRun).
  r = await k(['patch', 'validatingwebhookconfiguration', 'names', '--type=json', '-p', '[{"op":"replace","path":"/webhooks/0/sideEffects","value":"Some"}]']);
  assert.match(r.stderr, /webhooks\[0\]\.sideEffects: Unsupported value: "Some": supported values: "None", "NoneOnDryRun"/);
  // Webhook configurations themselves never go to webhooks.
  assert.ok(!wh.calls.some((x) => x.includes('names')), 'no call for the configuration objects');
});

test('a webhook that times out blocks the request with failurePolicy Fail and not with Ignore', async (t) => {
  const c = await startSecureCluster(t);
  const wh = await webhookServer(t);
  const k = (args: string[], input?: string) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL, ...(input !== undefined ? { input } : {}) });
  const rules = [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['secrets'] }];
  assert.equal((await k(['create', '-f', '-'], hookConfig('Validating', 'slow', {
    rules, failurePolicy: 'Fail', timeoutSeconds: 1, clientConfig: { url: `${wh.url}/slow`, caBundle: wh.caBundle },
  }))).code, 0);
  let r = await k(['create', 'secret', 'generic', 's1']);
  for (let i = 0; r.code === 0 && i < 30; i++) {
    await k(['delete', 'secret', 's1']);
    r = await k(['create', 'secret', 'generic', 's1']);
  }
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /Internal error occurred: failed calling webhook "slow.example.com": failed to call webhook: Post "https:\/\/127.0.0.1:\d+\/slow\?timeout=1s": context deadline exceeded/);
  assert.equal((await k(['get', 'secret', 's1', '-o', 'name'])).code, 1, 'nothing was stored');
  assert.equal((await k(['patch', 'validatingwebhookconfiguration', 'slow', '--type=json', '-p', '[{"op":"replace","path":"/webhooks/0/failurePolicy","value":"Ignore"}]'])).code, 0);
  r = await k(['create', 'secret', 'generic', 's2']);
  for (let i = 0; r.code !== 0 && i < 30; i++) r = await k(['create', 'secret', 'generic', 's2']);
  assert.equal(r.code, 0, r.stderr);
  // An unreachable webhook counts as failing too.
  assert.equal((await k(['create', '-f', '-'], hookConfig('Validating', 'gone', {
    rules, failurePolicy: 'Fail', clientConfig: { url: 'https://127.0.0.1:1/nowhere', caBundle: wh.caBundle },
  }))).code, 0);
  r = await k(['create', 'secret', 'generic', 's3']);
  for (let i = 0; r.code === 0 && i < 30; i++) {
    await k(['delete', 'secret', 's3']);
    r = await k(['create', 'secret', 'generic', 's3']);
  }
  assert.match(r.stderr, /failed calling webhook "gone.example.com": failed to call webhook: Post "https:\/\/127.0.0.1:1\/nowhere\?timeout=10s": connect ECONNREFUSED/);
});

test('a webhook addressed by Service is called at a ready endpoint with the service name as TLS server name', async (t) => {
  // EndpointSlices may not point at loopback (as in Kubernetes): use one of this host's addresses.
  const hostIp = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  if (!hostIp) { t.skip('this machine has no non-loopback IPv4 address for the endpoint'); return; }
  const c = await startSecureCluster(t);
  const wh = await webhookServer(t);
  const k = (args: string[], input?: string) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL, ...(input !== undefined ? { input } : {}) });
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'hooks' }, spec: { ports: [{ name: 'https', port: 443, targetPort: wh.port }] } };
  assert.equal((await k(['create', '-f', '-'], JSON.stringify(svc))).code, 0);
  const slice = {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'hooks-1', labels: { 'kubernetes.io/service-name': 'hooks' } },
    addressType: 'IPv4', ports: [{ name: 'https', port: wh.port, protocol: 'TCP' }], endpoints: [{ addresses: [hostIp], conditions: { ready: true } }],
  };
  assert.equal((await k(['create', '-f', '-'], JSON.stringify(slice))).code, 0);
  const rules = [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['configmaps'] }];
  assert.equal((await k(['create', '-f', '-'], hookConfig('Validating', 'by-service', {
    rules, failurePolicy: 'Fail', clientConfig: { service: { namespace: 'default', name: 'hooks', path: '/validate' }, caBundle: wh.caBundle },
  }))).code, 0);
  let r = await k(['create', 'configmap', 'bad-svc']);
  for (let i = 0; !/denied/.test(r.stderr) && i < 30; i++) {
    await k(['delete', 'configmap', 'bad-svc', '--ignore-not-found']);
    r = await k(['create', 'configmap', 'bad-svc']);
  }
  assert.match(r.stderr, /admission webhook "by-service.example.com" denied the request: names starting with bad are not allowed/);
  assert.ok(wh.calls.includes('/validate bad-svc'));
});

test('subresource writes reach webhooks as their own kind: an Eviction refused, a Scale put through /scale patched', async (t) => {
  const c = await startSecureCluster(t);
  const wh = await webhookServer(t, {
    '/no-evictions': () => ({ allowed: false, status: { code: 403, reason: 'Forbidden', message: 'evictions are paused' } }),
    '/at-least-two': (r) => ((r.object.spec?.['replicas'] as number | undefined ?? 0) < 2 ? jsonPatch([{ op: 'replace', path: '/spec/replicas', value: 2 }]) : { allowed: true }),
  });
  const k = (args: string[], input?: string) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL, ...(input !== undefined ? { input } : {}) });
  assert.equal((await k(['create', '-f', '-'], hookConfig('Validating', 'evictions', {
    rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods/eviction'] }],
    failurePolicy: 'Fail', clientConfig: { url: `${wh.url}/no-evictions`, caBundle: wh.caBundle },
  }))).code, 0);
  assert.equal((await k(['create', '-f', '-'], hookConfig('Mutating', 'scale', {
    rules: [{ operations: ['UPDATE'], apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments/scale'] }],
    failurePolicy: 'Fail', clientConfig: { url: `${wh.url}/at-least-two`, caBundle: wh.caBundle },
  }))).code, 0);
  assert.equal((await k(['run', 'victim', '--image=nginx'])).code, 0);
  const eviction = JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'victim', namespace: 'default' } });
  let r = await k(['create', '--raw', '/api/v1/namespaces/default/pods/victim/eviction', '-f', '-'], eviction);
  for (let i = 0; !/denied/.test(r.stderr) && i < 30; i++) r = await k(['create', '--raw', '/api/v1/namespaces/default/pods/victim/eviction', '-f', '-'], eviction);
  assert.match(r.stderr, /admission webhook "evictions.example.com" denied the request: evictions are paused/);
  assert.equal((await k(['get', 'pod', 'victim', '-o', 'jsonpath={.metadata.deletionTimestamp}'])).stdout, '', 'the pod was not evicted');
  const seen = wh.reviews.find((x) => x.path === '/no-evictions')?.request;
  assert.deepEqual([seen?.kind, seen?.resource, seen?.subResource, seen?.object.kind], [{ group: 'policy', version: 'v1', kind: 'Eviction' }, { group: '', version: 'v1', resource: 'pods' }, 'eviction', 'Eviction']);

  assert.equal((await k(['create', 'deployment', 'web', '--image=nginx', '--replicas=3'])).code, 0);
  const scale = JSON.stringify({ apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 1 } });
  r = await k(['replace', '--raw', '/apis/apps/v1/namespaces/default/deployments/web/scale', '-f', '-'], scale);
  for (let i = 0; r.code === 0 && !wh.reviews.some((x) => x.path === '/at-least-two') && i < 30; i++) r = await k(['replace', '--raw', '/apis/apps/v1/namespaces/default/deployments/web/scale', '-f', '-'], scale);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await k(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}'])).stdout, '2', 'the webhook raised the replicas');
  const put = wh.reviews.find((x) => x.path === '/at-least-two')?.request;
  assert.deepEqual([put?.kind, put?.resource, put?.subResource, put?.object.kind], [{ group: 'autoscaling', version: 'v1', kind: 'Scale' }, { group: 'apps', version: 'v1', resource: 'deployments' }, 'scale', 'Scale']);
});
