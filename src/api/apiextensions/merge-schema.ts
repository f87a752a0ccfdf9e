/**
 * @module Merge nodes (server-side apply semantics) for custom resources, read from a CRD
 * version's structural schema: x-kubernetes-list-type and list-map-keys, x-kubernetes-map-type,
 * preserved unknown fields as untyped, int-or-string as a scalar; apiVersion, kind and metadata
 * at the root (and in embedded resources) typed as for built-in objects.
 */
import { builtinMergeSchema } from '../merge/catalog-schema.js';
import {
  SCALAR, UNTYPED, type MergeField, type MergeNode, type StructNode,
} from '../merge/schema.js';
import { additionalOf, isEmbedded, isIntOrString, itemsOf, preservesUnknown, type JSONSchemaProps } from './json-schema.js';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** The merge node of a CRD version's schema (the object root). */
export function mergeNodeFor(schema: JSONSchemaProps | undefined): MergeNode {
  return node(schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, true);
}

function node(s: JSONSchemaProps, resourceRoot: boolean): MergeNode {
  if (isIntOrString(s)) return SCALAR;
  const type = s.type ?? (s.properties ? 'object' : undefined);
  if (type === 'array') {
    const items = itemsOf(s);
    const lt = s['x-kubernetes-list-type'] ?? 'atomic';
    return {
      kind: 'list',
      item: items ? node(items, false) : UNTYPED,
      listType: lt === 'set' || lt === 'map' ? lt : 'atomic',
      keys: lt === 'map' ? s['x-kubernetes-list-map-keys'] ?? [] : [],
    };
  }
  if (type !== 'object') return type ? SCALAR : UNTYPED;
  const atomic = s['x-kubernetes-map-type'] === 'atomic';
  const extra = additionalOf(s);
  if (!s.properties && extra) return { kind: 'map', value: node(extra, false), atomic };
  if (!s.properties && !resourceRoot && !isEmbedded(s)) return preservesUnknown(s) ? UNTYPED : { kind: 'map', value: UNTYPED, atomic };
  return struct(s, resourceRoot || isEmbedded(s), atomic);
}

function struct(s: JSONSchemaProps, withTypeMeta: boolean, atomic: boolean): StructNode {
  let fields: Map<string, MergeField> | undefined;
  const all = () => {
    if (fields) return fields;
    fields = new Map();
    if (withTypeMeta) {
      fields.set('apiVersion', { name: 'apiVersion', node: SCALAR });
      fields.set('kind', { name: 'kind', node: SCALAR });
      fields.set('metadata', { name: 'metadata', node: builtinMergeSchema().definition(OBJECT_META), ptr: true });
    }
    const required = new Set(s.required ?? []);
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const f: { -readonly [K in keyof MergeField]: MergeField[K] } = { name, node: node(prop, false) };
      if (prop.default !== undefined) f.default = prop.default;
      // Custom objects are unstructured upstream: nothing exists in their zero object.
      f.ptr = true;
      if (required.has(name)) f.required = true;
      fields.set(name, f);
    }
    return fields;
  };
  return {
    kind: 'struct',
    name: 'custom',
    atomic,
    preserveUnknown: preservesUnknown(s),
    field: (n) => all().get(n),
    fields: () => [...all().values()],
  };
}
