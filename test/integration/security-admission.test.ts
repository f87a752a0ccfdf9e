/**
 * The admission chain of `k3ts server` with the real kubectl: service accounts and their token
 * volume, LimitRanger, ResourceQuota, PodSecurity, DefaultStorageClass and DefaultTolerationSeconds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSecureCluster, type SecureCluster } from '../../src/apiserver/security/testing/cluster.js';
import { kubectlPath } from './harness.js';

const KUBECTL = kubectlPath(33) ?? 'kubectl';

async function eventually<T>(fn: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function pod(name: string, extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'app', image: 'nginx', ...container }], ...extra } });
}

async function setup(t: Parameters<typeof startSecureCluster>[0], ns: string): Promise<{ c: SecureCluster; k: (args: string[], input?: string) => ReturnType<SecureCluster['kubectl']> }> {
  const c = await startSecureCluster(t);
  const k = (args: string[], input?: string) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL, ...(input !== undefined ? { input } : {}) });
  assert.equal((await k(['create', 'namespace', ns])).code, 0);
  // Pods need the namespace's default service account, which a controller creates.
  await eventually(async () => ((await k(['-n', ns, 'get', 'serviceaccount', 'default', '-o', 'name'])).code === 0 ? true : undefined), 'the default service account');
  return { c, k };
}

test('every namespace gets a default service account and kube-root-ca.crt; pods get the token volume and default tolerations', async (t) => {
  const { c, k } = await setup(t, 'team');
  const ca = await eventually(async () => {
    const r = await k(['-n', 'team', 'get', 'configmap', 'kube-root-ca.crt', '-o', 'jsonpath={.data.ca\\.crt}']);
    return r.code === 0 ? r.stdout : undefined;
  }, 'kube-root-ca.crt');
  assert.equal(ca, c.ca);
  assert.equal((await k(['-n', 'team', 'create', '-f', '-'], pod('p1'))).code, 0);
  const p = JSON.parse((await k(['-n', 'team', 'get', 'pod', 'p1', '-o', 'json'])).stdout) as { spec: { serviceAccountName: string; volumes: { name: string; projected?: { sources: unknown[] } }[]; containers: { volumeMounts: { name: string; mountPath: string; readOnly: boolean }[] }[]; tolerations: { key: string; tolerationSeconds: number }[] } };
  assert.equal(p.spec.serviceAccountName, 'default');
  const vol = p.spec.volumes.find((v) => v.name.startsWith('kube-api-access-'));
  assert.ok(vol?.projected);
  assert.deepEqual(p.spec.containers[0]?.volumeMounts[0], { name: vol.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' });
  assert.deepEqual(p.spec.tolerations.map((x) => [x.key, x.tolerationSeconds]), [['node.kubernetes.io/not-ready', 300], ['node.kubernetes.io/unreachable', 300]]);
  const r = await k(['-n', 'team', 'create', '-f', '-'], pod('p2', { serviceAccountName: 'nobody' }));
  assert.match(r.stderr, /pods "p2" is forbidden: error looking up service account team\/nobody: serviceaccount "nobody" not found/);
  // A deleted default service account comes back.
  assert.equal((await k(['-n', 'team', 'delete', 'serviceaccount', 'default'])).code, 0);
  await eventually(async () => ((await k(['-n', 'team', 'get', 'serviceaccount', 'default', '-o', 'name'])).code === 0 ? true : undefined), 'the default service account again');
});

test('LimitRanger defaults container resources and refuses what exceeds the range', async (t) => {
  const { k } = await setup(t, 'lr');
  const lr = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '100m' }, max: { cpu: '1' } }] } };
  assert.equal((await k(['-n', 'lr', 'create', '-f', '-'], JSON.stringify(lr))).code, 0);
  let r = await k(['-n', 'lr', 'create', '-f', '-'], pod('ok'));
  for (let i = 0; r.code !== 0 && i < 20; i++) r = await k(['-n', 'lr', 'create', '-f', '-'], pod('ok'));
  assert.equal(r.code, 0, r.stderr);
  const p = JSON.parse((await k(['-n', 'lr', 'get', 'pod', 'ok', '-o', 'json'])).stdout) as { metadata: { annotations: Record<string, string> }; spec: { containers: { resources: unknown }[] } };
  assert.deepEqual(p.spec.containers[0]?.resources, { limits: { cpu: '500m' }, requests: { cpu: '100m' } });
  assert.equal(p.metadata.annotations['kubernetes.io/limit-ranger'], 'LimitRanger plugin set: cpu request for container app; cpu limit for container app');
  r = await k(['-n', 'lr', 'create', '-f', '-'], pod('big', {}, { resources: { limits: { cpu: '2' } } }));
  assert.match(r.stderr, /pods "big" is forbidden: \[?maximum cpu usage per Container is 1, but limit is 2/);
});

test('ResourceQuota counts usage, refuses the excess with the quota message, and frees it on delete', async (t) => {
  const { k } = await setup(t, 'rq');
  assert.equal((await k(['-n', 'rq', 'create', 'quota', 'q', '--hard=pods=2,configmaps=10'])).code, 0);
  for (const n of ['a', 'b']) {
    let r = await k(['-n', 'rq', 'create', '-f', '-'], pod(n));
    for (let i = 0; r.code !== 0 && i < 20; i++) r = await k(['-n', 'rq', 'create', '-f', '-'], pod(n));
    assert.equal(r.code, 0, r.stderr);
  }
  let r = await k(['-n', 'rq', 'create', '-f', '-'], pod('c'));
  assert.match(r.stderr, /pods "c" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2/);
  const used = await eventually(async () => {
    const s = (await k(['-n', 'rq', 'get', 'quota', 'q', '-o', 'jsonpath={.status.used.pods}'])).stdout;
    return s === '2' ? s : undefined;
  }, 'quota status');
  assert.equal(used, '2');
  assert.equal((await k(['-n', 'rq', 'delete', 'pod', 'a', '--grace-period=0', '--force'])).code, 0);
  r = await k(['-n', 'rq', 'create', '-f', '-'], pod('c'));
  for (let i = 0; r.code !== 0 && i < 30; i++) r = await k(['-n', 'rq', 'create', '-f', '-'], pod('c'));
  assert.equal(r.code, 0, r.stderr);
  // A compute quota needs every container to declare what it limits.
  assert.equal((await k(['-n', 'rq', 'create', 'quota', 'cpu', '--hard=limits.cpu=1'])).code, 0);
  r = await k(['-n', 'rq', 'create', '-f', '-'], pod('d'));
  for (let i = 0; !/must specify/.test(r.stderr) && i < 20; i++) r = await k(['-n', 'rq', 'create', '-f', '-'], pod('d'));
  assert.match(r.stderr, /pods "d" is forbidden: failed quota: cpu: must specify limits.cpu for: app/);
});

test('PodSecurity enforces the namespace level and warns about workloads', async (t) => {
  const { k } = await setup(t, 'ps');
  assert.equal((await k(['label', 'namespace', 'ps', 'pod-security.kubernetes.io/enforce=restricted'])).code, 0);
  let r = await k(['-n', 'ps', 'create', '-f', '-'], pod('bad'));
  for (let i = 0; !/violates/.test(r.stderr) && i < 20; i++) r = await k(['-n', 'ps', 'create', '-f', '-'], pod('bad'));
  assert.match(r.stderr, /pods "bad" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false \(container "app" must set securityContext.allowPrivilegeEscalation=false\), unrestricted capabilities \(container "app" must set securityContext.capabilities.drop=\["ALL"\]\), runAsNonRoot != true \(pod or container "app" must set securityContext.runAsNonRoot=true\), seccompProfile \(pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"\)/);
  const good = pod('good', { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } }, { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } });
  r = await k(['-n', 'ps', 'create', '-f', '-'], good);
  assert.equal(r.code, 0, r.stderr);
  r = await k(['-n', 'ps', 'create', 'deployment', 'web', '--image=nginx']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /Warning: would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false/);
  r = await k(['label', 'namespace', 'ps', 'pod-security.kubernetes.io/enforce=strict', '--overwrite']);
  assert.match(r.stderr, /is invalid: metadata.labels\[pod-security.kubernetes.io\/enforce\]: Invalid value: "strict": must be one of privileged, baseline, restricted/);
  // Privileged pods are fine in a baseline-warn namespace, with a warning.
  assert.equal((await k(['create', 'namespace', 'warned'])).code, 0);
  assert.equal((await k(['label', 'namespace', 'warned', 'pod-security.kubernetes.io/warn=baseline'])).code, 0);
  await new Promise((res) => setTimeout(res, 300));
  r = await k(['-n', 'warned', 'create', '-f', '-'], pod('priv', { hostNetwork: true, serviceAccountName: 'default' }, { securityContext: { privileged: true } }));
  for (let i = 0; r.code !== 0 && i < 20; i++) r = await k(['-n', 'warned', 'create', '-f', '-'], pod('priv', { hostNetwork: true }, { securityContext: { privileged: true } }));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /Warning: would violate PodSecurity "baseline:latest": host namespaces \(hostNetwork=true\), privileged \(container "app" must not set securityContext.privileged=true\)/);
});

test('DefaultStorageClass fills in the default class of new claims', async (t) => {
  const { k } = await setup(t, 'sc');
  const sc = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-path', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'rancher.io/local-path' };
  assert.equal((await k(['create', '-f', '-'], JSON.stringify(sc))).code, 0);
  const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
  await new Promise((res) => setTimeout(res, 200));
  assert.equal((await k(['-n', 'sc', 'create', '-f', '-'], JSON.stringify(pvc))).code, 0);
  assert.equal((await k(['-n', 'sc', 'get', 'pvc', 'data', '-o', 'jsonpath={.spec.storageClassName}'])).stdout, 'local-path');
});
