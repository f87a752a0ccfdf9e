/**
 * The audit log on the real `k3ts server`, set as k3s's hardening guide sets it
 * (`--kube-apiserver-arg audit-policy-file=... audit-log-path=... audit-log-maxage=30 ...`): the
 * policy picks what is written, one audit.k8s.io/v1 Event per line, seen after kubectl 1.33 calls.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../../src/base/async.js';
import { cleanEnv, httpsGet, kubectl, kubectlPath, readKubeconfig, runK3ts, startServer, tmpDir } from './harness.js';

const KUBECTL = kubectlPath(33) ?? 'kubectl';

interface AuditEvent {
  stage: string; verb: string; requestURI: string; user: { username: string }; userAgent?: string; sourceIPs: string[];
  objectRef?: { resource: string; namespace?: string; name?: string; apiVersion: string }; responseStatus?: { code: number };
  annotations?: Record<string, string>; level: string;
  requestObject?: Record<string, unknown>; responseObject?: Record<string, unknown>;
}

test('the audit policy picks the requests written to the audit log, as audit.k8s.io/v1 Events', async (t) => {
  const dir = tmpDir(t);
  const env = cleanEnv(dir);
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  const policy = join(dir, 'audit-policy.yaml');
  const logPath = join(dir, 'logs', 'audit.log');
  writeFileSync(policy, [
    'apiVersion: audit.k8s.io/v1', 'kind: Policy', 'omitStages: [RequestReceived]', 'rules:',
    '- level: None', '  verbs: [get, list, watch]',
    '- level: None', '  userGroups: [system:serviceaccounts, system:nodes]',
    '- level: RequestResponse', '  resources: [{group: "", resources: [configmaps]}]',
    '- level: Metadata', ''].join('\n'));
  const server = await startServer(['-d', join(dir, 'server'), '--https-listen-port', '0', '--bind-address', '127.0.0.1', '-o', kubeconfig,
    '--kube-apiserver-arg', `audit-policy-file=${policy}`, '--kube-apiserver-arg', `audit-log-path=${logPath}`,
    '--kube-apiserver-arg', 'audit-log-maxage=30', '--kube-apiserver-arg', 'audit-log-maxbackup=10', '--kube-apiserver-arg', 'audit-log-maxsize=100'], { env, kubeconfig });
  t.after(() => server.stop());
  const k = (...args: string[]) => kubectl(KUBECTL, args, { kubeconfig, home: dir });
  const events = (): AuditEvent[] => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : '').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditEvent);

  assert.equal(k('create', 'configmap', 'audited', '--from-literal=a=1').status, 0);
  assert.equal(k('get', 'configmap', 'audited').status, 0);
  assert.equal(k('delete', 'configmap', 'audited').status, 0);
  const mine = await waitFor(() => {
    const e = events().filter((x) => x.objectRef?.resource === 'configmaps' && x.objectRef.namespace === 'default' && x.user.username === 'system:admin');
    return e.length >= 2 ? e : undefined;
  }, { timeoutMs: 30_000, what: 'the audit events of the configmap' });
  const create = mine.find((e) => e.verb === 'create');
  assert.equal(create?.stage, 'ResponseComplete');
  // RequestResponse for configmaps: the body sent and the object answered.
  assert.equal(create?.level, 'RequestResponse');
  assert.deepEqual(create?.requestObject?.['data'], { a: '1' });
  assert.match(String((create?.responseObject?.['metadata'] as Record<string, unknown> | undefined)?.['uid']), /^[0-9a-f-]{36}$/);
  assert.equal(create?.responseStatus?.code, 201);
  assert.equal(create?.objectRef?.apiVersion, 'v1');
  assert.match(create?.userAgent ?? '', /^kubectl/);
  assert.deepEqual(create?.sourceIPs, ['127.0.0.1']);
  assert.equal(create?.annotations?.['authorization.k8s.io/decision'], 'allow');
  const del = mine.find((e) => e.verb === 'delete');
  assert.equal(del?.objectRef?.name, 'audited');
  assert.equal(del?.responseStatus?.code, 200);
  assert.ok(!events().some((e) => e.stage === 'RequestReceived'), 'RequestReceived is omitted');
  assert.ok(!events().some((e) => ['get', 'list', 'watch'].includes(e.verb)), 'reads are not audited');
  assert.ok(!events().some((e) => e.user.username.startsWith('system:serviceaccount:')), 'controllers are not audited');
  // PodSecurity's audit mode: what the namespace's audit level would refuse is noted in the event.
  assert.equal(k('create', 'namespace', 'watched').status, 0);
  assert.equal(k('label', 'namespace', 'watched', 'pod-security.kubernetes.io/audit=restricted').status, 0);
  assert.equal(k('-n', 'watched', 'run', 'loose', '--image=nginx').status, 0);
  const pod = await waitFor(() => events().find((e) => e.objectRef?.resource === 'pods' && e.objectRef.namespace === 'watched' && e.verb === 'create'),
    { timeoutMs: 30_000, what: 'the audit event of the pod' });
  assert.match(pod.annotations?.['pod-security.kubernetes.io/audit-violations'] ?? '', /^would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false/);
  assert.equal(pod.level, 'Metadata');
  assert.equal(pod.requestObject, undefined, 'no body at Metadata level');
  assert.equal(pod.annotations?.['pod-security.kubernetes.io/enforce-policy'], 'privileged:latest');
  // A request without credentials is refused (401) and still audited, with no user.
  const anon = await httpsGet(`${server.url}/api/v1/namespaces/default/configmaps`, { ca: readKubeconfig(kubeconfig).ca, method: 'POST' });
  assert.equal(anon.status, 401);
  const refused = await waitFor(() => events().find((e) => e.responseStatus?.code === 401),
    { timeoutMs: 30_000, what: 'the audit event of the refused request' });
  assert.deepEqual([refused.verb, refused.user.username, refused.objectRef?.resource], ['create', '', 'configmaps']);
  const raw = readFileSync(logPath, 'utf8').split('\n').find((l) => l.includes('"level":"Metadata"')) ?? '';
  assert.match(raw, /^\{"kind":"Event","apiVersion":"audit.k8s.io\/v1","level":"Metadata","auditID":"[0-9a-f-]{36}"/);
});

test('a broken audit policy stops the server before it starts, naming the file and the field', (t) => {
  const dir = tmpDir(t);
  const policy = join(dir, 'bad-policy.yaml');
  writeFileSync(policy, 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: [{level: Everything}]\n');
  const r = runK3ts(['server', '-d', join(dir, 'data'), '--kube-apiserver-arg', `audit-policy-file=${policy}`], { env: cleanEnv(dir) });
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`--kube-apiserver-arg: audit-policy-file: ${policy.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: rules\\[0\\].level: "Everything" is not one of None, Metadata, Request, RequestResponse`));
  assert.equal(existsSync(join(dir, 'data')), false, 'nothing was created');
});
