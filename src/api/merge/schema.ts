/**
 * @module The merge view of a type: what strategic merge patch and server-side apply need to know
 * about each node of an object (structs and their fields, maps, lists and how their elements are
 * identified). Built from the schema catalog for built-in kinds (catalog-schema.ts) and from a
 * CRD's structural schema for custom resources.
 */
import type { ListType, MapType, PatchStrategy } from '../schema/types.js';

/** A scalar: replaced whole. Quantities, times and int-or-strings are scalars too. */
export interface ScalarNode {
  readonly kind: 'scalar';
}

/**
 * A value of any shape (RawExtension, preserve-unknown fields without a schema): objects merge
 * key by key, lists and scalars are atomic, as structured-merge-diff's "deduced" type does.
 */
export interface UntypedNode {
  readonly kind: 'untyped';
}

export interface StructNode {
  readonly kind: 'struct';
  /** Definition name, for error messages. */
  readonly name: string;
  /** The field declared under a JSON name. */
  field(name: string): MergeField | undefined;
  /** Every declared field, in declaration order. */
  fields(): readonly MergeField[];
  /** x-kubernetes-map-type: atomic: the struct is replaced as a whole by apply. */
  readonly atomic: boolean;
  /** Undeclared fields are kept (x-kubernetes-preserve-unknown-fields) and typed as untyped. */
  readonly preserveUnknown: boolean;
}

export interface MapNode {
  readonly kind: 'map';
  readonly value: MergeNode;
  /** x-kubernetes-map-type: atomic. */
  readonly atomic: boolean;
}

export interface ListNode {
  readonly kind: 'list';
  readonly item: MergeNode;
  /** The apply semantics of the list (x-kubernetes-list-type, or derived from the patch strategy). */
  readonly listType: ListType;
  /** x-kubernetes-list-map-keys for listType 'map'. */
  readonly keys: readonly string[];
}

export type MergeNode = ScalarNode | UntypedNode | StructNode | MapNode | ListNode;

/** A struct field: its type plus the strategic-merge-patch metadata that sits on the field. */
export interface MergeField {
  readonly name: string;
  readonly node: MergeNode;
  /** x-kubernetes-patch-strategy. */
  readonly patchStrategy?: PatchStrategy;
  /** x-kubernetes-patch-merge-key. */
  readonly patchMergeKey?: string;
  /** Published default (apply uses it for a list-map key an item omits, such as a port's protocol). */
  readonly default?: unknown;
  /** Go holds the field as a pointer: absent from the zero object. */
  readonly ptr?: boolean;
  /** Required in the OpenAPI sense (Go has no omitempty): present in the zero object. */
  readonly required?: boolean;
}

export const SCALAR: ScalarNode = { kind: 'scalar' };
export const UNTYPED: UntypedNode = { kind: 'untyped' };

/**
 * The list semantics apply uses for a list field: its x-kubernetes-list-type; otherwise, as
 * kube-openapi's schema conversion does, a `merge` patch strategy makes it a map keyed by the
 * merge key (a set without one); anything else is atomic.
 */
export function listSemantics(opts: {
  listType?: ListType | undefined;
  listMapKeys?: readonly string[] | undefined;
  patchStrategy?: PatchStrategy | undefined;
  patchMergeKey?: string | undefined;
}): { listType: ListType; keys: readonly string[] } {
  if (opts.listType) return { listType: opts.listType, keys: opts.listType === 'map' ? opts.listMapKeys ?? [] : [] };
  if (opts.patchStrategy === 'merge' || opts.patchStrategy === 'merge,retainKeys') {
    return opts.patchMergeKey ? { listType: 'map', keys: [opts.patchMergeKey] } : { listType: 'set', keys: [] };
  }
  return { listType: 'atomic', keys: [] };
}

/** Whether a map type marks the node atomic. */
export function isAtomicMap(mapType: MapType | undefined): boolean {
  return mapType === 'atomic';
}

/** The field of a node, for struct and map nodes (a map's value is the "field" for any key). */
export function childOf(node: MergeNode, name: string): MergeField | undefined {
  switch (node.kind) {
    case 'struct': {
      const f = node.field(name);
      if (f) return f;
      return node.preserveUnknown ? { name, node: UNTYPED } : undefined;
    }
    case 'map':
      return { name, node: node.value };
    case 'untyped':
      return { name, node: UNTYPED };
    default:
      return undefined;
  }
}
