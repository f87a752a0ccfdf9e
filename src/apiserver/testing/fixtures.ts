/**
 * @module Test fixtures: the catalog ResourceDef of a core resource, and a store on a backend
 * with a resource's builtin strategy.
 */
import type { Backend } from '../../datastore/backend.js';
import { catalog } from '../../api/schema/catalog.js';
import type { ResourceDef } from '../../api/schema/types.js';
import { Store } from '../registry/generic/store.js';
import { strategyFor } from '../registry/builtin.js';

/** The catalog definition of `plural` in `group`/`version` (core v1 by default). */
export function resourceDef(plural: string, group = '', version = 'v1'): ResourceDef {
  const def = catalog().resource(group, version, plural);
  if (!def) throw new Error(`no catalog resource ${group}/${version}/${plural}`);
  return def;
}

/** A generic store for a catalog resource with its builtin strategy. */
export function storeFor(backend: Backend, plural: string, group = ''): Store {
  const def = resourceDef(plural, group);
  return new Store({ backend, resource: def, strategy: strategyFor(def) });
}
