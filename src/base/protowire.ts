/**
 * @module Protocol Buffers wire format: a growable writer and a bounds-checked reader for
 * varints, fixed 32/64-bit values and length-delimited fields. The schema-driven codecs
 * (Kubernetes objects, etcd, CRI) are built on this; it knows nothing of any schema.
 */
import { K3tsError } from './errors.js';

export const WireType = { Varint: 0, Fixed64: 1, LengthDelimited: 2, StartGroup: 3, EndGroup: 4, Fixed32: 5 } as const;
export type WireType = (typeof WireType)[keyof typeof WireType];

/** Malformed protobuf input. */
export class ProtoDecodeError extends K3tsError {
  constructor(message: string) {
    super('ERR_PROTO_DECODE', `protobuf: ${message}`);
  }
}

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder('utf-8', { fatal: false });

/** Appends protobuf-encoded fields to a growing buffer. */
export class ProtoWriter {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;

  constructor(initialSize = 256) {
    this.buf = new Uint8Array(initialSize);
    this.view = new DataView(this.buf.buffer);
  }

  get length(): number { return this.pos; }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  /** Writes a field key (number and wire type). */
  tag(field: number, wire: WireType): this {
    return this.uvarint(field * 8 + wire);
  }

  /** Unsigned varint from a non-negative safe integer. */
  uvarint(n: number): this {
    this.ensure(10);
    while (n >= 0x80) {
      this.buf[this.pos++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.pos++] = n;
    return this;
  }

  /** Signed varint as Go and protobuf encode int32/int64: negatives take ten bytes. */
  varint(n: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(n));
    if (v <= BigInt(Number.MAX_SAFE_INTEGER)) return this.uvarint(Number(v));
    this.ensure(10);
    while (v >= 0x80n) {
      this.buf[this.pos++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.pos++] = Number(v);
    return this;
  }

  bool(b: boolean): this { return this.uvarint(b ? 1 : 0); }

  double(d: number): this {
    this.ensure(8);
    this.view.setFloat64(this.pos, d, true);
    this.pos += 8;
    return this;
  }

  fixed32(n: number): this {
    this.ensure(4);
    this.view.setUint32(this.pos, n >>> 0, true);
    this.pos += 4;
    return this;
  }

  fixed64(n: bigint): this {
    this.ensure(8);
    this.view.setBigUint64(this.pos, BigInt.asUintN(64, n), true);
    this.pos += 8;
    return this;
  }

  /** Length-prefixed bytes. */
  bytes(b: Uint8Array): this {
    this.uvarint(b.length);
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  /** Length-prefixed UTF-8 string, written in place (no intermediate byte array). */
  string(s: string): this {
    const n = s.length;
    if (n < 128) {
      // Short ASCII strings (names, keys, enums) dominate Kubernetes objects: copy code units.
      let ascii = true;
      for (let i = 0; i < n; i++) if (s.charCodeAt(i) > 0x7f) { ascii = false; break; }
      if (ascii) {
        this.ensure(n + 1);
        this.buf[this.pos++] = n;
        for (let i = 0; i < n; i++) this.buf[this.pos++] = s.charCodeAt(i);
        return this;
      }
    }
    const len = Buffer.byteLength(s, 'utf8');
    this.uvarint(len);
    this.ensure(len);
    textEncoder.encodeInto(s, this.buf.subarray(this.pos, this.pos + len));
    this.pos += len;
    return this;
  }

  /** Raw bytes without a length prefix. */
  raw(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  /**
   * Opens a length-delimited field whose length is not known yet (a nested message written in
   * place); returns a mark to pass to end(). One byte is reserved for the length.
   */
  begin(field: number): number {
    this.tag(field, WireType.LengthDelimited);
    this.ensure(1);
    return this.pos++;
  }

  /** Closes a field opened with begin(): writes its length, moving the body when it needs more bytes. */
  end(mark: number): this {
    const len = this.pos - mark - 1;
    if (len < 0x80) {
      this.buf[mark] = len;
      return this;
    }
    let extra = 0;
    for (let n = len; n >= 0x80; n = Math.floor(n / 0x80)) extra++;
    this.ensure(extra);
    this.buf.copyWithin(mark + 1 + extra, mark + 1, this.pos);
    let n = len, p = mark;
    while (n >= 0x80) {
      this.buf[p++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[p] = n;
    this.pos += extra;
    return this;
  }

  /** The bytes written so far (a copy). */
  finish(): Uint8Array { return this.buf.slice(0, this.pos); }
}

/** Reads protobuf fields from a buffer, checking every bound. */
export class ProtoReader {
  private pos = 0;
  private dataView: DataView | undefined;

  constructor(private readonly buf: Uint8Array) {}

  /** Created on first use: most messages hold no fixed-width fields. */
  private get view(): DataView {
    this.dataView ??= new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    return this.dataView;
  }

  get done(): boolean { return this.pos >= this.buf.length; }
  get offset(): number { return this.pos; }

  /** Reads a field key; returns [field number, wire type]. */
  tag(): [number, WireType] {
    const key = this.uvarint();
    const wire = key % 8;
    const field = Math.floor(key / 8);
    if (field === 0 || wire > 5) throw new ProtoDecodeError(`bad field key ${key} at offset ${this.pos}`);
    return [field, wire as WireType];
  }

  /** Unsigned varint up to 2^53; larger values are an error (use varint64). */
  uvarint(): number {
    let result = 0, mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new ProtoDecodeError('truncated varint');
      const b = this.buf[this.pos++] ?? 0;
      result += (b & 0x7f) * mul;
      if (b < 0x80) {
        if (result > Number.MAX_SAFE_INTEGER) throw new ProtoDecodeError('varint exceeds 2^53');
        return result;
      }
      mul *= 128;
    }
    throw new ProtoDecodeError('varint longer than 10 bytes');
  }

  /** A varint as a signed 64-bit bigint. */
  varint64(): bigint {
    let result = 0n, shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new ProtoDecodeError('truncated varint');
      const b = this.buf[this.pos++] ?? 0;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asIntN(64, result);
      shift += 7n;
    }
    throw new ProtoDecodeError('varint longer than 10 bytes');
  }

  /** A varint as a signed number (int32/int64 within the safe range). */
  int(): number {
    // Fast path: non-negative values below 2^49 take at most seven bytes.
    let result = 0, mul = 1;
    for (let i = this.pos; i < this.pos + 7 && i < this.buf.length; i++) {
      const b = this.buf[i] ?? 0;
      result += (b & 0x7f) * mul;
      if (b < 0x80) { this.pos = i + 1; return result; }
      mul *= 128;
    }
    const v = this.varint64();
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new ProtoDecodeError('integer outside the safe range');
    return Number(v);
  }

  /** An int64 field as a number: exact within 2^53, rounded beyond (JSON numbers are doubles). */
  int64(): number {
    const start = this.pos;
    try {
      return this.int();
    } catch (e) {
      if (!(e instanceof ProtoDecodeError) || e.message.includes('truncated')) throw e;
      this.pos = start;
      return Number(this.varint64());
    }
  }

  /** An int32 field: Go truncates int64 varints to 32 bits. */
  int32(): number {
    // The low 32 bits are in the first five bytes; the rest (sign extension) is skipped.
    let v = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new ProtoDecodeError('truncated varint');
      const b = this.buf[this.pos++] ?? 0;
      if (i < 5) v |= (b & 0x7f) << (7 * i);
      if (b < 0x80) return v | 0;
    }
    throw new ProtoDecodeError('varint longer than 10 bytes');
  }

  bool(): boolean { return this.varint64() !== 0n; }

  double(): number {
    this.need(8);
    const d = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return d;
  }

  fixed32(): number {
    this.need(4);
    const n = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return n;
  }

  fixed64(): bigint {
    this.need(8);
    const n = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return n;
  }

  /** Length-delimited bytes (a view into the input, not a copy). */
  bytes(): Uint8Array {
    const n = this.uvarint();
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  string(): string {
    const n = this.uvarint();
    this.need(n);
    const start = this.pos;
    this.pos += n;
    if (n <= 64) {
      // Short ASCII strings are most of a Kubernetes object; decoding them by hand avoids a native call.
      let out = '';
      for (let i = start; i < start + n; i++) {
        const c = this.buf[i] ?? 0;
        if (c > 0x7f) return textDecoder.decode(this.buf.subarray(start, start + n));
        out += String.fromCharCode(c);
      }
      return out;
    }
    return textDecoder.decode(this.buf.subarray(start, start + n));
  }

  /** Skips a field of the given wire type. */
  skip(wire: WireType): void {
    switch (wire) {
      case WireType.Varint: this.varint64(); return;
      case WireType.Fixed64: this.need(8); this.pos += 8; return;
      case WireType.LengthDelimited: this.bytes(); return;
      case WireType.Fixed32: this.need(4); this.pos += 4; return;
      default: throw new ProtoDecodeError(`unsupported wire type ${wire}`);
    }
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new ProtoDecodeError(`truncated field: need ${n} bytes at offset ${this.pos}`);
  }
}
