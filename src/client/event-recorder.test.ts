import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessClient } from './client.js';
import { EventRecorder } from './event-recorder.js';
import type { CoreEvent } from './kinds/core.js';
import { resources } from './resources.js';
import { ApiServer } from '../apiserver/apiserver.js';
import { openMemory } from '../datastore/drivers/memory/memory-driver.js';

test('EventRecorder folds repeats into a count and keeps at most 25 events per object in a burst', async (t) => {
  const backend = await openMemory('');
  const api = await ApiServer.start({ backend });
  await api.bootstrap({ advertiseAddress: '127.0.0.1', securePort: 6443 });
  const client = inProcessClient(api.handler);
  t.after(async () => { client.close(); api.stop(); await backend.close(); });
  const rec = new EventRecorder(client, 'test-controller');
  const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default', uid: 'u1' } };
  for (let i = 0; i < 30; i++) rec.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`);
  await rec.flush();
  const other = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u2' } };
  for (let i = 0; i < 3; i++) rec.event(other, 'Warning', 'BackOff', 'Back-off restarting failed container');
  await rec.flush();
  const events = (await client.resource<CoreEvent>(resources.events).list({ namespace: 'default' })).items;
  assert.equal(events.filter((e) => e.involvedObject.name === 'web').length, 25);
  const folded = events.filter((e) => e.involvedObject.name === 'p');
  assert.equal(folded.length, 1);
  assert.equal(folded[0]?.count, 3);
  assert.equal(folded[0]?.source?.component, 'test-controller');
});
