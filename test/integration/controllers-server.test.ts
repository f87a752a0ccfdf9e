/**
 * The controller manager inside `k3ts server` (full assembly: RBAC, admission): it holds the
 * kube-controller-manager lease, its controllers work under their service accounts' roles, and
 * componentstatuses reports it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { startSecureCluster } from '../../src/apiserver/security/testing/cluster.js';
import { kubectlPath } from './harness.js';

const KUBECTL = kubectlPath(33);
const skip = KUBECTL ? false : 'kubectl 1.33 is not installed';

test('k3ts server runs the controllers: a Deployment gets its ReplicaSet and pods, deletes cascade', { skip }, async (t) => {
  const c = await startSecureCluster(t);
  const k = (args: string[], input?: string) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL ?? 'kubectl', ...(input !== undefined ? { input } : {}) });
  const holder = await waitFor(async () => {
    const r = await k(['get', 'lease', '-n', 'kube-system', 'kube-controller-manager', '-o', 'jsonpath={.spec.holderIdentity}']);
    return r.stdout || undefined;
  }, { timeoutMs: 30_000, what: 'the controller manager lease' });
  assert.match(holder, /_/);
  assert.equal((await k(['create', 'deployment', 'web', '--image=nginx', '--replicas=2'])).code, 0);
  await waitFor(async () => {
    const r = await k(['get', 'pods', '-l', 'app=web', '-o', 'name']);
    return r.stdout.trim().split('\n').filter(Boolean).length === 2 ? true : undefined;
  }, { timeoutMs: 30_000, what: 'two pods made by the ReplicaSet' });
  const rs = await k(['get', 'rs', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.ownerReferences[0].kind} {.items[0].metadata.annotations.deployment\\.kubernetes\\.io/revision}']);
  assert.equal(rs.stdout, 'Deployment 1');
  const cs = await k(['get', 'componentstatuses']);
  assert.match(cs.stdout, /controller-manager\s+Healthy/);
  assert.equal((await k(['delete', 'deployment', 'web'])).code, 0);
  await waitFor(async () => ((await k(['get', 'rs,pods', '-l', 'app=web', '-o', 'name'])).stdout.trim() === '' ? true : undefined), { timeoutMs: 30_000, what: 'the garbage collector' });
  // A namespace with content goes away completely.
  assert.equal((await k(['create', 'namespace', 'tmp'])).code, 0);
  assert.equal((await k(['-n', 'tmp', 'create', 'configmap', 'x', '--from-literal=a=b'])).code, 0);
  const del = await k(['delete', 'namespace', 'tmp', '--timeout=60s']);
  assert.equal(del.code, 0, del.stderr);
});
