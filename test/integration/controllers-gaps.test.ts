/**
 * Controller behaviours an audit found untested, with the real kubectl against one in-process
 * `k3ts server --simulate-nodes 3` shared by every case (they run concurrently). The server is
 * tuned through `--kube-controller-manager-arg` as a k3s user would: a 20 s node monitor grace
 * period (the simulated kubelets renew their Leases every 10 s) checked every second, and a
 * terminated-pod GC threshold of 3. Nodes a case makes for itself carry a NoSchedule taint so
 * that no other case's pods land on them.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { clientFromKubeconfig, type Client } from '../../src/client/client.js';
import { runKubectl, type KubectlResult } from '../../src/apiserver/testing/kubectl.js';
import { startTestServer, type TestServer } from '../../src/server/testing/fixture.js';
import { manualNode, newestKubectl } from './sim-cluster.js';

const bin = newestKubectl();
const skip = bin ? false : 'kubectl is not installed';
const KEEP_OFF = { key: 'gaps/private', value: 'true', effect: 'NoSchedule' as const };

let srv: TestServer;
let client: Client;
const cleanups: (() => unknown)[] = [];

const k = (args: readonly string[], input?: string): Promise<KubectlResult> =>
  runKubectl(bin as string, { kubeconfig: srv.kubeconfig, dir: srv.dataDir }, args, input !== undefined ? { input } : {});

async function ok(args: readonly string[], input?: string): Promise<string> {
  const r = await k(args, input);
  assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const jp = async (args: readonly string[], path: string): Promise<string> => (await k(['get', ...args, '-o', `jsonpath=${path}`])).stdout;
const names = (s: string): string[] => s.split(' ').filter(Boolean).sort();

/** Waits until `fn` returns a value; on timeout the error carries the cluster's pods, nodes and recent events. */
async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  return waitFor(fn, { timeoutMs, intervalMs: 500, what }).catch(async (err: unknown) => {
    const dump = await k(['get', 'pods,nodes,jobs,rc,ds', '-A', '-o', 'wide']);
    const ev = await k(['get', 'events', '-A', '--sort-by=.lastTimestamp']);
    throw new Error(`${String(err)}\n${dump.stdout}\n${ev.stdout.split('\n').slice(-30).join('\n')}`);
  });
}

const events = async (reason: string, name: string): Promise<string> =>
  jp(['events', '-A', `--field-selector=reason=${reason},involvedObject.name=${name}`], '{.items[*].message}');

describe('controller gaps on a simulated k3ts server tuned by --kube-controller-manager-arg', { skip, concurrency: true }, () => {
  before(async () => {
    srv = await startTestServer({ after: (fn) => { cleanups.unshift(fn); } }, {
      args: ['--simulate-nodes', '3', '--simulate-node-prefix', 'gap-',
        '--kube-controller-manager-arg', 'node-monitor-grace-period=20s', '--kube-controller-manager-arg=node-monitor-period=1s',
        '--kube-controller-manager-arg', 'terminated-pod-gc-threshold=3'],
    });
    client = clientFromKubeconfig(srv.kubeconfig);
    cleanups.unshift(() => client.close());
    await until('three Ready simulated nodes', async () => ((await k(['get', 'nodes', '--no-headers'])).stdout.match(/ Ready /g)?.length === 3 ? true : undefined), 60_000);
  });
  after(async () => {
    for (const fn of cleanups.splice(0)) await fn();
  });

  test('a node that stops heartbeating goes Unknown past node-monitor-grace-period, is tainted unreachable, and a pod is evicted after its tolerationSeconds', async () => {
    const node = await manualNode({ client }, 'gap-silent', { taints: [KEEP_OFF] });
    cleanups.unshift(() => node.stop());
    const pod = (name: string, seconds?: number): string => JSON.stringify({
      apiVersion: 'v1', kind: 'Pod', metadata: { name },
      spec: {
        nodeName: 'gap-silent', containers: [{ name: 'c', image: 'nginx' }],
        tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', ...(seconds !== undefined ? { tolerationSeconds: seconds } : {}) }],
      },
    });
    await ok(['apply', '-f', '-'], `${pod('brief', 2)}\n---\n${pod('patient')}`);
    node.stop();
    await until('the silent node to go Unknown', async () => ((await jp(['node', 'gap-silent'], '{.status.conditions[?(@.type=="Ready")].status}')) === 'Unknown' ? true : undefined));
    assert.equal(await jp(['node', 'gap-silent'], '{.status.conditions[?(@.type=="Ready")].reason}'), 'NodeStatusUnknown');
    await until('the unreachable taints', async () => {
      const taints = await jp(['node', 'gap-silent'], '{range .spec.taints[*]}{.key}:{.effect} {end}');
      return taints.includes('node.kubernetes.io/unreachable:NoSchedule') && taints.includes('node.kubernetes.io/unreachable:NoExecute') ? true : undefined;
    });
    assert.match(await ok(['get', 'node', 'gap-silent']), /gap-silent\s+NotReady/);
    // No kubelet confirms the deletion: the evicted pod stays Terminating.
    await until('the brief pod evicted', async () => ((await jp(['pod', 'brief'], '{.metadata.deletionTimestamp}')) ? true : undefined));
    assert.equal(await events('TaintManagerEviction', 'brief'), 'Marking for deletion Pod default/brief');
    assert.equal(await jp(['pod', 'brief'], '{.status.conditions[?(@.type=="DisruptionTarget")].reason}'), 'DeletionByTaintManager');
    assert.equal(await jp(['pod', 'patient'], '{.metadata.deletionTimestamp}'), '');
    // The operator declares the node out of service: the taint manager evicts the pod that does not
    // tolerate the new taint, and PodGC force-deletes both Terminating pods (no kubelet will).
    await ok(['taint', 'node', 'gap-silent', 'node.kubernetes.io/out-of-service=nodeshutdown:NoExecute']);
    await until('PodGC to delete the pods stuck Terminating', async () => {
      const left = (await k(['get', 'pods', 'brief', 'patient', '--ignore-not-found', '-o', 'name'])).stdout.trim();
      return left === '' ? true : undefined;
    }, 120_000);
  });

  test('PodGC deletes a pod bound to a node that no longer exists, after its quarantine', async () => {
    await ok(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'gap-ghost' }, spec: { taints: [KEEP_OFF] } }));
    await ok(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'orphan' }, spec: { nodeName: 'gap-ghost', containers: [{ name: 'c', image: 'nginx' }] } }));
    await ok(['delete', 'node', 'gap-ghost']);
    // Upstream waits 40 s (not configurable) for a missing node to show up, checking every 20 s.
    await until('the orphaned pod deleted', async () => ((await k(['get', 'pod', 'orphan'])).stderr.includes('NotFound') ? true : undefined), 120_000);
  });

  test('PodGC deletes the oldest terminated pods beyond terminated-pod-gc-threshold', async () => {
    for (let i = 0; i < 5; i++) {
      await ok(['run', `done-${i}`, '--image=busybox', '--restart=Never', '--labels=gaps=done', '--command', '--', 'true']);
    }
    await until('the two oldest terminated pods collected', async () => {
      const left = names(await jp(['pods', '-l', 'gaps=done'], '{.items[*].metadata.name}'));
      return !left.includes('done-0') && !left.includes('done-1') ? true : undefined;
    }, 120_000);
    assert.equal(await jp(['pod', 'done-4'], '{.status.phase}'), 'Succeeded');
  });

  test('a Job past activeDeadlineSeconds fails with DeadlineExceeded and its pods are deleted', async () => {
    await ok(['apply', '-f', '-'], `
apiVersion: batch/v1
kind: Job
metadata: {name: late}
spec:
  parallelism: 2
  completions: 2
  activeDeadlineSeconds: 3
  template:
    spec:
      restartPolicy: Never
      containers: [{name: main, image: busybox, command: [sleep, "3600"]}]
`);
    await ok(['wait', '--for=condition=failed', 'job/late', '--timeout=90s']);
    assert.equal(await jp(['job', 'late'], '{.status.conditions[?(@.type=="Failed")].reason}|{.status.conditions[?(@.type=="Failed")].message}'),
      'DeadlineExceeded|Job was active longer than specified deadline');
    await until('the job\'s pods deleted', async () => ((await jp(['pods', '-l', 'job-name=late'], '{.items[*].metadata.name}')) === '' ? true : undefined));
    assert.equal(await jp(['job', 'late'], '{.status.active}|{.status.failed}|{.status.succeeded}'), '|2|');
    assert.match(await events('DeadlineExceeded', 'late'), /Job was active longer than specified deadline/);
  });

  test('kubectl scale rc: a ReplicationController creates and deletes pods and reports its status', async () => {
    await ok(['apply', '-f', '-'], `
apiVersion: v1
kind: ReplicationController
metadata: {name: legacy}
spec:
  replicas: 2
  selector: {app: legacy}
  template:
    metadata: {labels: {app: legacy}}
    spec: {containers: [{name: c, image: nginx}]}
`);
    const status = (): Promise<string> => jp(['rc', 'legacy'], '{.status.replicas} {.status.fullyLabeledReplicas} {.status.readyReplicas} {.status.availableReplicas} {.status.observedGeneration}');
    await until('two ready replicas', async () => ((await status()) === '2 2 2 2 1' ? true : undefined));
    await ok(['scale', 'rc', 'legacy', '--replicas=4']);
    await until('four ready replicas', async () => ((await status()) === '4 4 4 4 2' ? true : undefined));
    assert.equal(names(await jp(['pods', '-l', 'app=legacy', '--field-selector=status.phase=Running'], '{.items[*].metadata.name}')).length, 4);
    await ok(['scale', 'rc', 'legacy', '--replicas=1']);
    await until('one replica left', async () => ((await status()) === '1 1 1 1 3' ? true : undefined));
    await until('the surplus pods gone', async () => (names(await jp(['pods', '-l', 'app=legacy'], '{.items[*].metadata.name}')).length === 1 ? true : undefined));
    assert.match(await ok(['describe', 'rc', 'legacy']), /Pods Status:\s+1 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed/);
    const created = await events('SuccessfulCreate', 'legacy');
    assert.equal(created.split('Created pod: legacy-').length - 1 >= 1, true, created);
    assert.match(await events('SuccessfulDelete', 'legacy'), /Deleted pod: legacy-/);
  });

  test('a DaemonSet runs on a tainted, cordoned node only when its pods tolerate the taint', async () => {
    const sims = names(await jp(['nodes'], '{.items[*].metadata.name}')).filter((n) => /^gap-\d+$/.test(n));
    const [open = '', tainted = ''] = sims;
    await ok(['label', 'node', open, tainted, 'gaps-ds=yes']);
    await ok(['taint', 'node', tainted, 'dedicated=db:NoSchedule']);
    await ok(['cordon', tainted]);
    const ds = (name: string, tolerations: string): string => `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      nodeSelector: {gaps-ds: "yes"}
      tolerations: ${tolerations}
      containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
`;
    await ok(['apply', '-f', '-'], `${ds('tolerant', '[{key: dedicated, operator: Equal, value: db, effect: NoSchedule}]')}---${ds('intolerant', '[]')}`);
    await ok(['rollout', 'status', 'daemonset/tolerant', '--timeout=90s']);
    await ok(['rollout', 'status', 'daemonset/intolerant', '--timeout=90s']);
    assert.deepEqual(names(await jp(['pods', '-l', 'app=tolerant'], '{.items[*].spec.nodeName}')), [open, tainted].sort());
    assert.equal(await jp(['ds', 'tolerant'], '{.status.desiredNumberScheduled} {.status.numberReady}'), '2 2');
    assert.deepEqual(names(await jp(['pods', '-l', 'app=intolerant'], '{.items[*].spec.nodeName}')), [open]);
    assert.equal(await jp(['ds', 'intolerant'], '{.status.desiredNumberScheduled} {.status.numberReady} {.status.numberMisscheduled}'), '1 1 0');
  });

  test('a namespace held by a finalizer reports why it is stuck, and goes once the finalizer is removed', async () => {
    await ok(['create', 'namespace', 'gap-held']);
    await ok(['-n', 'gap-held', 'apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', finalizers: ['example.com/hold'] }, data: { a: 'b' } }));
    await ok(['delete', 'namespace', 'gap-held', '--wait=false']);
    const cond = (type: string): string => `{.status.conditions[?(@.type=="${type}")]}`;
    const read = async (type: string): Promise<{ status?: string; reason?: string; message?: string }> => {
      const raw = await jp(['namespace', 'gap-held'], cond(type));
      return raw ? JSON.parse(raw) as { status?: string; reason?: string; message?: string } : {};
    };
    await until('the finalizer to be reported', async () => ((await read('NamespaceFinalizersRemaining')).status === 'True' ? true : undefined));
    assert.equal(await jp(['namespace', 'gap-held'], '{.status.phase}'), 'Terminating');
    const pick = async (type: string): Promise<string> => { const c = await read(type); return `${c.status} ${c.reason} ${c.message}`; };
    assert.equal(await pick('NamespaceFinalizersRemaining'), 'True SomeFinalizerRemain Some finalizers are remaining: example.com/hold in 1 resource instances');
    assert.equal(await pick('NamespaceContentRemaining'), 'True SomeResourcesRemain Some resources are remaining: configmaps. has 1 resource instances');
    assert.equal(await pick('NamespaceDeletionContentFailure'), 'False ContentDeleted All content successfully deleted, may be waiting on finalization');
    assert.equal(await pick('NamespaceDeletionDiscoveryFailure'), 'False ResourcesDiscovered All resources successfully discovered');
    assert.equal(await pick('NamespaceDeletionGroupVersionParsingFailure'), 'False ParsedGroupVersions All legacy kube types successfully parsed');
    await ok(['-n', 'gap-held', 'patch', 'configmap', 'held', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
    await ok(['wait', '--for=delete', 'namespace/gap-held', '--timeout=60s']);
  });

  test('garbage collection: a cluster-scoped owner collects namespaced dependents; invalid namespace references are reported', async () => {
    const uid = async (args: readonly string[]): Promise<string> => jp(args, '{.metadata.uid}');
    const owned = (kind: string, apiVersion: string, name: string, ownerUid: string): Record<string, unknown> => ({ ownerReferences: [{ apiVersion, kind, name, uid: ownerUid }] });
    // A ClusterRole owning a ConfigMap in a namespace: deleting the owner collects the dependent.
    await ok(['create', 'clusterrole', 'gap-owner', '--verb=get', '--resource=pods']);
    const roleUid = await uid(['clusterrole', 'gap-owner']);
    await ok(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'role-owned', ...owned('ClusterRole', 'rbac.authorization.k8s.io/v1', 'gap-owner', roleUid) } }));
    // A namespaced owner referenced by a cluster-scoped dependent (invalid) and by a same-namespace one (valid).
    await ok(['create', 'configmap', 'ns-owner']);
    const cmUid = await uid(['configmap', 'ns-owner']);
    await ok(['apply', '-f', '-'], JSON.stringify({
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'gap-bad-dependent', ...owned('ConfigMap', 'v1', 'ns-owner', cmUid) }, rules: [],
    }));
    await ok(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'good-dependent', ...owned('ConfigMap', 'v1', 'ns-owner', cmUid) } }));
    // A dependent in another namespace than its namespaced owner: the owner counts as absent there.
    await ok(['create', 'namespace', 'gap-elsewhere']);
    await ok(['-n', 'gap-elsewhere', 'create', 'configmap', 'far-owner']);
    const farUid = await uid(['-n', 'gap-elsewhere', 'configmap', 'far-owner']);
    await ok(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cross', ...owned('ConfigMap', 'v1', 'far-owner', farUid) } }));

    await until('the invalid cluster-scoped dependent reported', async () => ((await events('OwnerRefInvalidNamespace', 'gap-bad-dependent')) || undefined));
    assert.equal(await events('OwnerRefInvalidNamespace', 'gap-bad-dependent'), `ownerRef [v1/ConfigMap, namespace: , name: ns-owner, uid: ${cmUid}] does not exist in namespace ""`);
    await until('the cross-namespace dependent reported', async () => ((await events('OwnerRefInvalidNamespace', 'cross')) || undefined));
    assert.equal(await events('OwnerRefInvalidNamespace', 'cross'), `ownerRef [v1/ConfigMap, namespace: default, name: far-owner, uid: ${farUid}] does not exist in namespace "default"`);
    await until('the cross-namespace dependent collected', async () => ((await k(['get', 'configmap', 'cross'])).stderr.includes('NotFound') ? true : undefined));
    assert.equal((await k(['-n', 'gap-elsewhere', 'get', 'configmap', 'far-owner'])).code, 0);

    await ok(['delete', 'clusterrole', 'gap-owner']);
    await until('the ClusterRole\'s dependent collected', async () => ((await k(['get', 'configmap', 'role-owned'])).stderr.includes('NotFound') ? true : undefined));
    await ok(['delete', 'configmap', 'ns-owner']);
    await until('the valid dependent collected', async () => ((await k(['get', 'configmap', 'good-dependent'])).stderr.includes('NotFound') ? true : undefined));
    // The cluster-scoped dependent's reference cannot be resolved: it is never collected.
    assert.equal(await uid(['clusterrole', 'gap-bad-dependent']) !== '', true);
  });
});
