/**
 * @module OpenAPI schemas of catalog definitions, in the two dialects Kubernetes serves: v2
 * (swagger, `#/definitions/`, `$ref` with sibling description) and v3 (`#/components/schemas/`,
 * a `$ref` with siblings wrapped in `allOf`, published defaults). Carries the x-kubernetes-*
 * extensions kubectl and server-side apply read.
 */
import type { Catalog } from '../catalog.js';
import type { Definition, FieldDef, TypeRef } from '../types.js';

export type Json = { [key: string]: unknown };
export type Dialect = 'v2' | 'v3';

const prefix = (d: Dialect) => (d === 'v2' ? '#/definitions/' : '#/components/schemas/');

/** A reference to a definition. */
export function ref(name: string, d: Dialect): Json {
  return { $ref: `${prefix(d)}${name}` };
}

function scalarSchema(t: 'string' | 'boolean' | 'int32' | 'int64' | 'double' | 'bytes'): Json {
  switch (t) {
    case 'string': return { type: 'string' };
    case 'boolean': return { type: 'boolean' };
    case 'int32': return { type: 'integer', format: 'int32' };
    case 'int64': return { type: 'integer', format: 'int64' };
    case 'double': return { type: 'number', format: 'double' };
    case 'bytes': return { type: 'string', format: 'byte' };
  }
}

/** The schema of a type reference (without description). */
export function typeSchema(t: TypeRef, d: Dialect): Json {
  if ('scalar' in t) return scalarSchema(t.scalar);
  if ('list' in t) return { type: 'array', items: typeSchema(t.list, d) };
  if ('map' in t) return { type: 'object', additionalProperties: typeSchema(t.map, d) };
  return ref(t.ref, d);
}

/** The schema of one field: its type plus description, enum, default (v3) and extensions. */
export function fieldSchema(f: FieldDef, d: Dialect): Json {
  const base = typeSchema(f.type, d);
  const extra: Json = {};
  if (f.doc) extra['description'] = f.doc;
  // The v2 document Kubernetes publishes carries no enums; v3 does.
  if (f.enum && d === 'v3') extra['enum'] = [...f.enum];
  if (f.format) extra['format'] = f.format;
  if (d === 'v3' && f.default !== undefined) extra['default'] = f.default;
  if (f.listMapKeys) extra['x-kubernetes-list-map-keys'] = [...f.listMapKeys];
  if (f.listType) extra['x-kubernetes-list-type'] = f.listType;
  if (f.mapType) extra['x-kubernetes-map-type'] = f.mapType;
  if (f.patchMergeKey) extra['x-kubernetes-patch-merge-key'] = f.patchMergeKey;
  if (f.patchStrategy) extra['x-kubernetes-patch-strategy'] = f.patchStrategy;
  // OpenAPI 3.0 ignores the siblings of a $ref; Kubernetes wraps the reference in allOf instead.
  if (d === 'v3' && '$ref' in base) return { allOf: [base], ...extra };
  return { ...base, ...extra };
}

function customSchema(def: Definition, d: Dialect): Json {
  const description = def.doc;
  switch (def.custom) {
    case 'Time':
    case 'MicroTime': return { description, type: 'string', format: 'date-time' };
    case 'Duration': return { description, type: 'string' };
    case 'Quantity':
      return d === 'v3' ? { description, oneOf: [{ type: 'string' }, { type: 'number' }] } : { description, type: 'string' };
    case 'IntOrString':
      return d === 'v3' ? { description, format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] }
        : { description, type: 'string', format: 'int-or-string' };
    case 'RawExtension':
    case 'FieldsV1': return { description, type: 'object' };
    default: return { description };
  }
}

/** The schema of a whole definition. */
export function definitionSchema(def: Definition, d: Dialect): Json {
  if (def.custom) return customSchema(def, d);
  const out: Json = { description: def.doc, type: 'object' };
  if (def.fields.length) {
    const properties: Json = {};
    for (const f of [...def.fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) properties[f.name] = fieldSchema(f, d);
    out['properties'] = properties;
  }
  const required = def.fields.filter((f) => f.required).map((f) => f.name);
  if (required.length) out['required'] = required;
  if (def.gvk?.length) out['x-kubernetes-group-version-kind'] = def.gvk.map((g) => ({ group: g.group, kind: g.kind, version: g.version }));
  if (def.mapType) out['x-kubernetes-map-type'] = def.mapType;
  if (def.preserveUnknownFields) out['x-kubernetes-preserve-unknown-fields'] = true;
  return out;
}

function refsOf(t: TypeRef, into: string[]): void {
  if ('ref' in t) into.push(t.ref);
  else if ('list' in t) refsOf(t.list, into);
  else if ('map' in t) refsOf(t.map, into);
}

/** The names reachable from `roots` through field types (roots included), in a stable order. */
export function reachable(cat: Catalog, roots: Iterable<string>): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    const def = cat.definitions.get(name);
    if (!def) continue;
    seen.add(name);
    const next: string[] = [];
    for (const f of def.fields) refsOf(f.type, next);
    // The JSONSchemaProps unions hold schemas without naming them as fields.
    if (def.custom?.startsWith('JSONSchemaPropsOr')) next.push(name.replace(/Or(Array|Bool|StringArray)$/, ''));
    stack.push(...next);
  }
  return [...seen].sort();
}
