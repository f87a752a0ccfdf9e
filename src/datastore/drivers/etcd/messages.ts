/**
 * @module The etcd v3 messages this driver speaks (KV Range/Put/DeleteRange/Txn/Compact,
 * Watch, LeaseGrant/LeaseTimeToLive), encoded and decoded by hand on base/protowire with
 * etcd's field numbers. Only the fields we use are written; unknown fields are skipped.
 */
import { ProtoReader, ProtoWriter, WireType } from '../../../base/protowire.js';

export interface EtcdKv {
  readonly key: Uint8Array;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
  readonly value: Uint8Array;
  /** The lease ID (int64: may exceed 2^53). */
  readonly lease: bigint;
}

export interface RangeReq {
  readonly key: Uint8Array;
  readonly rangeEnd?: Uint8Array | undefined;
  readonly limit?: number | undefined;
  readonly revision?: number | undefined;
  readonly countOnly?: boolean | undefined;
}
export interface PutReq { readonly key: Uint8Array; readonly value: Uint8Array; readonly lease?: bigint | undefined; readonly prevKv?: boolean }
export interface DeleteReq { readonly key: Uint8Array; readonly rangeEnd?: Uint8Array | undefined; readonly prevKv?: boolean }
export type RequestOp = { readonly range: RangeReq } | { readonly put: PutReq } | { readonly deleteRange: DeleteReq };

/** A comparison on one key: `target` of the key `result` the given number. */
export interface Compare {
  readonly key: Uint8Array;
  readonly target: 'version' | 'create' | 'mod';
  readonly result: 'equal' | 'greater' | 'less' | 'not-equal';
  readonly number: number;
}

export interface RangeRes { readonly revision: number; readonly kvs: EtcdKv[]; readonly more: boolean; readonly count: number }
export interface PutRes { readonly revision: number; readonly prevKv?: EtcdKv | undefined }
export interface DeleteRes { readonly revision: number; readonly deleted: number; readonly prevKvs: EtcdKv[] }
export type ResponseOp = { range?: RangeRes; put?: PutRes; deleteRange?: DeleteRes };
export interface TxnRes { readonly revision: number; readonly succeeded: boolean; readonly responses: ResponseOp[] }

export interface EtcdEvent { readonly type: 'put' | 'delete'; readonly kv: EtcdKv; readonly prevKv?: EtcdKv | undefined }
export interface WatchRes {
  readonly revision: number;
  readonly watchId: number;
  readonly created: boolean;
  readonly canceled: boolean;
  readonly compactRevision: number;
  readonly cancelReason: string;
  readonly events: EtcdEvent[];
}

const L = WireType.LengthDelimited, V = WireType.Varint;
const COMPARE_TARGET = { version: 0, create: 1, mod: 2 } as const;
const COMPARE_RESULT = { equal: 0, greater: 1, less: 2, 'not-equal': 3 } as const;
/** Compare's target_union field for each target. */
const COMPARE_FIELD = { version: 4, create: 5, mod: 6 } as const;

function sub(w: ProtoWriter, field: number, body: ProtoWriter): void {
  w.tag(field, L).bytes(body.finish());
}

export function encodeRange(r: RangeReq): Uint8Array {
  const w = new ProtoWriter();
  writeRange(w, r);
  return w.finish();
}

function writeRange(w: ProtoWriter, r: RangeReq): void {
  w.tag(1, L).bytes(r.key);
  if (r.rangeEnd) w.tag(2, L).bytes(r.rangeEnd);
  if (r.limit) w.tag(3, V).varint(r.limit);
  if (r.revision) w.tag(4, V).varint(r.revision);
  if (r.countOnly) w.tag(9, V).bool(true);
}

function writePut(w: ProtoWriter, p: PutReq): void {
  w.tag(1, L).bytes(p.key).tag(2, L).bytes(p.value);
  if (p.lease) w.tag(3, V).varint(p.lease);
  if (p.prevKv) w.tag(4, V).bool(true);
}

function writeDelete(w: ProtoWriter, d: DeleteReq): void {
  w.tag(1, L).bytes(d.key);
  if (d.rangeEnd) w.tag(2, L).bytes(d.rangeEnd);
  if (d.prevKv) w.tag(3, V).bool(true);
}

function writeOp(op: RequestOp): ProtoWriter {
  const w = new ProtoWriter(), body = new ProtoWriter();
  if ('range' in op) { writeRange(body, op.range); sub(w, 1, body); }
  else if ('put' in op) { writePut(body, op.put); sub(w, 2, body); }
  else { writeDelete(body, op.deleteRange); sub(w, 3, body); }
  return w;
}

export function encodeTxn(compare: readonly Compare[], success: readonly RequestOp[], failure: readonly RequestOp[]): Uint8Array {
  const w = new ProtoWriter();
  for (const c of compare) {
    const cw = new ProtoWriter();
    cw.tag(1, V).uvarint(COMPARE_RESULT[c.result]).tag(2, V).uvarint(COMPARE_TARGET[c.target]).tag(3, L).bytes(c.key);
    cw.tag(COMPARE_FIELD[c.target], V).varint(c.number);
    sub(w, 1, cw);
  }
  for (const op of success) sub(w, 2, writeOp(op));
  for (const op of failure) sub(w, 3, writeOp(op));
  return w.finish();
}

export function encodeCompaction(revision: number): Uint8Array {
  return new ProtoWriter().tag(1, V).varint(revision).finish();
}

export function encodeWatchCreate(c: { key: Uint8Array; rangeEnd: Uint8Array; startRevision: number }): Uint8Array {
  const body = new ProtoWriter().tag(1, L).bytes(c.key).tag(2, L).bytes(c.rangeEnd);
  if (c.startRevision) body.tag(3, V).varint(c.startRevision);
  body.tag(6, V).bool(true); // prev_kv
  const w = new ProtoWriter();
  sub(w, 1, body);
  return w.finish();
}

export function encodeWatchCancel(watchId: number): Uint8Array {
  const w = new ProtoWriter();
  sub(w, 2, new ProtoWriter().tag(1, V).varint(watchId));
  return w.finish();
}

export function encodeLeaseGrant(ttl: number): Uint8Array {
  return new ProtoWriter().tag(1, V).varint(ttl).finish();
}

export function encodeLeaseTimeToLive(id: bigint): Uint8Array {
  return new ProtoWriter().tag(1, V).varint(id).finish();
}

/** Iterates the fields of a message, calling `on` for each; unknown ones are skipped. */
function fields(buf: Uint8Array, on: (field: number, r: ProtoReader) => boolean): void {
  const r = new ProtoReader(buf);
  while (!r.done) {
    const [field, wire] = r.tag();
    if (!on(field, r)) r.skip(wire);
  }
}

function headerRevision(buf: Uint8Array): number {
  let rev = 0;
  fields(buf, (f, r) => (f === 3 ? ((rev = r.int()), true) : false));
  return rev;
}

export function decodeKv(buf: Uint8Array): EtcdKv {
  let key: Uint8Array = new Uint8Array(0), value: Uint8Array = new Uint8Array(0), createRevision = 0, modRevision = 0, version = 0, lease = 0n;
  fields(buf, (f, r) => {
    switch (f) {
      case 1: key = r.bytes(); return true;
      case 2: createRevision = r.int(); return true;
      case 3: modRevision = r.int(); return true;
      case 4: version = r.int(); return true;
      case 5: value = r.bytes(); return true;
      case 6: lease = r.varint64(); return true;
      default: return false;
    }
  });
  return { key, createRevision, modRevision, version, value, lease };
}

export function decodeRangeRes(buf: Uint8Array): RangeRes {
  let revision = 0, more = false, count = 0;
  const kvs: EtcdKv[] = [];
  fields(buf, (f, r) => {
    switch (f) {
      case 1: revision = headerRevision(r.bytes()); return true;
      case 2: kvs.push(decodeKv(r.bytes())); return true;
      case 3: more = r.bool(); return true;
      case 4: count = r.int(); return true;
      default: return false;
    }
  });
  return { revision, kvs, more, count };
}

function decodePutRes(buf: Uint8Array): PutRes {
  let revision = 0, prevKv: EtcdKv | undefined;
  fields(buf, (f, r) => {
    if (f === 1) { revision = headerRevision(r.bytes()); return true; }
    if (f === 2) { prevKv = decodeKv(r.bytes()); return true; }
    return false;
  });
  return { revision, prevKv };
}

function decodeDeleteRes(buf: Uint8Array): DeleteRes {
  let revision = 0, deleted = 0;
  const prevKvs: EtcdKv[] = [];
  fields(buf, (f, r) => {
    if (f === 1) { revision = headerRevision(r.bytes()); return true; }
    if (f === 2) { deleted = r.int(); return true; }
    if (f === 3) { prevKvs.push(decodeKv(r.bytes())); return true; }
    return false;
  });
  return { revision, deleted, prevKvs };
}

export function decodeTxnRes(buf: Uint8Array): TxnRes {
  let revision = 0, succeeded = false;
  const responses: ResponseOp[] = [];
  fields(buf, (f, r) => {
    if (f === 1) { revision = headerRevision(r.bytes()); return true; }
    if (f === 2) { succeeded = r.bool(); return true; }
    if (f !== 3) return false;
    const op: ResponseOp = {};
    fields(r.bytes(), (g, rr) => {
      if (g === 1) { op.range = decodeRangeRes(rr.bytes()); return true; }
      if (g === 2) { op.put = decodePutRes(rr.bytes()); return true; }
      if (g === 3) { op.deleteRange = decodeDeleteRes(rr.bytes()); return true; }
      return false;
    });
    responses.push(op);
    return true;
  });
  return { revision, succeeded, responses };
}

/** The header revision of any response (Compact, LeaseGrant...). */
export function decodeHeaderOnly(buf: Uint8Array): number {
  let revision = 0;
  fields(buf, (f, r) => (f === 1 ? ((revision = headerRevision(r.bytes())), true) : false));
  return revision;
}

function decodeEvent(buf: Uint8Array): EtcdEvent {
  let type: 'put' | 'delete' = 'put', kv: EtcdKv | undefined, prevKv: EtcdKv | undefined;
  fields(buf, (f, r) => {
    if (f === 1) { type = r.int() === 1 ? 'delete' : 'put'; return true; }
    if (f === 2) { kv = decodeKv(r.bytes()); return true; }
    if (f === 3) { prevKv = decodeKv(r.bytes()); return true; }
    return false;
  });
  return { type, kv: kv ?? decodeKv(new Uint8Array(0)), prevKv };
}

export function decodeWatchRes(buf: Uint8Array): WatchRes {
  let revision = 0, watchId = 0, created = false, canceled = false, compactRevision = 0, cancelReason = '';
  const events: EtcdEvent[] = [];
  fields(buf, (f, r) => {
    switch (f) {
      case 1: revision = headerRevision(r.bytes()); return true;
      case 2: watchId = r.int(); return true;
      case 3: created = r.bool(); return true;
      case 4: canceled = r.bool(); return true;
      case 5: compactRevision = r.int(); return true;
      case 6: cancelReason = r.string(); return true;
      case 11: events.push(decodeEvent(r.bytes())); return true;
      default: return false;
    }
  });
  return { revision, watchId, created, canceled, compactRevision, cancelReason, events };
}

export function decodeLeaseGrantRes(buf: Uint8Array): { id: bigint; ttl: number; error: string } {
  let id = 0n, ttl = 0, error = '';
  fields(buf, (f, r) => {
    if (f === 2) { id = r.varint64(); return true; }
    if (f === 3) { ttl = r.int(); return true; }
    if (f === 4) { error = r.string(); return true; }
    return false;
  });
  return { id, ttl, error };
}

export function decodeLeaseTimeToLiveRes(buf: Uint8Array): { ttl: number; grantedTtl: number } {
  let ttl = 0, grantedTtl = 0;
  fields(buf, (f, r) => {
    if (f === 3) { ttl = r.int(); return true; }
    if (f === 4) { grantedTtl = r.int(); return true; }
    return false;
  });
  return { ttl, grantedTtl };
}
