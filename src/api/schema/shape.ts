/**
 * @module Shapes: the catalog's definitions compiled once into a resolved, cyclic graph that the
 * codecs walk (strict decoding, protobuf, merge metadata). A shape knows its JSON form only;
 * protobuf layout is added by protobuf/plan.ts. CRD schemas compile to the same shapes
 * (json-schema-shape.ts), so every consumer works for both.
 */
import type { Catalog } from './catalog.js';
import type { CustomEncoding, Definition, FieldDef, Scalar, TypeRef } from './types.js';

export interface ScalarShape { readonly kind: 'scalar'; readonly scalar: Scalar }
export interface ListShape { readonly kind: 'list'; readonly item: Shape }
export interface MapShape { readonly kind: 'map'; readonly value: Shape }
/** Any JSON value (RawExtension, apiextensions JSON, CRD fields that preserve unknown fields). */
export interface AnyShape { readonly kind: 'any'; readonly name: string }
/** A type with its own JSON and protobuf encoding (see CustomEncoding). */
export interface CustomShape {
  readonly kind: 'custom';
  readonly custom: CustomEncoding;
  readonly name: string;
  /** For the JSONSchemaProps unions: the schema struct they can hold. */
  readonly schema?: StructShape;
}

export interface FieldShape {
  readonly name: string;
  readonly shape: Shape;
  readonly ptr: boolean;
  readonly required: boolean;
  /** null is a value of its own (CRD `nullable: true`); otherwise null means unset. */
  readonly nullable?: boolean;
  /** The catalog's field (merge metadata, protobuf number, description); absent for CRD fields. */
  readonly def?: FieldDef;
}

export interface StructShape {
  readonly kind: 'struct';
  /** Definition name (io.k8s.api.core.v1.Pod), or a CRD-local name. */
  readonly name: string;
  readonly fields: readonly FieldShape[];
  readonly byName: ReadonlyMap<string, FieldShape>;
  /** Keeps fields it does not declare (x-kubernetes-preserve-unknown-fields). */
  readonly preserveUnknown: boolean;
  /** The catalog definition; absent for CRD schemas. */
  readonly def?: Definition;
}

export type Shape = ScalarShape | ListShape | MapShape | AnyShape | CustomShape | StructShape;

const SCALARS = new Map<Scalar, ScalarShape>(
  (['string', 'boolean', 'int32', 'int64', 'double', 'bytes'] as const).map((s) => [s, { kind: 'scalar', scalar: s }]),
);

/** The shared shape of a scalar. */
export function scalarShape(s: Scalar): ScalarShape {
  return SCALARS.get(s) as ScalarShape;
}

/** Builds a struct shape whose fields are filled in later (for recursive types). */
export function newStruct(name: string, opts: { preserveUnknown?: boolean; def?: Definition } = {}): StructShape & { fields: FieldShape[]; byName: Map<string, FieldShape> } {
  const s = { kind: 'struct' as const, name, fields: [] as FieldShape[], byName: new Map<string, FieldShape>(), preserveUnknown: opts.preserveUnknown ?? false };
  return opts.def ? { ...s, def: opts.def } : s;
}

/** Adds a field to a struct built with newStruct. */
export function addField(s: { fields: FieldShape[]; byName: Map<string, FieldShape> }, f: FieldShape): void {
  s.fields.push(f);
  s.byName.set(f.name, f);
}

const UNIONS: ReadonlySet<CustomEncoding> = new Set(['JSONSchemaPropsOrArray', 'JSONSchemaPropsOrBool', 'JSONSchemaPropsOrStringArray']);

/** Shapes of one catalog, compiled on demand and cached. */
export class Shapes {
  private readonly cache = new Map<string, StructShape | CustomShape | AnyShape>();

  constructor(readonly catalog: Catalog) {}

  /** The shape of a definition by full name; throws for an unknown name. */
  of(name: string): StructShape | CustomShape | AnyShape {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const def = this.catalog.definitions.get(name);
    if (!def) throw new Error(`schema: no definition named ${name}`);
    if (def.custom) return this.custom(def, def.custom);
    const s = newStruct(name, { preserveUnknown: def.preserveUnknownFields ?? false, def });
    this.cache.set(name, s);
    for (const f of def.fields) {
      addField(s, { name: f.name, shape: this.ref(f.type), ptr: f.ptr ?? false, required: f.required ?? false, def: f });
    }
    return s;
  }

  /** The struct shape of a definition; throws when it is not a struct. */
  struct(name: string): StructShape {
    const s = this.of(name);
    if (s.kind !== 'struct') throw new Error(`schema: ${name} is not a struct`);
    return s;
  }

  /** The shape of a catalog type reference. */
  ref(t: TypeRef): Shape {
    if ('scalar' in t) return scalarShape(t.scalar);
    if ('list' in t) return { kind: 'list', item: this.ref(t.list) };
    if ('map' in t) return { kind: 'map', value: this.ref(t.map) };
    return this.of(t.ref);
  }

  private custom(def: Definition, custom: CustomEncoding): CustomShape | AnyShape {
    if (custom === 'RawExtension' || custom === 'JSON') {
      const a: AnyShape = { kind: 'any', name: def.name };
      this.cache.set(def.name, a);
      return a;
    }
    if (!UNIONS.has(custom)) {
      const c: CustomShape = { kind: 'custom', custom, name: def.name };
      this.cache.set(def.name, c);
      return c;
    }
    // The unions hold a JSONSchemaProps of the same package; register before resolving (it is recursive).
    const c: { -readonly [K in keyof CustomShape]: CustomShape[K] } = { kind: 'custom', custom, name: def.name };
    this.cache.set(def.name, c);
    c.schema = this.struct(def.name.replace(/Or(Array|Bool|StringArray)$/, ''));
    return c;
  }
}

const perCatalog = new WeakMap<Catalog, Shapes>();

/** The (cached) shapes of a catalog. */
export function shapesOf(catalog: Catalog): Shapes {
  let s = perCatalog.get(catalog);
  if (!s) { s = new Shapes(catalog); perCatalog.set(catalog, s); }
  return s;
}

/** Formats a path as Kubernetes prints field paths: `spec.containers[0].name`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${p}` : p;
  }
  return out;
}
