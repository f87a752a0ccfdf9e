import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coreToEventsV1, eventsV1ToCore } from './events.js';
import { hpaV1ToV2, hpaV2ToV1 } from './hpa.js';

test('events.k8s.io and core events convert both ways', () => {
  const v1 = { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e' }, regarding: { kind: 'Pod', name: 'p' }, note: 'hello', reason: 'Started', reportingController: 'kubelet' };
  const core = eventsV1ToCore(v1);
  assert.deepEqual(core, { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, involvedObject: { kind: 'Pod', name: 'p' }, message: 'hello', reason: 'Started', reportingComponent: 'kubelet' });
  assert.deepEqual(coreToEventsV1(core), v1);
});

test('autoscaling/v1 HPAs round-trip through v2, other metrics kept in an annotation', () => {
  const v1 = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' },
    spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 70 } };
  const v2 = hpaV1ToV2(v1);
  assert.deepEqual((v2['spec'] as { metrics: unknown[] }).metrics, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]);
  assert.deepEqual(hpaV2ToV1(v2), v1);
  const mem = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Gi' } } };
  const back = hpaV2ToV1({ ...v2, spec: { ...(v2['spec'] as object), metrics: [...(v2['spec'] as { metrics: unknown[] }).metrics, mem] } });
  assert.equal(back.metadata.annotations?.['autoscaling.alpha.kubernetes.io/metrics'], JSON.stringify([mem]));
  assert.deepEqual((hpaV1ToV2(back)['spec'] as { metrics: unknown[] }).metrics.length, 2);
});
