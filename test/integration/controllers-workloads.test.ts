import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { manualNode, newestKubectl, nodeNames, startSimCluster, type SimCluster } from './sim-cluster.js';

const skip = newestKubectl() ? false : 'kubectl is not installed';

async function jsonpath(c: SimCluster, args: readonly string[], path: string): Promise<string> {
  return (await c.kubectl(['get', ...args, '-o', `jsonpath=${path}`])).stdout;
}

test('a StatefulSet scales up in order with claims, rolls, and scales down from the top', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 2 });
  // Volumes for the claims (no storage class: the scheduler waits for claims to bind, the PV binder binds them).
  const pvs = [0, 1, 2].map((i) => `apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-${i}}
spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], storageClassName: "", hostPath: {path: /tmp/pv-${i}}}
`).join('---\n');
  assert.equal((await c.kubectl(['apply', '-f', '-'], { input: pvs })).code, 0);
  const made = await c.kubectl(['apply', '-f', '-'], { input: `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 3
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: postgres:15}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], storageClassName: "", resources: {requests: {storage: 1Gi}}}
` });
  assert.equal(made.code, 0, made.stderr);
  const st = await c.kubectl(['rollout', 'status', 'statefulset/db', '--timeout=60s']);
  assert.equal(st.code, 0, st.stderr);
  // Ordered creation: each pod started after the previous one was ready.
  const starts = (await jsonpath(c, ['pods', '-l', 'app=db'], '{range .items[*]}{.metadata.name}={.metadata.creationTimestamp} {end}')).trim().split(' ').sort();
  assert.deepEqual(starts.map((s) => s.split('=')[0]), ['db-0', 'db-1', 'db-2']);
  assert.equal(await jsonpath(c, ['pvc'], '{.items[*].metadata.name}'), 'data-db-0 data-db-1 data-db-2');
  assert.equal(await jsonpath(c, ['pod', 'db-1'], '{.spec.hostname}.{.spec.subdomain} {.spec.volumes[0].persistentVolumeClaim.claimName}'), 'db-1.db data-db-1');
  assert.equal((await c.kubectl(['set', 'image', 'statefulset/db', 'c=postgres:16'])).code, 0);
  assert.equal((await c.kubectl(['rollout', 'status', 'statefulset/db', '--timeout=60s'])).code, 0);
  assert.equal(await jsonpath(c, ['pods', '-l', 'app=db'], '{.items[*].spec.containers[0].image}'), 'postgres:16 postgres:16 postgres:16');
  assert.equal((await c.kubectl(['scale', 'statefulset/db', '--replicas=1'])).code, 0);
  await waitFor(async () => ((await jsonpath(c, ['pods', '-l', 'app=db'], '{.items[*].metadata.name}')) === 'db-0' ? true : undefined), { timeoutMs: 60_000, what: 'scale down to db-0' });
  const hist = await c.kubectl(['rollout', 'history', 'statefulset/db']);
  assert.match(hist.stdout, /^1\s/m);
  assert.match(hist.stdout, /^2\s/m);
});

test('a DaemonSet runs one pod on every matching node, respecting selectors and taints', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 3 });
  const [n0 = '', n1 = '', n2 = ''] = await nodeNames(c);
  assert.equal((await c.kubectl(['label', 'node', n0, n1, 'disk=ssd'])).code, 0);
  assert.equal((await c.kubectl(['taint', 'node', n1, 'dedicated=db:NoSchedule'])).code, 0);
  const made = await c.kubectl(['apply', '-f', '-'], { input: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      nodeSelector: {disk: ssd}
      containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
` });
  assert.equal(made.code, 0, made.stderr);
  assert.equal((await c.kubectl(['rollout', 'status', 'daemonset/agent', '--timeout=60s'])).code, 0);
  assert.equal(await jsonpath(c, ['pods', '-l', 'app=agent'], '{.items[*].spec.nodeName}'), n0);
  // Untaint node 1: it gets its pod; the label on node 2 gets node 2 one too.
  assert.equal((await c.kubectl(['taint', 'node', n1, 'dedicated=db:NoSchedule-'])).code, 0);
  assert.equal((await c.kubectl(['label', 'node', n2, 'disk=ssd'])).code, 0);
  await waitFor(async () => ((await jsonpath(c, ['ds', 'agent'], '{.status.numberReady}')) === '3' ? true : undefined), { timeoutMs: 60_000, what: 'three ready daemon pods' });
  const nodes = (await jsonpath(c, ['pods', '-l', 'app=agent'], '{.items[*].spec.nodeName}')).split(' ').sort();
  assert.deepEqual(nodes, [n0, n1, n2]);
  assert.equal((await c.kubectl(['set', 'image', 'daemonset/agent', 'c=busybox:1.36'])).code, 0);
  assert.equal((await c.kubectl(['rollout', 'status', 'daemonset/agent', '--timeout=60s'])).code, 0);
  assert.equal(await jsonpath(c, ['pods', '-l', 'app=agent'], '{.items[*].spec.containers[0].image}'), 'busybox:1.36 busybox:1.36 busybox:1.36');
});

test('taints keep pods away and an unschedulable pod is explained by kubectl describe', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 2 });
  const [n0 = '', n1 = ''] = await nodeNames(c);
  for (const n of [n0, n1]) assert.equal((await c.kubectl(['taint', 'node', n, 'gpu=yes:NoSchedule'])).code, 0);
  assert.equal((await c.kubectl(['run', 'lonely', '--image=nginx'])).code, 0);
  const described = await waitFor(async () => {
    const r = await c.kubectl(['describe', 'pod', 'lonely']);
    return r.stdout.includes('FailedScheduling') ? r.stdout : undefined;
  }, { timeoutMs: 30_000, what: 'a FailedScheduling event' });
  assert.match(described, /Warning\s+FailedScheduling\s+.*default-scheduler\s+0\/2 nodes are available: 2 node\(s\) had untolerated taint \{gpu: yes\}\. preemption: 0\/2 nodes are available: 2 Preemption is not helpful for scheduling\./);
  assert.equal(await jsonpath(c, ['pod', 'lonely'], '{.status.phase} {.status.conditions[0].reason}'), 'Pending Unschedulable');
  // Removing the taint from one node lets the pod in.
  assert.equal((await c.kubectl(['taint', 'node', n1, 'gpu=yes:NoSchedule-'])).code, 0);
  assert.equal((await c.kubectl(['wait', '--for=condition=Ready', 'pod/lonely', '--timeout=60s'])).code, 0);
  assert.equal(await jsonpath(c, ['pod', 'lonely'], '{.spec.nodeName}'), n1);
  const big = await c.kubectl(['run', 'huge', '--image=nginx', '--overrides={"spec":{"containers":[{"name":"huge","image":"nginx","resources":{"requests":{"cpu":"100"}}}]}}']);
  assert.equal(big.code, 0, big.stderr);
  const why = await waitFor(async () => {
    const r = await c.kubectl(['describe', 'pod', 'huge']);
    return r.stdout.includes('FailedScheduling') ? r.stdout : undefined;
  }, { timeoutMs: 30_000, what: 'FailedScheduling for the huge pod' });
  assert.match(why, /0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) had untolerated taint \{gpu: yes\}\./);
});

test('nodes without a pod CIDR get the next free /24 of the cluster CIDR', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 1, nodeIpam: { clusterCidrs: ['10.99.0.0/16'] } });
  const a = await manualNode(c, 'bare-a');
  const b = await manualNode(c, 'bare-b');
  t.after(() => { a.stop(); b.stop(); });
  const cidrs = await waitFor(async () => {
    const r = await jsonpath(c, ['nodes', 'bare-a', 'bare-b'], '{.items[*].spec.podCIDR}');
    const v = r.split(' ').filter(Boolean);
    return v.length === 2 ? v : undefined;
  }, { timeoutMs: 30_000, what: 'pod CIDRs for both nodes' });
  assert.deepEqual([...cidrs].sort(), ['10.99.0.0/24', '10.99.1.0/24']);
});
