/**
 * @module Compares the catalog with the official Kubernetes v1.33 API description (swagger.json
 * and the generated.proto files in ../shared/reference/kubernetes-v1.33). Reads the reference
 * only to check facts; nothing from it is copied into the project.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog.js';
import type { Definition, FieldDef, TypeRef } from '../types.js';

/** Group-versions k3ts serves, as they appear in definition names (`<pkg>.<version>`). */
export const SERVED = new Set([
  'core.v1', 'apps.v1', 'batch.v1', 'autoscaling.v1', 'autoscaling.v2', 'policy.v1', 'networking.v1',
  'discovery.v1', 'rbac.v1', 'storage.v1', 'coordination.v1', 'scheduling.v1', 'node.v1',
  'certificates.v1', 'events.v1', 'admissionregistration.v1', 'authentication.v1', 'authorization.v1',
  'flowcontrol.v1', 'apiextensions.v1', 'apiregistration.v1',
]);

/** True for reference definitions the catalog must have. */
export function isServed(name: string): boolean {
  if (name.startsWith('io.k8s.apimachinery.')) return true;
  const parts = name.split('.');
  return SERVED.has(`${parts[parts.length - 3]}.${parts[parts.length - 2]}`);
}

type Json = { readonly [k: string]: unknown };

interface ProtoField { readonly name: string; readonly number: number; readonly type: string }

/** message name (reference package form, e.g. api.core.v1.Pod) → its fields. */
function readProtos(dir: string): Map<string, ProtoField[]> {
  const out = new Map<string, ProtoField[]>();
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.proto')) parseProto(readFileSync(p, 'utf8'), out);
    }
  };
  walk(dir);
  return out;
}

function parseProto(text: string, out: Map<string, ProtoField[]>): void {
  const pkg = /^package\s+([\w.]+);/m.exec(text)?.[1] ?? '';
  const lines = text.split('\n');
  let current: ProtoField[] | undefined;
  let depth = 0;
  for (const raw of lines) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const m = /^message\s+(\w+)\s*\{/.exec(line);
    if (m && depth === 0) { current = []; out.set(`${pkg}.${m[1]}`, current); depth = 1; continue; }
    if (line.includes('{')) depth++;
    if (line.includes('}')) { depth--; if (depth === 0) current = undefined; continue; }
    const f = /^(?:optional|repeated|required)?\s*(map<[^>]+>|[\w.]+)\s+(\w+)\s*=\s*(\d+)/.exec(line);
    if (f && current && depth === 1) {
      const type = f[1] ?? '';
      // Message types are relative to the file's package unless qualified.
      current.push({ name: f[2] ?? '', number: Number(f[3]), type: type.includes('.') ? type.replace(/^\./, '') : `${pkg}.${type}` });
    }
  }
}

/** io.k8s.api.core.v1.Pod → api.core.v1.Pod (the reference protos' package naming). */
function protoName(def: string): string {
  return def.replace(/^io\.k8s\./, '').replace('apiextensions-apiserver', 'apiextensions_apiserver').replace('kube-aggregator', 'kube_aggregator');
}

const norm = (s: string) => s.replace(/^\$/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).toLowerCase();

function describe(t: TypeRef): string {
  if ('scalar' in t) return t.scalar;
  if ('ref' in t) return t.ref;
  if ('list' in t) return `[]${describe(t.list)}`;
  return `map[string]${describe(t.map)}`;
}

/** The reference property's type in the catalog's notation. */
function refType(p: Json): string {
  const ref = p['$ref'];
  if (typeof ref === 'string') return ref.replace('#/definitions/', '');
  const type = p['type'];
  const format = p['format'];
  if (type === 'array') return `[]${refType((p['items'] ?? {}) as Json)}`;
  if (type === 'object' && p['additionalProperties']) return `map[string]${refType(p['additionalProperties'] as Json)}`;
  if (type === 'string') return format === 'byte' ? 'bytes' : 'string';
  if (type === 'integer') return format === 'int64' ? 'int64' : 'int32';
  if (type === 'number') return 'double';
  if (type === 'boolean') return 'boolean';
  return String(type ?? 'unknown');
}

export interface Mismatch { readonly where: string; readonly what: string }

export interface ComparisonReport {
  readonly definitionsExpected: number;
  readonly definitionsPresent: number;
  readonly definitionsAgreeing: number;
  readonly fieldsExpected: number;
  readonly fieldsAgreeing: number;
  /** Disagreements on definitions and fields the catalog declares. */
  readonly mismatches: readonly Mismatch[];
  /** Reference definitions the catalog lacks. */
  readonly missing: readonly string[];
}

const same = (a: readonly string[] | undefined, b: unknown): boolean =>
  JSON.stringify(a ?? []) === JSON.stringify(Array.isArray(b) ? b : []);

/** The fields of the protobuf message reached from `fields` by following the field numbers in `path`. */
function embeddedFields(protos: Map<string, ProtoField[]>, fields: ProtoField[], path: readonly number[]): ProtoField[] | undefined {
  let at: ProtoField[] | undefined = fields;
  for (const n of path) {
    const holder: ProtoField | undefined = at?.find((x) => x.number === n);
    at = holder ? protos.get(holder.type) : undefined;
  }
  return at;
}

interface ProtoContext {
  readonly all: Map<string, ProtoField[]>;
  /** The definition's own message. */
  readonly fields: ProtoField[];
  /** Its fields that no JSON property names: embedded structs Go inlines into the JSON. */
  readonly embeds: readonly ProtoField[];
}

function compareProto(where: string, f: FieldDef, proto: ProtoContext, out: Mismatch[]): void {
  const home = f.embeddedIn ? embeddedFields(proto.all, proto.fields, f.embeddedIn) : proto.fields;
  if (!home) { out.push({ where, what: `embeddedIn ${JSON.stringify(f.embeddedIn)} does not lead to a message in the reference` }); return; }
  const pf = home.find((x) => x.name === f.name) ?? home.find((x) => norm(x.name) === norm(f.name));
  const want = pf?.number ?? 0;
  if (f.proto !== want) out.push({ where, what: `protobuf number ${f.proto}, reference has ${want}` });
  if (!pf && !f.embeddedIn && proto.embeds.length > 0 && f.name !== 'apiVersion' && f.name !== 'kind') {
    const e = proto.embeds.map((x) => `${x.name} = ${x.number}`).join(', ');
    out.push({ where, what: `not in the protobuf message, which embeds ${e}: declare embeddedIn` });
  }
}

function compareField(where: string, f: FieldDef, p: Json, requiredInRef: boolean, proto: ProtoContext | undefined, out: Mismatch[]): boolean {
  const before = out.length;
  const want = refType(p);
  const got = describe(f.type);
  if (want !== got) out.push({ where, what: `type ${got}, reference has ${want}` });
  if (Boolean(f.required) !== requiredInRef) out.push({ where, what: `required ${Boolean(f.required)}, reference has ${requiredInRef}` });
  const ext = (k: string) => p[`x-kubernetes-${k}`];
  if ((f.listType ?? undefined) !== ext('list-type')) out.push({ where, what: `list-type ${f.listType}, reference has ${String(ext('list-type'))}` });
  if (!same(f.listMapKeys, ext('list-map-keys'))) out.push({ where, what: `list-map-keys ${JSON.stringify(f.listMapKeys)}, reference has ${JSON.stringify(ext('list-map-keys'))}` });
  if ((f.mapType ?? undefined) !== ext('map-type')) out.push({ where, what: `map-type ${f.mapType}, reference has ${String(ext('map-type'))}` });
  if ((f.patchStrategy ?? undefined) !== ext('patch-strategy')) out.push({ where, what: `patch-strategy ${f.patchStrategy}, reference has ${String(ext('patch-strategy'))}` });
  if ((f.patchMergeKey ?? undefined) !== ext('patch-merge-key')) out.push({ where, what: `patch-merge-key ${f.patchMergeKey}, reference has ${String(ext('patch-merge-key'))}` });
  if (proto) compareProto(where, f, proto, out);
  return out.length === before;
}

function compareDefinition(name: string, ref: Json, def: Definition, protos: Map<string, ProtoField[]>, out: Mismatch[]): { fields: number; agreeing: number; ok: boolean } {
  const before = out.length;
  const props = (ref['properties'] ?? {}) as Record<string, Json>;
  const required = new Set((ref['required'] ?? []) as string[]);
  const names = Object.keys(props);
  const own = protos.get(protoName(name));
  const proto = own && {
    all: protos, fields: own,
    embeds: own.filter((pf) => !names.some((n) => n === pf.name || norm(n) === norm(pf.name))),
  };
  let agreeing = 0;
  for (const fname of names) {
    const f = def.fields.find((x) => x.name === fname);
    if (!f) { out.push({ where: `${name}.${fname}`, what: 'field missing' }); continue; }
    if (compareField(`${name}.${fname}`, f, props[fname] ?? {}, required.has(fname), proto, out)) agreeing++;
  }
  for (const f of def.fields) if (!(f.name in props)) out.push({ where: `${name}.${f.name}`, what: 'field not in the reference' });
  // Compared as group/version/kind strings: the reference sorts object keys, the catalog need not.
  const gvkText = (l: unknown) => (Array.isArray(l) ? l as Json[] : []).map((k) => `${String(k['group'])}/${String(k['version'])}/${String(k['kind'])}`).join(' ');
  const gvk = gvkText(ref['x-kubernetes-group-version-kind']);
  if (gvk !== gvkText(def.gvk)) out.push({ where: name, what: `gvk ${gvkText(def.gvk)}, reference has ${gvk}` });
  if ((def.mapType ?? undefined) !== ref['x-kubernetes-map-type']) out.push({ where: name, what: `map-type ${def.mapType}, reference has ${String(ref['x-kubernetes-map-type'])}` });
  compareEncoding(name, ref, def, out);
  return { fields: names.length, agreeing, ok: out.length === before };
}

/** JSON type and format the reference gives each string-encoded custom type. */
const STRING_ENCODINGS: Readonly<Record<string, string | undefined>> = {
  Time: 'date-time', MicroTime: 'date-time', Quantity: undefined, IntOrString: 'int-or-string',
};

/** A definition the reference describes as a string must be custom-encoded, with the same format. */
function compareEncoding(name: string, ref: Json, def: Definition, out: Mismatch[]): void {
  const isString = ref['type'] === 'string';
  const custom = def.custom;
  if (isString !== (custom !== undefined && custom in STRING_ENCODINGS)) {
    out.push({ where: name, what: `encoding ${custom ?? 'struct'}, reference has type ${String(ref['type'])}` });
  } else if (isString && custom && STRING_ENCODINGS[custom] !== ref['format']) {
    out.push({ where: name, what: `encoding ${custom}, reference has format ${String(ref['format'])}` });
  }
  if (custom && ref['properties']) out.push({ where: name, what: `encoding ${custom}, but the reference lists properties` });
}

/** Compares `cat` with the reference in `dir` (the kubernetes-v1.33 folder). */
export function compareWithReference(cat: Catalog, dir: string): ComparisonReport {
  const swagger = JSON.parse(readFileSync(join(dir, 'swagger.json'), 'utf8')) as { definitions: Record<string, Json> };
  const protos = readProtos(join(dir, 'protos'));
  const mismatches: Mismatch[] = [];
  const missing: string[] = [];
  let expected = 0, present = 0, agreeingDefs = 0, fieldsExpected = 0, fieldsAgreeing = 0;
  for (const [name, ref] of Object.entries(swagger.definitions)) {
    if (!isServed(name)) continue;
    expected++;
    const nFields = Object.keys((ref['properties'] ?? {}) as Json).length;
    fieldsExpected += nFields;
    const def = cat.definitions.get(name);
    if (!def) { missing.push(name); continue; }
    present++;
    const r = compareDefinition(name, ref, def, protos, mismatches);
    fieldsAgreeing += r.agreeing;
    if (r.ok) agreeingDefs++;
  }
  return { definitionsExpected: expected, definitionsPresent: present, definitionsAgreeing: agreeingDefs, fieldsExpected, fieldsAgreeing, mismatches, missing };
}
