/**
 * @module Merge metadata for strategic merge patch and server-side apply: what a field at a path
 * is (its shape and element type) and how it merges (list type and map keys, map type, patch
 * strategy and merge key). Defaults are those of structured-merge-diff: lists without a list type
 * are atomic, maps and structs are granular unless marked atomic.
 */
import { catalog as builtinCatalog, type Catalog } from './catalog.js';
import { shapesOf, type FieldShape, type Shape, type StructShape } from './shape.js';
import type { ListType, MapType, PatchStrategy } from './types.js';

export interface FieldSchema {
  /** The value's shape at the path. */
  readonly shape: Shape;
  /** The struct field reached by the last step (absent for list items, map values and the root). */
  readonly field?: FieldShape;
  /** Lists: x-kubernetes-list-type, 'atomic' when unset. */
  readonly listType?: ListType;
  /** Lists of type 'map': the keys identifying an element. */
  readonly listMapKeys?: readonly string[];
  /** Maps and structs: x-kubernetes-map-type, 'granular' when unset. */
  readonly mapType?: MapType;
  /** x-kubernetes-patch-strategy of the field, when any. */
  readonly patchStrategy?: PatchStrategy;
  /** x-kubernetes-patch-merge-key of the field, when any. */
  readonly patchMergeKey?: string;
  /** Lists: the item shape; maps: the value shape. */
  readonly element?: Shape;
}

type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

/** The merge metadata of a value of `shape`, reached through `field` when given. */
export function describe(shape: Shape, field?: FieldShape): FieldSchema {
  const out: Mutable<FieldSchema> = { shape };
  const d = field?.def;
  if (field) out.field = field;
  if (d?.patchStrategy) out.patchStrategy = d.patchStrategy;
  if (d?.patchMergeKey) out.patchMergeKey = d.patchMergeKey;
  if (shape.kind === 'list') {
    out.element = shape.item;
    out.listType = d?.listType ?? 'atomic';
    if (d?.listMapKeys) out.listMapKeys = d.listMapKeys;
  } else if (shape.kind === 'map') {
    out.element = shape.value;
    out.mapType = d?.mapType ?? 'granular';
  } else if (shape.kind === 'struct') {
    out.mapType = d?.mapType ?? shape.def?.mapType ?? 'granular';
  }
  return out as FieldSchema;
}

/** Splits `spec.containers[0].ports` (or `spec.containers[].ports`) into steps. */
export function parsePath(path: string): (string | number)[] {
  const steps: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d*\])*)$/.exec(part);
    if (!m) { steps.push(part); continue; }
    if (m[1]) steps.push(m[1]);
    for (const idx of (m[2] ?? '').match(/\[(\d*)\]/g) ?? []) steps.push(idx.length > 2 ? Number(idx.slice(1, -1)) : 0);
  }
  return steps;
}

/**
 * One step down: a field of a struct, an element of a list (a number; a name step passes through
 * a list to its elements), a value of a map (any key). Undefined when the step leads nowhere.
 */
export function child(from: FieldSchema, step: string | number): FieldSchema | undefined {
  let shape = from.shape;
  if (shape.kind === 'custom' && shape.schema) shape = shape.schema;
  switch (shape.kind) {
    case 'list': {
      const item = describe(shape.item);
      return typeof step === 'number' ? item : child(item, step);
    }
    case 'map': return describe(shape.value);
    case 'struct': {
      if (typeof step === 'number') return undefined;
      const f = shape.byName.get(step);
      if (f) return describe(f.shape, f);
      return shape.preserveUnknown ? { shape: { kind: 'any', name: '' } } : undefined;
    }
    case 'any': return { shape };
    default: return undefined;
  }
}

/**
 * The merge metadata at `path` below `root` (a struct shape or a definition name of the built-in
 * catalog). Undefined when the path names no field.
 *   fieldSchema('io.k8s.api.core.v1.PodSpec', 'containers') → listType 'map', listMapKeys ['name'],
 *   patchStrategy 'merge', patchMergeKey 'name', element: the Container struct.
 */
export function fieldSchema(root: StructShape | string, path: string | readonly (string | number)[], cat: Catalog = builtinCatalog()): FieldSchema | undefined {
  const shape = typeof root === 'string' ? shapesOf(cat).struct(root) : root;
  let at: FieldSchema | undefined = describe(shape);
  for (const step of typeof path === 'string' ? (path ? parsePath(path) : []) : path) {
    at = child(at, step);
    if (!at) return undefined;
  }
  return at;
}
