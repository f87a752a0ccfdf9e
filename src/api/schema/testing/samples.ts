/**
 * @module Sample objects generated from shapes, for round-trip tests: every field set to a
 * non-zero value of its type (enums take their first value), lists and maps with two entries,
 * recursion through pointers, lists and maps cut off at a depth. Such samples survive
 * JSON → strict decoding → protobuf → JSON unchanged, apart from fields without a protobuf form.
 */
import type { FieldShape, Shape, StructShape } from '../shape.js';

export interface SampleOptions {
  /** How many optional levels (pointers, lists, maps) to expand; default 4. */
  readonly depth?: number;
  /** Leave out fields that have no protobuf number (apiVersion, kind, version.Info). */
  readonly protobufOnly?: boolean;
}

type Obj = Record<string, unknown>;

/** A non-trivial sample of a struct. */
export function sampleStruct(s: StructShape, opts: SampleOptions = {}): Obj {
  return struct(s, opts.depth ?? 4, opts.protobufOnly ?? false, 0);
}

function struct(s: StructShape, depth: number, pbOnly: boolean, salt: number): Obj {
  const out: Obj = {};
  for (const f of s.fields) {
    if (pbOnly && !(f.def && f.def.proto > 0)) continue;
    const optional = f.ptr || f.shape.kind === 'list' || f.shape.kind === 'map' || f.shape.kind === 'any';
    // Go structs cannot nest without a pointer, list or map, so only those need cutting off.
    if (optional && depth <= 0) continue;
    const v = value(f.shape, f, optional ? depth - 1 : depth, pbOnly, salt + Object.keys(out).length);
    // An empty non-pointer struct is Go's zero value, which JSON (and our protobuf decoding) leaves out.
    const empty = f.shape.kind === 'struct' && !f.ptr && !f.required && Object.keys(v as Obj).length === 0;
    if (v !== undefined && !empty) out[f.name] = v;
  }
  return out;
}

function value(shape: Shape, f: FieldShape | undefined, depth: number, pbOnly: boolean, salt: number): unknown {
  switch (shape.kind) {
    case 'scalar':
      switch (shape.scalar) {
        case 'string': return f?.def?.enum?.[0] ?? `${f?.name ?? 'item'}-${salt}`;
        case 'boolean': return true;
        case 'int32': return salt % 2 ? -7 : 7;
        case 'int64': return 2 ** 40 + salt;
        case 'double': return 1.5;
        case 'bytes': return 'AQID';
      }
      break;
    case 'struct': return struct(shape, depth, pbOnly, salt);
    case 'list': {
      if (depth < 0) return undefined;
      const a = value(shape.item, f, depth, pbOnly, 1), b = value(shape.item, f, depth, pbOnly, 2);
      return a === undefined ? undefined : [a, b];
    }
    case 'map': {
      if (depth < 0) return undefined;
      const a = value(shape.value, undefined, depth, pbOnly, 1), b = value(shape.value, undefined, depth, pbOnly, 2);
      return a === undefined ? undefined : { alpha: a, 'beta.example/key': b };
    }
    case 'any': return { kind: 'Anything', list: [1, 'two', { three: true }] };
    case 'custom':
      switch (shape.custom) {
        case 'Time': return '2024-05-06T07:08:09Z';
        case 'MicroTime': return '2024-05-06T07:08:09.123456Z';
        case 'Duration': return '1m30.5s';
        case 'Quantity': return salt % 2 ? '1536Mi' : '250m';
        case 'IntOrString': return salt % 2 ? 'http' : 8080;
        case 'FieldsV1': return { 'f:metadata': { 'f:labels': { '.': {} } } };
        case 'RawExtension':
        case 'JSON': return { kind: 'Anything', list: [1] };
        case 'JSONSchemaPropsOrBool': return true;
        case 'JSONSchemaPropsOrStringArray': return ['a', 'b'];
        case 'JSONSchemaPropsOrArray': return shape.schema && depth > 0 ? struct(shape.schema, depth - 2, pbOnly, salt) : undefined;
      }
  }
  return undefined;
}
