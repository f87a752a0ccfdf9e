#!/usr/bin/env node
// Throwaway: serves minimal discovery over HTTP on port 0, runs real kubectl 1.33 typed-client
// commands against it and saves the protobuf request bodies kubectl sends as test fixtures
// (test/fixtures/protobuf/<name>.bin) plus index.json naming the command that produced each.
//   node scripts/capture-protobuf.mjs [kubectl-binary]
// The expected objects (<name>.json) are written by hand from the commands, then checked by
// src/api/schema/protobuf/fixtures.test.ts (decode gives them, encode gives the bytes back).
import { createServer } from 'node:http';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'test/fixtures/protobuf');
// Default: kubectl.1.33 installed beside the kubectl on PATH.
const kubectl = process.argv[2] ?? join(dirname(realpathSync(execFileSync('sh', ['-c', 'command -v kubectl']).toString().trim())), 'kubectl.1.33');
const all = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const res = (name, kind, namespaced, verbs = all, extra = {}) => ({ name, singularName: kind.toLowerCase(), namespaced, kind, verbs, ...extra });
const groups = {
  'v1': [res('configmaps', 'ConfigMap', true), res('secrets', 'Secret', true), res('namespaces', 'Namespace', false),
    res('serviceaccounts', 'ServiceAccount', true), { name: 'serviceaccounts/token', singularName: '', namespaced: true, group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] },
    res('pods', 'Pod', true), res('services', 'Service', true), res('resourcequotas', 'ResourceQuota', true)],
  'apps/v1': [res('deployments', 'Deployment', true)],
  'batch/v1': [res('jobs', 'Job', true), res('cronjobs', 'CronJob', true)],
  'policy/v1': [res('poddisruptionbudgets', 'PodDisruptionBudget', true)],
  'rbac.authorization.k8s.io/v1': [res('roles', 'Role', true), res('clusterrolebindings', 'ClusterRoleBinding', false)],
  'authorization.k8s.io/v1': [res('selfsubjectaccessreviews', 'SelfSubjectAccessReview', false, ['create'])],
  'authentication.k8s.io/v1': [res('selfsubjectreviews', 'SelfSubjectReview', false, ['create'])],
  'scheduling.k8s.io/v1': [res('priorityclasses', 'PriorityClass', false)],
};
const captured = [];
let current = '';
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (code, obj) => { res.writeHead(code, { 'content-type': 'application/json' }); res.end(JSON.stringify(obj)); };
    process.stderr.write(`${req.method} ${req.url} ${req.headers['content-type'] ?? ''} ${body.length}\n`);
    if (req.method === 'GET') {
      if (url.pathname === '/api') return json(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
      if (url.pathname === '/apis') return json(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: Object.keys(groups).filter((g) => g.includes('/')).map((gv) => ({ name: gv.split('/')[0], versions: [{ groupVersion: gv, version: 'v1' }], preferredVersion: { groupVersion: gv, version: 'v1' } })) });
      const gv = url.pathname === '/api/v1' ? 'v1' : url.pathname.replace(/^\/apis\//, '');
      if (groups[gv]) return json(200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: groups[gv] });
      return json(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' });
    }
    if (req.method === 'POST') {
      captured.push({ name: current, method: req.method, path: url.pathname, query: url.search, contentType: req.headers['content-type'], body });
      const parts = url.pathname.split('/');
      const plural = parts[parts.length - 1];
      if (plural === 'token') return json(201, { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: {}, spec: { audiences: [] }, status: { token: 'captured', expirationTimestamp: '2030-01-01T00:00:00Z' } });
      if (plural === 'selfsubjectaccessreviews') return json(201, { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, spec: {}, status: { allowed: true } });
      if (plural === 'selfsubjectreviews') return json(201, { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: {}, status: { userInfo: { username: 'me' } } });
      const kind = Object.values(groups).flat().find((r) => r.name === plural)?.kind ?? 'ConfigMap';
      const gv = parts[1] === 'api' ? 'v1' : `${parts[2]}/${parts[3]}`;
      return json(201, { kind, apiVersion: gv, metadata: { name: 'x', namespace: 'default' } });
    }
    json(405, {});
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const tmp = mkdtempSync(join(tmpdir(), 'k3ts-capture-'));
const kubeconfig = join(tmp, 'config');
writeFileSync(kubeconfig, `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:${port}\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\n    namespace: default\ncurrent-context: c\nusers:\n- name: u\n  user:\n    token: t\n`);
const commands = {
  'configmap': ['create', 'configmap', 'cfg', '--from-literal=key=value', '--from-literal=other=two words'],
  'secret-generic': ['create', 'secret', 'generic', 'creds', '--from-literal=username=admin', '--from-literal=password=s3cr3t'],
  'deployment': ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80'],
  'namespace': ['create', 'namespace', 'team-a'],
  'serviceaccount': ['create', 'serviceaccount', 'builder'],
  'job': ['create', 'job', 'hello', '--image=busybox', '--', 'echo', 'hi'],
  'token': ['create', 'token', 'builder', '--duration=10m', '--audience=https://example.test'],
  'can-i': ['auth', 'can-i', 'create', 'pods', '--namespace=default'],
  'can-i-subresource': ['auth', 'can-i', 'get', 'pods', '--subresource=log', '--namespace=kube-system'],
  'whoami': ['auth', 'whoami'],
  'service-clusterip': ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '--tcp=443:https'],
  'quota': ['create', 'quota', 'q', '--hard=cpu=1500m,memory=1Gi,pods=10'],
  'pdb': ['create', 'poddisruptionbudget', 'web', '--selector=app=web', '--min-available=50%'],
  'role': ['create', 'role', 'reader', '--verb=get,list', '--resource=pods,configmaps'],
  'clusterrolebinding': ['create', 'clusterrolebinding', 'admins', '--clusterrole=admin', '--user=alice', '--serviceaccount=default:builder'],
  'cronjob': ['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 3 * * *', '--', 'date'],
  'priorityclass': ['create', 'priorityclass', 'high', '--value=1000', '--description=important', '--preemption-policy=Never'],
};
mkdirSync(out, { recursive: true });
const index = {};
for (const [name, args] of Object.entries(commands)) {
  current = name;
  const before = captured.length;
  try {
    await promisify(execFile)(kubectl, ['--kubeconfig', kubeconfig, '--cache-dir', join(tmp, 'cache'), ...args], { timeout: 60_000 });
  } catch (e) {
    process.stderr.write(`${name}: ${e.stderr?.toString() ?? e}\n`);
  }
  const got = captured.slice(before);
  const c = got[got.length - 1];
  if (!c) { process.stderr.write(`${name}: no request captured\n`); continue; }
  writeFileSync(join(out, `${name}.bin`), c.body);
  index[name] = { command: `${kubectl.replace(/^.*\//, '')} ${args.map((a) => (/[\s*]/.test(a) ? `'${a}'` : a)).join(' ')}`, method: c.method, path: c.path, query: c.query, contentType: c.contentType };
}
writeFileSync(join(out, 'index.json'), JSON.stringify(index, null, 2) + '\n');
server.close();
console.log(JSON.stringify(index, null, 2));
