import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node, Pod } from '../../client/kinds/core.js';
import { evictionDelayMs, mergeTaints, UNREACHABLE, unknownConditions, wantedTaints } from './taints.js';

const node = (ready: 'True' | 'False' | 'Unknown', unschedulable = false): Node => ({
  metadata: { name: 'n' }, spec: { ...(unschedulable ? { unschedulable: true } : {}), taints: [{ key: 'user', effect: 'NoSchedule' }] },
  status: { conditions: [{ type: 'Ready', status: ready }] },
});

test('wantedTaints() maps Ready Unknown/False and unschedulable to the node.kubernetes.io taints', () => {
  assert.deepEqual(wantedTaints(node('True'), 't').map((t) => `${t.key}:${t.effect}`), []);
  assert.deepEqual(wantedTaints(node('Unknown'), 't').map((t) => `${t.key}:${t.effect}`), ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
  assert.deepEqual(wantedTaints(node('False', true), 't').map((t) => `${t.key}:${t.effect}`),
    ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unschedulable:NoSchedule']);
  assert.deepEqual(wantedTaints({ metadata: { name: 'new' } }, 't'), [], 'a node that never reported is not tainted yet');
  assert.equal(unknownConditions(undefined, 't').find((c) => c.type === 'Ready')?.reason, 'NodeStatusNeverUpdated');
  assert.equal(unknownConditions(node('True').status?.conditions, 't').find((c) => c.type === 'Ready')?.reason, 'NodeStatusUnknown');
  const merged = mergeTaints(node('Unknown').spec?.taints, wantedTaints(node('Unknown'), '2024-01-01T00:00:00Z'));
  assert.deepEqual(merged.map((t) => t.key), ['user', UNREACHABLE, UNREACHABLE], 'user taints are kept');
});

test('evictionDelayMs() honours tolerationSeconds and forever-tolerations, and evicts untolerating pods at once', () => {
  const added = Date.parse('2024-01-01T00:00:00Z');
  const taints = [{ key: UNREACHABLE, effect: 'NoExecute' as const, timeAdded: '2024-01-01T00:00:00Z' }];
  const pod = (tolerations?: NonNullable<Pod['spec']>['tolerations']): Pod => ({ metadata: {}, spec: { containers: [], ...(tolerations ? { tolerations } : {}) } });
  const tol = (s: number): Pod => pod([{ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: s }]);
  assert.equal(evictionDelayMs(tol(300), taints, added + 1000), 299_000);
  assert.equal(evictionDelayMs(tol(10), taints, added + 20_000), 0);
  assert.equal(evictionDelayMs(pod([{ operator: 'Exists' }]), taints, added), undefined);
  assert.equal(evictionDelayMs(pod(), taints, added), 0);
});
