/**
 * @module What a CRD serves, read from the CRD object: one resource per served version (names,
 * scope, verbs, short names, categories, status and scale subresources), the schema, printer
 * columns and scale paths of each version, the storage version, and the OpenAPI v3 schemas that
 * describe the kind and its list (`com.example.v1.Widget`) for kubectl explain and validation.
 */
import { isObject, type JsonObject } from '../merge/json.js';
import type { ResourceDef, SubresourceDef, Verb } from '../schema/types.js';
import type { JSONSchemaProps } from './json-schema.js';
import type { PrinterColumn } from './printer-columns.js';
import type { ScaleSpec } from './scale.js';

const VERBS: readonly Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const SUB_VERBS: readonly Verb[] = ['get', 'patch', 'update'];

/** One served version of a CRD, with everything the API server needs to serve it. */
export interface CustomVersion {
  readonly def: ResourceDef;
  readonly schema: JSONSchemaProps | undefined;
  readonly columns: readonly PrinterColumn[];
  readonly hasStatus: boolean;
  readonly scale?: ScaleSpec;
  readonly storage: boolean;
}

const obj = (v: unknown): JsonObject => (isObject(v) ? v : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The OpenAPI definition name of a custom kind: reversed group, version, kind. */
export function customDefinitionName(group: string, version: string, kind: string): string {
  return [...group.split('.').reverse(), version, kind].join('.');
}

/** The served versions of a CRD (its accepted names when status has them, else the spec's). */
export function customVersions(crd: JsonObject): CustomVersion[] {
  const spec = obj(crd['spec']);
  const accepted = obj(obj(crd['status'])['acceptedNames']);
  const names = { ...obj(spec['names']), ...Object.fromEntries(Object.entries(accepted).filter(([, v]) => v !== undefined && v !== '')) };
  const group = str(spec['group']);
  const kind = str(names['kind']);
  const out: CustomVersion[] = [];
  for (const raw of Array.isArray(spec['versions']) ? spec['versions'] : []) {
    const v = obj(raw);
    if (v['served'] !== true) continue;
    const version = str(v['name']);
    const sub = obj(v['subresources']);
    const subresources: SubresourceDef[] = [];
    if (isObject(sub['status'])) subresources.push({ name: 'status', kind: { group, version, kind }, verbs: SUB_VERBS });
    const scaleRaw = isObject(sub['scale']) ? sub['scale'] : undefined;
    if (scaleRaw) subresources.push({ name: 'scale', kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: SUB_VERBS });
    const def: { -readonly [K in keyof ResourceDef]?: ResourceDef[K] } = {
      group, version, plural: str(names['plural']), singular: str(names['singular']) || kind.toLowerCase(), kind,
      listKind: str(names['listKind']) || `${kind}List`, namespaced: spec['scope'] !== 'Cluster', verbs: VERBS,
      definition: customDefinitionName(group, version, kind),
    };
    const shortNames = strs(names['shortNames']);
    const categories = strs(names['categories']);
    if (shortNames.length) def.shortNames = shortNames;
    if (categories.length) def.categories = categories;
    if (subresources.length) def.subresources = subresources;
    const schema = obj(v['schema'])['openAPIV3Schema'];
    const cv: { -readonly [K in keyof CustomVersion]?: CustomVersion[K] } = {
      def: def as ResourceDef,
      schema: isObject(schema) ? schema as JSONSchemaProps : undefined,
      columns: (Array.isArray(v['additionalPrinterColumns']) ? v['additionalPrinterColumns'] : []).map((c) => obj(c) as unknown as PrinterColumn),
      hasStatus: isObject(sub['status']),
      storage: v['storage'] === true,
    };
    if (scaleRaw) {
      const scale: { -readonly [K in keyof ScaleSpec]?: ScaleSpec[K] } = { specReplicasPath: str(scaleRaw['specReplicasPath']), statusReplicasPath: str(scaleRaw['statusReplicasPath']) };
      if (str(scaleRaw['labelSelectorPath'])) scale.labelSelectorPath = str(scaleRaw['labelSelectorPath']);
      cv.scale = scale as ScaleSpec;
    }
    out.push(cv as CustomVersion);
  }
  return out;
}

/** The storage version's name. */
export function storageVersion(crd: JsonObject): string | undefined {
  const versions = obj(crd['spec'])['versions'];
  const v = Array.isArray(versions) ? versions.map(obj).find((x) => x['storage'] === true) : undefined;
  return v ? str(v['name']) : undefined;
}

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const ref = (name: string) => ({ allOf: [{ $ref: `#/components/schemas/${name}` }] });

/**
 * The OpenAPI v3 component schemas of a served version: the kind (its openAPIV3Schema with
 * apiVersion, kind and metadata filled in) and its list; both carry x-kubernetes-group-version-kind.
 */
export function openAPISchemas(v: CustomVersion): Map<string, JsonObject> {
  const { group, version, kind } = v.def;
  const listKind = v.def.listKind ?? `${kind}List`;
  const base = (v.schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }) as JsonObject;
  const props = { ...obj(base['properties']) };
  props['apiVersion'] = { type: 'string', description: 'APIVersion defines the versioned schema of this representation of an object.' };
  props['kind'] = { type: 'string', description: 'Kind is a string value representing the REST resource this object represents.' };
  props['metadata'] = { ...ref(`${META}ObjectMeta`), description: 'Standard object\'s metadata.' };
  const itemName = v.def.definition;
  const kindSchema: JsonObject = { ...base, type: 'object', properties: props, 'x-kubernetes-group-version-kind': [{ group, kind, version }] };
  const listSchema: JsonObject = {
    type: 'object',
    description: `${kind}List is a list of ${kind}`,
    required: ['items'],
    properties: {
      apiVersion: props['apiVersion'],
      items: { type: 'array', description: `List of ${v.def.plural}.`, items: ref(itemName) },
      kind: props['kind'],
      metadata: { ...ref(`${META}ListMeta`), description: 'Standard list metadata.' },
    },
    'x-kubernetes-group-version-kind': [{ group, kind: listKind, version }],
  };
  return new Map([[itemName, kindSchema], [customDefinitionName(group, version, listKind), listSchema]]);
}

/** A custom object with its apiVersion set to `group/version` (None conversion: nothing else changes). */
export function convertNone(o: JsonObject, group: string, version: string): JsonObject {
  return { ...o, apiVersion: `${group}/${version}` };
}
