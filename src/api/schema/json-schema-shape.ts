/**
 * @module Shapes from OpenAPI v3 (structural) schemas, such as a CRD version's openAPIV3Schema,
 * so that strict decoding and the merge metadata work for custom resources as for built-ins.
 * The root gets apiVersion, kind and a catalog ObjectMeta, as kube-apiserver treats every custom
 * resource; embedded resources (x-kubernetes-embedded-resource) get the same three fields.
 */
import type { Catalog } from './catalog.js';
import type { Definition, FieldDef, ListType, MapType, PatchStrategy } from './types.js';
import { addField, newStruct, scalarShape, shapesOf, type FieldShape, type Shape, type StructShape } from './shape.js';

type Json = { readonly [k: string]: unknown };
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** FieldDef-like merge metadata read from the schema's x-kubernetes-* extensions. */
function fieldDef(name: string, s: Json, required: boolean): FieldDef {
  const d: { -readonly [K in keyof FieldDef]?: FieldDef[K] } = { name, type: { scalar: 'string' }, proto: 0, doc: typeof s['description'] === 'string' ? s['description'] : '' };
  if (required) d.required = true;
  const listType = s['x-kubernetes-list-type'], keys = s['x-kubernetes-list-map-keys'], mapType = s['x-kubernetes-map-type'];
  if (listType === 'atomic' || listType === 'set' || listType === 'map') d.listType = listType as ListType;
  if (Array.isArray(keys)) d.listMapKeys = keys.filter((k): k is string => typeof k === 'string');
  if (mapType === 'atomic' || mapType === 'granular') d.mapType = mapType as MapType;
  if (typeof s['x-kubernetes-patch-strategy'] === 'string') d.patchStrategy = s['x-kubernetes-patch-strategy'] as PatchStrategy;
  if (typeof s['x-kubernetes-patch-merge-key'] === 'string') d.patchMergeKey = s['x-kubernetes-patch-merge-key'];
  return d as FieldDef;
}

class Compiler {
  private count = 0;

  constructor(private readonly name: string, private readonly cat: Catalog) {}

  private objectMeta(): Shape {
    return shapesOf(this.cat).struct(OBJECT_META);
  }

  /** A struct with the schema's properties (plus apiVersion/kind/metadata for resources). */
  struct(s: Json, resource: boolean): StructShape {
    const mapType = s['x-kubernetes-map-type'];
    const def: Definition = { name: `${this.name}#${this.count++}`, doc: '', fields: [], ...(mapType === 'atomic' ? { mapType: 'atomic' as const } : {}) };
    const st = newStruct(def.name, { preserveUnknown: s['x-kubernetes-preserve-unknown-fields'] === true, def });
    const required = new Set(Array.isArray(s['required']) ? s['required'] : []);
    const props = isObj(s['properties']) ? s['properties'] : {};
    if (resource) {
      addField(st, { name: 'apiVersion', shape: scalarShape('string'), ptr: false, required: false });
      addField(st, { name: 'kind', shape: scalarShape('string'), ptr: false, required: false });
      addField(st, { name: 'metadata', shape: this.objectMeta(), ptr: false, required: false });
    }
    for (const [name, p] of Object.entries(props)) {
      if (!isObj(p) || (resource && (name === 'apiVersion' || name === 'kind' || name === 'metadata'))) continue;
      const f: FieldShape = { name, shape: this.node(p), ptr: false, required: required.has(name), def: fieldDef(name, p, required.has(name)), ...(p['nullable'] === true ? { nullable: true } : {}) };
      addField(st, f);
    }
    return st;
  }

  node(s: Json): Shape {
    if (s['x-kubernetes-int-or-string'] === true) return { kind: 'custom', custom: 'IntOrString', name: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString' };
    if (s['x-kubernetes-embedded-resource'] === true) return this.struct(s, true);
    switch (s['type']) {
      case 'object': {
        const ap = s['additionalProperties'];
        if (!isObj(s['properties']) && isObj(ap)) return { kind: 'map', value: this.node(ap) };
        if (!isObj(s['properties']) && (ap === true || s['x-kubernetes-preserve-unknown-fields'] === true)) return { kind: 'any', name: '' };
        return this.struct(s, false);
      }
      case 'array': return { kind: 'list', item: isObj(s['items']) ? this.node(s['items']) : { kind: 'any', name: '' } };
      case 'string': return scalarShape('string');
      case 'integer': return scalarShape('int64');
      case 'number': return scalarShape('double');
      case 'boolean': return scalarShape('boolean');
      default: return { kind: 'any', name: '' };
    }
  }
}

/**
 * The shape of a custom resource from its version's openAPIV3Schema. `name` labels the shapes
 * (e.g. `com.example.v1.Gadget`); ObjectMeta comes from `cat`.
 */
export function shapeFromJsonSchema(schema: unknown, name: string, cat: Catalog): StructShape {
  return new Compiler(name, cat).struct(isObj(schema) ? schema : {}, true);
}
