import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { newestKubectl, startSimCluster } from './sim-cluster.js';

const skip = newestKubectl() ? false : 'kubectl is not installed';

test('a Service gets Endpoints and an EndpointSlice listing its ready pods with named ports', { skip }, async (t) => {
  const c = await startSimCluster(t);
  const manifest = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx
        ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: web, port: 80, targetPort: http}]
`;
  const made = await c.kubectl(['apply', '-f', '-'], { input: manifest });
  assert.equal(made.code, 0, made.stderr);
  assert.equal((await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s'])).code, 0);
  const ep = await waitFor(async () => {
    const r = await c.kubectl(['get', 'endpoints', 'web', '-o', 'jsonpath={.subsets[0].addresses[*].ip}|{.subsets[0].ports[0].port}|{.subsets[0].ports[0].name}']);
    const [ips] = r.stdout.split('|');
    return ips && ips.split(' ').length === 2 ? r.stdout : undefined;
  }, { timeoutMs: 30_000, what: 'endpoints with two addresses' });
  assert.match(ep, /^10\.\d+\.\d+\.\d+ 10\.\d+\.\d+\.\d+\|8080\|web$/);
  const slice = await c.kubectl(['get', 'endpointslices', '-l', 'kubernetes.io/service-name=web', '-o', 'jsonpath={.items[0].endpoints[*].conditions.ready}|{.items[0].ports[0].port}|{.items[0].metadata.ownerReferences[0].kind}']);
  assert.equal(slice.stdout, 'true true|8080|Service');
  const sa = await c.kubectl(['get', 'serviceaccount', 'default', '-o', 'name']);
  assert.equal(sa.stdout.trim(), 'serviceaccount/default');
  const ca = await c.kubectl(['get', 'configmap', 'kube-root-ca.crt', '-o', 'jsonpath={.data.ca\\.crt}']);
  assert.equal(ca.stdout, c.srv.ca);
  // Scaling down removes the address.
  assert.equal((await c.kubectl(['scale', 'deployment/web', '--replicas=1'])).code, 0);
  await waitFor(async () => {
    const r = await c.kubectl(['get', 'endpoints', 'web', '-o', 'jsonpath={.subsets[0].addresses[*].ip}']);
    return r.stdout.trim().split(' ').length === 1 ? true : undefined;
  }, { timeoutMs: 30_000, what: 'one address left' });
});
