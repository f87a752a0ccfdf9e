/**
 * The node lifecycle controller's disruption rules with the real kubectl against an in-process
 * `k3ts server` (no simulated nodes; the test's own nodes renew their Leases until stopped):
 * when every node stops heartbeating, Kubernetes assumes the control plane lost the nodes rather
 * than the nodes died, so the nodes get NoSchedule but no NoExecute taints and nothing is
 * evicted; once any node is Ready again, the silent one is tainted NoExecute and its pods go.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { clientFromKubeconfig } from '../../src/client/client.js';
import { runKubectl } from '../../src/apiserver/testing/kubectl.js';
import { startTestServer } from '../../src/server/testing/fixture.js';
import { manualNode, newestKubectl } from './sim-cluster.js';

const bin = newestKubectl();

test('all nodes silent: no NoExecute taint and no eviction; a Ready node again: the silent one is tainted and its pod evicted', { skip: bin ? false : 'kubectl is not installed' }, async (t) => {
  const srv = await startTestServer(t, {
    args: ['--kube-controller-manager-arg', 'node-monitor-grace-period=4s', '--kube-controller-manager-arg', 'node-monitor-period=500ms'],
  });
  const client = clientFromKubeconfig(srv.kubeconfig);
  t.after(() => client.close());
  const k = async (...args: string[]): Promise<string> => {
    const r = await runKubectl(bin as string, { kubeconfig: srv.kubeconfig, dir: srv.dataDir }, args);
    assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const taints = (node: string) => k('get', 'node', node, '-o', 'jsonpath={range .spec.taints[*]}{.key}:{.effect} {end}');
  const lone = await manualNode({ client }, 'lone');
  t.after(() => lone.stop());
  const pod = JSON.stringify({
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stay' },
    spec: { nodeName: 'lone', containers: [{ name: 'c', image: 'nginx' }], tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }] },
  });
  const r = await runKubectl(bin as string, { kubeconfig: srv.kubeconfig, dir: srv.dataDir }, ['apply', '-f', '-'], { input: pod });
  assert.equal(r.code, 0, r.stderr);

  lone.stop();
  // The only node goes silent: every zone is fully disrupted.
  const seen = await waitFor(async () => {
    const tt = await taints('lone');
    return tt.includes('node.kubernetes.io/unreachable:NoSchedule') ? tt : undefined;
  }, { timeoutMs: 60_000, intervalMs: 250, what: 'the unreachable NoSchedule taint' });
  // Both taints would be written by one update: the NoExecute one was held back, not delayed.
  assert.ok(!seen.includes('NoExecute'), seen);
  assert.equal(await k('get', 'node', 'lone', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}'), 'Unknown');
  assert.equal(await k('get', 'pod', 'stay', '-o', 'jsonpath={.metadata.deletionTimestamp}'), '');

  // Another node reports Ready: the zone is no longer fully disrupted, the silent node is tainted and its pod evicted.
  const back = await manualNode({ client }, 'back');
  t.after(() => back.stop());
  await waitFor(async () => ((await taints('lone')).includes('node.kubernetes.io/unreachable:NoExecute') ? true : undefined),
    { timeoutMs: 60_000, intervalMs: 250, what: 'the unreachable NoExecute taint' });
  await waitFor(async () => ((await k('get', 'pod', 'stay', '-o', 'jsonpath={.metadata.deletionTimestamp}')) ? true : undefined),
    { timeoutMs: 60_000, intervalMs: 250, what: 'the eviction of the pod on the silent node' });
  assert.ok(!(await taints('back')).includes('NoExecute'));
});
