import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byNamespace, byNodeName, byOwnerUid, IndexedStore } from './store.js';
import type { KubeObject } from './types.js';

const pod = (ns: string, name: string, node?: string, owner?: string): KubeObject & { spec: { nodeName?: string } } => ({
  metadata: { namespace: ns, name, ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: owner, controller: true }] } : {}) },
  spec: node ? { nodeName: node } : {},
});

test('IndexedStore.byIndex() finds objects by namespace, node name and owner uid', () => {
  const s = new IndexedStore<KubeObject>({ namespace: byNamespace, node: byNodeName, owner: byOwnerUid });
  s.upsert(pod('a', 'p1', 'n1', 'u1'));
  s.upsert(pod('a', 'p2', 'n2', 'u1'));
  s.upsert(pod('b', 'p3', 'n1'));
  assert.deepEqual(s.byIndex('namespace', 'a').map((o) => o.metadata.name).sort(), ['p1', 'p2']);
  assert.deepEqual(s.byIndex('node', 'n1').map((o) => o.metadata.name).sort(), ['p1', 'p3']);
  assert.deepEqual(s.indexKeys('owner', 'u1').sort(), ['a/p1', 'a/p2']);
  assert.deepEqual(s.byIndex('node', 'none'), []);
  assert.throws(() => s.byIndex('nope', 'x'), /no indexer named "nope"/);
});

test('IndexedStore.upsert() moves an object between index values and remove() drops it', () => {
  const s = new IndexedStore<KubeObject>({ node: byNodeName });
  s.upsert(pod('a', 'p1'));
  assert.deepEqual(s.indexValues('node'), []);
  const old = s.upsert(pod('a', 'p1', 'n1'));
  assert.equal(old?.metadata.name, 'p1');
  assert.deepEqual(s.indexKeys('node', 'n1'), ['a/p1']);
  s.upsert(pod('a', 'p1', 'n2'));
  assert.deepEqual(s.indexKeys('node', 'n1'), []);
  assert.deepEqual(s.indexValues('node'), ['n2']);
  assert.equal(s.remove('a/p1')?.metadata.name, 'p1');
  assert.equal(s.size, 0);
  assert.deepEqual(s.indexValues('node'), []);
});

test('IndexedStore.addIndexers() indexes objects already in the store', () => {
  const s = new IndexedStore<KubeObject>();
  s.upsert(pod('a', 'p1', 'n1'));
  s.addIndexers({ custom: (o) => [o.metadata.name ?? ''] });
  assert.deepEqual(s.indexKeys('custom', 'p1'), ['a/p1']);
  assert.throws(() => s.addIndexers({ custom: () => [] }), /already exists/);
});
