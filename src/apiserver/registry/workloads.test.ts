import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/meta/object.js';
import { StatusError } from '../../api/status.js';
import { openMemory } from '../../datastore/drivers/memory/memory-driver.js';
import { systemContext } from './rest/context.js';
import { storeFor } from '../testing/fixtures.js';
import { scaleSubresource } from './subresources.js';

const ctx = () => systemContext('default');
const template = (labels: Record<string, string>, restartPolicy?: string) => ({
  metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...(restartPolicy ? { restartPolicy } : {}) },
});
const message = (e: unknown) => (e instanceof StatusError ? e.status.message ?? '' : String(e));

test('deployments are defaulted, validated and track generation', async () => {
  const s = storeFor(await openMemory(''), 'deployments', 'apps');
  const d: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) } };
  s.strategy.defaults(d);
  const out = await s.create(ctx(), d);
  const spec = out['spec'] as Record<string, unknown>;
  assert.equal(spec['replicas'], 1);
  assert.deepEqual(spec['strategy'], { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  assert.equal(spec['revisionHistoryLimit'], 10);
  assert.equal(spec['progressDeadlineSeconds'], 600);
  assert.equal(out.metadata.generation, 1);
  const labeled = await s.update(ctx(), 'web', (p) => ({ ...(p as KubeObject), metadata: { ...(p as KubeObject).metadata, labels: { x: 'y' } } }));
  assert.equal(labeled.obj.metadata.generation, 1, 'label changes do not bump generation');
  const annotated = await s.update(ctx(), 'web', (p) => ({ ...(p as KubeObject), metadata: { ...(p as KubeObject).metadata, annotations: { a: 'b' } } }));
  assert.equal(annotated.obj.metadata.generation, 2, 'deployment annotations do');
  const scaled = await scaleSubresource(s).update?.(ctx(), 'web', (sc) => ({ ...sc, spec: { replicas: 4 } }), {});
  assert.deepEqual(scaled?.obj['spec'], { replicas: 4 });
  assert.equal((scaled?.obj['status'] as Record<string, unknown>)['selector'], 'app=web');
  assert.equal((await s.get(ctx(), 'web')).metadata.generation, 3);
  await assert.rejects(scaleSubresource(s).update?.(ctx(), 'web', (sc) => ({ ...sc, spec: { replicas: -1 } }), {}) ?? Promise.resolve(),
    (e) => message(e) === 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  await assert.rejects(s.update(ctx(), 'web', (p) => ({ ...(p as KubeObject), spec: { ...((p as KubeObject)['spec'] as object), selector: { matchLabels: { app: 'other' } } } })),
    (e) => /spec.selector: Invalid value: .*field is immutable/.test(message(e)));
});

test('deployment validation reports selector, template and strategy problems', async () => {
  const s = storeFor(await openMemory(''), 'deployments', 'apps');
  const bad: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'bad' }, spec: {
    replicas: -1, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'other' }, 'Never'),
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } } };
  s.strategy.defaults(bad);
  await assert.rejects(s.create(ctx(), bad), (e) => {
    const m = message(e);
    return m.startsWith('Deployment.apps "bad" is invalid: [')
      && m.includes('spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`')
      && m.includes('spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"')
      && m.includes('spec.replicas: Invalid value: -1: must be greater than or equal to 0')
      && m.includes('spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0');
  });
});

test('jobs get a generated selector and refuse restartPolicy Always', async () => {
  const s = storeFor(await openMemory(''), 'jobs', 'batch');
  const j: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: template({}, 'Never') } };
  s.strategy.defaults(j);
  const out = await s.create(ctx(), j);
  const spec = out['spec'] as { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> } }; backoffLimit: number };
  assert.deepEqual(spec.selector.matchLabels, { 'batch.kubernetes.io/controller-uid': out.metadata.uid });
  assert.equal(spec.template.metadata.labels['batch.kubernetes.io/job-name'], 'j');
  assert.equal(spec.backoffLimit, 6);
  const always: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'k' }, spec: { template: template({}) } };
  s.strategy.defaults(always);
  await assert.rejects(s.create(ctx(), always), (e) => message(e) === 'Job.batch "k" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"');
});
