import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { newestKubectl, nodeNames, startSimCluster } from './sim-cluster.js';

const skip = newestKubectl() ? false : 'kubectl is not installed';

test('a PodDisruptionBudget reports its status and kubectl drain evicts within it', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 2 });
  assert.equal((await c.kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=3'])).code, 0);
  assert.equal((await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s'])).code, 0);
  assert.equal((await c.kubectl(['create', 'poddisruptionbudget', 'web', '--selector=app=web', '--min-available=2'])).code, 0);
  const st = await waitFor(async () => {
    const r = await c.kubectl(['get', 'pdb', 'web', '-o', 'jsonpath={.status.expectedPods} {.status.currentHealthy} {.status.desiredHealthy} {.status.disruptionsAllowed}']);
    return r.stdout === '3 3 2 1' ? r.stdout : undefined;
  }, { timeoutMs: 30_000, what: 'the budget status' });
  assert.equal(st, '3 3 2 1');
  const [n0 = ''] = await nodeNames(c);
  const drain = await c.kubectl(['drain', n0, '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=90s'], { timeoutMs: 120_000 });
  assert.equal(drain.code, 0, drain.stderr);
  assert.match(drain.stdout, new RegExp(`node/${n0} drained`));
  await waitFor(async () => {
    const r = await c.kubectl(['get', 'pods', '-l', 'app=web', '--field-selector=status.phase=Running', '-o', 'jsonpath={.items[*].spec.nodeName}']);
    const nodes = r.stdout.split(' ').filter(Boolean);
    return nodes.length === 3 && !nodes.includes(n0) ? true : undefined;
  }, { timeoutMs: 60_000, what: 'all replicas off the drained node' });
});

test('a HorizontalPodAutoscaler without a metrics API reports FailedGetResourceMetric and <unknown>', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 1 });
  assert.equal((await c.kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=2'])).code, 0);
  assert.equal((await c.kubectl(['autoscale', 'deployment', 'web', '--cpu-percent=50', '--min=1', '--max=5'])).code, 0);
  const cond = await waitFor(async () => {
    const r = await c.kubectl(['get', 'hpa', 'web', '-o', 'jsonpath={.status.conditions[?(@.type=="ScalingActive")].reason}']);
    return r.stdout || undefined;
  }, { timeoutMs: 30_000, what: 'the ScalingActive condition' });
  assert.equal(cond, 'FailedGetResourceMetric');
  assert.match((await c.kubectl(['get', 'hpa', 'web'])).stdout, /web\s+Deployment\/web\s+cpu: <unknown>\/50%\s+1\s+5\s+2/);
  assert.equal((await c.kubectl(['get', 'hpa', 'web', '-o', 'jsonpath={.status.conditions[?(@.type=="AbleToScale")].status}'])).stdout, 'True');
});
