/**
 * @module The assembled catalog: every definition and resource, names resolved, with lookups.
 * Built once, lazily, on first use; immutable afterwards.
 */
import { resolveType, type GroupSource } from './dsl.js';
import type { Definition, FieldDef, ResourceDef } from './types.js';
import { allGroups } from './groups/index.js';

export interface Catalog {
  /** Every definition by full name. */
  readonly definitions: ReadonlyMap<string, Definition>;
  /** Every served resource. */
  readonly resources: readonly ResourceDef[];
  /** The definition of a kind, by group/version/kind ('' is the core group). */
  definitionFor(group: string, version: string, kind: string): Definition | undefined;
  /** The resource for a plural name in a group-version. */
  resource(group: string, version: string, plural: string): ResourceDef | undefined;
}

/** Resolves the type names of `groups` and indexes them. Throws on a dangling name or a duplicate. */
export function buildCatalog(groups: readonly GroupSource[]): Catalog {
  const known = new Set<string>();
  for (const g of groups) {
    for (const d of g.definitions) {
      if (known.has(d.name)) throw new Error(`catalog: definition ${d.name} is declared twice`);
      known.add(d.name);
    }
  }
  const definitions = new Map<string, Definition>();
  const byGvk = new Map<string, Definition>();
  for (const g of groups) {
    for (const raw of g.definitions) {
      const fields: FieldDef[] = raw.fields.map(({ typeName, ...rest }) => ({ ...rest, type: resolveType(typeName, g.prefix, known) }));
      const def: Definition = { ...raw, fields };
      definitions.set(def.name, def);
      for (const k of def.gvk ?? []) byGvk.set(`${k.group}/${k.version}/${k.kind}`, def);
    }
  }
  const resources = groups.flatMap((g) => g.resources);
  const byResource = new Map(resources.map((r) => [`${r.group}/${r.version}/${r.plural}`, r]));
  return {
    definitions,
    resources,
    definitionFor: (group, version, kind) => byGvk.get(`${group}/${version}/${kind}`),
    resource: (group, version, plural) => byResource.get(`${group}/${version}/${plural}`),
  };
}

let cached: Catalog | undefined;

/** The catalog of every built-in type k3ts serves. */
export function catalog(): Catalog {
  cached ??= buildCatalog(allGroups);
  return cached;
}
