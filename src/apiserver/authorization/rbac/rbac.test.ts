import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta/object.js';
import type { AuthorizationAttributes } from '../authorizer.js';
import { forbiddenMessage } from '../authorizer.js';
import { UnionAuthorizer, privilegedGroupAuthorizer } from '../union.js';
import { RbacAuthorizer, type RbacSource } from './authorizer.js';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles } from './bootstrap-policy.js';
import { aggregatedRules } from './aggregation.js';
import { compactRule, ruleAllows, uncoveredRules } from './rules.js';
import { escalationMessage } from './escalation.js';

const attrs = (o: Partial<AuthorizationAttributes> & { user?: AuthorizationAttributes['user'] }): AuthorizationAttributes => ({
  user: { name: 'u', groups: [] }, verb: 'get', resourceRequest: true, namespace: '', apiGroup: '', apiVersion: 'v1', resource: '', subresource: '', name: '', path: '', ...o,
});

test('ruleAllows() matches verbs, groups, resources, subresources, names and URLs as RBAC does', () => {
  const rule = { verbs: ['get', 'list'], apiGroups: ['', 'apps'], resources: ['pods', 'deployments/scale', '*/status'], resourceNames: [] };
  assert.equal(ruleAllows(attrs({ verb: 'get', resource: 'pods' }), rule), true);
  assert.equal(ruleAllows(attrs({ verb: 'delete', resource: 'pods' }), rule), false);
  assert.equal(ruleAllows(attrs({ verb: 'get', resource: 'pods', subresource: 'log' }), rule), false);
  assert.equal(ruleAllows(attrs({ verb: 'get', apiGroup: 'apps', resource: 'deployments', subresource: 'scale' }), rule), true);
  assert.equal(ruleAllows(attrs({ verb: 'get', apiGroup: 'apps', resource: 'replicasets', subresource: 'status' }), rule), true);
  assert.equal(ruleAllows(attrs({ verb: 'get', apiGroup: 'batch', resource: 'pods' }), rule), false);
  const named = { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] };
  assert.equal(ruleAllows(attrs({ resource: 'configmaps', name: 'a' }), named), true);
  assert.equal(ruleAllows(attrs({ resource: 'configmaps', name: 'b' }), named), false);
  assert.equal(ruleAllows(attrs({ resource: 'configmaps', name: '' }), named), false);
  const url = { verbs: ['get'], nonResourceURLs: ['/healthz', '/apis/*'] };
  assert.equal(ruleAllows(attrs({ resourceRequest: false, path: '/healthz' }), url), true);
  assert.equal(ruleAllows(attrs({ resourceRequest: false, path: '/apis/apps/v1' }), url), true);
  assert.equal(ruleAllows(attrs({ resourceRequest: false, path: '/metrics' }), url), false);
});

test('uncoveredRules() finds the parts of a rule the owner does not hold', () => {
  const owner = [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }, { verbs: ['*'], apiGroups: ['apps'], resources: ['*'] }];
  assert.deepEqual(uncoveredRules(owner, [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]), []);
  assert.deepEqual(uncoveredRules(owner, [{ verbs: ['delete', 'create'], apiGroups: ['apps'], resources: ['deployments'] }]), []);
  const missing = uncoveredRules(owner, [{ verbs: ['get', 'delete'], apiGroups: [''], resources: ['pods', 'secrets'] }]);
  assert.deepEqual(missing.map(compactRule).sort(), [
    '{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}',
    '{APIGroups:[""], Resources:["secrets"], Verbs:["delete"]}',
    '{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}',
  ]);
  // A named rule only covers the names it lists.
  assert.equal(uncoveredRules([{ verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['a'] }], [{ verbs: ['get'], apiGroups: [''], resources: ['secrets'] }]).length, 1);
});

test('escalationMessage() reads like kube-apiserver', () => {
  const msg = escalationMessage({ name: 'bob', groups: ['dev', 'system:authenticated'] }, [
    { verbs: ['get'], apiGroups: [''], resources: ['secrets'] }, { verbs: ['list'], apiGroups: [''], resources: ['secrets'] },
  ]);
  assert.equal(msg, 'user "bob" (groups=["dev" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list"]}');
});

/** An in-memory RBAC source made of the bootstrap policy plus extra objects. */
function source(extra: KubeObject[] = []): RbacSource {
  const all = bootstrapClusterRoles().map((r) => ({ metadata: { name: r.name, labels: { ...r.labels } }, rules: r.rules, ...(r.aggregateFrom ? { aggregationRule: { clusterRoleSelectors: r.aggregateFrom.map((m) => ({ matchLabels: m })) } } : {}) }) as KubeObject);
  for (const r of all) { const rules = aggregatedRules(r, all); if (rules) r['rules'] = rules; }
  for (const r of all) { const rules = aggregatedRules(r, all); if (rules) r['rules'] = rules; }
  const crbs = bootstrapClusterRoleBindings().map((b) => ({ metadata: { name: b.name }, roleRef: { kind: 'ClusterRole', name: b.role }, subjects: b.subjects }) as unknown as KubeObject);
  return {
    clusterRole: (n) => all.find((r) => r.metadata.name === n),
    role: (ns, n) => extra.find((o) => o.kind === 'Role' && o.metadata.namespace === ns && o.metadata.name === n),
    clusterRoleBindings: () => [...crbs, ...extra.filter((o) => o.kind === 'ClusterRoleBinding')],
    roleBindings: (ns) => extra.filter((o) => o.kind === 'RoleBinding' && o.metadata.namespace === ns),
  };
}

test('RbacAuthorizer grants edit in the bound namespace only, with discovery for everyone', async () => {
  const binding = { kind: 'RoleBinding', metadata: { name: 'dev-edit', namespace: 'team' }, roleRef: { kind: 'ClusterRole', name: 'edit' }, subjects: [{ kind: 'Group', name: 'dev' }] } as unknown as KubeObject;
  const z = new UnionAuthorizer([privilegedGroupAuthorizer, new RbacAuthorizer(source([binding]))]);
  const dev = { name: 'alice', groups: ['dev', 'system:authenticated'] };
  assert.equal((await z.authorize(attrs({ user: dev, verb: 'create', resource: 'deployments', apiGroup: 'apps', namespace: 'team' }))).allowed, true);
  assert.equal((await z.authorize(attrs({ user: dev, verb: 'get', resource: 'secrets', namespace: 'team' }))).allowed, true);
  assert.equal((await z.authorize(attrs({ user: dev, verb: 'create', resource: 'roles', apiGroup: 'rbac.authorization.k8s.io', namespace: 'team' }))).allowed, false);
  assert.equal((await z.authorize(attrs({ user: dev, verb: 'list', resource: 'pods', namespace: 'default' }))).allowed, false);
  assert.equal((await z.authorize(attrs({ user: dev, verb: 'list', resource: 'pods', namespace: '' }))).allowed, false);
  assert.equal((await z.authorize(attrs({ user: dev, resourceRequest: false, path: '/apis/apps/v1' }))).allowed, true);
  assert.equal((await z.authorize(attrs({ user: dev, verb: 'create', resource: 'selfsubjectaccessreviews', apiGroup: 'authorization.k8s.io' }))).allowed, true);
  assert.equal((await z.authorize(attrs({ user: { name: 'root', groups: ['system:masters'] }, verb: 'delete', resource: 'nodes' }))).allowed, true);
  const a = attrs({ user: dev, verb: 'list', resource: 'pods', namespace: 'default' });
  assert.equal(forbiddenMessage(a), 'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"');
});

test('RbacAuthorizer matches service-account subjects and lists rules for SelfSubjectRulesReview', () => {
  const binding = { kind: 'RoleBinding', metadata: { name: 'b', namespace: 'ns1' }, roleRef: { kind: 'Role', name: 'reader' }, subjects: [{ kind: 'ServiceAccount', name: 'bot' }] } as unknown as KubeObject;
  const role = { kind: 'Role', metadata: { name: 'reader', namespace: 'ns1' }, rules: [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] }] } as unknown as KubeObject;
  const rbac = new RbacAuthorizer(source([binding, role]));
  const bot = { name: 'system:serviceaccount:ns1:bot', groups: ['system:serviceaccounts', 'system:serviceaccounts:ns1', 'system:authenticated'] };
  assert.equal(rbac.authorize(attrs({ user: bot, resource: 'configmaps', namespace: 'ns1' })).decision, 'allow');
  assert.equal(rbac.authorize(attrs({ user: { ...bot, name: 'system:serviceaccount:ns2:bot' }, resource: 'configmaps', namespace: 'ns1' })).decision, 'noOpinion');
  const rules = rbac.rulesFor(bot, 'ns1');
  assert.ok(rules.resourceRules.some((r) => r.resources?.includes('configmaps')));
  assert.ok(rules.resourceRules.some((r) => r.resources?.includes('selfsubjectaccessreviews')));
  assert.ok(rules.nonResourceRules.some((r) => r.nonResourceURLs?.includes('/api/*')));
  assert.equal(rules.incomplete, false);
});

test('aggregatedRules() unions the rules of matching roles: view lands in edit, edit in admin', () => {
  const s = source();
  const rules = (n: string) => JSON.stringify(s.clusterRole(n)?.['rules']);
  assert.ok(rules('view').includes('"pods"'));
  assert.ok(!rules('view').includes('"secrets"'));
  assert.ok(rules('edit').includes('"secrets"'));
  assert.ok(rules('edit').includes('"controllerrevisions"'));
  assert.ok(rules('admin').includes('"rolebindings"'));
  assert.ok(!rules('edit').includes('"rolebindings"'));
});

test('RbacAuthorizer says which binding allowed a request, as RBAC does (the audit log\'s reason)', async () => {
  const binding = { kind: 'RoleBinding', metadata: { name: 'dev-edit', namespace: 'team' }, roleRef: { kind: 'ClusterRole', name: 'edit' }, subjects: [{ kind: 'Group', name: 'dev' }] } as unknown as KubeObject;
  const z = new UnionAuthorizer([privilegedGroupAuthorizer, new RbacAuthorizer(source([binding]))]);
  const dev = { name: 'alice', groups: ['dev', 'system:authenticated'] };
  assert.deepEqual(await z.authorize(attrs({ user: dev, verb: 'create', resource: 'configmaps', namespace: 'team' })),
    { allowed: true, reason: 'RBAC: allowed by RoleBinding "dev-edit/team" of ClusterRole "edit" to Group "dev"' });
  assert.deepEqual(await z.authorize(attrs({ user: dev, resourceRequest: false, path: '/version' })),
    { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"' });
  assert.deepEqual(await z.authorize(attrs({ user: { name: 'root', groups: ['system:masters'] }, verb: 'delete', resource: 'nodes' })), { allowed: true });
});
