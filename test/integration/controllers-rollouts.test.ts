/**
 * Rollout details and service/disruption behaviour with the real kubectl against one simulated
 * cluster shared by every case (run concurrently): StatefulSet partitions and Parallel pod
 * management, Deployment revision history, EndpointSlice conditions of terminating and
 * not-ready pods (on a node without a kubelet, whose pod states the test sets), and the 429 of
 * an eviction a PodDisruptionBudget forbids.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import type { Pod } from '../../src/client/kinds/core.js';
import { resources } from '../../src/client/resources.js';
import { manualNode, newestKubectl, startSimCluster, type SimCluster } from './sim-cluster.js';

const skip = newestKubectl() ? false : 'kubectl is not installed';

let c: SimCluster;
const cleanups: (() => unknown)[] = [];

async function ok(args: readonly string[], input?: string): Promise<string> {
  const r = await c.kubectl(args, input === undefined ? {} : { input });
  assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const jp = async (args: readonly string[], path: string): Promise<string> => (await c.kubectl(['get', ...args, '-o', `jsonpath=${path}`])).stdout;

async function until(what: string, fn: () => Promise<boolean>): Promise<void> {
  await waitFor(async () => ((await fn()) ? true : undefined), { timeoutMs: 60_000, intervalMs: 300, what });
}

/** A Running pod on the kubelet-less node `node`, ready or not, as its kubelet would report it. */
async function manualPod(name: string, node: string, labels: Record<string, string>, ready: boolean, ip: string): Promise<void> {
  const pods = c.client.resource<Pod>(resources.pods);
  const made = await pods.create({ metadata: { name, namespace: 'default', labels, finalizers: ['test.k3ts.io/hold'] }, spec: { nodeName: node, containers: [{ name: 'c', image: 'nginx' }] } });
  cleanups.unshift(() => pods.patch(name, { metadata: { finalizers: null } }, { namespace: 'default', type: 'merge' }).catch(() => undefined));
  const t = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const cond = (type: string, ok2: boolean) => ({ type, status: ok2 ? 'True' as const : 'False' as const, lastTransitionTime: t });
  await pods.updateStatus({ ...made, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], hostIP: '10.0.0.9', conditions: [cond('Ready', ready), cond('ContainersReady', ready), cond('PodScheduled', true)] } });
}

describe('rollouts, endpoints and disruption budgets on a simulated cluster', { skip, concurrency: true }, () => {
  before(async () => {
    c = await startSimCluster({ after: (fn) => { cleanups.push(fn); } }, { nodes: 3 });
  });
  after(async () => {
    for (const fn of cleanups.splice(0)) await fn();
  });

  test('a StatefulSet partition holds the ordinals below it back until lowered', async () => {
    await ok(['apply', '-f', '-'], `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: part}
spec:
  serviceName: part
  replicas: 3
  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 2}}
  selector: {matchLabels: {app: part}}
  template:
    metadata: {labels: {app: part}}
    spec: {containers: [{name: c, image: "redis:7.0"}]}
`);
    await ok(['rollout', 'status', 'statefulset/part', '--timeout=60s']);
    await ok(['set', 'image', 'statefulset/part', 'c=redis:7.2']);
    const images = (): Promise<string> => jp(['pods', 'part-0', 'part-1', 'part-2'], '{.items[*].spec.containers[0].image}');
    await until('part-2 updated', async () => (await images()) === 'redis:7.0 redis:7.0 redis:7.2' && (await jp(['sts', 'part'], '{.status.updatedReplicas} {.status.readyReplicas}')) === '1 3');
    const revs = await jp(['sts', 'part'], '{.status.currentRevision} {.status.updateRevision}');
    const [current, update] = revs.split(' ');
    assert.notEqual(current, update);
    assert.equal(await jp(['pod', 'part-0'], '{.metadata.labels.controller-revision-hash}'), current);
    assert.equal(await jp(['pod', 'part-2'], '{.metadata.labels.controller-revision-hash}'), update);
    await ok(['patch', 'statefulset', 'part', '--type=merge', '-p', '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}']);
    await until('every ordinal updated', async () => (await images()) === 'redis:7.2 redis:7.2 redis:7.2' && (await jp(['sts', 'part'], '{.status.currentRevision}')) === update);
  });

  test('a Parallel StatefulSet creates all its pods without waiting for the earlier ones', async () => {
    // No node matches: with OrderedReady only part-0 would be made; Parallel makes all three.
    await ok(['apply', '-f', '-'], `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: par}
spec:
  serviceName: par
  replicas: 3
  podManagementPolicy: Parallel
  selector: {matchLabels: {app: par}}
  template:
    metadata: {labels: {app: par}}
    spec: {nodeSelector: {nowhere: "true"}, containers: [{name: c, image: nginx}]}
`);
    await until('three pending pods', async () => (await jp(['pods', '-l', 'app=par'], '{.items[*].status.phase}')) === 'Pending Pending Pending');
    await ok(['scale', 'statefulset/par', '--replicas=0']);
    await until('all pods gone at once', async () => (await jp(['pods', '-l', 'app=par'], '{.items[*].metadata.name}')) === '');
  });

  test('revisionHistoryLimit prunes old ReplicaSets; rollout history --revision and undo --to-revision use the rest', async () => {
    await ok(['apply', '-f', '-'], `
apiVersion: apps/v1
kind: Deployment
metadata: {name: hist}
spec:
  replicas: 1
  revisionHistoryLimit: 1
  selector: {matchLabels: {app: hist}}
  template:
    metadata: {labels: {app: hist}}
    spec: {containers: [{name: c, image: "httpd:2.4.57"}]}
`);
    await ok(['rollout', 'status', 'deployment/hist', '--timeout=60s']);
    for (const v of ['2.4.58', '2.4.59']) {
      await ok(['set', 'image', 'deployment/hist', `c=httpd:${v}`]);
      await ok(['rollout', 'status', 'deployment/hist', '--timeout=60s']);
    }
    const revisions = (): Promise<string> => jp(['rs', '-l', 'app=hist'], '{.items[*].metadata.annotations.deployment\\.kubernetes\\.io/revision}');
    await until('only the newest old ReplicaSet kept', async () => (await revisions()).split(' ').sort().join(' ') === '2 3');
    const hist = await ok(['rollout', 'history', 'deployment/hist']);
    assert.doesNotMatch(hist, /^1\s/m);
    assert.match(hist, /^2\s/m);
    assert.match(hist, /^3\s/m);
    assert.match(await ok(['rollout', 'history', 'deployment/hist', '--revision=2']), /Image:\s+httpd:2\.4\.58/);
    await ok(['rollout', 'undo', 'deployment/hist', '--to-revision=2']);
    await ok(['rollout', 'status', 'deployment/hist', '--timeout=60s']);
    assert.equal(await jp(['deployment', 'hist'], '{.spec.template.spec.containers[0].image} {.metadata.annotations.deployment\\.kubernetes\\.io/revision}'), 'httpd:2.4.58 4');
    const undoNone = await c.kubectl(['rollout', 'undo', 'deployment/hist', '--to-revision=1']);
    assert.notEqual(undoNone.code, 0);
    assert.match(undoNone.stderr, /unable to find specified revision 1 in history/);
  });

  test('EndpointSlices mark terminating pods serving but not ready; publishNotReadyAddresses makes every endpoint ready', async () => {
    const node = await manualNode(c, 'manual-ep');
    cleanups.push(() => node.stop());
    await manualPod('ep-ready', 'manual-ep', { app: 'ep' }, true, '10.77.0.2');
    await manualPod('ep-unready', 'manual-ep', { app: 'ep' }, false, '10.77.0.3');
    await ok(['apply', '-f', '-'], `
apiVersion: v1
kind: Service
metadata: {name: ep}
spec: {selector: {app: ep}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: ep-all}
spec: {selector: {app: ep}, publishNotReadyAddresses: true, clusterIP: None, ports: [{port: 80}]}
`);
    const slice = (svc: string): Promise<string> => jp(['endpointslices', '-l', `kubernetes.io/service-name=${svc}`],
      '{range .items[*].endpoints[*]}{.addresses[0]}={.conditions.ready},{.conditions.serving},{.conditions.terminating} {end}');
    const eps = (svc: string): Promise<string> => jp(['endpoints', svc], '{.subsets[*].addresses[*].ip}|{.subsets[*].notReadyAddresses[*].ip}');
    await until('slices of both services', async () =>
      (await slice('ep')).trim() === '10.77.0.2=true,true,false 10.77.0.3=false,false,false'
      && (await slice('ep-all')).trim() === '10.77.0.2=true,true,false 10.77.0.3=true,false,false');
    assert.equal(await eps('ep'), '10.77.0.2|10.77.0.3');
    assert.equal(await eps('ep-all'), '10.77.0.2 10.77.0.3|');
    // The ready pod starts terminating (its finalizer and the missing kubelet keep it there).
    await ok(['delete', 'pod', 'ep-ready', '--wait=false']);
    await until('the terminating endpoint', async () =>
      (await slice('ep')).trim() === '10.77.0.2=false,true,true 10.77.0.3=false,false,false'
      && (await slice('ep-all')).trim() === '10.77.0.2=true,true,true 10.77.0.3=true,false,false');
    assert.equal(await eps('ep'), '|10.77.0.3');
    assert.equal(await eps('ep-all'), '10.77.0.2 10.77.0.3|');
  });

  test('an eviction a PodDisruptionBudget forbids is refused with 429', async () => {
    await ok(['create', 'deployment', 'guarded', '--image=nginx', '--replicas=2']);
    await ok(['rollout', 'status', 'deployment/guarded', '--timeout=60s']);
    await ok(['create', 'poddisruptionbudget', 'guarded', '--selector=app=guarded', '--min-available=2']);
    await until('the budget status', async () => (await jp(['pdb', 'guarded'],
      '{.status.currentHealthy} {.status.desiredHealthy} {.status.disruptionsAllowed} {.status.conditions[?(@.type=="DisruptionAllowed")].reason}')) === '2 2 0 InsufficientPods');
    const pod = (await jp(['pods', '-l', 'app=guarded'], '{.items[0].metadata.name}')).trim();
    const body = JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: pod, namespace: 'default' } });
    const r = await c.kubectl(['create', '--raw', `/api/v1/namespaces/default/pods/${pod}/eviction`, '-f', '-'], { input: body });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Cannot evict pod as it would violate the pod's disruption budget/);
    const raw = await c.kubectl(['create', '--raw', `/api/v1/namespaces/default/pods/${pod}/eviction`, '-f', '-', '-v=6'], { input: body });
    assert.match(raw.stderr, /status="429 Too Many Requests"/);
    assert.equal(await jp(['pod', pod], '{.metadata.deletionTimestamp}'), '');
    // With room in the budget the same eviction goes through.
    await ok(['patch', 'pdb', 'guarded', '--type=merge', '-p', '{"spec":{"minAvailable":1}}']);
    await until('one disruption allowed', async () => (await jp(['pdb', 'guarded'], '{.status.disruptionsAllowed}')) === '1');
    await ok(['create', '--raw', `/api/v1/namespaces/default/pods/${pod}/eviction`, '-f', '-'], body);
  });
});
