/**
 * @module ASN.1 DER: an encoder for the handful of types X.509 needs (SEQUENCE, SET, INTEGER,
 * OID, strings, times, BIT/OCTET STRING, context tags) and a strict decoder that walks
 * tag-length-value elements with bounds checks. No schema knowledge lives here.
 */
import { PkiError } from '../base/errors.js';

/** Universal tag numbers used by X.509. */
export const Tag = {
  Boolean: 0x01, Integer: 0x02, BitString: 0x03, OctetString: 0x04, Null: 0x05, Oid: 0x06,
  Utf8String: 0x0c, PrintableString: 0x13, Ia5String: 0x16, UtcTime: 0x17, GeneralizedTime: 0x18,
  Sequence: 0x30, Set: 0x31,
} as const;

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return Buffer.from([0x80 | out.length, ...out]);
}

/** One element with an explicit tag byte. */
export function tlv(tag: number, value: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), lengthBytes(value.length), value]);
}

export const seq = (...items: Uint8Array[]): Buffer => tlv(Tag.Sequence, Buffer.concat(items));

/** A SET OF, with elements sorted by encoding as DER requires. */
export const set = (...items: Uint8Array[]): Buffer => tlv(Tag.Set, Buffer.concat([...items].sort(Buffer.compare)));

/** An INTEGER from a non-negative number or big-endian unsigned bytes (minimal two's complement). */
export function integer(v: number | Uint8Array): Buffer {
  let bytes = typeof v === 'number' ? bigEndian(v) : Buffer.from(v);
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0 && ((bytes[i + 1] ?? 0) & 0x80) === 0) i++;
  bytes = bytes.subarray(i);
  if (bytes.length === 0) bytes = Buffer.from([0]);
  if (((bytes[0] ?? 0) & 0x80) !== 0) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(Tag.Integer, bytes);
}

function bigEndian(n: number): Buffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`der: cannot encode ${n} as INTEGER`);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return Buffer.from(out.length ? out : [0]);
}

export const boolean = (v: boolean): Buffer => tlv(Tag.Boolean, Buffer.from([v ? 0xff : 0]));
export const octetString = (v: Uint8Array): Buffer => tlv(Tag.OctetString, v);
export const utf8String = (s: string): Buffer => tlv(Tag.Utf8String, Buffer.from(s, 'utf8'));
export const ia5String = (s: string): Buffer => tlv(Tag.Ia5String, Buffer.from(s, 'ascii'));
export const nullValue = (): Buffer => Buffer.from([Tag.Null, 0]);

/** A BIT STRING holding whole bytes (signatures, public keys). */
export const bitString = (bytes: Uint8Array): Buffer => tlv(Tag.BitString, Buffer.concat([Buffer.from([0]), bytes]));

/** A BIT STRING of named bits (bit 0 = most significant), trailing zero bits dropped as DER requires. */
export function namedBits(bits: readonly number[]): Buffer {
  const max = Math.max(-1, ...bits);
  if (max < 0) return tlv(Tag.BitString, Buffer.from([0]));
  const bytes = Buffer.alloc((max >> 3) + 1);
  for (const b of bits) bytes[b >> 3] = (bytes[b >> 3] ?? 0) | (0x80 >> (b & 7));
  return tlv(Tag.BitString, Buffer.concat([Buffer.from([7 - (max & 7)]), bytes]));
}

/** An OBJECT IDENTIFIER from dotted text. */
export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const [a = 0, b = 0, ...rest] = parts;
  const out: number[] = [a * 40 + b];
  for (const p of rest) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(Tag.Oid, Buffer.from(out));
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 4.1.2.5). Second precision, UTC. */
export function time(d: Date): Buffer {
  const iso = d.toISOString();
  const y = d.getUTCFullYear();
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  if (y >= 1950 && y < 2050) return tlv(Tag.UtcTime, Buffer.from(digits.slice(2) + 'Z', 'ascii'));
  return tlv(Tag.GeneralizedTime, Buffer.from(digits + 'Z', 'ascii'));
}

/** Context-specific tag `[n]`: constructed (EXPLICIT wrapping) or primitive (IMPLICIT bytes). */
export const contextTag = (n: number, value: Uint8Array, opts: { constructed: boolean }): Buffer => tlv((opts.constructed ? 0xa0 : 0x80) | n, value);

/** A decoded element. `value` is a view into the input buffer. */
export interface Element {
  readonly tag: number;
  readonly constructed: boolean;
  readonly value: Buffer;
  /** The element's whole encoding (header and value). */
  readonly raw: Buffer;
}

/** Reads one element at `offset`; returns it and the offset after it. */
export function readElement(buf: Buffer, offset = 0): { el: Element; next: number } {
  const fail = (why: string): never => { throw new PkiError(`malformed DER at byte ${offset}: ${why}`); };
  if (offset + 2 > buf.length) fail('truncated header');
  const tag = buf[offset] as number;
  if ((tag & 0x1f) === 0x1f) fail('high tag numbers are not used in X.509');
  let len = buf[offset + 1] as number;
  let pos = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) fail('unsupported length form');
    if (pos + n > buf.length) fail('truncated length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[pos + i] as number);
    pos += n;
  }
  if (pos + len > buf.length) fail(`length ${len} past the end`);
  const el = { tag, constructed: (tag & 0x20) !== 0, value: buf.subarray(pos, pos + len), raw: buf.subarray(offset, pos + len) };
  return { el, next: pos + len };
}

/** Every element directly inside a constructed element. */
export function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let off = 0; off < el.value.length; ) {
    const { el: c, next } = readElement(el.value, off);
    out.push(c);
    off = next;
  }
  return out;
}

/** Decodes a whole buffer holding exactly one element. */
export function decode(buf: Buffer): Element {
  const { el, next } = readElement(buf, 0);
  if (next !== buf.length) throw new PkiError(`malformed DER: ${buf.length - next} trailing bytes`);
  return el;
}

/** Dotted text of an OBJECT IDENTIFIER element. */
export function readOid(el: Element): string {
  if (el.tag !== Tag.Oid || el.value.length === 0) throw new PkiError('malformed DER: expected OBJECT IDENTIFIER');
  const first = el.value[0] as number;
  const parts = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let v = 0;
  for (let i = 1; i < el.value.length; i++) {
    const b = el.value[i] as number;
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) { parts.push(v); v = 0; }
  }
  return parts.join('.');
}

/** A Date from a UTCTime or GeneralizedTime element. */
export function readTime(el: Element): Date {
  const s = el.value.toString('ascii');
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m || (el.tag === Tag.UtcTime) !== (m[1]?.length === 2)) throw new PkiError(`malformed DER time "${s}"`);
  let year = Number(m[1]);
  if (el.tag === Tag.UtcTime) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

/** Text of a string element (UTF8String, PrintableString, IA5String, ...). */
export function readString(el: Element): string {
  return el.value.toString(el.tag === Tag.Utf8String ? 'utf8' : 'latin1');
}
