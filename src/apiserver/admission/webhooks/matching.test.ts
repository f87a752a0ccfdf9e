import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AdmissionAttributes } from '../admission.js';
import { exempt, rulesMatch, webhookMatches } from './matching.js';

const attrs = (o: Partial<AdmissionAttributes>): AdmissionAttributes => ({
  operation: 'CREATE', group: '', version: 'v1', kind: 'Pod', resource: 'pods', subresource: '', namespace: 'ns', name: 'p',
  object: { metadata: { name: 'p', labels: { app: 'web' } } }, oldObject: undefined, user: undefined, dryRun: false, ...o,
});
const rule = (resources: string[], extra: Record<string, unknown> = {}) => [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources, ...extra }];

test('rulesMatch() handles resource wildcards, subresources, operations and scope', () => {
  assert.equal(rulesMatch(rule(['pods']), attrs({})), true);
  assert.equal(rulesMatch(rule(['pods']), attrs({ subresource: 'status' })), false);
  assert.equal(rulesMatch(rule(['*']), attrs({ subresource: 'status' })), false);
  assert.equal(rulesMatch(rule(['*/*']), attrs({ subresource: 'status' })), true);
  assert.equal(rulesMatch(rule(['pods/*']), attrs({ subresource: 'exec' })), true);
  assert.equal(rulesMatch(rule(['*/status']), attrs({ subresource: 'status' })), true);
  assert.equal(rulesMatch(rule(['pods']), attrs({ operation: 'UPDATE' })), false);
  assert.equal(rulesMatch(rule(['pods'], { scope: 'Cluster' }), attrs({})), false);
  assert.equal(rulesMatch(rule(['namespaces'], { scope: 'Cluster' }), attrs({ resource: 'namespaces', namespace: '' })), true);
});

test('webhookMatches() applies namespace and object selectors as kube-apiserver does', () => {
  const hook = { rules: rule(['pods']), namespaceSelector: { matchLabels: { env: 'prod' } }, objectSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] } };
  assert.equal(webhookMatches(hook, { attrs: attrs({}), namespaceLabels: { env: 'prod' } }), true);
  assert.equal(webhookMatches(hook, { attrs: attrs({}), namespaceLabels: { env: 'dev' } }), false);
  assert.equal(webhookMatches(hook, { attrs: attrs({ object: { metadata: { labels: { app: 'db' } } } }), namespaceLabels: { env: 'prod' } }), false);
  // A namespace request is matched against the namespace's own labels.
  const nsHook = { rules: rule(['namespaces']), namespaceSelector: { matchLabels: { env: 'prod' } } };
  assert.equal(webhookMatches(nsHook, { attrs: attrs({ resource: 'namespaces', namespace: '', object: { metadata: { labels: { env: 'prod' } } } }), namespaceLabels: undefined }), true);
  assert.equal(exempt(attrs({ group: 'admissionregistration.k8s.io', resource: 'validatingwebhookconfigurations' })), true);
});

test('evaluateMatchConditions() calls the webhook only when every CEL condition holds', async () => {
  const { evaluateMatchConditions } = await import('./match-conditions.js');
  const hook = (expression: string) => ({ matchConditions: [{ name: 'c', expression }] });
  assert.deepEqual(evaluateMatchConditions(hook("object.metadata.labels.app == 'web'"), attrs({})), { match: true });
  assert.deepEqual(evaluateMatchConditions(hook("object.metadata.labels.app == 'db'"), attrs({})), { match: false });
  assert.deepEqual(evaluateMatchConditions(hook("request.operation == 'CREATE' && request.namespace == 'ns'"), attrs({})), { match: true });
  assert.deepEqual(evaluateMatchConditions(hook("!('system:masters' in request.userInfo.groups)"), attrs({ user: { name: 'a', groups: ['system:masters'] } })), { match: false });
  assert.ok('error' in evaluateMatchConditions(hook('object.metadata.missing.field == 1'), attrs({})));
  assert.deepEqual(evaluateMatchConditions({}, attrs({})), { match: true });
});
