import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration } from './duration.js';
import { buildTable, printerFor } from './registry.js';
import type { KubeObject } from '../meta/object.js';

test('humanDuration() prints AGE like kubectl', () => {
  const s = 1000;
  const cases: Array<[number, string]> = [[0, '0s'], [59 * s, '59s'], [119 * s, '119s'], [150 * s, '2m30s'], [600 * s, '10m'],
    [3 * 3600 * s, '3h'], [3 * 3600 * s + 60 * s, '3h1m'], [30 * 3600 * s, '30h'], [50 * 3600 * s, '2d2h'], [10 * 86400 * s, '10d'],
    [800 * 86400 * s, '2y70d'], [3000 * 86400 * s, '8y']];
  for (const [ms, want] of cases) assert.equal(humanDuration(ms), want, want);
});

const now = Date.parse('2024-01-01T01:00:00Z');
const created = '2024-01-01T00:00:00Z';

test('the pod printer derives READY, STATUS and RESTARTS', () => {
  const pod: KubeObject = {
    metadata: { name: 'web', creationTimestamp: created },
    spec: { containers: [{ name: 'a' }, { name: 'b' }], nodeName: 'n1' },
    status: { phase: 'Running', podIP: '10.42.0.5', containerStatuses: [
      { name: 'a', ready: true, restartCount: 2, state: { running: {} }, lastState: { terminated: { finishedAt: '2024-01-01T00:55:00Z' } } },
      { name: 'b', ready: false, restartCount: 0, state: { waiting: { reason: 'CrashLoopBackOff' } } },
    ] },
  };
  const t = buildTable(printerFor('', 'pods'), [pod], { apiVersion: 'meta.k8s.io/v1', include: 'None', objectOf: (o) => o, now });
  assert.deepEqual(t.columnDefinitions.map((c) => c.name), ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
  assert.deepEqual(t.rows[0]?.cells, ['web', '1/2', 'CrashLoopBackOff', '2 (5m ago)', '60m', '10.42.0.5', 'n1', '<none>', '<none>']);
  const deleting = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: created }, status: { phase: 'Running' } };
  assert.equal(printerFor('', 'pods').row(deleting, now).cells[2], 'Terminating');
  const pending = { metadata: { name: 'p' }, spec: { containers: [{ name: 'a' }] }, status: { phase: 'Pending' } };
  assert.deepEqual(printerFor('', 'pods').row(pending, now).cells.slice(1, 4), ['0/1', 'Pending', '0']);
});

test('service, deployment and default printers give kubectl columns', () => {
  const svc: KubeObject = { metadata: { name: 'web', creationTimestamp: created }, spec: { type: 'NodePort', clusterIP: '10.43.0.10', clusterIPs: ['10.43.0.10'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }], selector: { app: 'web' } } };
  assert.deepEqual(printerFor('', 'services').row(svc, now).cells, ['web', 'NodePort', '10.43.0.10', '<none>', '80:30080/TCP', '60m', 'app=web']);
  const deploy: KubeObject = { metadata: { name: 'd', creationTimestamp: created }, spec: { replicas: 3, selector: { matchLabels: { app: 'd' } }, template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } } }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } };
  assert.deepEqual(printerFor('apps', 'deployments').row(deploy, now).cells, ['d', '2/3', 3, 2, '60m', 'c', 'nginx', 'app=d']);
  assert.deepEqual(printerFor('rbac.authorization.k8s.io', 'roles').columns.map((c) => c.name), ['Name', 'Created At']);
});
