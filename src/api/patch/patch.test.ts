import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PatchApplyError, PatchDecodeError, applyJsonPatch, decodeJsonPatch } from './json-patch.js';
import { applyMergePatch, createMergePatch } from './merge-patch.js';

test('applyJsonPatch() runs every RFC 6902 operation', () => {
  const doc = { a: { b: [1, 2] }, c: 'x', 'k/e~y': 1 };
  const out = applyJsonPatch(doc, decodeJsonPatch([
    { op: 'add', path: '/a/b/-', value: 3 },
    { op: 'add', path: '/a/b/0', value: 0 },
    { op: 'replace', path: '/c', value: 'y' },
    { op: 'remove', path: '/k~1e~0y' },
    { op: 'copy', from: '/c', path: '/d' },
    { op: 'move', from: '/d', path: '/e' },
    { op: 'test', path: '/e', value: 'y' },
  ]));
  assert.deepEqual(out, { a: { b: [0, 1, 2, 3] }, c: 'y', e: 'y' });
  assert.deepEqual(doc, { a: { b: [1, 2] }, c: 'x', 'k/e~y': 1 }, 'input untouched');
});

test('applyJsonPatch() fails on missing paths and failed tests', () => {
  assert.throws(() => applyJsonPatch({}, decodeJsonPatch([{ op: 'replace', path: '/x', value: 1 }])), PatchApplyError);
  assert.throws(() => applyJsonPatch({}, decodeJsonPatch([{ op: 'remove', path: '/x' }])), PatchApplyError);
  assert.throws(() => applyJsonPatch({}, decodeJsonPatch([{ op: 'add', path: '/a/b', value: 1 }])), PatchApplyError);
  assert.throws(() => applyJsonPatch({ a: 1 }, decodeJsonPatch([{ op: 'test', path: '/a', value: 2 }])), /testing value \/a failed/);
  assert.throws(() => decodeJsonPatch({ op: 'add' }), PatchDecodeError);
  assert.throws(() => decodeJsonPatch([{ op: 'frob', path: '/a' }]), PatchDecodeError);
});

test('applyMergePatch() merges objects, deletes nulls and replaces arrays', () => {
  const target = { metadata: { labels: { a: '1', b: '2' } }, list: [1, 2], keep: true };
  assert.deepEqual(applyMergePatch(target, { metadata: { labels: { a: null, c: '3' } }, list: [3] }),
    { metadata: { labels: { b: '2', c: '3' } }, list: [3], keep: true });
  assert.deepEqual(target.metadata.labels, { a: '1', b: '2' });
  assert.deepEqual(createMergePatch({ a: 1, b: { c: 1, d: 2 } }, { b: { c: 1, d: 3 }, e: [1] }), { a: null, b: { d: 3 }, e: [1] });
});
