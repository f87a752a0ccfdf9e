import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strategicMergePatch } from './merge.js';
import { builtinMergeSchema } from '../merge/catalog-schema.js';
import { StatusError } from '../status.js';
import type { MergeNode } from '../merge/schema.js';

const pod = builtinMergeSchema().forKind('', 'v1', 'Pod') as MergeNode;
const smp = (orig: unknown, patch: unknown) => strategicMergePatch(orig, patch, pod);

function podWith(spec: object, meta: object = {}) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...meta }, spec };
}

function rejects(fn: () => unknown, code: number, message: string | RegExp) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof StatusError);
    assert.equal(e.status.code, code);
    if (typeof message === 'string') assert.equal(e.status.message, message);
    else assert.match(e.status.message ?? '', message);
    return true;
  });
}

test('strategicMergePatch() merges containers by name in the order apimachinery gives', () => {
  // Patch items keep the patch's order; a server-only item goes first only when it preceded the
  // next patch item in the live list (new items never match, so they come first).
  const live = podWith({ containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] });
  const out = smp(live, { spec: { containers: [{ name: 'c', image: 'c:1' }, { name: 'a', image: 'a:2' }] } });
  assert.deepEqual(out['spec'], { containers: [{ name: 'c', image: 'c:1' }, { name: 'a', image: 'a:2' }, { name: 'b', image: 'b:1' }] });
  const kept = smp(live, { spec: { containers: [{ name: 'b', image: 'b:2' }] } });
  assert.deepEqual(kept['spec'], { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:2' }] });
});

test('strategicMergePatch() does not modify its inputs', () => {
  const live = podWith({ containers: [{ name: 'a', image: 'a:1' }] }, { labels: { x: '1' } });
  const patch = { metadata: { labels: { x: null } }, spec: { containers: [{ name: 'a', image: 'a:2' }] } };
  const before = JSON.stringify([live, patch]);
  smp(live, patch);
  assert.equal(JSON.stringify([live, patch]), before);
});

test('strategicMergePatch() deletes map keys set to null and ignores unmatched nulls', () => {
  const live = podWith({ containers: [] }, { labels: { a: '1', b: '2' } });
  const out = smp(live, { metadata: { labels: { a: null, c: null, d: '4' }, annotations: { x: null, y: 'y' } } });
  assert.deepEqual(out['metadata'], { name: 'p', labels: { b: '2', d: '4' }, annotations: { y: 'y' } });
});

test('strategicMergePatch() replaces lists without a merge strategy (tolerations, args)', () => {
  const live = podWith({
    tolerations: [{ key: 'a', operator: 'Exists' }],
    containers: [{ name: 'a', args: ['x', 'y'] }],
  });
  const out = smp(live, { spec: { tolerations: [{ key: 'b', operator: 'Exists' }], containers: [{ name: 'a', args: ['z'] }] } });
  assert.deepEqual(out['spec'], { tolerations: [{ key: 'b', operator: 'Exists' }], containers: [{ name: 'a', args: ['z'] }] });
});

test('strategicMergePatch() merges container ports by containerPort and env by name', () => {
  const live = podWith({
    containers: [{ name: 'a', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }],
  });
  const out = smp(live, { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }], env: [{ name: 'B', $patch: 'delete' }] }] } });
  assert.deepEqual(out['spec'], {
    containers: [{ name: 'a', ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 443 }], env: [{ name: 'A', value: '1' }] }],
  });
});

test('strategicMergePatch() unions finalizers and removes values with $deleteFromPrimitiveList', () => {
  const live = podWith({}, { finalizers: ['a', 'b', 'c'] });
  assert.deepEqual((smp(live, { metadata: { finalizers: ['d', 'a'] } })['metadata'] as { finalizers: string[] }).finalizers, ['d', 'a', 'b', 'c']);
  const out = smp(live, { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'c'] } });
  assert.deepEqual((out['metadata'] as { finalizers: string[] }).finalizers, ['a']);
});

test('strategicMergePatch() orders a merged list by $setElementOrder (kubectl set image)', () => {
  const live = podWith({ containers: [{ name: 'c1', image: 'nginx:1.27' }, { name: 'c2', image: 'busybox' }] });
  const patch = { spec: { '$setElementOrder/containers': [{ name: 'c1' }, { name: 'c2' }], containers: [{ image: 'nginx:1.28', name: 'c1' }] } };
  assert.deepEqual(smp(live, patch)['spec'], { containers: [{ name: 'c1', image: 'nginx:1.28' }, { name: 'c2', image: 'busybox' }] });
  const reorder = { spec: { '$setElementOrder/containers': [{ name: 'c2' }, { name: 'c1' }] } };
  assert.deepEqual(smp(live, reorder)['spec'], { containers: [{ name: 'c2', image: 'busybox' }, { name: 'c1', image: 'nginx:1.27' }] });
  const prims = smp(podWith({}, { finalizers: ['a', 'b', 'c'] }), { metadata: { '$setElementOrder/finalizers': ['b', 'c', 'a'] } });
  assert.deepEqual((prims['metadata'] as { finalizers: string[] }).finalizers, ['b', 'c', 'a']);
});

test('strategicMergePatch() replaces a list with a $patch: replace element and a map with $patch: replace', () => {
  const live = podWith({ containers: [{ name: 'a', image: 'a' }, { name: 'b', image: 'b' }], nodeSelector: { x: '1' } });
  const out = smp(live, { spec: { containers: [{ name: 'c', image: 'c' }, { $patch: 'replace' }], nodeSelector: { $patch: 'replace', y: '2' } } });
  assert.deepEqual(out['spec'], { containers: [{ name: 'c', image: 'c' }], nodeSelector: { y: '2' } });
});

test('strategicMergePatch() clears keys outside $retainKeys (volume sources)', () => {
  const live = podWith({ volumes: [{ name: 'v', emptyDir: {} }], containers: [] });
  const patch = { spec: { volumes: [{ name: 'v', $retainKeys: ['hostPath', 'name'], hostPath: { path: '/data' } }] } };
  assert.deepEqual(smp(live, patch)['spec'], { volumes: [{ name: 'v', hostPath: { path: '/data' } }], containers: [] });
});

test('strategicMergePatch() never keeps directives in new values', () => {
  const live = podWith({ containers: [{ name: 'a' }] });
  const out = smp(live, {
    spec: {
      initContainers: [{ name: 'i', '$setElementOrder/env': [{ name: 'E' }], env: [{ name: 'E', value: null }] }, { name: 'gone', $patch: 'delete' }],
      containers: [{ name: 'b', $retainKeys: ['name'], '$deleteFromPrimitiveList/args': ['x'] }],
    },
  });
  assert.deepEqual(out['spec'], { containers: [{ name: 'b' }, { name: 'a' }], initContainers: [{ name: 'i', env: [{ name: 'E' }] }] });
  assert.doesNotMatch(JSON.stringify(out), /\$/);
});

test('strategicMergePatch() reports malformed patches as kube-apiserver does', () => {
  const live = podWith({ containers: [{ name: 'a' }] }, { finalizers: ['f'] });
  rejects(() => smp(live, { spec: { containers: [{ image: 'x' }] } }), 500, 'map: map[image:x] does not contain declared merge key: name');
  rejects(() => smp(live, { spec: { containers: [{ name: 'a', $patch: 'bogus' }] } }), 500, 'unknown patch type: bogus in map: map[$patch:bogus name:a]');
  rejects(() => smp(live, { spec: { containers: [{ name: 'a', $patch: 'merge' }] } }), 500, 'merging lists cannot yet be specified in the patch');
  rejects(() => smp(live, { spec: { $retainKeys: 'x' } }), 400, 'invalid patch format of retainKeys');
  rejects(() => smp(live, { spec: { $retainKeys: ['a'], containers: [] } }), 400, 'invalid patch format of retainKeys');
  rejects(() => smp(live, { metadata: { '$deleteFromPrimitiveListfinalizers': ['f'] } }), 400, 'invalid patch format of primitive list');
  rejects(() => smp(podWith({}, { finalizers: [] }), { metadata: { finalizers: [['x']] } }), 422, 'the server rejected our request due to an error in our request');
  rejects(() => smp(live, { metadata: { finalizers: [1] } }), 500, /^list element types are not identical/);
  rejects(() => smp(live, { spec: { '$setElementOrder/containers': [{ name: 'b' }], containers: [{ name: 'a' }] } }), 500, /doesn't match \$setElementOrder list/);
  rejects(() => smp(live, []), 400, 'json: cannot unmarshal array into Go value of type map[string]interface {}');
});

test('strategicMergePatch() replaces a value of another kind and deletes with $patch: delete', () => {
  const live = podWith({ containers: [{ name: 'a' }], affinity: { nodeAffinity: {} } });
  const out = smp(live, { spec: { containers: 'oops', affinity: { $patch: 'delete' } } });
  assert.deepEqual(out['spec'], { containers: 'oops', affinity: {} });
});
