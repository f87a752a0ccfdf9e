/**
 * @module A compact way to write the catalog: one line per field.
 *
 *   export default defineGroup({ prefix: 'io.k8s.api.apps.v1', group: 'apps', version: 'v1' }, (g) => {
 *     g.kind('Deployment', 'Runs a replicated set of pods and rolls out changes to them.', {
 *       metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
 *       spec: ['DeploymentSpec', 2, 'The desired behaviour.'],
 *       status: ['DeploymentStatus', 3, 'The most recently observed state.'],
 *     });
 *     g.struct('DeploymentSpec', 'The desired state of a Deployment.', {
 *       replicas: ['int32', 1, 'How many pods are wanted; 1 when unset.', { ptr: true }],
 *       ...
 *     });
 *     g.resource('deployments', { kind: 'Deployment', shortNames: ['deploy'], categories: ['all'],
 *       sub: { status: ['get', 'patch', 'update'], scale: ['get', 'patch', 'update'] } });
 *   });
 *
 * Type strings: a Scalar ('string', 'int32', ...); '[]T'; 'map[string]T'; a name. Names resolve,
 * in order, to: a definition of the same group-version; an alias (Time, MicroTime, Quantity,
 * IntOrString, RawExtension, FieldsV1, ObjectMeta, ListMeta, LabelSelector, Condition, ...);
 * 'meta.X' (apimachinery meta/v1); '<pkg>.X' (io.k8s.api.<pkg>.v1.X, e.g. 'core.PodSpec');
 * or a full name starting with 'io.k8s.'. Resolution happens when the catalog is assembled.
 */
import type {
  CustomEncoding, Definition, FieldDef, GroupVersionKind, ListType, MapType, PatchStrategy,
  ResourceDef, Scalar, SubresourceDef, TypeRef, Verb,
} from './types.js';

export interface FieldOptions {
  readonly required?: boolean;
  readonly ptr?: boolean;
  /** Protobuf path of the embedded struct holding the field (see FieldDef.embeddedIn). */
  readonly embeddedIn?: readonly number[];
  /** x-kubernetes-list-type */
  readonly list?: ListType;
  /** x-kubernetes-list-map-keys */
  readonly keys?: readonly string[];
  /** x-kubernetes-map-type */
  readonly mapType?: MapType;
  /** x-kubernetes-patch-strategy */
  readonly patch?: PatchStrategy;
  /** x-kubernetes-patch-merge-key */
  readonly mergeKey?: string;
  readonly enum?: readonly string[];
  readonly format?: string;
  readonly default?: unknown;
}

/** [type, protobuf number, description, options?] */
export type FieldTuple = readonly [type: string, proto: number, doc: string, opts?: FieldOptions];
export type FieldTable = Readonly<Record<string, FieldTuple>>;

export interface StructOptions {
  readonly mapType?: MapType;
  readonly preserveUnknownFields?: boolean;
  /** Explicit GVKs (for shared meta types registered in many groups). */
  readonly gvk?: readonly GroupVersionKind[];
}

export interface ResourceOptions {
  readonly kind: string;
  /** Default: the kind in lower case. */
  readonly singular?: string;
  /** Default: true. */
  readonly namespaced?: boolean;
  /** Default: all eight verbs. */
  readonly verbs?: readonly Verb[];
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  /** name → verbs, or [verbs, 'group/version/Kind'] when the subresource serves another kind. */
  readonly sub?: Readonly<Record<string, readonly Verb[] | readonly [readonly Verb[], string]>>;
  /** Default: `${kind}List`; null for resources that are never listed (reviews, bindings). */
  readonly listKind?: string | null;
}

export const ALL_VERBS: readonly Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** A group-version's definitions and resources, with type names still unresolved. */
export interface GroupSource {
  readonly prefix: string;
  readonly group: string;
  readonly version: string;
  readonly definitions: readonly RawDefinition[];
  readonly resources: readonly ResourceDef[];
}

export interface RawField extends Omit<FieldDef, 'type'> {
  readonly typeName: string;
}

export interface RawDefinition extends Omit<Definition, 'fields'> {
  readonly fields: readonly RawField[];
}

export interface GroupBuilder {
  /** A plain struct type. */
  struct(name: string, doc: string, fields: FieldTable, opts?: StructOptions): void;
  /** A top-level kind: apiVersion and kind fields are added first, gvk from the group. */
  kind(name: string, doc: string, fields: FieldTable, opts?: StructOptions): void;
  /** A type with a special encoding (see CustomEncoding). */
  custom(name: string, doc: string, encoding: CustomEncoding): void;
  /** A served resource. */
  resource(plural: string, opts: ResourceOptions): void;
}

/**
 * Marks every field of `table` as carried inside the embedded protobuf message at `path` (Go's
 * inlined structs: Volume's VolumeSource, Probe's ProbeHandler, the LocalObjectReference of the
 * key selectors). Returns a new table.
 */
export function embedded(path: readonly number[], table: FieldTable): FieldTable {
  const out: Record<string, FieldTuple> = {};
  for (const [name, [type, proto, doc, o = {}]] of Object.entries(table)) {
    out[name] = [type, proto, doc, { ...o, embeddedIn: [...path, ...(o.embeddedIn ?? [])] }];
  }
  return out;
}

const SCALARS = new Set<string>(['string', 'boolean', 'int32', 'int64', 'double', 'bytes']);

export function isScalar(s: string): s is Scalar {
  return SCALARS.has(s);
}

function toField(name: string, t: FieldTuple): RawField {
  const [typeName, proto, doc, o = {}] = t;
  const f: { -readonly [K in keyof RawField]?: RawField[K] } = { name, typeName, proto, doc };
  if (o.required) f.required = true;
  if (o.ptr) f.ptr = true;
  if (o.embeddedIn) f.embeddedIn = o.embeddedIn;
  if (o.list) f.listType = o.list;
  if (o.keys) f.listMapKeys = o.keys;
  if (o.mapType) f.mapType = o.mapType;
  if (o.patch) f.patchStrategy = o.patch;
  if (o.mergeKey) f.patchMergeKey = o.mergeKey;
  if (o.enum) f.enum = o.enum;
  if (o.format) f.format = o.format;
  if (o.default !== undefined) f.default = o.default;
  return f as RawField;
}

function parseGvk(s: string): GroupVersionKind {
  const parts = s.split('/');
  if (parts.length === 2) return { group: '', version: parts[0] ?? '', kind: parts[1] ?? '' };
  return { group: parts[0] ?? '', version: parts[1] ?? '', kind: parts[2] ?? '' };
}

/** Collects one group-version's catalog entries. */
export function defineGroup(
  meta: { readonly prefix: string; readonly group: string; readonly version: string },
  body: (g: GroupBuilder) => void,
): GroupSource {
  const definitions: RawDefinition[] = [];
  const resources: ResourceDef[] = [];
  const full = (n: string) => `${meta.prefix}.${n}`;
  const struct = (name: string, doc: string, fields: FieldTable, opts: StructOptions = {}, gvk?: GroupVersionKind[]) => {
    const d: { -readonly [K in keyof RawDefinition]?: RawDefinition[K] } = {
      name: full(name), doc, fields: Object.entries(fields).map(([n, t]) => toField(n, t)),
    };
    const g = opts.gvk ?? gvk;
    if (g) d.gvk = g;
    if (opts.mapType) d.mapType = opts.mapType;
    if (opts.preserveUnknownFields) d.preserveUnknownFields = true;
    definitions.push(d as RawDefinition);
  };
  body({
    struct: (name, doc, fields, opts) => struct(name, doc, fields, opts),
    kind: (name, doc, fields, opts) => struct(name, doc, {
      apiVersion: ['string', 0, 'Schema version of the object: group/version, or just the version for the core group.'],
      kind: ['string', 0, 'Kind of the object, such as Pod, which tells a client how to decode it.'],
      ...fields,
    }, opts, [{ group: meta.group, version: meta.version, kind: name }]),
    custom: (name, doc, encoding) => definitions.push({ name: full(name), doc, fields: [], custom: encoding }),
    resource: (plural, o) => {
      const subs: SubresourceDef[] = Object.entries(o.sub ?? {}).map(([sub, spec]) => {
        const isPair = Array.isArray(spec[0]);
        const verbs = (isPair ? spec[0] : spec) as readonly Verb[];
        const kind = isPair ? parseGvk(spec[1] as string) : { group: meta.group, version: meta.version, kind: o.kind };
        return { name: sub, kind, verbs };
      });
      const r: { -readonly [K in keyof ResourceDef]?: ResourceDef[K] } = {
        group: meta.group, version: meta.version, plural,
        singular: o.singular ?? o.kind.toLowerCase(), kind: o.kind,
        namespaced: o.namespaced ?? true, verbs: o.verbs ?? ALL_VERBS, definition: full(o.kind),
      };
      if (o.listKind !== null) r.listKind = o.listKind ?? `${o.kind}List`;
      if (o.shortNames) r.shortNames = o.shortNames;
      if (o.categories) r.categories = o.categories;
      if (subs.length) r.subresources = subs;
      resources.push(r as ResourceDef);
    },
  });
  return { prefix: meta.prefix, group: meta.group, version: meta.version, definitions, resources };
}

/** Short names any group may use for shared apimachinery types. */
export const ALIASES: Readonly<Record<string, string>> = {
  Time: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  MicroTime: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
  ObjectMeta: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
  ListMeta: 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta',
  LabelSelector: 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
  Condition: 'io.k8s.apimachinery.pkg.apis.meta.v1.Condition',
  FieldsV1: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
  Quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  IntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  RawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
};

/** Resolves a type string from group `prefix` against the set of known full names. */
export function resolveType(typeName: string, prefix: string, known: ReadonlySet<string>): TypeRef {
  if (typeName.startsWith('[]')) return { list: resolveType(typeName.slice(2), prefix, known) };
  if (typeName.startsWith('map[string]')) return { map: resolveType(typeName.slice('map[string]'.length), prefix, known) };
  if (isScalar(typeName)) return { scalar: typeName };
  const candidates = [
    `${prefix}.${typeName}`,
    ALIASES[typeName],
    typeName.startsWith('meta.') ? `io.k8s.apimachinery.pkg.apis.meta.v1.${typeName.slice(5)}` : undefined,
    /^[a-z]+\.[A-Z]/.test(typeName) ? `io.k8s.api.${typeName.replace('.', '.v1.')}` : undefined,
    typeName.startsWith('io.k8s.') ? typeName : undefined,
  ];
  for (const c of candidates) if (c && known.has(c)) return { ref: c };
  throw new Error(`catalog: type '${typeName}' used in ${prefix} does not resolve to a known definition`);
}
