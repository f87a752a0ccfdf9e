/**
 * @module What the OpenAPI documents are built from: the catalog's definitions and resources plus
 * optional extras (custom resources: their schemas in OpenAPI v3 form and their resources), with
 * the lookups both document versions need. Extras are how CRDs join the documents later.
 */
import type { Catalog } from '../catalog.js';
import type { GroupVersionKind, ResourceDef } from '../types.js';
import type { PathContext } from './paths.js';
import { definitionSchema, reachable, type Dialect, type Json } from './schemas.js';

/** Schemas and resources served beside the catalog (custom resources). */
export interface OpenAPIExtra {
  /**
   * Definition name → its OpenAPI v3 schema as JSON (a CRD version's openAPIV3Schema, with
   * x-kubernetes-group-version-kind set on the kind and its list). References use
   * `#/components/schemas/<name>` and may point at catalog definitions (ObjectMeta, ListMeta).
   */
  readonly schemas?: ReadonlyMap<string, Json>;
  /** Resources served with those schemas; `definition` names a key of `schemas`. */
  readonly resources?: readonly ResourceDef[];
}

export interface OpenAPIOptions {
  readonly extra?: OpenAPIExtra;
  /** info.version of the documents, e.g. the server's gitVersion. Default 'unversioned'. */
  readonly version?: string;
}

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
/** Definitions every group-version document carries (bodies and answers of any resource). */
export const COMMON_DEFINITIONS = [`${META}DeleteOptions`, `${META}Status`, `${META}WatchEvent`, `${META}Patch`, `${META}APIResourceList`];

function refsIn(v: unknown, into: Set<string>): void {
  if (Array.isArray(v)) { for (const x of v) refsIn(x, into); return; }
  if (typeof v !== 'object' || v === null) return;
  for (const [k, x] of Object.entries(v)) {
    if (k === '$ref' && typeof x === 'string') into.add(x.slice(x.lastIndexOf('/') + 1));
    else refsIn(x, into);
  }
}

const gvkKey = (g: GroupVersionKind) => `${g.group}/${g.version}/${g.kind}`;

/** The resolved inputs of the documents. */
export class OpenAPISource implements PathContext {
  readonly resources: readonly ResourceDef[];
  readonly version: string;
  private readonly extras: ReadonlyMap<string, Json>;
  private readonly extraByGvk = new Map<string, string>();

  constructor(readonly catalog: Catalog, opts: OpenAPIOptions = {}) {
    this.extras = opts.extra?.schemas ?? new Map();
    this.resources = [...catalog.resources, ...(opts.extra?.resources ?? [])];
    this.version = opts.version ?? 'unversioned';
    for (const [name, schema] of this.extras) {
      const gvks = schema['x-kubernetes-group-version-kind'];
      if (Array.isArray(gvks)) for (const g of gvks as GroupVersionKind[]) this.extraByGvk.set(gvkKey(g), name);
    }
  }

  definitionOf(gvk: GroupVersionKind): string | undefined {
    return this.catalog.definitionFor(gvk.group, gvk.version, gvk.kind)?.name ?? this.extraByGvk.get(gvkKey(gvk));
  }

  builtin(definition: string): boolean {
    return this.catalog.definitions.has(definition) && !this.extras.has(definition);
  }

  /** Every definition: the catalog's and the extras'. */
  definitionNames(): string[] {
    return [...this.catalog.definitions.keys(), ...this.extras.keys()];
  }

  /** The schema of a definition in a dialect; extras are converted from v3 for v2. */
  schema(name: string, d: Dialect): Json | undefined {
    const extra = this.extras.get(name);
    if (extra) return d === 'v3' ? extra : toV2(extra);
    const def = this.catalog.definitions.get(name);
    return def && definitionSchema(def, d);
  }

  /** The schemas of every definition reachable from `roots`, by name, in a dialect. */
  schemasFrom(roots: Iterable<string>, d: Dialect): Json {
    const out: Json = {};
    for (const name of this.reachable(roots)) {
      const s = this.schema(name, d);
      if (s) out[name] = s;
    }
    return out;
  }

  /** Definitions reachable from `roots`, through catalog fields and extra schemas' references. */
  reachable(roots: Iterable<string>): string[] {
    const seen = new Set<string>();
    let frontier = [...roots];
    while (frontier.length) {
      const next = new Set<string>();
      const builtin: string[] = [];
      for (const name of frontier) {
        if (seen.has(name)) continue;
        const extra = this.extras.get(name);
        if (extra) { seen.add(name); refsIn(extra, next); } else builtin.push(name);
      }
      for (const name of reachable(this.catalog, builtin)) seen.add(name);
      frontier = [...next].filter((n) => !seen.has(n));
    }
    return [...seen].sort();
  }
}

/** v3 → v2 for extra schemas: references move to #/definitions/, v3-only keywords go. */
function toV2(v: unknown): Json {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (typeof x !== 'object' || x === null) return x;
    const out: Json = {};
    for (const [k, y] of Object.entries(x)) {
      // OpenAPI v2 has no nullable, oneOf, anyOf or not; Kubernetes drops them from published v2 schemas.
      if (k === 'nullable' || k === 'oneOf' || k === 'anyOf' || k === 'not') continue;
      out[k] = k === '$ref' && typeof y === 'string' ? y.replace('#/components/schemas/', '#/definitions/') : walk(y);
    }
    return out;
  };
  return walk(v) as Json;
}
