import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../client/kinds/core.js';
import { advance, nextEvent, phaseOf, renderStatus, restartBackoffMs, startPod } from './pod-run.js';

const pod = (restartPolicy: 'Always' | 'OnFailure' | 'Never', command: string[], extra: Partial<NonNullable<Pod['spec']>> = {}): Pod =>
  ({ metadata: { name: 'p', uid: 'u1' }, spec: { restartPolicy, containers: [{ name: 'c', image: 'busybox', command }], ...extra } });

test('startPod()/advance(): Never ends Failed with the exit code; OnFailure restarts failures after a back-off', () => {
  const never = pod('Never', ['sh', '-c', 'sleep 2; exit 3']);
  const r = startPod(never, { podIP: '10.0.0.2', hostIP: '10.0.0.1', now: 0 });
  assert.equal(nextEvent(r), 2000);
  assert.equal(advance(never, r, 1999), false);
  assert.equal(advance(never, r, 2000), true);
  assert.equal(phaseOf(never, r), 'Failed');
  const st = renderStatus(never, r, 2000);
  assert.equal((st.containerStatuses?.[0]?.state?.['terminated'] as { exitCode: number }).exitCode, 3);
  assert.equal(st.conditions?.find((c) => c.type === 'Ready')?.reason, 'PodCompleted');

  const onFailure = pod('OnFailure', ['false']);
  const f = startPod(onFailure, { podIP: '10.0.0.3', hostIP: '10.0.0.1', now: 0 });
  advance(onFailure, f, 0);
  assert.equal(phaseOf(onFailure, f), 'Running');
  assert.equal(renderStatus(onFailure, f, 0).containerStatuses?.[0]?.state?.['waiting'] !== undefined, true);
  advance(onFailure, f, restartBackoffMs(0));
  assert.equal(f.containers[0]?.restarts, 1);
  const again = renderStatus(onFailure, f, restartBackoffMs(0));
  assert.equal(again.containerStatuses?.[0]?.restartCount, 1);
  assert.equal((again.containerStatuses?.[0]?.lastState?.['terminated'] as { exitCode: number }).exitCode, 1);
});

test('startPod(): a failing init container fails the pod; sidecars run', () => {
  const p = pod('Never', ['sleep', '100'], { initContainers: [{ name: 'init', command: ['false'] }] });
  const r = startPod(p, { podIP: '10.0.0.2', hostIP: '10.0.0.1', now: 0 });
  assert.equal(phaseOf(p, r), 'Failed');
  const ok = pod('Always', ['sleep', '100'], { initContainers: [{ name: 'side', restartPolicy: 'Always' }] });
  const s = renderStatus(ok, startPod(ok, { podIP: '10.0.0.2', hostIP: '10.0.0.1', now: 0 }), 0);
  assert.equal(s.phase, 'Running');
  assert.ok(s.initContainerStatuses?.[0]?.state?.['running']);
  assert.equal(s.conditions?.find((c) => c.type === 'Ready')?.status, 'True');
});
