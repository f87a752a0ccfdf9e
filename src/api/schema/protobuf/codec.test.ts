/** @module The protobuf codec on a small catalog: wire layout, zero values, custom encodings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProtoWriter, WireType } from '../../../base/protowire.js';
import { miniCatalog } from '../testing/mini-catalog.js';
import { ProtobufCodec, openEnvelope, sealEnvelope } from './codec.js';

const codec = new ProtobufCodec(miniCatalog());
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

test('ProtobufCodec.encode() writes the envelope and Go zero values of non-pointer fields', () => {
  const bytes = codec.encode({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { k: 'v', a: 'b' } });
  const env = openEnvelope(bytes);
  assert.equal(env.apiVersion, 'v1');
  assert.equal(env.kind, 'ConfigMap');
  // metadata: name, then every non-pointer string/int/Time written even when empty, as gogo does.
  const meta = '0a03636667' + '1200' + '1a00' + '2a00' + '3200' + '3800' + '4200';
  // data entries sorted by key.
  const data = '1206' + '0a0161' + '120162' + '1206' + '0a016b' + '120176';
  assert.equal(hex(env.raw), `0a${(meta.length / 2).toString(16).padStart(2, '0')}${meta}${data}`);
  assert.equal(hex(bytes.subarray(bytes.length - 4)), '1a002200');
});

test('ProtobufCodec.decode() leaves out zero non-pointer fields and keeps pointers', () => {
  const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, immutable: false, binaryData: { b: 'AAE=' } };
  assert.deepEqual(codec.decode(codec.encode(obj)), obj);
});

test('ProtobufCodec round-trips custom encodings, embeds, maps of lists and raw extensions', () => {
  const widget = {
    apiVersion: 'test.k3ts.io/v1', kind: 'Widget',
    metadata: {
      name: 'w', namespace: 'ns', generation: 3, creationTimestamp: '2024-05-06T07:08:09Z',
      deletionTimestamp: '1999-12-31T23:59:59Z', deletionGracePeriodSeconds: 0, labels: { 'app.kubernetes.io/name': 'w' },
      finalizers: ['a', 'b'], managedFields: [{ manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', time: '2024-05-06T07:08:09Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }],
    },
    spec: {
      replicas: 0, size: '1Gi', port: 'http', limits: { cpu: '500m', memory: '0' },
      parts: [{ name: 'a', count: 0 }, { name: 'b', count: -7, note: 'negative' }],
      probe: { exec: { command: ['true'] }, httpGet: { port: 8080 }, initialDelaySeconds: 5 },
      extra: { groups: ['x', 'y'], none: [] }, payload: { kind: 'Thing', nested: [1, 'two', null] },
      ratio: 0.25, enabled: true, weights: [1, -2, 2 ** 40], selector: { z: '1', a: '2' }, paused: false,
      when: '2024-05-06T07:08:09.123456Z', window: '1h0m0.5s',
    },
    status: { ready: true, observedAt: '2024-01-01T00:00:00Z' },
  };
  assert.deepEqual(codec.decode(codec.encode(widget)), widget);
});

test('ProtobufCodec nests embedded structs as protobuf does (Probe handler is field 1)', () => {
  const raw = codec.encodeMessage('io.k8s.api.core.v1.Probe', { exec: { command: ['ls'] }, initialDelaySeconds: 1 });
  // handler{exec{command:"ls"}} initialDelaySeconds=1 periodSeconds=0
  assert.equal(hex(raw), '0a06' + '0a04' + '0a026c73' + '1001' + '2000');
});

test('ProtobufCodec writes IntOrString, Quantity and Time as Kubernetes does', () => {
  const raw = codec.encodeMessage('io.k3ts.test.v1.WidgetSpec', { port: 80, size: '2' });
  const r = hex(raw);
  assert.ok(r.includes('1203' + '0a0132'), r); // size: Quantity{string "2"}
  assert.ok(r.includes('1a06' + '0800' + '1050' + '1a00'), r); // port: IntOrString{type 0, intVal 80, strVal ""}
  const t = hex(codec.encodeMessage('io.k3ts.test.v1.WidgetStatus', { observedAt: '1970-01-01T00:01:00Z' }));
  assert.equal(t, '0800' + '1204' + '083c' + '1000');
  assert.equal(hex(codec.encodeMessage('io.k3ts.test.v1.WidgetStatus', {})), '0800' + '1200');
  // A []byte is written only when present (Go: non-nil), even when empty.
  assert.equal(hex(codec.encodeMessage('io.k3ts.test.v1.WidgetStatus', { digest: '' })), '0800' + '1200' + '1a00');
  // Duration: {int64 duration = 1} in nanoseconds (1.5 s).
  assert.ok(hex(codec.encodeMessage('io.k3ts.test.v1.WidgetSpec', { window: '1.5s' })).endsWith('7a06' + '0880dea0cb05'));
});

test('ProtobufCodec.decode() accepts packed repeated numbers and skips unknown fields', () => {
  const w = new ProtoWriter();
  const packed = new ProtoWriter().varint(1).varint(2).finish();
  w.tag(11, WireType.LengthDelimited).bytes(packed);
  w.tag(99, WireType.Varint).varint(5);
  assert.deepEqual(codec.decodeMessage('io.k3ts.test.v1.WidgetSpec', w.finish()), { weights: [1, 2] });
});

test('ProtobufCodec decodes an enveloped object inside a RawExtension and watch frames', () => {
  const inner = codec.encode({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
  const w = new ProtoWriter();
  const m = w.begin(8);
  w.tag(1, WireType.LengthDelimited).bytes(inner);
  w.end(m);
  const spec = codec.decodeMessage('io.k3ts.test.v1.WidgetSpec', w.finish());
  assert.deepEqual(spec['payload'], { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
  const frame = codec.encodeWatchFrame('ADDED', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' } });
  assert.equal(new DataView(frame.buffer, frame.byteOffset).getUint32(0), frame.length - 4);
  assert.deepEqual(codec.decodeWatchEvent(frame.subarray(4)), { type: 'ADDED', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' } } });
});

test('ProtobufCodec rejects unknown kinds, missing magic and wrongly typed values', () => {
  assert.throws(() => codec.decode(sealEnvelope('v1', 'Nope', new Uint8Array())), /no kind "Nope"/);
  assert.throws(() => codec.decode(Uint8Array.of(1, 2, 3, 4, 5)), /magic/);
  assert.throws(() => codec.encode({ apiVersion: 'v1', kind: 'ConfigMap', data: 'x' }), /expected an object/);
  assert.throws(() => codec.encode({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 5 } }), /expected a string/);
});
