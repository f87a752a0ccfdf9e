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

test('a v2 HPA read and written back as autoscaling/v1 keeps behavior, other current metrics and conditions', () => {
  const v2 = {
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h', annotations: { team: 'a' } },
    spec: {
      scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Gi' } } },
      ],
      behavior: { scaleDown: { stabilizationWindowSeconds: 60, policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }] } },
    },
    status: {
      currentReplicas: 2, desiredReplicas: 2,
      currentMetrics: [
        { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 40 } } },
        { type: 'Resource', resource: { name: 'memory', current: { averageValue: '300Mi' } } },
      ],
      conditions: [{ type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale' }],
    },
  };
  const v1 = hpaV2ToV1(v2);
  const a = v1.metadata.annotations ?? {};
  assert.equal(a['autoscaling.alpha.kubernetes.io/behavior'], JSON.stringify(v2.spec.behavior));
  assert.equal(a['autoscaling.alpha.kubernetes.io/current-metrics'], JSON.stringify([v2.status.currentMetrics[1]]));
  assert.equal(a['autoscaling.alpha.kubernetes.io/conditions'], JSON.stringify(v2.status.conditions));
  assert.deepEqual(v1['status'], { currentReplicas: 2, desiredReplicas: 2, currentCPUUtilizationPercentage: 40 });
  assert.deepEqual(hpaV1ToV2(v1), v2);
});
