import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { newestKubectl, startSimCluster } from './sim-cluster.js';

const skip = newestKubectl() ? false : 'kubectl is not installed';

test('kubectl create deployment becomes Running pods on simulated nodes; rollout status waits for it', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 3 });
  const made = await c.kubectl(['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3']);
  assert.equal(made.code, 0, made.stderr);
  const st = await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s']);
  assert.equal(st.code, 0, st.stderr);
  assert.match(st.stdout, /deployment "web" successfully rolled out/);
  const pods = await c.kubectl(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.status.phase} {.spec.nodeName}{"\\n"}{end}']);
  const lines = pods.stdout.trim().split('\n');
  assert.equal(lines.length, 3);
  for (const l of lines) assert.match(l, /^Running k3ts-sim-\d{4}$/);
  const rs = await c.kubectl(['get', 'rs', '-l', 'app=web', '-o', 'jsonpath={.items[*].status.readyReplicas}']);
  assert.equal(rs.stdout, '3');
});

test('kubectl scale, set image, rollout undo and history drive the Deployment controller', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 3 });
  assert.equal((await c.kubectl(['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2'])).code, 0);
  assert.equal((await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s'])).code, 0);
  assert.equal((await c.kubectl(['scale', 'deployment/web', '--replicas=4'])).code, 0);
  await waitFor(async () => {
    const r = await c.kubectl(['get', 'deployment', 'web', '-o', 'jsonpath={.status.availableReplicas}']);
    return r.stdout === '4' ? true : undefined;
  }, { timeoutMs: 60_000, what: '4 available replicas' });
  const set = await c.kubectl(['set', 'image', 'deployment/web', 'nginx=nginx:1.26']);
  assert.equal(set.code, 0, set.stderr);
  const st = await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s']);
  assert.equal(st.code, 0, st.stderr);
  const images = await c.kubectl(['get', 'pods', '-l', 'app=web', '--field-selector=status.phase=Running', '-o', 'jsonpath={.items[*].spec.containers[0].image}']);
  assert.deepEqual([...new Set(images.stdout.split(' '))], ['nginx:1.26']);
  const hist = await c.kubectl(['rollout', 'history', 'deployment/web']);
  assert.equal(hist.code, 0, hist.stderr);
  assert.match(hist.stdout, /^1\s/m);
  assert.match(hist.stdout, /^2\s/m);
  const undo = await c.kubectl(['rollout', 'undo', 'deployment/web']);
  assert.equal(undo.code, 0, undo.stderr);
  assert.equal((await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s'])).code, 0);
  const after = await c.kubectl(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image} {.metadata.annotations.deployment\\.kubernetes\\.io/revision}']);
  assert.equal(after.stdout, 'nginx:1.25 3');
});
