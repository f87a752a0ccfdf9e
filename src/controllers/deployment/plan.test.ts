import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment, ReplicaSet } from '../../client/kinds/apps.js';
import { healthyScaleDown, newRSReplicas, oldScaleDownBudget, proportionalScale } from './plan.js';
import { fenceposts, podTemplateHash, sameTemplate, MAX_REPLICAS } from './util.js';
import { rolloutStatus } from './status.js';

const dep = (replicas: number, surge?: number | string, unavailable?: number | string): Deployment => ({
  metadata: { name: 'web', namespace: 'ns', generation: 1 },
  spec: {
    replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'x' }] } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { ...(surge !== undefined ? { maxSurge: surge } : {}), ...(unavailable !== undefined ? { maxUnavailable: unavailable } : {}) } },
    progressDeadlineSeconds: 600,
  },
});
const rs = (name: string, replicas: number, available = replicas, created = 0, maxReplicas?: number): ReplicaSet => ({
  metadata: { name, uid: name, creationTimestamp: new Date(created * 1000).toISOString(), ...(maxReplicas ? { annotations: { [MAX_REPLICAS]: String(maxReplicas) } } : {}) },
  spec: { replicas, selector: {} },
  status: { replicas, availableReplicas: available, readyReplicas: available },
});

test('fenceposts() rounds surge up and unavailability down, and never lets both be 0', () => {
  assert.deepEqual(fenceposts(dep(10)), { surge: 3, unavailable: 2 });
  assert.deepEqual(fenceposts(dep(3, 0, 0)), { surge: 0, unavailable: 1 });
  assert.deepEqual(fenceposts(dep(4, '50%', 1)), { surge: 2, unavailable: 1 });
});

test('newRSReplicas() grows the new ReplicaSet only within maxSurge', () => {
  const d = dep(4);
  const old = rs('old', 4);
  const fresh = rs('new', 0);
  assert.equal(newRSReplicas(d, [old, fresh], fresh), 1);
  assert.equal(newRSReplicas(d, [rs('old', 5), fresh], fresh), 0);
  assert.equal(newRSReplicas(d, [rs('old', 0), rs('new', 2)], rs('new', 2)), 4);
});

test('old ReplicaSets shrink only while replicas - maxUnavailable stay available', () => {
  const d = dep(4, 1, 1);
  const old = rs('old', 4, 4, 1);
  const fresh = rs('new', 1, 0, 2);
  assert.equal(oldScaleDownBudget(d, [old, fresh], fresh), 5 - 3 - 1);
  assert.deepEqual(healthyScaleDown(d, [old, fresh], [old]).map((s) => s.to), [3]);
  assert.deepEqual(healthyScaleDown(d, [rs('old', 3, 3), rs('new', 1, 0)], [rs('old', 3, 3)]), []);
});

test('proportionalScale() spreads a replicas change over active ReplicaSets by size', () => {
  const d = dep(20, 0, 1);
  const a = rs('a', 6, 6, 1, 10);
  const b = rs('b', 4, 4, 2, 10);
  const scales = proportionalScale(d, [a, b]);
  assert.deepEqual(scales.map((s) => `${s.rs.metadata.name ?? ''}=${s.to}`), ['a=12', 'b=8']);
});

test('podTemplateHash() is stable, changes with the template and the collision count; sameTemplate() ignores it', () => {
  const d = dep(1);
  const h = podTemplateHash(d.spec.template, undefined);
  assert.match(h, /^[bcdfghjklmnpqrstvwxz2456789]+$/);
  assert.equal(podTemplateHash(structuredClone(d.spec.template), undefined), h);
  assert.notEqual(podTemplateHash(d.spec.template, 1), h);
  const labelled = structuredClone(d.spec.template);
  labelled.metadata = { labels: { app: 'web', 'pod-template-hash': h } };
  assert.equal(sameTemplate(labelled, d.spec.template), true);
  const other = structuredClone(d.spec.template);
  (other.spec?.containers[0] as { image?: string }).image = 'y';
  assert.equal(sameTemplate(other, d.spec.template), false);
});

test('rolloutStatus() reports Available and Progressing as kubectl rollout status reads them', () => {
  const d = dep(2);
  const fresh = rs('web-1', 2, 2);
  const s = rolloutStatus(d, [fresh], fresh, Date.now());
  assert.equal(s.updatedReplicas, 2);
  assert.equal(s.availableReplicas, 2);
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  assert.equal(progressing?.reason, 'NewReplicaSetAvailable');
  assert.equal(progressing?.message, 'ReplicaSet "web-1" has successfully progressed.');
  assert.equal(s.conditions?.find((c) => c.type === 'Available')?.status, 'True');
  const half = rolloutStatus(d, [rs('web-1', 2, 0)], rs('web-1', 2, 0), Date.now());
  assert.equal(half.conditions?.find((c) => c.type === 'Available')?.reason, 'MinimumReplicasUnavailable');
  assert.equal(half.unavailableReplicas, 2);
});
