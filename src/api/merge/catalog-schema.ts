/**
 * @module Merge nodes for the built-in kinds, read from the schema catalog's merge metadata
 * (patch strategies and merge keys, list and map types). Compiled lazily and cached per
 * definition, so recursive types (JSONSchemaProps) resolve without looping.
 */
import { catalog, type Catalog } from '../schema/catalog.js';
import type { Definition, FieldDef, TypeRef } from '../schema/types.js';
import {
  SCALAR, UNTYPED, listSemantics, type MergeField, type MergeNode, type StructNode,
} from './schema.js';

const SCALAR_CUSTOM = new Set(['Time', 'MicroTime', 'Quantity', 'IntOrString']);

/** Builds merge nodes from one catalog; each definition is compiled once. */
export class CatalogMergeSchema {
  private readonly structs = new Map<string, MergeNode>();

  constructor(private readonly cat: Catalog = catalog()) {}

  /** The node of the top-level kind, or undefined when the catalog does not know it. */
  forKind(group: string, version: string, kind: string): MergeNode | undefined {
    const def = this.cat.definitionFor(group, version, kind);
    return def ? this.definition(def.name) : undefined;
  }

  /** The node of a definition by full name (untyped when unknown). */
  definition(name: string): MergeNode {
    const hit = this.structs.get(name);
    if (hit) return hit;
    const def = this.cat.definitions.get(name);
    const node = def ? this.compile(def) : UNTYPED;
    this.structs.set(name, node);
    return node;
  }

  private compile(def: Definition): MergeNode {
    if (def.custom) return SCALAR_CUSTOM.has(def.custom) ? SCALAR : UNTYPED;
    let fields: Map<string, MergeField> | undefined;
    const all = () => (fields ??= new Map(def.fields.map((f) => [f.name, this.field(f)])));
    const node: StructNode = {
      kind: 'struct',
      name: def.name,
      atomic: def.mapType === 'atomic',
      preserveUnknown: def.preserveUnknownFields === true,
      field: (name: string) => all().get(name),
      fields: () => [...all().values()],
    };
    return node;
  }

  private field(f: FieldDef): MergeField {
    const out: { -readonly [K in keyof MergeField]: MergeField[K] } = { name: f.name, node: this.typeNode(f.type, f) };
    if (f.patchStrategy) out.patchStrategy = f.patchStrategy;
    if (f.patchMergeKey) out.patchMergeKey = f.patchMergeKey;
    if (f.default !== undefined) out.default = f.default;
    if (f.ptr) out.ptr = true;
    if (f.required) out.required = true;
    return out;
  }

  /** The node for a field's type; list and map annotations sit on the field that holds them. */
  private typeNode(t: TypeRef, f?: FieldDef): MergeNode {
    if ('scalar' in t) return SCALAR;
    if ('list' in t) {
      const sem = listSemantics({ listType: f?.listType, listMapKeys: f?.listMapKeys, patchStrategy: f?.patchStrategy, patchMergeKey: f?.patchMergeKey });
      return { kind: 'list', item: this.typeNode(t.list), listType: sem.listType, keys: sem.keys };
    }
    if ('map' in t) return { kind: 'map', value: this.typeNode(t.map), atomic: f?.mapType === 'atomic' };
    const node = this.definition(t.ref);
    // A field may mark a struct atomic even where the definition itself does not.
    if (f?.mapType === 'atomic' && node.kind === 'struct' && !node.atomic) return { ...node, atomic: true, field: (n: string) => node.field(n), fields: () => node.fields() };
    return node;
  }
}

let shared: CatalogMergeSchema | undefined;

/** The merge schema of the built-in catalog, shared process-wide. */
export function builtinMergeSchema(): CatalogMergeSchema {
  shared ??= new CatalogMergeSchema();
  return shared;
}
