/**
 * Admission webhooks and matchPolicy, with the real kubectl and a real HTTPS webhook: a webhook
 * registered for one version of a resource is called, under the default `Equivalent` policy, for
 * a request made through another version of the same storage resource (autoscaling/v1 and v2
 * HPAs; two served versions of a CRD, scale subresource included), with the object converted
 * to its version, and not called under `Exact`. A mutating webhook's patch lands on the object
 * the request stored; an unknown matchPolicy is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSecureCluster, type SecureCluster } from '../../src/apiserver/security/testing/cluster.js';
import { kubectlPath } from './harness.js';
import { hookConfig, jsonPatch, type ReviewRequest, type WebhookServer, webhookServer } from './webhook-server.js';

const KUBECTL = kubectlPath(33) ?? 'kubectl';

function kubectl(c: SecureCluster) {
  return async (args: string[], input?: string) => {
    const r = await c.kubectl(c.kubeconfig, args, { bin: KUBECTL, ...(input !== undefined ? { input } : {}) });
    assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
}

/** Creates objects named `<prefix>-<i>` until the webhook at `path` has seen one (its configuration is read from a cache); returns that name. */
async function createUntilCalled(wh: WebhookServer, path: string, create: (name: string) => Promise<unknown>, prefix: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const name = `${prefix}-${i}`;
    await create(name);
    if (wh.calls.includes(`${path} ${name}`)) return name;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the webhook at ${path} was never called`);
}

const reviewOf = (wh: WebhookServer, path: string, name: string): ReviewRequest => {
  const r = wh.reviews.find((x) => x.path === path && x.request.object.metadata.name === name);
  assert.ok(r, `a review at ${path} for ${name}`);
  return r.request;
};

test('matchPolicy Equivalent sends an autoscaling/v1 HPA to an autoscaling/v2 webhook as v2; Exact does not', async (t) => {
  const c = await startSecureCluster(t);
  // Raises the v2 CPU target, which only a webhook that sees the v2 form can address.
  const wh = await webhookServer(t, {
    '/hpa-cpu': (r) => r.object.apiVersion === 'autoscaling/v2'
      ? jsonPatch([{ op: 'replace', path: '/spec/metrics/0/resource/target/averageUtilization', value: 70 }]) : { allowed: true },
  });
  const k = kubectl(c);
  const rules = [{ operations: ['CREATE'], apiGroups: ['autoscaling'], apiVersions: ['v2'], resources: ['horizontalpodautoscalers'] }];
  const hook = (path: string, extra: Record<string, unknown> = {}) => ({ rules, failurePolicy: 'Fail', clientConfig: { url: `${wh.url}${path}`, caBundle: wh.caBundle }, ...extra });
  await k(['create', '-f', '-'], hookConfig('Validating', 'hpa-exact', hook('/record/exact', { matchPolicy: 'Exact' })));
  await k(['create', '-f', '-'], hookConfig('Mutating', 'hpa-cpu', hook('/hpa-cpu')));
  await k(['create', '-f', '-'], hookConfig('Validating', 'hpa-equivalent', hook('/record/equivalent')));
  assert.equal(await k(['get', 'validatingwebhookconfiguration', 'hpa-equivalent', '-o', 'jsonpath={.webhooks[0].matchPolicy}']), 'Equivalent');

  const v1Hpa = (name: string) => JSON.stringify({
    apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 50 },
  });
  const name = await createUntilCalled(wh, '/record/equivalent', (n) => k(['create', '-f', '-'], v1Hpa(n)), 'web');
  const v2 = { group: 'autoscaling', version: 'v2' }, v1 = { group: 'autoscaling', version: 'v1' };
  const seen = reviewOf(wh, '/record/equivalent', name);
  assert.deepEqual(seen.kind, { ...v2, kind: 'HorizontalPodAutoscaler' });
  assert.deepEqual(seen.resource, { ...v2, resource: 'horizontalpodautoscalers' });
  assert.deepEqual(seen.requestKind, { ...v1, kind: 'HorizontalPodAutoscaler' });
  assert.deepEqual(seen.requestResource, { ...v1, resource: 'horizontalpodautoscalers' });
  assert.equal(seen.object.apiVersion, 'autoscaling/v2');
  // The validating webhook sees the mutating one's patch, made on the v2 form.
  assert.deepEqual(seen.object.spec?.['metrics'], [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]);
  const mutated = reviewOf(wh, '/hpa-cpu', name);
  assert.equal(mutated.object.apiVersion, 'autoscaling/v2');
  assert.deepEqual(mutated.requestKind, { ...v1, kind: 'HorizontalPodAutoscaler' });
  assert.ok(!wh.calls.includes(`/record/exact ${name}`), 'the Exact webhook is not called for autoscaling/v1');
  // The patch was converted back to the v1 request and stored.
  assert.equal(await k(['get', 'horizontalpodautoscalers.v1.autoscaling', name, '-o', 'jsonpath={.spec.targetCPUUtilizationPercentage}']), '70');

  // A request through autoscaling/v2 itself reaches both, with requestKind = kind.
  await k(['create', '-f', '-'], JSON.stringify({
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'direct' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 2 },
  }));
  assert.ok(wh.calls.includes('/record/exact direct'));
  assert.deepEqual(reviewOf(wh, '/record/equivalent', 'direct').requestKind, { ...v2, kind: 'HorizontalPodAutoscaler' });

  // Only Exact and Equivalent exist (422, as kube-apiserver's validation answers).
  const bad = await c.kubectl(c.kubeconfig, ['create', '-f', '-'], { bin: KUBECTL, input: hookConfig('Validating', 'hpa-bad', hook('/record/bad', { matchPolicy: 'Sometimes' })) });
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /"hpa-bad" is invalid: webhooks\[0\]\.matchPolicy: Unsupported value: "Sometimes": supported values: "Equivalent", "Exact"/);
});

const CRD = JSON.stringify({
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.equiv.example.com' },
  spec: {
    group: 'equiv.example.com', scope: 'Namespaced', names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
    versions: ['v1', 'v2'].map((name) => ({
      name, served: true, storage: name === 'v1',
      subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } },
      schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { replicas: { type: 'integer' } } }, status: { type: 'object', properties: { replicas: { type: 'integer' } } } } } },
    })),
  },
});

test('matchPolicy Equivalent calls a webhook for another served version of a CRD, scale subresource included', async (t) => {
  const c = await startSecureCluster(t);
  const wh = await webhookServer(t);
  const k = kubectl(c);
  await k(['create', '-f', '-'], CRD);
  await k(['wait', '--for', 'condition=established', '--timeout=30s', 'crd/widgets.equiv.example.com']);
  const rules = [{ operations: ['CREATE', 'UPDATE'], apiGroups: ['equiv.example.com'], apiVersions: ['v2'], resources: ['widgets', 'widgets/scale'] }];
  const hook = (path: string, extra: Record<string, unknown> = {}) => ({ rules, failurePolicy: 'Fail', clientConfig: { url: `${wh.url}${path}`, caBundle: wh.caBundle }, ...extra });
  await k(['create', '-f', '-'], hookConfig('Validating', 'widgets-exact', hook('/record/exact', { matchPolicy: 'Exact' })));
  // The labelling webhook sticks to the widgets themselves (a Scale has no labels to add to).
  await k(['create', '-f', '-'], hookConfig('Mutating', 'widgets-label', hook('/mutate', { rules: [{ ...rules[0], resources: ['widgets'] }] })));
  await k(['create', '-f', '-'], hookConfig('Validating', 'widgets-equivalent', hook('/record/equivalent')));

  const widget = (name: string) => JSON.stringify({ apiVersion: 'equiv.example.com/v1', kind: 'Widget', metadata: { name, labels: { app: 'w' } }, spec: { replicas: 1 } });
  const name = await createUntilCalled(wh, '/record/equivalent', (n) => k(['create', '-f', '-'], widget(n)), 'w');
  const seen = reviewOf(wh, '/record/equivalent', name);
  assert.deepEqual(seen.kind, { group: 'equiv.example.com', version: 'v2', kind: 'Widget' });
  assert.deepEqual(seen.requestKind, { group: 'equiv.example.com', version: 'v1', kind: 'Widget' });
  assert.deepEqual(seen.requestResource, { group: 'equiv.example.com', version: 'v1', resource: 'widgets' });
  assert.equal(seen.object.apiVersion, 'equiv.example.com/v2');
  assert.equal(seen.object.metadata.labels?.['mutated'], 'yes');
  assert.equal(reviewOf(wh, '/mutate', name).object.apiVersion, 'equiv.example.com/v2');
  assert.ok(!wh.calls.includes(`/record/exact ${name}`), 'the Exact webhook is not called for v1');
  // The mutating webhook's label is stored, and the object keeps the version it was read at.
  assert.equal(await k(['get', 'widgets.v1.equiv.example.com', name, '-o', 'jsonpath={.apiVersion} {.metadata.labels.mutated}']), 'equiv.example.com/v1 yes');

  // The scale subresource of v1 matches the rule for v2's, with the Scale kind.
  await k(['scale', 'widgets.v1.equiv.example.com', name, '--replicas=3']);
  const scaled = wh.reviews.find((x) => x.path === '/record/equivalent' && x.request.subResource === 'scale')?.request;
  assert.ok(scaled, 'a review for the scale subresource');
  assert.deepEqual(scaled.kind, { group: 'autoscaling', version: 'v1', kind: 'Scale' });
  assert.deepEqual(scaled.resource, { group: 'equiv.example.com', version: 'v2', resource: 'widgets' });
  assert.deepEqual(scaled.requestResource, { group: 'equiv.example.com', version: 'v1', resource: 'widgets' });
  assert.equal(scaled.requestSubResource, 'scale');
  assert.ok(!wh.reviews.some((x) => x.path === '/record/exact' && x.request.subResource === 'scale'));
  assert.equal(await k(['get', 'widgets.v2.equiv.example.com', name, '-o', 'jsonpath={.spec.replicas}']), '3');
});
