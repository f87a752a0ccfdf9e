/**
 * RBAC end to end with the real kubectl: a certificate user in group `dev` bound to `edit` in one
 * namespace, `auth can-i` (with --list), `auth whoami`, impersonation with its own checks, and
 * escalation prevention.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSecureCluster } from '../../src/apiserver/security/testing/cluster.js';
import { kubectlPath } from './harness.js';

const KUBECTL = kubectlPath(33) ?? 'kubectl';

test('a dev-group user bound to edit in one namespace can do what edit allows there and nothing elsewhere', async (t) => {
  const c = await startSecureCluster(t);
  const admin = (args: string[]) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL });
  for (const ns of ['team', 'other']) assert.equal((await admin(['create', 'namespace', ns])).code, 0);
  assert.equal((await admin(['-n', 'team', 'create', 'rolebinding', 'dev-edit', '--clusterrole=edit', '--group=dev'])).code, 0);
  const alice = await c.certUser('alice', ['dev']);
  const as = (args: string[], bin = KUBECTL) => c.kubectl(alice.kubeconfig, args, { bin });

  // What edit allows, in team (the binding may take a moment to reach the RBAC cache).
  let r = await as(['-n', 'team', 'create', 'configmap', 'cfg', '--from-literal=a=b']);
  for (let i = 0; r.code !== 0 && i < 20; i++) r = await as(['-n', 'team', 'create', 'configmap', 'cfg', '--from-literal=a=b']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await as(['-n', 'team', 'create', 'deployment', 'web', '--image=nginx'])).code, 0);
  assert.equal((await as(['-n', 'team', 'get', 'deployments', '-o', 'name'])).stdout.trim(), 'deployment.apps/web');
  assert.equal((await as(['-n', 'team', 'create', 'secret', 'generic', 's1', '--from-literal=k=v'])).code, 0);
  assert.equal((await as(['-n', 'team', 'delete', 'configmap', 'cfg'])).code, 0);

  // Nothing elsewhere, and not what edit leaves out.
  r = await as(['-n', 'other', 'get', 'pods']);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /Error from server \(Forbidden\): pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "other"/);
  r = await as(['get', 'nodes']);
  assert.match(r.stderr, /nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" at the cluster scope/);
  r = await as(['-n', 'team', 'create', 'role', 'r', '--verb=get', '--resource=pods']);
  assert.match(r.stderr, /roles.rbac.authorization.k8s.io is forbidden: User "alice" cannot create resource "roles" in API group "rbac.authorization.k8s.io" in the namespace "team"/);
  r = await as(['-n', 'team', 'get', 'resourcequotas', '-o', 'name']);
  assert.equal(r.code, 0, 'edit reads quotas');
  r = await as(['-n', 'team', 'create', 'quota', 'q', '--hard=pods=1']);
  assert.notEqual(r.code, 0, 'edit does not write quotas');

  // kubectl auth can-i, on the oldest and newest kubectl (1.33 sends protobuf).
  for (const bin of [kubectlPath(27) ?? 'kubectl', KUBECTL]) {
    assert.equal((await as(['auth', 'can-i', 'create', 'deployments', '-n', 'team'], bin)).stdout.trim(), 'yes');
    const no = await as(['auth', 'can-i', 'create', 'deployments', '-n', 'other'], bin);
    assert.equal(no.stdout.trim(), 'no');
    assert.equal(no.code, 1);
  }
  const list = await as(['auth', 'can-i', '--list', '-n', 'team']);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /deployments\.apps\s+\[\]\s+\[\]\s+\[create delete deletecollection patch update get list watch\]|deployments\.apps/);
  assert.match(list.stdout, /selfsubjectaccessreviews\.authorization\.k8s\.io/);
  const whoami = await as(['auth', 'whoami', '-o', 'json']);
  assert.equal(whoami.code, 0, whoami.stderr);
  const info = (JSON.parse(whoami.stdout) as { status: { userInfo: { username: string; groups: string[] } } }).status.userInfo;
  assert.equal(info.username, 'alice');
  assert.deepEqual(info.groups, ['dev', 'system:authenticated']);
});

test('impersonation runs as the impersonated user and needs the impersonate verb', async (t) => {
  const c = await startSecureCluster(t);
  const admin = (args: string[]) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL });
  assert.equal((await admin(['create', 'namespace', 'team'])).code, 0);
  assert.equal((await admin(['-n', 'team', 'create', 'rolebinding', 'dev-edit', '--clusterrole=edit', '--group=dev'])).code, 0);
  let r = await admin(['--as=alice', '--as-group=dev', '-n', 'team', 'get', 'configmaps']);
  for (let i = 0; r.code !== 0 && i < 20; i++) r = await admin(['--as=alice', '--as-group=dev', '-n', 'team', 'get', 'configmaps']);
  assert.equal(r.code, 0, r.stderr);
  r = await admin(['--as=alice', '--as-group=dev', '-n', 'default', 'get', 'configmaps']);
  assert.match(r.stderr, /configmaps is forbidden: User "alice" cannot list resource "configmaps" in API group "" in the namespace "default"/);
  r = await admin(['--as=alice', '--as-group=dev', 'auth', 'whoami', '-o', 'jsonpath={.status.userInfo.groups}']);
  assert.equal(r.stdout, '["dev","system:authenticated"]');
  r = await admin(['--as=system:serviceaccount:team:bot', 'auth', 'whoami', '-o', 'jsonpath={.status.userInfo.groups}']);
  assert.equal(r.stdout, '["system:serviceaccounts","system:serviceaccounts:team","system:authenticated"]');

  const alice = await c.certUser('alice', ['dev']);
  r = await c.kubectl(alice.kubeconfig, ['--as=bob', 'get', 'pods', '-n', 'team'], { bin: KUBECTL });
  assert.match(r.stderr, /users "bob" is forbidden: User "alice" cannot impersonate resource "users" in API group "" at the cluster scope/);
  r = await c.kubectl(alice.kubeconfig, ['--as=alice', '--as-group=system:masters', 'get', 'nodes'], { bin: KUBECTL });
  assert.match(r.stderr, /cannot impersonate resource "users"|cannot impersonate resource "groups"/);
  // edit lets alice impersonate the service accounts of its namespace, and only those.
  r = await c.kubectl(alice.kubeconfig, ['--as=system:serviceaccount:team:default', 'auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'], { bin: KUBECTL });
  assert.equal(r.stdout, 'system:serviceaccount:team:default', r.stderr);
  r = await c.kubectl(alice.kubeconfig, ['--as=system:serviceaccount:kube-system:default', 'get', 'pods'], { bin: KUBECTL });
  assert.match(r.stderr, /serviceaccounts "default" is forbidden: User "alice" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "kube-system"/);
  // Groups without a user are a bad request.
  const raw = await c.fetch('/api/v1/namespaces', { headers: { 'Impersonate-Group': 'dev' }, cert: { cert: c.cert, key: c.key } });
  assert.equal(raw.status, 400);
});

test('roles and bindings can only grant what their author holds, unless it may escalate or bind', async (t) => {
  const c = await startSecureCluster(t);
  const admin = (args: string[]) => c.kubectl(c.kubeconfig, args, { bin: KUBECTL });
  assert.equal((await admin(['create', 'namespace', 'team'])).code, 0);
  assert.equal((await admin(['-n', 'team', 'create', 'rolebinding', 'alice-admin', '--clusterrole=admin', '--user=alice'])).code, 0);
  const alice = await c.certUser('alice', []);
  const as = (args: string[]) => c.kubectl(alice.kubeconfig, args, { bin: KUBECTL });
  let r = await as(['-n', 'team', 'create', 'role', 'reader', '--verb=get,list', '--resource=secrets,pods']);
  for (let i = 0; r.code !== 0 && i < 20; i++) r = await as(['-n', 'team', 'create', 'role', 'reader', '--verb=get,list', '--resource=secrets,pods']);
  assert.equal(r.code, 0, r.stderr);
  r = await as(['-n', 'team', 'create', 'role', 'nodes', '--verb=get', '--resource=nodes']);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /roles.rbac.authorization.k8s.io "nodes" is forbidden: user "alice" \(groups=\["system:authenticated"\]\) is attempting to grant RBAC permissions not currently held:\n\{APIGroups:\[""\], Resources:\["nodes"\], Verbs:\["get"\]\}/);
  r = await as(['-n', 'team', 'create', 'rolebinding', 'bob-reader', '--role=reader', '--user=bob']);
  assert.equal(r.code, 0, r.stderr);
  r = await as(['-n', 'team', 'create', 'rolebinding', 'bob-root', '--clusterrole=cluster-admin', '--user=bob']);
  assert.match(r.stderr, /rolebindings.rbac.authorization.k8s.io "bob-root" is forbidden: user "alice" .* is attempting to grant RBAC permissions not currently held/);
  // With `bind` on cluster-admin, the binding is allowed (it grants only within the namespace).
  assert.equal((await admin(['create', 'clusterrole', 'bind-root', '--verb=bind', '--resource=clusterroles', '--resource-name=cluster-admin'])).code, 0);
  assert.equal((await admin(['-n', 'team', 'create', 'rolebinding', 'alice-bind', '--clusterrole=bind-root', '--user=alice'])).code, 0);
  r = await as(['-n', 'team', 'create', 'rolebinding', 'bob-root', '--clusterrole=cluster-admin', '--user=bob']);
  for (let i = 0; r.code !== 0 && i < 20; i++) r = await as(['-n', 'team', 'create', 'rolebinding', 'bob-root', '--clusterrole=cluster-admin', '--user=bob']);
  assert.equal(r.code, 0, r.stderr);
});

test('the bootstrap policy exists with aggregated admin, edit and view', async (t) => {
  const c = await startSecureCluster(t);
  const r = await c.kubectl(c.kubeconfig, ['get', 'clusterrole', 'view', '-o', 'json'], { bin: KUBECTL });
  assert.equal(r.code, 0, r.stderr);
  const view = JSON.parse(r.stdout) as { rules: { resources?: string[] }[]; aggregationRule: unknown };
  assert.ok(view.aggregationRule);
  assert.ok(view.rules.some((x) => x.resources?.includes('pods')));
  for (const name of ['cluster-admin', 'admin', 'edit', 'system:discovery', 'system:basic-user', 'system:public-info-viewer', 'system:node', 'system:node-proxier', 'system:kube-scheduler', 'system:kube-controller-manager', 'system:controller:deployment-controller']) {
    assert.equal((await c.kubectl(c.kubeconfig, ['get', 'clusterrole', name, '-o', 'name'], { bin: KUBECTL })).code, 0, name);
  }
  const b = await c.kubectl(c.kubeconfig, ['get', 'clusterrolebinding', 'cluster-admin', '-o', 'jsonpath={.subjects[0].name}'], { bin: KUBECTL });
  assert.equal(b.stdout, 'system:masters');
  // A new role labelled for aggregation shows up in view.
  const label = 'rbac.authorization.k8s.io/aggregate-to-view=true';
  const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'widgets-view' }, rules: [{ apiGroups: ['example.com'], resources: ['widgets'], verbs: ['get'] }] };
  assert.equal((await c.kubectl(c.kubeconfig, ['create', '-f', '-'], { bin: KUBECTL, input: JSON.stringify(role) })).code, 0);
  assert.equal((await c.kubectl(c.kubeconfig, ['label', 'clusterrole', 'widgets-view', label], { bin: KUBECTL })).code, 0);
  let found = false;
  for (let i = 0; i < 50 && !found; i++) {
    const v = await c.kubectl(c.kubeconfig, ['get', 'clusterrole', 'view', '-o', 'json'], { bin: KUBECTL });
    found = v.stdout.includes('"widgets"');
    if (!found) await new Promise((res) => setTimeout(res, 100));
  }
  assert.ok(found, 'aggregated into view');
});

test('SubjectAccessReview and LocalSubjectAccessReview answer for other users; only the permitted may ask', async (t) => {
  const c = await startSecureCluster(t);
  const admin = { cert: c.cert, key: c.key };
  assert.equal((await c.kubectl(c.kubeconfig, ['create', 'namespace', 'team'], { bin: KUBECTL })).code, 0);
  assert.equal((await c.kubectl(c.kubeconfig, ['-n', 'team', 'create', 'rolebinding', 'dev-view', '--clusterrole=view', '--group=dev'], { bin: KUBECTL })).code, 0);
  const review = async (path: string, spec: Record<string, unknown>, cert = admin) => c.fetch(path, {
    method: 'POST', cert, body: JSON.stringify({ apiVersion: 'authorization.k8s.io/v1', kind: path.includes('local') ? 'LocalSubjectAccessReview' : 'SubjectAccessReview', spec }),
  });
  const sar = '/apis/authorization.k8s.io/v1/subjectaccessreviews';
  const asked = { user: 'alice', groups: ['dev'], resourceAttributes: { namespace: 'team', verb: 'list', resource: 'pods' } };
  let r = await review(sar, asked);
  for (let i = 0; (r.json()['status'] as { allowed?: boolean }).allowed !== true && i < 20; i++) r = await review(sar, asked);
  assert.equal(r.status, 201);
  assert.deepEqual(r.json()['status'], { allowed: true, reason: 'RBAC: allowed by RoleBinding "dev-view/team" of ClusterRole "view" to Group "dev"' });
  r = await review(sar, { ...asked, resourceAttributes: { namespace: 'team', verb: 'delete', resource: 'pods' } });
  assert.equal((r.json()['status'] as { allowed: boolean }).allowed, false);
  r = await review(sar, { user: 'alice', groups: ['dev'], nonResourceAttributes: { verb: 'get', path: '/apis' } });
  assert.equal((r.json()['status'] as { allowed: boolean }).allowed, false, 'alice is not authenticated in the review: no system:authenticated group');
  r = await review('/apis/authorization.k8s.io/v1/namespaces/team/localsubjectaccessreviews', { user: 'alice', groups: ['dev'], resourceAttributes: { verb: 'get', resource: 'configmaps' } });
  assert.equal((r.json()['status'] as { allowed: boolean }).allowed, true);
  const alice = await c.certUser('alice', ['dev']);
  r = await review(sar, asked, { cert: alice.cert, key: alice.key });
  assert.equal(r.status, 403);
  assert.match(String(r.json()['message']), /subjectaccessreviews.authorization.k8s.io is forbidden: User "alice" cannot create resource "subjectaccessreviews" in API group "authorization.k8s.io" at the cluster scope/);
});
