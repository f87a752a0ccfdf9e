/** @module Hub: the contiguous event window watchers read. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WatchEvent } from '../backend.js';
import { Hub } from './hub.js';

const ev = (rev: number): WatchEvent => ({ type: 'put', kv: { key: `/k${rev}`, value: new Uint8Array(10), createRevision: rev, modRevision: rev, lease: 0 } });

test('Hub.publish() appends contiguous events, skips ones it has and refuses holes', () => {
  const hub = new Hub(10, { windowEvents: 100, windowBytes: 1 << 20 });
  assert.equal(hub.publish([ev(11), ev(12)]), true);
  assert.equal(hub.publish([ev(12), ev(13)]), true);
  assert.equal(hub.head, 13);
  assert.equal(hub.publish([ev(15)]), false);
  assert.equal(hub.head, 13);
  assert.deepEqual(hub.since(12, 10)?.map((e) => e.kv.modRevision), [12, 13]);
  assert.deepEqual(hub.since(14, 10), []);
});

test('Hub keeps a bounded window and tells readers who fell out of it', async () => {
  const hub = new Hub(0, { windowEvents: 5, windowBytes: 1 << 20 });
  const seen: number[] = [];
  hub.listen((evs) => seen.push(...evs.map((e) => e.kv.modRevision)));
  const changed = hub.changed();
  for (let r = 1; r <= 20; r++) hub.publish([ev(r)]);
  await changed;
  assert.equal(hub.first, 16);
  assert.equal(hub.since(15, 10), undefined);
  assert.deepEqual(hub.since(16, 2)?.map((e) => e.kv.modRevision), [16, 17]);
  assert.equal(seen.length, 20);
  hub.restart(100);
  assert.equal(hub.epoch, 1);
  assert.equal(hub.first, 101);
});
