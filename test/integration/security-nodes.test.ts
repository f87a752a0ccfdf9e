/**
 * A kubelet credential (`system:node:n1` in `system:nodes`) against `k3ts server`: the Node
 * authorizer lets it read only what pods bound to n1 use, and NodeRestriction lets it change
 * only its own Node, pods, Lease and tokens. Driven with the real kubectl.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSecureCluster } from '../../src/apiserver/security/testing/cluster.js';
import { kubectlPath } from './harness.js';

const KUBECTL = kubectlPath(33) ?? 'kubectl';

test('a node credential reads only its own pods\' secrets and writes only its own objects', async (t) => {
  const c = await startSecureCluster(t);
  const k = (args: string[], input?: string) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL, ...(input !== undefined ? { input } : {}) });
  for (const n of ['n1', 'n2']) assert.equal((await k(['create', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name: n } }))).code, 0);
  for (const s of ['s1', 's2']) assert.equal((await k(['create', 'secret', 'generic', s, '--from-literal=k=v'])).code, 0);
  assert.equal((await k(['create', 'configmap', 'cm1', '--from-literal=k=v'])).code, 0);
  const pod = (name: string, node: string, secret: string) => JSON.stringify({
    apiVersion: 'v1', kind: 'Pod', metadata: { name },
    spec: { nodeName: node, volumes: [{ name: 's', secret: { secretName: secret } }], containers: [{ name: 'c', image: 'nginx', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cm1', key: 'k' } } }] }] },
  });
  let r = await k(['create', '-f', '-'], pod('p1', 'n1', 's1'));
  for (let i = 0; r.code !== 0 && i < 30; i++) r = await k(['create', '-f', '-'], pod('p1', 'n1', 's1'));
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await k(['create', '-f', '-'], pod('p2', 'n2', 's2'))).code, 0);
  const node = await c.certUser('system:node:n1', ['system:nodes']);
  const n1 = (args: string[], input?: string) => c.kubectl(node.kubeconfig, args, { bin: KUBECTL, ...(input !== undefined ? { input } : {}) });

  // Reads: only what n1's pods reference.
  r = await n1(['get', 'secret', 's1', '-o', 'name']);
  for (let i = 0; r.code !== 0 && i < 20; i++) r = await n1(['get', 'secret', 's1', '-o', 'name']);
  assert.equal(r.stdout.trim(), 'secret/s1', r.stderr);
  assert.equal((await n1(['get', 'configmap', 'cm1', '-o', 'name'])).stdout.trim(), 'configmap/cm1');
  r = await n1(['get', 'secret', 's2']);
  assert.match(r.stderr, /secrets "s2" is forbidden: User "system:node:n1" cannot get resource "secrets" in API group "" in the namespace "default": no relationship found between node 'n1' and this object/);
  r = await n1(['get', 'secrets']);
  assert.match(r.stderr, /secrets is forbidden: User "system:node:n1" cannot list resource "secrets"/);
  assert.equal((await n1(['get', 'node', 'n1', '-o', 'name'])).stdout.trim(), 'node/n1');
  assert.match((await n1(['get', 'node', 'n2'])).stderr, /nodes "n2" is forbidden: User "system:node:n1" cannot get resource "nodes"/);
  assert.match((await n1(['get', 'pods', '-A'])).stderr, /forbidden/);
  assert.equal((await n1(['get', 'pods', '-A', '--field-selector=spec.nodeName=n1', '-o', 'name'])).stdout.trim(), 'pod/p1');
  assert.equal((await n1(['get', 'pod', 'p1', '-o', 'name'])).stdout.trim(), 'pod/p1');
  assert.match((await n1(['get', 'pod', 'p2'])).stderr, /no relationship found between node 'n1' and this object/);

  // Writes: its own Node, its own pods, its own lease.
  assert.equal((await n1(['label', 'node', 'n1', 'example.com/rack=r1'])).code, 0);
  // kubectl would first fail to read n2; a direct PATCH reaches NodeRestriction (RBAC's system:node allows node patches).
  const patched = await c.fetch('/api/v1/nodes/n2', { method: 'PATCH', cert: node, headers: { 'content-type': 'application/merge-patch+json' }, body: '{"metadata":{"labels":{"example.com/rack":"r1"}}}' });
  assert.equal(patched.status, 403);
  assert.equal(patched.json()['message'], 'nodes "n2" is forbidden: node "n1" is not allowed to modify node "n2"');
  assert.match((await n1(['label', 'node', 'n1', 'node-restriction.kubernetes.io/trusted=yes'])).stderr, /node "n1" is not allowed to modify labels: node-restriction.kubernetes.io\/trusted/);
  assert.match((await n1(['create', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n3' } }))).stderr, /node "n1" is not allowed to modify node "n3"/);
  r = await n1(['create', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }] } }));
  assert.match(r.stderr, /pods "x" is forbidden: pod does not have "kubernetes.io\/config.mirror" annotation, node "n1" can only create mirror pods/);
  // A kubelet PATCHes pod status directly (kubectl would GET pods/status first, which nodes may not).
  const patchStatus = (pod: string) => c.fetch(`/api/v1/namespaces/default/pods/${pod}/status`, {
    method: 'PATCH', cert: node, headers: { 'content-type': 'application/merge-patch+json' }, body: JSON.stringify({ status: { phase: 'Running' } }),
  });
  assert.equal((await patchStatus('p1')).status, 200);
  const other = await patchStatus('p2');
  assert.equal(other.status, 403);
  assert.equal(other.json()['message'], 'pods "p2" is forbidden: node "n1" can only update pod status for pods with spec.nodeName set to itself');
  assert.match((await n1(['delete', 'pod', 'p2'])).stderr, /forbidden/);
  const lease = (name: string) => JSON.stringify({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: 'kube-node-lease' }, spec: { holderIdentity: name } });
  assert.equal((await n1(['create', '-f', '-'], lease('n1'))).code, 0);
  assert.match((await n1(['create', '-f', '-'], lease('n2'))).stderr, /forbidden/);
  // Tokens only for its pods' service accounts, bound to its pods.
  r = await n1(['create', 'token', 'default', '--bound-object-kind=Pod', '--bound-object-name=p1']);
  assert.equal(r.code, 0, r.stderr);
  assert.match((await n1(['create', 'token', 'default', '--bound-object-kind=Pod', '--bound-object-name=p2'])).stderr, /node requested token bound to a pod scheduled on a different node/);
  assert.match((await n1(['create', 'token', 'default'])).stderr, /node requested token not bound to a pod/);
});
