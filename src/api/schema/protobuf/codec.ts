/**
 * @module Kubernetes protobuf bodies (`application/vnd.kubernetes.protobuf`) to and from our
 * JSON-shaped objects. A body is the 4-byte magic `k8s\0` followed by a runtime.Unknown message
 * {typeMeta{apiVersion = 1, kind = 2} = 1, raw = 2, contentEncoding = 3, contentType = 4} whose raw
 * field holds the object's own message. Watch streams use bare WatchEvent messages, each framed
 * by a 4-byte big-endian length, with the object enveloped inside the event's RawExtension.
 */
import { ProtoDecodeError, ProtoWriter, WireType } from '../../../base/protowire.js';
import { catalog as builtinCatalog, type Catalog } from '../catalog.js';
import { shapesOf, type Shapes, type StructShape } from '../shape.js';
import { MessagePlans } from './messages.js';
import { ProtoEncodeError, readMessage } from './values.js';

export { ProtoEncodeError } from './values.js';
export { ProtoDecodeError } from '../../../base/protowire.js';

/** The media type of Kubernetes protobuf bodies. */
export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
/** The magic prefix of every enveloped protobuf object. */
export const PROTOBUF_MAGIC: Uint8Array = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

/** The parts of an envelope. */
export interface Envelope {
  readonly apiVersion: string;
  readonly kind: string;
  readonly raw: Uint8Array;
  readonly contentEncoding: string;
  readonly contentType: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Splits an enveloped body; throws ProtoDecodeError without the magic. */
export function openEnvelope(body: Uint8Array): Envelope {
  if (body.length < 4 || body[0] !== 0x6b || body[1] !== 0x38 || body[2] !== 0x73 || body[3] !== 0) {
    throw new ProtoDecodeError('body does not start with the k8s\\0 magic');
  }
  let apiVersion = '', kind = '', contentEncoding = '', contentType = '';
  let raw: Uint8Array = new Uint8Array(0);
  readMessage(body.subarray(4), (f, wire, r) => {
    if (f === 1 && wire === WireType.LengthDelimited) {
      readMessage(r.bytes(), (tf, tw, tr) => {
        if (tf === 1) apiVersion = tr.string();
        else if (tf === 2) kind = tr.string();
        else tr.skip(tw);
      });
    } else if (f === 2) raw = r.bytes();
    else if (f === 3) contentEncoding = r.string();
    else if (f === 4) contentType = r.string();
    else r.skip(wire);
  });
  return { apiVersion, kind, raw, contentEncoding, contentType };
}

/** Writes an envelope around an already-encoded object message, as Go does (all four fields). */
export function sealEnvelope(apiVersion: string, kind: string, raw: Uint8Array): Uint8Array {
  const w = new ProtoWriter(raw.length + apiVersion.length + kind.length + 24);
  w.raw(PROTOBUF_MAGIC);
  const m = w.begin(1);
  w.tag(1, WireType.LengthDelimited).string(apiVersion).tag(2, WireType.LengthDelimited).string(kind);
  w.end(m);
  w.tag(2, WireType.LengthDelimited).bytes(raw);
  w.tag(3, WireType.LengthDelimited).string('').tag(4, WireType.LengthDelimited).string('');
  return w.finish();
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** Encodes and decodes the protobuf forms of every definition of a catalog. */
export class ProtobufCodec {
  private readonly shapes: Shapes;
  private readonly plans: MessagePlans;

  constructor(readonly catalog: Catalog) {
    this.shapes = shapesOf(catalog);
    this.plans = new MessagePlans((raw) => this.decode(raw));
  }

  /** The struct shape for a kind; throws ProtoDecodeError/ProtoEncodeError naming it when unknown. */
  private kindShape(apiVersion: string, kind: string, error: (m: string) => Error): StructShape {
    const { group, version } = splitApiVersion(apiVersion);
    const def = this.catalog.definitionFor(group, version, kind);
    if (!def) throw error(`no kind "${kind}" is registered for version "${apiVersion}"`);
    return this.shapes.struct(def.name);
  }

  /** Decodes an enveloped body into a JSON-shaped object with apiVersion and kind set first. */
  decode(body: Uint8Array): Obj {
    const env = openEnvelope(body);
    if (env.contentEncoding) throw new ProtoDecodeError(`unsupported content encoding "${env.contentEncoding}"`);
    const shape = this.kindShape(env.apiVersion, env.kind, (m) => new ProtoDecodeError(m));
    const out: Obj = { apiVersion: env.apiVersion, kind: env.kind };
    return this.plans.read(env.raw, shape, out);
  }

  /** Encodes an object carrying apiVersion and kind into an enveloped body. */
  encode(obj: Obj): Uint8Array {
    const apiVersion = obj['apiVersion'], kind = obj['kind'];
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') throw new ProtoEncodeError('object has no apiVersion and kind');
    const shape = this.kindShape(apiVersion, kind, (m) => new ProtoEncodeError(m));
    // One buffer for envelope and object: the object message is written in place as field 2.
    const w = new ProtoWriter(1024);
    w.raw(PROTOBUF_MAGIC);
    const t = w.begin(1);
    w.tag(1, WireType.LengthDelimited).string(apiVersion).tag(2, WireType.LengthDelimited).string(kind);
    w.end(t);
    const m = w.begin(2);
    this.plans.write(w, shape, obj);
    w.end(m);
    w.tag(3, WireType.LengthDelimited).string('').tag(4, WireType.LengthDelimited).string('');
    return w.finish();
  }

  /** The bare message of a definition (no envelope), e.g. for RawExtension contents or tests. */
  encodeMessage(definition: string, obj: Obj): Uint8Array {
    const w = new ProtoWriter(512);
    this.plans.write(w, this.shapes.struct(definition), obj);
    return w.finish();
  }

  /** Decodes a bare message of a definition. */
  decodeMessage(definition: string, bytes: Uint8Array): Obj {
    return this.plans.read(bytes, this.shapes.struct(definition), {});
  }

  /**
   * One frame of a protobuf watch stream: 4-byte big-endian length, then a bare WatchEvent
   * {type = 1, object = 2 RawExtension{raw = 1: the enveloped object}}.
   */
  encodeWatchFrame(type: string, obj: Obj): Uint8Array {
    const inner = this.encode(obj);
    const w = new ProtoWriter(inner.length + type.length + 16);
    w.fixed32(0);
    w.tag(1, WireType.LengthDelimited).string(type);
    const m = w.begin(2);
    w.tag(1, WireType.LengthDelimited).bytes(inner);
    w.end(m);
    const out = w.finish();
    new DataView(out.buffer, out.byteOffset).setUint32(0, out.length - 4, false);
    return out;
  }

  /** Decodes a WatchEvent message (a frame without its length prefix). */
  decodeWatchEvent(message: Uint8Array): { type: string; object: Obj } {
    let type = '';
    let object: Obj = {};
    readMessage(message, (f, wire, r) => {
      if (f === 1) type = r.string();
      else if (f === 2) {
        readMessage(r.bytes(), (rf, rw, rr) => {
          if (rf !== 1) { rr.skip(rw); return; }
          const raw = rr.bytes();
          const v: unknown = raw[0] === 0x6b ? this.decode(raw) : JSON.parse(Buffer.from(raw).toString('utf8'));
          if (isObj(v)) object = v;
        });
      } else r.skip(wire);
    });
    return { type, object };
  }
}

const perCatalog = new WeakMap<Catalog, ProtobufCodec>();

/** The (cached) protobuf codec of a catalog; the built-in catalog by default. */
export function protobufCodec(cat: Catalog = builtinCatalog()): ProtobufCodec {
  let c = perCatalog.get(cat);
  if (!c) { c = new ProtobufCodec(cat); perCatalog.set(cat, c); }
  return c;
}
