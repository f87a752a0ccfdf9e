/**
 * @module Per-definition protobuf message plans, compiled once from shapes: which field number
 * carries which JSON field, with a value codec each, in field-number order. Encoding follows Go's
 * gogo marshaller (non-pointer scalars and structs always written, even zero; pointers only when
 * set; map entries sorted by key); decoding leaves out the zero values of non-pointer fields that
 * Kubernetes's JSON omits, keeping required ones.
 */
import { ProtoReader, WireType, type ProtoWriter } from '../../../base/protowire.js';
import type { CustomShape, FieldShape, Shape, StructShape } from '../shape.js';
import {
  DURATION_CODEC, FIELDS_V1_CODEC, INT_OR_STRING_CODEC, MICROTIME_CODEC, ProtoEncodeError, QUANTITY_CODEC, SCALAR_CODECS, TIME_CODEC,
  readMessage, rawExtensionCodec, type ValueCodec,
} from './values.js';

type Obj = Record<string, unknown>;

/** One field of a message: a JSON field, or an embedded struct whose fields sit in the same JSON object. */
interface Entry {
  readonly num: number;
  readonly name: string;
  /** Writes the field from the JSON object holding it. */
  write(w: ProtoWriter, obj: Obj | undefined): void;
  /** Reads the field into the JSON object holding it. */
  read(r: ProtoReader, wire: WireType, obj: Obj): void;
}

/** The protobuf layout of one struct. */
export interface MessagePlan {
  readonly name: string;
  readonly entries: readonly Entry[];
  readonly byNum: readonly (Entry | undefined)[];
  /** Required fields materialised with their zero value when the wire lacks them. */
  readonly required: readonly { readonly name: string; readonly zero: () => unknown }[];
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasKeys = (o: Obj): boolean => { for (const _ in o) return true; return false; };

const SURROGATE = /[\uD800-\uDFFF]/;

/** Orders map keys as Go's sort.Strings does: by UTF-8 bytes, i.e. by code point. */
function goCompare(a: string, b: string): number {
  // UTF-16 order differs from code point order only when surrogate pairs are involved.
  if (SURROGATE.test(a) || SURROGATE.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compiles and caches message plans for structs of one set of shapes. */
export class MessagePlans {
  private readonly plans = new Map<StructShape, MessagePlan>();
  private readonly customs = new Map<CustomShape, ValueCodec>();

  /** `envelope` decodes enveloped objects found inside a RawExtension. */
  constructor(private readonly envelope: (raw: Uint8Array) => unknown) {}

  plan(s: StructShape): MessagePlan {
    const hit = this.plans.get(s);
    if (hit) return hit;
    const entries: Entry[] = [];
    const required: { name: string; zero: () => unknown }[] = [];
    const plan: MessagePlan = { name: s.name, entries, byNum: [], required };
    this.plans.set(s, plan);
    // Fields of structs Go embeds (inline in JSON) live in nested messages: build that tree.
    const nested = new Map<string, { entries: Entry[]; parent: Entry[]; num: number }>();
    const home = (path: readonly number[]): Entry[] => {
      let at = entries;
      for (let i = 0; i < path.length; i++) {
        const key = path.slice(0, i + 1).join('.');
        let node = nested.get(key);
        if (!node) { node = { entries: [], parent: at, num: path[i] ?? 0 }; nested.set(key, node); }
        at = node.entries;
      }
      return at;
    };
    for (const f of s.fields) {
      const n = f.def?.proto ?? 0;
      if (n > 0) home(f.def?.embeddedIn ?? []).push(this.entry(f, n));
      if (f.required && !f.ptr) {
        const zero = this.zeroOf(f.shape);
        if (zero !== undefined) required.push({ name: f.name, zero });
      }
    }
    // Innermost first, so each embedded message is complete before its holder takes it.
    for (const node of [...nested.values()].reverse()) node.parent.push(embedEntry(node.num, sort(node.entries)));
    sort(entries);
    const byNum: (Entry | undefined)[] = [];
    for (const e of entries) byNum[e.num] = e;
    (plan as { byNum: readonly (Entry | undefined)[] }).byNum = byNum;
    return plan;
  }

  /** Writes the fields of struct `s` from `obj` (undefined: Go's zero value). */
  write(w: ProtoWriter, s: StructShape, obj: Obj | undefined): void {
    writeEntries(w, this.plan(s).entries, obj);
  }

  /** Reads a message of struct `s` into `obj`. */
  read(bytes: Uint8Array, s: StructShape, obj: Obj): Obj {
    readEntries(bytes, this.plan(s), obj);
    return obj;
  }

  private zeroOf(shape: Shape): (() => unknown) | undefined {
    // A nil []byte is null in Go's JSON and absent on the wire: nothing to materialise.
    if (shape.kind === 'scalar' && shape.scalar === 'bytes') return undefined;
    if (shape.kind === 'scalar') { const z = SCALAR_CODECS[shape.scalar].zero; return () => z; }
    if (shape.kind === 'struct') return () => ({});
    if (shape.kind === 'custom' && shape.custom === 'IntOrString') return () => 0;
    if (shape.kind === 'custom' && shape.custom === 'Quantity') return () => '0';
    return undefined;
  }

  /** The codec of a value of `shape` (as a list item, map value or single field). */
  codec(shape: Shape): ValueCodec {
    switch (shape.kind) {
      case 'scalar': return SCALAR_CODECS[shape.scalar];
      case 'any': return this.rawCodec ??= rawExtensionCodec(this.envelope);
      case 'struct': return this.structCodec(shape);
      case 'custom': return this.customCodec(shape);
      case 'list':
      case 'map': throw new ProtoEncodeError(`nested ${shape.kind} has no protobuf form`);
    }
  }

  private rawCodec: ValueCodec | undefined;

  private structCodec(s: StructShape): ValueCodec {
    return {
      wire: WireType.LengthDelimited, zero: undefined,
      write: (w, n, v) => {
        if (v !== undefined && !isObj(v)) throw new ProtoEncodeError(`${s.name}: expected an object`);
        const m = w.begin(n);
        this.write(w, s, v);
        w.end(m);
      },
      read: (r) => this.read(r.bytes(), s, {}),
      isZero: (v) => !hasKeys(v as Obj),
    };
  }

  private customCodec(c: CustomShape): ValueCodec {
    const hit = this.customs.get(c);
    if (hit) return hit;
    let codec: ValueCodec;
    switch (c.custom) {
      case 'Time': codec = TIME_CODEC; break;
      case 'MicroTime': codec = MICROTIME_CODEC; break;
      case 'Duration': codec = DURATION_CODEC; break;
      case 'Quantity': codec = QUANTITY_CODEC; break;
      case 'IntOrString': codec = INT_OR_STRING_CODEC; break;
      case 'FieldsV1': codec = FIELDS_V1_CODEC; break;
      case 'RawExtension':
      case 'JSON': codec = this.codec({ kind: 'any', name: c.name }); break;
      default: codec = this.unionCodec(c);
    }
    this.customs.set(c, codec);
    return codec;
  }

  /** JSONSchemaPropsOrArray {schema=1, jSONSchemas=2}, OrBool {allows=1, schema=2}, OrStringArray {schema=1, property=2}. */
  private unionCodec(c: CustomShape): ValueCodec {
    const schema = c.schema;
    if (!schema) throw new ProtoEncodeError(`${c.name}: union without a schema`);
    const sc = this.structCodec(schema);
    const kind = c.custom;
    return {
      wire: WireType.LengthDelimited, zero: undefined,
      write: (w, n, v) => {
        const m = w.begin(n);
        if (kind === 'JSONSchemaPropsOrBool') {
          w.tag(1, WireType.Varint).bool(isObj(v) ? true : v === true);
          if (isObj(v)) sc.write(w, 2, v);
        } else if (Array.isArray(v)) {
          for (const x of v) {
            if (kind === 'JSONSchemaPropsOrArray') sc.write(w, 2, x);
            else SCALAR_CODECS.string.write(w, 2, x);
          }
        } else if (isObj(v)) sc.write(w, 1, v);
        w.end(m);
      },
      read: (r) => {
        let obj: unknown, allows = false;
        const list: unknown[] = [];
        readMessage(r.bytes(), (f, wire, rr) => {
          if (kind === 'JSONSchemaPropsOrBool') {
            if (f === 1) allows = rr.bool();
            else if (f === 2) obj = sc.read(rr, wire);
            else rr.skip(wire);
          } else if (f === 1) obj = sc.read(rr, wire);
          else if (f === 2) list.push(kind === 'JSONSchemaPropsOrArray' ? sc.read(rr, wire) : rr.string());
          else rr.skip(wire);
        });
        if (kind === 'JSONSchemaPropsOrBool') return obj ?? allows;
        return list.length ? list : obj;
      },
      isZero: (v) => v === undefined,
    };
  }

  /** The entry for JSON field `f` at protobuf number `n`. */
  private entry(f: FieldShape, n: number): Entry {
    const name = f.name;
    const shape = f.shape;
    if (shape.kind === 'list') return listEntry(n, name, this.codec(shape.item));
    if (shape.kind === 'map') {
      const v = shape.value;
      const codec = v.kind === 'list' ? wrapperCodec(this.codec(v.item)) : this.codec(v);
      return mapEntry(n, name, codec);
    }
    const codec = this.codec(shape);
    const keepZero = f.ptr || f.required;
    // Go writes a []byte only when it is non-nil; JSON "" decodes to a non-nil empty slice.
    const presenceOnly = f.ptr || (shape.kind === 'scalar' && shape.scalar === 'bytes');
    return {
      num: n, name,
      write: presenceOnly
        ? (w, obj) => { const v = obj?.[name]; if (v !== undefined && v !== null) codec.write(w, n, v); }
        : (w, obj) => { const v = obj?.[name]; codec.write(w, n, v === null ? undefined : v); },
      read: (r, wire, obj) => {
        const v = codec.read(r, wire);
        if (v !== undefined && (keepZero || !codec.isZero(v))) obj[name] = v;
        // A repeated occurrence of a field replaces the earlier one, even with a zero value.
        else if (!keepZero && name in obj) delete obj[name];
      },
    };
  }
}

function sort(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => a.num - b.num);
}

function writeEntries(w: ProtoWriter, entries: readonly Entry[], obj: Obj | undefined): void {
  for (const e of entries) e.write(w, obj);
}

function readEntries(bytes: Uint8Array, plan: { readonly byNum: readonly (Entry | undefined)[]; readonly required?: MessagePlan['required'] }, obj: Obj): void {
  readMessage(bytes, (f, wire, r) => {
    const e = plan.byNum[f];
    if (e) e.read(r, wire, obj);
    else r.skip(wire);
  });
  if (plan.required) for (const q of plan.required) if (!(q.name in obj)) obj[q.name] = q.zero();
}

/** An embedded Go struct: a nested message whose fields live in the outer JSON object. */
function embedEntry(at: number, sub: readonly Entry[]): Entry {
  const byNum: (Entry | undefined)[] = [];
  for (const e of sub) byNum[e.num] = e;
  return {
    num: at, name: '',
    write: (w, obj) => { const m = w.begin(at); writeEntries(w, sub, obj); w.end(m); },
    read: (r, _wire, obj) => readEntries(r.bytes(), { byNum }, obj),
  };
}

/** Repeated fields: one field per element; packed numeric lists are accepted when reading. */
function listEntry(n: number, name: string, codec: ValueCodec): Entry {
  const packable = codec.wire !== WireType.LengthDelimited;
  return {
    num: n, name,
    write: (w, obj) => {
      const v = obj?.[name];
      if (v === undefined || v === null) return;
      if (!Array.isArray(v)) throw new ProtoEncodeError(`${name}: expected an array`);
      for (const x of v) codec.write(w, n, x === null ? undefined : x);
    },
    read: (r, wire, obj) => {
      const list = (obj[name] ??= []) as unknown[];
      if (packable && wire === WireType.LengthDelimited) {
        readPacked(r.bytes(), codec, list);
        return;
      }
      const v = codec.read(r, wire);
      list.push(v === undefined ? codec.zero ?? null : v);
    },
  };
}

function readPacked(bytes: Uint8Array, codec: ValueCodec, into: unknown[]): void {
  const r = new ProtoReader(bytes);
  while (!r.done) into.push(codec.read(r, codec.wire));
}

/** Maps: entries {key = 1, value = 2}, written in Go's sorted key order. */
function mapEntry(n: number, name: string, codec: ValueCodec): Entry {
  return {
    num: n, name,
    write: (w, obj) => {
      const v = obj?.[name];
      if (v === undefined || v === null) return;
      if (!isObj(v)) throw new ProtoEncodeError(`${name}: expected an object`);
      for (const k of Object.keys(v).sort(goCompare)) {
        const m = w.begin(n);
        w.tag(1, WireType.LengthDelimited).string(k);
        const x = v[k];
        codec.write(w, 2, x === null ? undefined : x);
        w.end(m);
      }
    },
    read: (r, _wire, obj) => {
      let key = '', value: unknown;
      readMessage(r.bytes(), (f, wire, rr) => {
        if (f === 1) key = rr.string();
        else if (f === 2) value = codec.read(rr, wire);
        else rr.skip(wire);
      });
      const map = (obj[name] ??= {}) as Obj;
      map[key] = value === undefined ? codec.zero ?? {} : value;
    },
  };
}

/** A list held as a map value: Kubernetes wraps it in a message {repeated items = 1}. */
function wrapperCodec(item: ValueCodec): ValueCodec {
  return {
    wire: WireType.LengthDelimited, zero: [],
    write: (w, n, v) => {
      const m = w.begin(n);
      if (Array.isArray(v)) for (const x of v) item.write(w, 1, x);
      w.end(m);
    },
    read: (r) => {
      const out: unknown[] = [];
      readMessage(r.bytes(), (f, wire, rr) => { if (f === 1) out.push(item.read(rr, wire)); else rr.skip(wire); });
      return out;
    },
    isZero: (v) => Array.isArray(v) && v.length === 0,
  };
}
