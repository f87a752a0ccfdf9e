/**
 * @module The shape of the schema catalog: every Kubernetes type k3ts serves, described once.
 * OpenAPI v2/v3, strict decoding, protobuf, merge metadata and TypeScript types derive from it.
 * Written from the facts of the Kubernetes API in our own words (never copied or generated
 * from the official documents; a test compares against them where they are present).
 */

/** Scalar types with their fixed JSON and protobuf encodings. */
export type Scalar =
  /** JSON string; protobuf length-delimited. */
  | 'string'
  /** JSON boolean; protobuf varint. */
  | 'boolean'
  /** JSON integer; protobuf varint (two's complement for negatives, as Go's int32). */
  | 'int32'
  /** JSON integer; protobuf varint. */
  | 'int64'
  /** JSON number; protobuf fixed64 double. */
  | 'double'
  /** JSON base64 string; protobuf bytes. */
  | 'bytes';

/**
 * A reference to a field's type, as written in the catalog:
 * - a Scalar;
 * - `[]T` a list of T; `map[string]T` a JSON object with string keys and T values;
 * - a definition name: the full OpenAPI name (`io.k8s.api.core.v1.PodSpec`) or a short form the
 *   DSL resolves (see dsl.ts).
 * After resolution the catalog holds TypeRef objects.
 */
export type TypeRef =
  | { readonly scalar: Scalar }
  | { readonly ref: string }
  | { readonly list: TypeRef }
  | { readonly map: TypeRef };

/**
 * Types whose JSON and protobuf forms are not a plain struct. Each definition with `custom` has
 * no fields of its own; the codecs know these by name.
 *  - Time: RFC 3339 seconds in JSON; protobuf {int64 seconds = 1; int32 nanos = 2}.
 *  - MicroTime: RFC 3339 with microseconds; protobuf as Time.
 *  - Duration: a Go duration string ("1m30s", "10.5s", "0s"); protobuf {int64 duration = 1} in
 *    nanoseconds. Only metrics.k8s.io uses it (NodeMetrics/PodMetrics window).
 *  - Quantity: "100m", "1Gi" (JSON numbers accepted on input); protobuf {string string = 1}.
 *  - IntOrString: JSON int or string; protobuf {int64 type = 1; int32 intVal = 2; string strVal = 3}.
 *  - RawExtension: any JSON object; protobuf {bytes raw = 1}.
 *  - FieldsV1: a JSON object (managed fields trie); protobuf {bytes Raw = 1} holding its JSON.
 *  - JSON: any JSON value (apiextensions); protobuf {bytes raw = 1}.
 *  - JSONSchemaPropsOrArray / JSONSchemaPropsOrBool / JSONSchemaPropsOrStringArray: the
 *    apiextensions unions (schema or list of schemas; schema or bool; schema or list of strings).
 */
export type CustomEncoding =
  | 'Time'
  | 'MicroTime'
  | 'Duration'
  | 'Quantity'
  | 'IntOrString'
  | 'RawExtension'
  | 'FieldsV1'
  | 'JSON'
  | 'JSONSchemaPropsOrArray'
  | 'JSONSchemaPropsOrBool'
  | 'JSONSchemaPropsOrStringArray';

export type ListType = 'atomic' | 'set' | 'map';
export type MapType = 'atomic' | 'granular';
export type PatchStrategy = 'merge' | 'retainKeys' | 'merge,retainKeys' | 'replace';

export interface FieldDef {
  /** JSON name. */
  readonly name: string;
  readonly type: TypeRef;
  /** Protobuf field number; 0 when the field has no protobuf form (apiVersion, kind). */
  readonly proto: number;
  /** One or two sentences in our own words. */
  readonly doc: string;
  /** Required in the OpenAPI sense (the reference's `required` list). */
  readonly required?: boolean;
  /**
   * Go represents it as a pointer (or the field is otherwise optional-with-presence): protobuf
   * encodes it only when set. Non-pointer scalars and structs are always encoded, even when zero.
   */
  readonly ptr?: boolean;
  /**
   * Protobuf only: the field belongs to a struct Go embeds here, which JSON flattens but protobuf
   * keeps as a nested message. The path of field numbers from this message down to the one that
   * holds the field (Volume's VolumeSource: [2]; ConfigMapKeySelector's LocalObjectReference: [1]);
   * `proto` is then the number inside that innermost message.
   */
  readonly embeddedIn?: readonly number[];
  /** x-kubernetes-list-type. */
  readonly listType?: ListType;
  /** x-kubernetes-list-map-keys (with listType 'map'). */
  readonly listMapKeys?: readonly string[];
  /** x-kubernetes-map-type on a map-valued field. */
  readonly mapType?: MapType;
  /** x-kubernetes-patch-strategy. */
  readonly patchStrategy?: PatchStrategy;
  /** x-kubernetes-patch-merge-key. */
  readonly patchMergeKey?: string;
  /** Allowed string values, where Kubernetes publishes them. */
  readonly enum?: readonly string[];
  /** OpenAPI format when it is not implied by the type (e.g. 'byte', 'date-time'). */
  readonly format?: string;
  /** Default value published by Kubernetes, when any. */
  readonly default?: unknown;
}

export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export interface Definition {
  /** Full OpenAPI name, e.g. io.k8s.api.core.v1.Pod. */
  readonly name: string;
  readonly doc: string;
  /** Fields in their canonical (JSON output) order. Empty for custom types. */
  readonly fields: readonly FieldDef[];
  /** Set on top-level kinds (x-kubernetes-group-version-kind); several for shared meta types. */
  readonly gvk?: readonly GroupVersionKind[];
  /** x-kubernetes-map-type on the struct itself ('atomic' structs are replaced whole by SSA). */
  readonly mapType?: MapType;
  /** Non-struct encodings, see CustomEncoding. */
  readonly custom?: CustomEncoding;
  /** Accepts and keeps fields it does not declare (x-kubernetes-preserve-unknown-fields). */
  readonly preserveUnknownFields?: boolean;
}

export type Verb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch';

export interface SubresourceDef {
  /** e.g. 'status', 'scale', 'binding', 'eviction', 'log', 'exec', 'proxy', 'token'. */
  readonly name: string;
  /** Kind served by the subresource (Scale is autoscaling/v1 Scale). */
  readonly kind: GroupVersionKind;
  readonly verbs: readonly Verb[];
}

/** What discovery says about a resource, and what the API server routes. */
export interface ResourceDef {
  readonly group: string;
  readonly version: string;
  /** Plural resource name used in URLs: 'deployments'. */
  readonly plural: string;
  readonly singular: string;
  readonly kind: string;
  /** Kind of the list (DeploymentList); absent for resources that cannot be listed. */
  readonly listKind?: string;
  readonly namespaced: boolean;
  readonly verbs: readonly Verb[];
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  readonly subresources?: readonly SubresourceDef[];
  /** Full name of the Definition of the kind. */
  readonly definition: string;
}
