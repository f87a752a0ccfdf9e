import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { newestKubectl, startSimCluster } from './sim-cluster.js';
import type { Pod } from '../../src/client/kinds/core.js';
import { resources } from '../../src/client/resources.js';

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

test('kubectl rollout pause holds a template change, resume rolls it out, restart makes a new ReplicaSet', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 2 });
  assert.equal((await c.kubectl(['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2'])).code, 0);
  assert.equal((await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s'])).code, 0);
  assert.equal((await c.kubectl(['rollout', 'pause', 'deployment/web'])).code, 0);
  assert.equal((await c.kubectl(['set', 'image', 'deployment/web', 'nginx=nginx:1.26'])).code, 0);
  await waitFor(async () => {
    const r = await c.kubectl(['get', 'deployment', 'web', '-o', 'jsonpath={.status.conditions[?(@.type=="Progressing")].reason}']);
    return r.stdout === 'DeploymentPaused' ? true : undefined;
  }, { timeoutMs: 30_000, what: 'the DeploymentPaused condition' });
  const rsWhilePaused = await c.kubectl(['get', 'rs', '-l', 'app=web', '-o', 'name']);
  assert.equal(rsWhilePaused.stdout.trim().split('\n').length, 1, 'no new ReplicaSet while paused');
  assert.equal((await c.kubectl(['rollout', 'resume', 'deployment/web'])).code, 0);
  assert.equal((await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s'])).code, 0);
  assert.equal((await c.kubectl(['rollout', 'restart', 'deployment/web'])).code, 0);
  assert.equal((await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s'])).code, 0);
  const rs = await c.kubectl(['get', 'rs', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.metadata.annotations.deployment\\.kubernetes\\.io/revision}={.spec.replicas} {end}']);
  assert.deepEqual(rs.stdout.trim().split(' ').sort(), ['1=0', '2=0', '3=2']);
});

test('a Recreate deployment stops every old pod before starting new ones', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 2 });
  const made = await c.kubectl(['apply', '-f', '-'], { input: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: db}
spec:
  replicas: 3
  strategy: {type: Recreate}
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: postgres:15}]}
` });
  assert.equal(made.code, 0, made.stderr);
  assert.equal((await c.kubectl(['rollout', 'status', 'deployment/db', '--timeout=60s'])).code, 0);
  // Watch pods: no new-image pod may exist while an old-image pod does.
  const seen: string[] = [];
  const watch = c.client.resource<Pod>(resources.pods);
  const ctl = new AbortController();
  const stream = await watch.watch({ namespace: 'default', labelSelector: 'app=db', resourceVersion: (await watch.list({ namespace: 'default' })).metadata.resourceVersion, signal: ctl.signal });
  const live = new Map<string, string>();
  const watching = (async () => {
    try {
      for await (const ev of stream) {
        const img = ev.object.spec?.containers[0]?.image ?? '';
        if (ev.type === 'DELETED') live.delete(ev.object.metadata.name ?? '');
        else live.set(ev.object.metadata.name ?? '', img);
        const imgs = new Set(live.values());
        if (imgs.has('postgres:15') && imgs.has('postgres:16')) seen.push('overlap');
      }
    } catch { /* aborted */ }
  })();
  assert.equal((await c.kubectl(['set', 'image', 'deployment/db', 'c=postgres:16'])).code, 0);
  assert.equal((await c.kubectl(['rollout', 'status', 'deployment/db', '--timeout=60s'])).code, 0);
  ctl.abort();
  await watching;
  assert.deepEqual(seen, []);
});

test('a rolling update never runs more than replicas + maxSurge pods', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 2 });
  const made = await c.kubectl(['apply', '-f', '-'], { input: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 4
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx:1.25}]}
` });
  assert.equal(made.code, 0, made.stderr);
  assert.equal((await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s'])).code, 0);
  const pods = c.client.resource<Pod>(resources.pods);
  const ctl = new AbortController();
  const stream = await pods.watch({ namespace: 'default', labelSelector: 'app=web', resourceVersion: (await pods.list({ namespace: 'default' })).metadata.resourceVersion, signal: ctl.signal });
  const live = new Set<string>((await pods.list({ namespace: 'default', labelSelector: 'app=web' })).items.map((p) => p.metadata.name ?? ''));
  let most = live.size;
  const watching = (async () => {
    try {
      for await (const ev of stream) {
        const name = ev.object.metadata.name ?? '';
        if (ev.type === 'DELETED' || ev.object.metadata.deletionTimestamp) live.delete(name);
        else live.add(name);
        most = Math.max(most, live.size);
      }
    } catch { /* aborted */ }
  })();
  assert.equal((await c.kubectl(['set', 'image', 'deployment/web', 'c=nginx:1.26'])).code, 0);
  assert.equal((await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s'])).code, 0);
  ctl.abort();
  await watching;
  assert.equal(most, 5);
});
