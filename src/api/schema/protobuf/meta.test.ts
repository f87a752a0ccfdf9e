/** @module Protobuf forms of the apimachinery kinds every resource shares: Status, DeleteOptions, WatchEvent, lists. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { protobufCodec } from './codec.js';

const codec = protobufCodec();

test('protobufCodec() round-trips a Status error as kube-apiserver sends it', () => {
  const status = {
    apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Failure', message: 'pods "x" not found', reason: 'NotFound',
    details: { name: 'x', kind: 'pods', causes: [{ reason: 'FieldValueRequired', message: 'required', field: 'spec.containers' }] }, code: 404,
  };
  // Status.metadata is an empty non-pointer struct: written as an empty message, left out when read.
  const { metadata: _empty, ...rest } = status;
  assert.deepEqual(codec.decode(codec.encode(status)), rest);
});

test('protobufCodec() decodes DeleteOptions sent with the core or any group version', () => {
  const opts = { propagationPolicy: 'Foreground', gracePeriodSeconds: 0, preconditions: { uid: 'u-1', resourceVersion: '42' }, dryRun: ['All'] };
  for (const apiVersion of ['v1', 'apps/v1', 'batch/v1']) {
    const obj = { apiVersion, kind: 'DeleteOptions', ...opts };
    assert.deepEqual(codec.decode(codec.encode(obj)), obj, apiVersion);
  }
});

test('protobufCodec() writes watch frames whose object is an enveloped object', () => {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns', resourceVersion: '7' }, data: { a: 'b' } };
  const frame = codec.encodeWatchFrame('MODIFIED', cm);
  assert.deepEqual(codec.decodeWatchEvent(frame.subarray(4)), { type: 'MODIFIED', object: cm });
  // The event itself is a bare WatchEvent message, decodable through the catalog definition too.
  const event = codec.decodeMessage('io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent', frame.subarray(4));
  assert.deepEqual(event, { type: 'MODIFIED', object: cm });
});

test('protobufCodec() round-trips list kinds with their ListMeta', () => {
  const list = { apiVersion: 'v1', kind: 'ConfigMapList', metadata: { resourceVersion: '12', continue: 'abc', remainingItemCount: 0 },
    items: [{ metadata: { name: 'a' }, data: { k: 'v' } }, { metadata: { name: 'b' }, immutable: true }] };
  assert.deepEqual(codec.decode(codec.encode(list)), list);
});
