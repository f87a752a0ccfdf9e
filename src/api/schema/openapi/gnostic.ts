/**
 * @module The OpenAPI v2 document as protobuf: gnostic's openapi.v2.Document
 * (`application/com.github.proto-openapi.spec.v2.v1.0+protobuf`), which is the only form kubectl
 * 1.27 and 1.28 accept. Encodes the parts our JSON document uses: info, paths with operations,
 * parameters and responses, definitions (properties, types, formats, references, required,
 * descriptions, enums) and vendor extensions (as NamedAny whose Any carries the value as YAML).
 * Field numbers are gnostic's (google/gnostic openapiv2/OpenAPIv2.proto); proto3, so empty
 * strings, false and zero are left out.
 */
import { stringify } from 'yaml';
import { ProtoWriter, WireType } from '../../../base/protowire.js';
import type { Json } from './schemas.js';

export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(w: ProtoWriter, n: number, v: unknown): void {
  if (typeof v === 'string' && v !== '') w.tag(n, WireType.LengthDelimited).string(v);
}
function bool(w: ProtoWriter, n: number, v: unknown): void {
  if (v === true) w.tag(n, WireType.Varint).bool(true);
}
function int(w: ProtoWriter, n: number, v: unknown): void {
  if (typeof v === 'number' && v !== 0) w.tag(n, WireType.Varint).varint(Math.trunc(v));
}
function dbl(w: ProtoWriter, n: number, v: unknown): void {
  if (typeof v === 'number' && v !== 0) w.tag(n, WireType.Fixed64).double(v);
}
function strs(w: ProtoWriter, n: number, v: unknown): void {
  if (Array.isArray(v)) for (const s of v) if (typeof s === 'string') w.tag(n, WireType.LengthDelimited).string(s);
}
function msg(w: ProtoWriter, n: number, body: () => void): void {
  const m = w.begin(n);
  body();
  w.end(m);
}

/** Any {yaml = 2}: a value as YAML text. */
function any(w: ProtoWriter, n: number, v: unknown): void {
  msg(w, n, () => str(w, 2, stringify(v)));
}

/** Vendor extensions (x-*) as repeated NamedAny {name = 1, value = 2}. */
function extensions(w: ProtoWriter, n: number, o: Json): void {
  for (const [k, v] of Object.entries(o)) {
    if (k.startsWith('x-')) msg(w, n, () => { str(w, 1, k); any(w, 2, v); });
  }
}

/** Schema: the JSON-schema subset Kubernetes definitions use. */
function schema(w: ProtoWriter, s: Json): void {
  str(w, 1, s['$ref']);
  str(w, 2, s['format']);
  str(w, 3, s['title']);
  str(w, 4, s['description']);
  if (s['default'] !== undefined) any(w, 5, s['default']);
  dbl(w, 6, s['multipleOf']);
  dbl(w, 7, s['maximum']);
  bool(w, 8, s['exclusiveMaximum']);
  dbl(w, 9, s['minimum']);
  bool(w, 10, s['exclusiveMinimum']);
  int(w, 11, s['maxLength']);
  int(w, 12, s['minLength']);
  str(w, 13, s['pattern']);
  int(w, 14, s['maxItems']);
  int(w, 15, s['minItems']);
  bool(w, 16, s['uniqueItems']);
  int(w, 17, s['maxProperties']);
  int(w, 18, s['minProperties']);
  strs(w, 19, s['required']);
  if (Array.isArray(s['enum'])) for (const e of s['enum']) any(w, 20, e);
  const ap = s['additionalProperties'];
  if (isObj(ap)) msg(w, 21, () => msg(w, 1, () => schema(w, ap)));
  else if (typeof ap === 'boolean') msg(w, 21, () => w.tag(2, WireType.Varint).bool(ap));
  if (typeof s['type'] === 'string') msg(w, 22, () => str(w, 1, s['type']));
  const items = s['items'];
  if (isObj(items)) msg(w, 23, () => msg(w, 1, () => schema(w, items)));
  if (Array.isArray(s['allOf'])) for (const a of s['allOf']) if (isObj(a)) msg(w, 24, () => schema(w, a));
  const props = s['properties'];
  if (isObj(props)) msg(w, 25, () => named(w, 1, props, (v) => schema(w, v)));
  bool(w, 27, s['readOnly']);
  extensions(w, 31, s);
}

/** Repeated Named* {name = 1, value = 2} from an object's entries. */
function named(w: ProtoWriter, n: number, o: Json, value: (v: Json) => void): void {
  for (const [k, v] of Object.entries(o)) {
    if (isObj(v)) msg(w, n, () => { str(w, 1, k); msg(w, 2, () => value(v)); });
  }
}

/** A parameter: BodyParameter, or a query/path NonBodyParameter sub-schema. */
function parameter(w: ProtoWriter, p: Json): void {
  msg(w, 1, () => {
    if (p['in'] === 'body') {
      msg(w, 1, () => {
        str(w, 1, p['description']); str(w, 2, p['name']); str(w, 3, p['in']); bool(w, 4, p['required']);
        if (isObj(p['schema'])) msg(w, 5, () => schema(w, p['schema'] as Json));
      });
      return;
    }
    const isPath = p['in'] === 'path';
    msg(w, 2, () => msg(w, isPath ? 4 : 3, () => {
      bool(w, 1, p['required']); str(w, 2, p['in']); str(w, 3, p['description']); str(w, 4, p['name']);
      if (isPath) { str(w, 5, p['type']); str(w, 6, p['format']); bool(w, 19, p['uniqueItems']); } else { str(w, 6, p['type']); str(w, 7, p['format']); bool(w, 20, p['uniqueItems']); }
    }));
  });
}

function operation(w: ProtoWriter, o: Json): void {
  strs(w, 1, o['tags']);
  str(w, 2, o['summary']);
  str(w, 3, o['description']);
  str(w, 5, o['operationId']);
  strs(w, 6, o['produces']);
  strs(w, 7, o['consumes']);
  if (Array.isArray(o['parameters'])) for (const p of o['parameters']) if (isObj(p)) msg(w, 8, () => parameter(w, p));
  const responses = o['responses'];
  if (isObj(responses)) {
    msg(w, 9, () => named(w, 1, responses, (r) => msg(w, 1, () => {
      str(w, 1, r['description']);
      if (isObj(r['schema'])) msg(w, 2, () => msg(w, 1, () => schema(w, r['schema'] as Json)));
    })));
  }
  strs(w, 10, o['schemes']);
  bool(w, 11, o['deprecated']);
  extensions(w, 13, o);
}

const METHODS: readonly [string, number][] = [['get', 2], ['put', 3], ['post', 4], ['delete', 5], ['options', 6], ['head', 7], ['patch', 8]];

function pathItem(w: ProtoWriter, p: Json): void {
  for (const [m, n] of METHODS) if (isObj(p[m])) msg(w, n, () => operation(w, p[m] as Json));
  if (Array.isArray(p['parameters'])) for (const q of p['parameters']) if (isObj(q)) msg(w, 9, () => parameter(w, q));
  extensions(w, 10, p);
}

/** Encodes a v2 (swagger) JSON document as a gnostic openapi.v2.Document. */
export function gnosticDocument(doc: Json): Uint8Array {
  const w = new ProtoWriter(1 << 20);
  str(w, 1, doc['swagger']);
  const info = doc['info'];
  if (isObj(info)) msg(w, 2, () => { str(w, 1, info['title']); str(w, 2, info['version']); str(w, 3, info['description']); });
  const paths = doc['paths'];
  if (isObj(paths)) msg(w, 8, () => named(w, 2, paths, (p) => pathItem(w, p)));
  const defs = doc['definitions'];
  if (isObj(defs)) msg(w, 9, () => named(w, 1, defs, (s) => schema(w, s)));
  if (Array.isArray(doc['security'])) {
    for (const req of doc['security']) {
      if (isObj(req)) msg(w, 12, () => named(w, 1, Object.fromEntries(Object.entries(req).map(([k, v]) => [k, { v }])), (x) => strs(w, 1, x['v'])));
    }
  }
  const sec = doc['securityDefinitions'];
  if (isObj(sec)) {
    // Only API-key schemes (bearer tokens) are emitted: SecurityDefinitionsItem.api_key_security = 2.
    msg(w, 13, () => named(w, 1, sec, (s) => msg(w, 2, () => { str(w, 1, s['type']); str(w, 2, s['name']); str(w, 3, s['in']); str(w, 4, s['description']); })));
  }
  extensions(w, 16, doc);
  return w.finish();
}
