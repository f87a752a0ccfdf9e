import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../client/kinds/core.js';
import { finishedStatus, runningStatus, simulatedRun } from './pod-lifecycle.js';

const pod = (restartPolicy: 'Always' | 'Never' | 'OnFailure', command: string[], annotations?: Record<string, string>): Pod => ({
  metadata: { name: 'p', uid: 'u', ...(annotations ? { annotations } : {}) },
  spec: { restartPolicy, containers: [{ name: 'c', image: 'busybox', command }] },
});

test('simulatedRun() reads sleep, exit, true and false from the command, and the annotations override them', () => {
  assert.deepEqual(simulatedRun(pod('Always', ['sh', '-c', 'exit 1'])), { exits: false, afterMs: 1000, exitCode: 1 });
  assert.deepEqual(simulatedRun(pod('Never', ['sh', '-c', 'sleep 3; exit 2'])), { exits: true, afterMs: 3000, exitCode: 2 });
  assert.deepEqual(simulatedRun(pod('OnFailure', ['false'])), { exits: true, afterMs: 1000, exitCode: 1 });
  assert.deepEqual(simulatedRun(pod('Never', ['perl', '-e', 'print 1'])), { exits: true, afterMs: 1000, exitCode: 0 });
  assert.deepEqual(simulatedRun(pod('Never', ['true'], { 'k3ts.io/simulate-exit-code': '7', 'k3ts.io/simulate-duration': '0.5' })), { exits: true, afterMs: 500, exitCode: 7 });
});

test('runningStatus() and finishedStatus() report what a kubelet would', () => {
  const p = pod('Never', ['true']);
  const running = runningStatus(p, { hostIP: '172.16.0.1', podIP: '10.128.0.5', startedAt: Date.parse('2024-01-01T00:00:00Z') });
  assert.equal(running.phase, 'Running');
  assert.deepEqual(running.conditions?.filter((c) => c.status === 'True').map((c) => c.type), ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
  assert.equal(running.containerStatuses?.[0]?.ready, true);
  const done = finishedStatus({ ...p, status: running }, 3, Date.parse('2024-01-01T00:00:05Z'));
  assert.equal(done.phase, 'Failed');
  assert.deepEqual(done.containerStatuses?.[0]?.state, { terminated: { exitCode: 3, reason: 'Error', startedAt: '2024-01-01T00:00:00Z', finishedAt: '2024-01-01T00:00:05Z' } });
  assert.equal(done.conditions?.find((c) => c.type === 'Ready')?.status, 'False');
});
