import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta/object.js';
import { LabelSelector } from '../../../api/labels/selector.js';
import { FieldSelector } from '../../../api/fields/selector.js';
import { StatusError } from '../../../api/status.js';
import { openMemory } from '../../../datastore/drivers/memory/memory-driver.js';
import { resourceDef } from '../../testing/fixtures.js';
import { strategyFor } from '../builtin.js';
import { systemContext } from '../rest/context.js';
import { Store } from './store.js';
import { watchObjects } from './watch.js';
import type { WatchSink } from '../../storage/watcher.js';

const cm = (name: string, v: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { v } });
const all = { labels: LabelSelector.everything, fields: FieldSelector.everything, allowBookmarks: false, sendInitialEvents: false };

function sink() {
  const events: string[] = [];
  const s: WatchSink = { send: (t, o) => { events.push(`${t} ${o.metadata.name ?? ''}`); return true; }, bookmark: () => true, end: () => undefined };
  return { s, events };
}

test('watchObjects() resumes from the datastore when the cache history is too short, and 410s past compaction', async () => {
  const backend = await openMemory('');
  const def = resourceDef('configmaps');
  const store = new Store({ backend, resource: def, strategy: strategyFor(def), historyLimit: 2 });
  const ctx = systemContext('default');
  const first = await store.create(ctx, cm('a', '0'));
  await store.watchCache().ready();
  for (let i = 1; i <= 5; i++) await store.update(ctx, 'a', (p) => ({ ...(p as KubeObject), data: { v: String(i) } }));
  await new Promise((r) => setTimeout(r, 50));
  const w = sink();
  const h = await watchObjects(store, ctx, { ...all, resourceVersion: first.metadata.resourceVersion ?? '' }, w.s);
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(w.events, ['MODIFIED a', 'MODIFIED a', 'MODIFIED a', 'MODIFIED a', 'MODIFIED a'], 'every change after the resume point, from the datastore');
  h.stop();
  await backend.compact(await backend.currentRevision());
  await assert.rejects(watchObjects(store, ctx, { ...all, resourceVersion: first.metadata.resourceVersion ?? '' }, sink().s),
    (e) => e instanceof StatusError && e.status.code === 410 && e.status.reason === 'Expired');
  store.stop();
  await backend.close();
});
