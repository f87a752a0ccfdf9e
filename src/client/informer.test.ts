import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SharedInformer } from './informer.js';
import { ResourceClient } from './resource-client.js';
import { RestClient } from './rest-client.js';
import { resources } from './resources.js';
import type { KubeObject } from './types.js';
import type { Transport } from './transport.js';

// These tests drive the informer's cache logic through its ReflectorSink methods; list-watch
// against a real API server is tested in test/integration.
const unused: Transport = { request: () => Promise.reject(new Error('no server in this test')), close: () => undefined };
const informer = (): SharedInformer<KubeObject> => new SharedInformer(new ResourceClient(new RestClient(unused), resources.configmaps));
const cm = (name: string, rv: string): KubeObject => ({ metadata: { namespace: 'ns', name, resourceVersion: rv } });

test('SharedInformer.replace() fills the cache, reports adds, updates and deletes, and marks it synced', async () => {
  const inf = informer();
  const log: string[] = [];
  inf.addEventHandler({
    onAdd: (o, initial) => log.push(`add ${o.metadata.name} ${initial}`),
    onUpdate: (a, b) => log.push(`update ${a.metadata.name} ${a.metadata.resourceVersion}->${b.metadata.resourceVersion}`),
    onDelete: (o) => log.push(`delete ${o.metadata.name}`),
  });
  assert.equal(inf.hasSynced(), false);
  const synced = inf.waitForSync();
  inf.replace([cm('a', '1'), cm('b', '2')], '2');
  await synced;
  assert.deepEqual(log.splice(0), ['add a true', 'add b true']);
  inf.replace([cm('a', '1'), cm('b', '3'), cm('c', '4')], '4');
  assert.deepEqual(log.splice(0), ['update b 2->3', 'add c false']);
  inf.replace([cm('c', '4')], '5');
  assert.deepEqual(log.splice(0).sort(), ['delete a', 'delete b']);
  assert.deepEqual(inf.store.keys(), ['ns/c']);
});

test('SharedInformer watch events keep the cache and call handlers in order', () => {
  const inf = informer();
  const log: string[] = [];
  inf.replace([], '1');
  inf.addEventHandler({ onAdd: (o) => log.push(`add ${o.metadata.name}`), onUpdate: (_a, b) => log.push(`update ${b.metadata.resourceVersion}`), onDelete: (o) => log.push(`delete ${o.metadata.name}`) });
  inf.added(cm('x', '2'));
  inf.modified(cm('x', '3'));
  assert.equal(inf.store.get('ns/x')?.metadata.resourceVersion, '3');
  inf.deleted(cm('x', '4'));
  assert.equal(inf.store.get('ns/x'), undefined);
  assert.deepEqual(log, ['add x', 'update 3', 'delete x']);
});

test('SharedInformer.addEventHandler() replays the cache to a late handler; a throwing handler does not stop others', () => {
  const inf = informer();
  inf.replace([cm('a', '1')], '1');
  const seen: string[] = [];
  inf.addEventHandler({ onAdd: () => { throw new Error('boom'); } });
  const reg = inf.addEventHandler({ onAdd: (o, initial) => seen.push(`${o.metadata.name} ${initial}`) });
  inf.added(cm('b', '2'));
  assert.deepEqual(seen, ['a true', 'b false']);
  reg.remove();
  inf.added(cm('c', '3'));
  assert.equal(seen.length, 2);
});
