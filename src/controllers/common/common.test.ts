import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../client/kinds/core.js';
import { Expectations } from './expectations.js';
import { deletionOrder, isPodAvailable, podFromTemplate } from './pods.js';
import { slowStartBatch } from '../replicaset/replica-controller.js';

test('Expectations.satisfied() waits for observed creations and deletions, and expires', () => {
  let now = 0;
  const e = new Expectations(() => now);
  assert.equal(e.satisfied('a'), true);
  e.expectCreations('a', 2);
  e.creationObserved('a');
  assert.equal(e.satisfied('a'), false);
  e.creationObserved('a');
  assert.equal(e.satisfied('a'), true);
  e.expectDeletions('a', ['ns/p1']);
  e.deletionObserved('a', 'ns/other');
  assert.equal(e.satisfied('a'), false);
  now = 6 * 60 * 1000;
  assert.equal(e.satisfied('a'), true, 'expired after 5 minutes');
});

test('slowStartBatch() runs 1, 2, 4, ... and stops after the first failing batch', async () => {
  let calls = 0;
  const ok = await slowStartBatch(10, async () => { calls++; });
  assert.deepEqual([ok.attempted, calls], [10, 10]);
  calls = 0;
  const bad = await slowStartBatch(10, async () => { calls++; if (calls === 2) throw new Error('quota'); });
  assert.equal(bad.attempted, 3);
  assert.equal((bad.error as Error).message, 'quota');
});

test('deletionOrder() puts unscheduled, pending, not-ready and newer pods first', () => {
  const pod = (name: string, o: { node?: string; phase?: 'Pending' | 'Running'; ready?: boolean; created?: number }): Pod => ({
    metadata: { name, creationTimestamp: new Date((o.created ?? 0) * 1000).toISOString() },
    spec: { containers: [], ...(o.node ? { nodeName: o.node } : {}) },
    status: { phase: o.phase ?? 'Running', conditions: [{ type: 'Ready', status: o.ready ? 'True' : 'False' }] },
  });
  const pods = [
    pod('old-ready', { node: 'n', ready: true, created: 1 }),
    pod('new-ready', { node: 'n', ready: true, created: 5 }),
    pod('unready', { node: 'n', ready: false }),
    pod('pending', { node: 'n', phase: 'Pending' }),
    pod('unscheduled', { phase: 'Pending' }),
  ];
  assert.deepEqual(pods.sort(deletionOrder()).map((p) => p.metadata.name), ['unscheduled', 'pending', 'unready', 'new-ready', 'old-ready']);
});

test('isPodAvailable() needs Ready for minReadySeconds; podFromTemplate() copies labels and sets the owner', () => {
  const ready = { metadata: {}, status: { conditions: [{ type: 'Ready', status: 'True' as const, lastTransitionTime: new Date(10_000).toISOString() }] } };
  assert.equal(isPodAvailable(ready, 5, 14_000), false);
  assert.equal(isPodAvailable(ready, 5, 15_000), true);
  const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u', controller: true, blockOwnerDeletion: true };
  const p = podFromTemplate({ metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c' }] } }, 'ns', 'rs', ref);
  assert.deepEqual(p.metadata, { namespace: 'ns', generateName: 'rs-', labels: { a: 'b' }, ownerReferences: [ref] });
});
