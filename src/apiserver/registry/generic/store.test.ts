import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../../api/status.js';
import type { KubeObject } from '../../../api/meta/object.js';
import { LabelSelector } from '../../../api/labels/selector.js';
import { FieldSelector } from '../../../api/fields/selector.js';
import { parseFieldSelector } from '../../../api/fields/selector.js';
import { openMemory } from '../../../datastore/drivers/memory/memory-driver.js';
import { storeFor } from '../../testing/fixtures.js';
import { systemContext } from '../rest/context.js';
import { listObjects } from './list.js';

const ctx = (ns = 'default') => systemContext(ns);
const cm = (name: string, data: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
const reason = (e: unknown) => (e instanceof StatusError ? `${e.status.code} ${e.status.reason ?? ''}` : String(e));

test('Store.create() fills system metadata and answers 409 for an existing name', async () => {
  const s = storeFor(await openMemory(''), 'configmaps');
  const out = await s.create(ctx(), cm('a'));
  assert.match(out.metadata.uid ?? '', /^[0-9a-f-]{36}$/);
  assert.match(out.metadata.creationTimestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(out.metadata.namespace, 'default');
  assert.equal(out.metadata.resourceVersion, '1');
  await assert.rejects(s.create(ctx(), cm('a')), (e) => reason(e) === '409 AlreadyExists' && (e as StatusError).status.message === 'configmaps "a" already exists');
  const gen = await s.create(ctx(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'gen-' } });
  assert.match(gen.metadata.name ?? '', /^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
});

test('Store.create() rejects invalid names with 422 and a field path', async () => {
  const s = storeFor(await openMemory(''), 'configmaps');
  await assert.rejects(s.create(ctx(), cm('Bad_Name')), (e) => {
    const st = (e as StatusError).status;
    return st.code === 422 && st.reason === 'Invalid' && st.message?.startsWith('ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain') === true
      && st.details?.causes?.[0]?.field === 'metadata.name';
  });
  const pods = storeFor(await openMemory(''), 'pods');
  const empty: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} };
  pods.strategy.defaults(empty);
  await assert.rejects(pods.create(ctx(), empty),
    (e) => (e as StatusError).status.message === 'Pod "p" is invalid: spec.containers: Required value');
});

test('Store.update() checks resourceVersion, skips no-op writes and bumps generation on spec changes only', async () => {
  const b = await openMemory('');
  const s = storeFor(b, 'configmaps');
  const created = await s.create(ctx(), cm('a', { k: 'v' }));
  const stale = { ...created, metadata: { ...created.metadata, resourceVersion: '999' } };
  await assert.rejects(s.update(ctx(), 'a', () => stale), (e) => reason(e) === '409 Conflict'
    && (e as StatusError).status.message === 'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again');
  const same = await s.update(ctx(), 'a', (prev) => prev as KubeObject);
  assert.equal(same.obj.metadata.resourceVersion, created.metadata.resourceVersion, 'no new revision for a no-op');
  const changed = await s.update(ctx(), 'a', (prev) => ({ ...(prev as KubeObject), data: { k: 'w' } }));
  assert.equal(Number(changed.obj.metadata.resourceVersion), Number(created.metadata.resourceVersion) + 1);
  await assert.rejects(s.update(ctx(), 'missing', (p) => p as KubeObject), (e) => reason(e) === '404 NotFound');
  await assert.rejects(s.update(ctx(), 'a', (prev) => ({ ...(prev as KubeObject), metadata: { ...(prev as KubeObject).metadata, uid: 'x' } })),
    (e) => reason(e) === '422 Invalid' && /metadata.uid: Invalid value: "x": field is immutable/.test((e as StatusError).status.message ?? ''));
});

test('Store.delete() marks objects with finalizers and removes them when the last one goes', async () => {
  const s = storeFor(await openMemory(''), 'configmaps');
  await s.create(ctx(), { ...cm('f'), metadata: { name: 'f', finalizers: ['example.com/hold'] } });
  const marked = await s.delete(ctx(), 'f', {});
  assert.equal(marked.deleted, false);
  const obj = marked.body as KubeObject;
  assert.ok(obj.metadata.deletionTimestamp);
  assert.equal(obj.metadata.deletionGracePeriodSeconds, 0);
  await assert.rejects(s.update(ctx(), 'f', (p) => ({ ...(p as KubeObject), metadata: { ...(p as KubeObject).metadata, finalizers: ['example.com/hold', 'x.io/new'] } })),
    (e) => reason(e) === '422 Invalid');
  const done = await s.update(ctx(), 'f', (p) => ({ ...(p as KubeObject), metadata: { ...(p as KubeObject).metadata, finalizers: [] } }));
  assert.ok(done.obj.metadata.resourceVersion);
  await assert.rejects(s.get(ctx(), 'f'), (e) => reason(e) === '404 NotFound');
});

test('Store.delete() adds the foregroundDeletion finalizer and checks preconditions', async () => {
  const s = storeFor(await openMemory(''), 'configmaps');
  const c = await s.create(ctx(), cm('g'));
  await assert.rejects(s.delete(ctx(), 'g', { preconditions: { uid: 'other' } }), (e) => reason(e) === '409 Conflict');
  const r = await s.delete(ctx(), 'g', { propagationPolicy: 'Foreground', preconditions: { uid: c.metadata.uid ?? '' } });
  assert.deepEqual((r.body as KubeObject).metadata.finalizers, ['foregroundDeletion']);
  const plain = await s.create(ctx(), cm('h'));
  const gone = await s.delete(ctx(), 'h', { propagationPolicy: 'Background' });
  assert.equal(gone.deleted, true);
  assert.deepEqual((gone.body as { details?: unknown }).details, { name: 'h', kind: 'configmaps', uid: plain.metadata.uid });
});

test('Store.delete() of a scheduled pod is graceful; an unscheduled one goes at once', async () => {
  const s = storeFor(await openMemory(''), 'pods');
  const pod = (name: string, nodeName?: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name },
    spec: { containers: [{ name: 'c', image: 'busybox' }], ...(nodeName ? { nodeName } : {}) } });
  const a = pod('a', 'node1');
  s.strategy.defaults(a);
  await s.create(ctx(), a);
  const r = await s.delete(ctx(), 'a', {});
  assert.equal(r.deleted, false);
  assert.equal((r.body as KubeObject).metadata.deletionGracePeriodSeconds, 30);
  const again = await s.delete(ctx(), 'a', { gracePeriodSeconds: 0 });
  assert.equal(again.deleted, true);
  const b = pod('b');
  s.strategy.defaults(b);
  await s.create(ctx(), b);
  assert.equal((await s.delete(ctx(), 'b', {})).deleted, true);
});

test('listObjects() pages with limit/continue, counts what remains, and pins a name', async () => {
  const s = storeFor(await openMemory(''), 'configmaps');
  for (let i = 0; i < 7; i++) await s.create(ctx(), cm(`c${i}`));
  const all = { labels: LabelSelector.everything, fields: FieldSelector.everything };
  const p1 = await listObjects(s, ctx(), { ...all, limit: 3 });
  assert.deepEqual(p1.items.map((o) => o.metadata.name), ['c0', 'c1', 'c2']);
  assert.equal(p1.remainingItemCount, 4);
  assert.ok(p1.continue);
  await s.create(ctx(), cm('c3a'));
  const p2 = await listObjects(s, ctx(), { ...all, limit: 3, continue: p1.continue ?? '' });
  assert.deepEqual(p2.items.map((o) => o.metadata.name), ['c3', 'c4', 'c5'], 'pages read at the first page revision');
  assert.equal(p2.resourceVersion, p1.resourceVersion);
  const p3 = await listObjects(s, ctx(), { ...all, limit: 3, continue: p2.continue ?? '' });
  assert.deepEqual(p3.items.map((o) => o.metadata.name), ['c6']);
  assert.equal(p3.continue, undefined);
  const one = await listObjects(s, ctx(), { ...all, fields: parseFieldSelector('metadata.name=c4') });
  assert.deepEqual(one.items.map((o) => o.metadata.name), ['c4']);
  await assert.rejects(listObjects(s, ctx(), { ...all, continue: 'garbage!' }), (e) => reason(e) === '400 BadRequest');
});

test('Store.update() starts from the watch cache yet answers as from the datastore when the cache lags', async () => {
  const b = await openMemory('');
  // A datastore whose watch stream can be held back, so the cache falls behind on purpose.
  let held = false;
  let release: (() => void) | undefined;
  const gated = new Proxy(b, {
    get(target, p, recv) {
      if (p !== 'watch') {
        const v = Reflect.get(target, p, recv) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      }
      return (prefix: string, opts: Parameters<typeof b.watch>[1]) => (async function* () {
        for await (const batch of b.watch(prefix, opts)) {
          while (held) await new Promise<void>((r) => { release = r; });
          yield batch;
        }
      })();
    },
  });
  const s = storeFor(gated, 'configmaps');
  const other = storeFor(b, 'configmaps');
  const cache = s.watchCache();
  await cache.ready();
  const created = await s.create(ctx(), cm('a', { k: 'v1' }));
  const caughtUp = async (rv: string) => { while (cache.entry('/registry/configmaps/default/a')?.obj.metadata.resourceVersion !== rv) await new Promise((r) => setTimeout(r, 5)); };
  await caughtUp(created.metadata.resourceVersion ?? '');
  held = true;
  const v2 = await other.update(ctx(), 'a', (p) => ({ ...(p as KubeObject), data: { k: 'v2' } }));
  assert.equal(cache.entry('/registry/configmaps/default/a')?.obj.metadata.resourceVersion, created.metadata.resourceVersion, 'the cache lags');
  // Pinned to the datastore's revision: no false conflict from the stale copy.
  const pinned = await s.update(ctx(), 'a', (p) => ({ ...(p as KubeObject), metadata: { ...(p as KubeObject).metadata, resourceVersion: v2.obj.metadata.resourceVersion ?? '' }, data: { k: 'v3' } }));
  assert.equal((pinned.obj as KubeObject & { data: Record<string, string> }).data['k'], 'v3');
  // Built on the current object, not the cached one.
  const merged = await s.update(ctx(), 'a', (p) => ({ ...(p as KubeObject), data: { ...((p as { data?: Record<string, string> }).data), extra: 'x' } }));
  assert.deepEqual((merged.obj as { data?: unknown }).data, { k: 'v3', extra: 'x' });
  // Equal to the stale copy but not to the stored object: it is written, not skipped.
  const back = await s.update(ctx(), 'a', (p) => ({ ...(p as KubeObject), data: { k: 'v1' } }));
  assert.ok(Number(back.obj.metadata.resourceVersion) > Number(merged.obj.metadata.resourceVersion));
  assert.deepEqual((await other.get(ctx(), 'a') as { data?: unknown }).data, { k: 'v1' });
  // A stale pin is still a conflict.
  await assert.rejects(s.update(ctx(), 'a', (p) => ({ ...(p as KubeObject), metadata: { ...(p as KubeObject).metadata, resourceVersion: v2.obj.metadata.resourceVersion ?? '' } })),
    (e) => reason(e) === '409 Conflict');
  held = false;
  release?.();
  await caughtUp(back.obj.metadata.resourceVersion ?? '');
  s.stop();
});
