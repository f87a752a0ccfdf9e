import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AdmissionAttributes } from '../admission.js';
import { type EquivalentResource, exempt, matchRules, matchWebhook, rulesMatch } from './matching.js';

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

const webhookMatches = (hook: Record<string, unknown>, m: Parameters<typeof matchWebhook>[1]) => matchWebhook(hook, m) !== undefined;

test('matchWebhook() applies namespace and object selectors as kube-apiserver does', () => {
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

const hpa = (version: string): EquivalentResource => ({ group: 'autoscaling', version, resource: 'horizontalpodautoscalers', kind: { group: 'autoscaling', version, kind: 'HorizontalPodAutoscaler' } });
const hpaV1 = attrs({ group: 'autoscaling', version: 'v1', kind: 'HorizontalPodAutoscaler', resource: 'horizontalpodautoscalers' });
const hpaRule = (versions: string[]) => [{ operations: ['CREATE'], apiGroups: ['autoscaling'], apiVersions: versions, resources: ['horizontalpodautoscalers'] }];

test('matchRules() matches an equivalent resource under matchPolicy Equivalent (the default) and not under Exact', () => {
  let asked = 0;
  const equivalents = () => { asked++; return [hpa('v2'), hpa('v1')]; };
  const m = { attrs: hpaV1, namespaceLabels: undefined, equivalents };
  assert.deepEqual(matchRules({ rules: hpaRule(['v2']) }, m), {
    resource: { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers' }, subresource: '', kind: hpa('v2').kind, exact: false,
  });
  assert.equal(matchRules({ rules: hpaRule(['v2']), matchPolicy: 'Equivalent' }, m)?.resource.version, 'v2');
  assert.equal(matchRules({ rules: hpaRule(['v2']), matchPolicy: 'Exact' }, m), undefined);
  // The request's own version wins over an equivalent one, whatever the rule order.
  assert.equal(matchRules({ rules: [...hpaRule(['v2']), ...hpaRule(['v1'])] }, m)?.exact, true);
  assert.equal(matchRules({ rules: hpaRule(['v1', 'v2']), matchPolicy: 'Exact' }, m)?.resource.version, 'v1');
  // Exact matches never ask for equivalents; a rule naming no equivalent matches nothing.
  asked = 0;
  matchRules({ rules: hpaRule(['v1']) }, m);
  assert.equal(asked, 0);
  assert.equal(matchRules({ rules: hpaRule(['v2beta2']) }, m), undefined);
  assert.equal(matchRules({ rules: hpaRule(['v2']) }, { attrs: hpaV1, namespaceLabels: undefined }), undefined, 'no equivalents known');
});

test('matchRules() keeps the subresource and takes the kind the equivalent serves there', () => {
  const crd = (version: string): EquivalentResource => ({ group: 'x.example.com', version, resource: 'widgets', kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' } });
  const a = attrs({ operation: 'UPDATE', group: 'x.example.com', version: 'v1', kind: 'Scale', resource: 'widgets', subresource: 'scale' });
  const rules = [{ operations: ['UPDATE'], apiGroups: ['x.example.com'], apiVersions: ['v2'], resources: ['widgets/scale'] }];
  const got = matchRules({ rules }, { attrs: a, namespaceLabels: undefined, equivalents: () => [crd('v1'), crd('v2')] });
  assert.deepEqual(got, { resource: { group: 'x.example.com', version: 'v2', resource: 'widgets' }, subresource: 'scale', kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, exact: false });
  // A rule for the main resource does not cover its subresource through an equivalent either.
  const main = [{ operations: ['UPDATE'], apiGroups: ['x.example.com'], apiVersions: ['v2'], resources: ['widgets'] }];
  assert.equal(matchRules({ rules: main }, { attrs: a, namespaceLabels: undefined, equivalents: () => [crd('v2')] }), undefined);
});

test('matchWebhook() checks selectors before equivalent rules', () => {
  const m = { attrs: hpaV1, namespaceLabels: { env: 'dev' }, equivalents: () => [hpa('v2')] };
  assert.equal(matchWebhook({ rules: hpaRule(['v2']), namespaceSelector: { matchLabels: { env: 'prod' } } }, m), undefined);
  assert.equal(matchWebhook({ rules: hpaRule(['v2']), namespaceSelector: { matchLabels: { env: 'dev' } } }, m)?.kind.version, 'v2');
});
