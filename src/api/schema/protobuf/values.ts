/**
 * @module Protobuf codecs for single values: scalars and the custom encodings (Time, MicroTime,
 * Quantity, IntOrString, RawExtension/JSON, FieldsV1, the JSONSchemaProps unions). Each value
 * codec writes one field (tag included) and reads one field's payload. Structs, lists and maps are
 * assembled from these by messages.ts. Encodings follow the Go (gogo) marshallers of Kubernetes.
 */
import { K3tsError } from '../../../base/errors.js';
import { ProtoReader, ProtoDecodeError, WireType, type ProtoWriter } from '../../../base/protowire.js';
import { formatDuration, formatMicroTime, formatTime, parseDuration, parseTime, ZERO_TIME_SECONDS } from '../scalars.js';
import type { Scalar } from '../types.js';

/** A JSON-shaped object that cannot be encoded (a value of the wrong type). */
export class ProtoEncodeError extends K3tsError {
  constructor(message: string) {
    super('ERR_PROTO_ENCODE', `protobuf: ${message}`);
  }
}

/** Writes and reads one kind of value. `read` returns undefined for Go's zero value where JSON omits it. */
export interface ValueCodec {
  readonly wire: WireType;
  /** Writes field `num` holding `v`; `v` undefined means the Go zero value. */
  write(w: ProtoWriter, num: number, v: unknown): void;
  read(r: ProtoReader, wire: WireType): unknown;
  /** True when `v` (as read) is Go's zero value for the type. */
  isZero(v: unknown): boolean;
  /** The JSON form of the zero value (for required fields missing on the wire); undefined: omit. */
  readonly zero: unknown;
}

const fail = (what: string, v: unknown): never => {
  throw new ProtoEncodeError(`expected ${what}, got ${Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v}`);
};
const num = (v: unknown): number => (v === undefined ? 0 : typeof v === 'number' ? v : fail('a number', v));
const int = (v: unknown): number => {
  const n = num(v);
  return Number.isInteger(n) ? n : fail('an integer', v);
};
const str = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? v : fail('a string', v));
const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

const int64 = (r: ProtoReader): number => r.int64();

export const SCALAR_CODECS: Readonly<Record<Scalar, ValueCodec>> = {
  string: {
    wire: WireType.LengthDelimited, zero: '',
    write: (w, n, v) => { w.tag(n, WireType.LengthDelimited).string(str(v)); },
    read: (r) => r.string(),
    isZero: (v) => v === '',
  },
  boolean: {
    wire: WireType.Varint, zero: false,
    write: (w, n, v) => { w.tag(n, WireType.Varint).bool(v === undefined ? false : typeof v === 'boolean' ? v : fail('a boolean', v)); },
    read: (r) => r.bool(),
    isZero: (v) => v === false,
  },
  int32: {
    wire: WireType.Varint, zero: 0,
    write: (w, n, v) => { w.tag(n, WireType.Varint).varint(int(v)); },
    read: (r) => r.int32(),
    isZero: (v) => v === 0,
  },
  int64: {
    wire: WireType.Varint, zero: 0,
    write: (w, n, v) => { const i = int(v); w.tag(n, WireType.Varint).varint(Number.isSafeInteger(i) ? i : BigInt(i)); },
    read: int64,
    isZero: (v) => v === 0,
  },
  double: {
    wire: WireType.Fixed64, zero: 0,
    write: (w, n, v) => { w.tag(n, WireType.Fixed64).double(num(v)); },
    read: (r) => r.double(),
    isZero: (v) => v === 0,
  },
  bytes: {
    wire: WireType.LengthDelimited, zero: '',
    write: (w, n, v) => { w.tag(n, WireType.LengthDelimited).bytes(Buffer.from(str(v), 'base64')); },
    read: (r) => Buffer.from(r.bytes()).toString('base64'),
    isZero: (v) => v === '',
  },
};

/** Reads a nested message's fields with `each(field, wire, reader)`. */
export function readMessage(bytes: Uint8Array, each: (field: number, wire: WireType, r: ProtoReader) => void): void {
  const r = new ProtoReader(bytes);
  while (!r.done) {
    const [field, wire] = r.tag();
    each(field, wire, r);
  }
}

function timeCodec(format: (t: { seconds: number; nanos: number }) => string | undefined): ValueCodec {
  return {
    wire: WireType.LengthDelimited, zero: undefined,
    write: (w, n, v) => {
      const m = w.begin(n);
      if (v !== undefined && v !== null) {
        const t = parseTime(str(v));
        if (!t) throw new ProtoEncodeError(`invalid time ${JSON.stringify(v)}`);
        w.tag(1, WireType.Varint).varint(t.seconds).tag(2, WireType.Varint).varint(t.nanos);
      }
      w.end(m);
    },
    read: (r) => {
      const bytes = r.bytes();
      // Go's Time marshals the zero time as an empty message.
      if (bytes.length === 0) return undefined;
      let seconds = 0, nanos = 0;
      readMessage(bytes, (f, wire, rr) => {
        if (f === 1) seconds = int64(rr);
        else if (f === 2) nanos = rr.int32();
        else rr.skip(wire);
      });
      return seconds === ZERO_TIME_SECONDS && nanos === 0 ? undefined : format({ seconds, nanos });
    },
    isZero: (v) => v === undefined,
  };
}

/** Raw JSON bytes inside a {bytes raw = 1} message (RawExtension, JSON, FieldsV1). */
function rawCodec(opts: { readonly envelope?: (raw: Uint8Array) => unknown }): ValueCodec {
  return {
    wire: WireType.LengthDelimited, zero: undefined,
    write: (w, n, v) => {
      const m = w.begin(n);
      if (v !== undefined && v !== null) w.tag(1, WireType.LengthDelimited).bytes(encoder.encode(JSON.stringify(v)));
      w.end(m);
    },
    read: (r) => {
      let raw: Uint8Array | undefined;
      readMessage(r.bytes(), (f, wire, rr) => { if (f === 1) raw = rr.bytes(); else rr.skip(wire); });
      if (raw === undefined) return undefined;
      // A RawExtension written by a protobuf encoder may hold an enveloped object (k8s\0...).
      if (opts.envelope && raw[0] === 0x6b && raw[1] === 0x38 && raw[2] === 0x73 && raw[3] === 0) return opts.envelope(raw);
      if (raw.length === 0) return undefined;
      try {
        return JSON.parse(utf8.decode(raw)) as unknown;
      } catch {
        throw new ProtoDecodeError('raw field does not hold JSON');
      }
    },
    isZero: (v) => v === undefined,
  };
}

const quantityCodec: ValueCodec = {
  wire: WireType.LengthDelimited, zero: undefined,
  write: (w, n, v) => {
    const s = v === undefined || v === null ? '0' : typeof v === 'number' ? String(v) : str(v);
    const m = w.begin(n);
    w.tag(1, WireType.LengthDelimited).string(s);
    w.end(m);
  },
  read: (r) => {
    let s = '0';
    readMessage(r.bytes(), (f, wire, rr) => { if (f === 1) s = rr.string(); else rr.skip(wire); });
    return s;
  },
  isZero: (v) => v === '0',
};

const intOrStringCodec: ValueCodec = {
  wire: WireType.LengthDelimited, zero: 0,
  write: (w, n, v) => {
    const isString = typeof v === 'string';
    if (!isString && v !== undefined && typeof v !== 'number') fail('an integer or a string', v);
    const m = w.begin(n);
    w.tag(1, WireType.Varint).varint(isString ? 1 : 0)
      .tag(2, WireType.Varint).varint(isString ? 0 : int(v))
      .tag(3, WireType.LengthDelimited).string(isString ? v : '');
    w.end(m);
  },
  read: (r) => {
    let type = 0, intVal = 0, strVal = '';
    readMessage(r.bytes(), (f, wire, rr) => {
      if (f === 1) type = rr.int();
      else if (f === 2) intVal = rr.int32();
      else if (f === 3) strVal = rr.string();
      else rr.skip(wire);
    });
    return type === 1 ? strVal : intVal;
  },
  isZero: (v) => v === 0,
};

/** metav1.Duration: {int64 duration = 1} in nanoseconds; JSON is Go's duration string. */
const durationCodec: ValueCodec = {
  wire: WireType.LengthDelimited, zero: undefined,
  write: (w, n, v) => {
    const ns = v === undefined || v === null ? 0 : parseDuration(str(v));
    if (ns === undefined) throw new ProtoEncodeError(`invalid duration ${JSON.stringify(v)}`);
    const m = w.begin(n);
    w.tag(1, WireType.Varint).varint(ns);
    w.end(m);
  },
  read: (r) => {
    let ns = 0;
    readMessage(r.bytes(), (f, wire, rr) => { if (f === 1) ns = rr.int64(); else rr.skip(wire); });
    return formatDuration(ns);
  },
  isZero: (v) => v === '0s',
};

export const DURATION_CODEC = durationCodec;
export const TIME_CODEC = timeCodec(formatTime);
export const MICROTIME_CODEC = timeCodec(formatMicroTime);
export const QUANTITY_CODEC = quantityCodec;
export const INT_OR_STRING_CODEC = intOrStringCodec;
export const FIELDS_V1_CODEC = rawCodec({});
/** RawExtension and apiextensions JSON; `envelope` decodes enveloped protobuf objects inside. */
export const rawExtensionCodec = (envelope: (raw: Uint8Array) => unknown): ValueCodec => rawCodec({ envelope });
