import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/meta/object.js';
import { parseLabelSelector } from '../../api/labels/parse.js';
import { LabelSelector } from '../../api/labels/selector.js';
import { FieldSelector } from '../../api/fields/selector.js';
import { openMemory } from '../../datastore/drivers/memory/memory-driver.js';
import { encodeObject } from './codec.js';
import { WatchCache } from './watch-cache.js';
import type { WatchSink } from './watcher.js';
import type { SelectionFilter } from './filter.js';

const all: SelectionFilter = { labels: LabelSelector.everything, fields: FieldSelector.everything };
const obj = (name: string, labels: Record<string, string> = {}, ns = 'default'): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels } });

function recorder(limit = Infinity) {
  const events: string[] = [];
  const ended: string[] = [];
  const sink: WatchSink = {
    send: (type, o) => { events.push(`${type} ${o.metadata.name ?? ''}@${o.metadata.resourceVersion ?? ''}`); return events.length < limit; },
    bookmark: (rev, end) => { events.push(`BOOKMARK ${rev}${end ? ' end' : ''}`); return true; },
    end: (reason) => { ended.push(reason); },
  };
  return { sink, events, ended };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

async function setup() {
  const b = await openMemory('');
  const cache = new WatchCache(b, '/registry/configmaps/', { attrs: (o) => ({ labels: o.metadata.labels, fields: { 'metadata.name': o.metadata.name ?? '' } }) });
  const put = (o: KubeObject) => b.create(`/registry/configmaps/${o.metadata.namespace}/${o.metadata.name}`, encodeObject(o));
  return { b, cache, put };
}

test('WatchCache lists its state and fans every change out to all watchers', async () => {
  const { b, cache, put } = await setup();
  await put(obj('a'));
  await cache.ready();
  assert.deepEqual(cache.list(all).items.map((o) => o.metadata.name), ['a']);
  const w1 = recorder();
  const w2 = recorder();
  cache.watch({ from: 1, filter: all, sink: w1.sink, allowBookmarks: false, sendInitialEvents: false });
  cache.watch({ from: undefined, filter: all, sink: w2.sink, allowBookmarks: false, sendInitialEvents: false });
  await put(obj('b'));
  await b.delete('/registry/configmaps/default/a');
  await tick();
  assert.deepEqual(w1.events, ['ADDED b@2', 'DELETED a@3']);
  assert.deepEqual(w2.events, ['ADDED a@1', 'ADDED b@2', 'DELETED a@3']);
  cache.stop();
  assert.deepEqual(w1.ended, ['stopped']);
});

test('WatchCache turns selector entry and exit into ADDED and DELETED', async () => {
  const { b, cache, put } = await setup();
  await cache.ready();
  const w = recorder();
  cache.watch({ from: 0, filter: { ...all, labels: parseLabelSelector('app=web') }, sink: w.sink, allowBookmarks: false, sendInitialEvents: false });
  const r = await put(obj('x', { app: 'db' }));
  const key = '/registry/configmaps/default/x';
  const r2 = await b.update(key, encodeObject(obj('x', { app: 'web' })), { expectedModRevision: r.revision });
  const r3 = await b.update(key, encodeObject(obj('x', { app: 'web', v: '2' })), { expectedModRevision: r2.revision });
  await b.update(key, encodeObject(obj('x', { app: 'db' })), { expectedModRevision: r3.revision });
  await tick();
  assert.deepEqual(w.events, ['ADDED x@2', 'MODIFIED x@3', 'DELETED x@4']);
  cache.stop();
});

test('WatchCache resumes from a revision, reports history it lost, and sends initial-events-end', async () => {
  const { b, cache, put } = await setup();
  await put(obj('a'));
  const small = new WatchCache(b, '/registry/configmaps/', { attrs: (o) => ({ labels: o.metadata.labels, fields: {} }), historyLimit: 2 });
  await small.ready();
  await put(obj('b'));
  await put(obj('c'));
  await put(obj('d'));
  await tick();
  const old = small.watch({ from: 1, filter: all, sink: recorder().sink, allowBookmarks: false, sendInitialEvents: false });
  assert.ok('tooOld' in old);
  const w = recorder();
  small.watch({ from: 2, filter: all, sink: w.sink, allowBookmarks: false, sendInitialEvents: false });
  assert.deepEqual(w.events, ['ADDED c@3', 'ADDED d@4']);
  const init = recorder();
  small.watch({ from: 3, filter: all, sink: init.sink, allowBookmarks: true, sendInitialEvents: true });
  assert.deepEqual(init.events, ['ADDED a@1', 'ADDED b@2', 'ADDED c@3', 'ADDED d@4', 'BOOKMARK 4 end']);
  small.stop();
  cache.stop();
});

test('WatchCache cuts off a watcher that cannot keep up without affecting others', async () => {
  const { cache, put } = await setup();
  await cache.ready();
  const slow = recorder(2);
  const fast = recorder();
  cache.watch({ from: 0, filter: all, sink: slow.sink, allowBookmarks: false, sendInitialEvents: false });
  cache.watch({ from: 0, filter: all, sink: fast.sink, allowBookmarks: false, sendInitialEvents: false });
  for (const n of ['a', 'b', 'c', 'd']) await put(obj(n));
  await tick();
  assert.deepEqual(slow.ended, ['overflow']);
  assert.equal(slow.events.length, 2);
  assert.equal(fast.events.length, 4);
  assert.equal(cache.watcherCount, 1);
  cache.stop();
});
