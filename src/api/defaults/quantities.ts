/**
 * @module Quantities as Kubernetes stores them: decoding into resource.Quantity and encoding it
 * again prints the canonical form ("1000m" → "1", "0.5" → "500m", "1024Mi" → "1Gi", JSON numbers
 * → strings), and ResourceLists (maps of quantities: requests, limits, capacity, hard, ...) are
 * first rounded up to milli precision (SetDefaults_ResourceList). Which fields hold quantities
 * comes from the schema catalog, walked once per kind into a small plan.
 */
import { isPlainObject } from '../meta/object.js';
import { Quantity } from '../quantity.js';
import { type Catalog, catalog } from '../schema/catalog.js';
import type { TypeRef } from '../schema/types.js';

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/** Per field: a quantity, a ResourceList, or a nested plan (object, list of objects, map of objects). */
type Step =
  | { readonly kind: 'quantity' }
  | { readonly kind: 'resourceList' }
  | { readonly kind: 'object' | 'list' | 'map'; readonly plan: Plan };
type Plan = ReadonlyMap<string, Step>;

const plans = new Map<string, Plan | null>();

/** The plan for a definition, or null when no quantity is reachable from it. */
function planFor(cat: Catalog, name: string, visiting: Set<string>): Plan | null {
  const cached = plans.get(name);
  if (cached !== undefined) return cached;
  // Recursive types (JSONSchemaProps) hold no quantities.
  if (visiting.has(name)) return null;
  const def = cat.definitions.get(name);
  if (!def || def.custom) return null;
  visiting.add(name);
  const plan = new Map<string, Step>();
  for (const f of def.fields) {
    const step = stepFor(cat, f.type, visiting);
    if (step) plan.set(f.name, step);
  }
  visiting.delete(name);
  const out = plan.size ? plan : null;
  plans.set(name, out);
  return out;
}

function stepFor(cat: Catalog, t: TypeRef, visiting: Set<string>): Step | undefined {
  if ('ref' in t) {
    if (t.ref === QUANTITY) return { kind: 'quantity' };
    const p = planFor(cat, t.ref, visiting);
    return p ? { kind: 'object', plan: p } : undefined;
  }
  if ('map' in t) {
    if ('ref' in t.map && t.map.ref === QUANTITY) return { kind: 'resourceList' };
    const p = 'ref' in t.map ? planFor(cat, t.map.ref, visiting) : null;
    return p ? { kind: 'map', plan: p } : undefined;
  }
  if ('list' in t) {
    const p = 'ref' in t.list ? planFor(cat, t.list.ref, visiting) : null;
    return p ? { kind: 'list', plan: p } : undefined;
  }
  return undefined;
}

/** The canonical string of a quantity value, or the value unchanged when it does not parse. */
function canonical(v: unknown, roundToMilli: boolean): unknown {
  if (typeof v !== 'string' && typeof v !== 'number') return v;
  let q: Quantity;
  try {
    q = Quantity.from(v);
  } catch {
    return v;
  }
  if (roundToMilli && q.exp < -3) q = new Quantity(q.scaled(-3), -3, q.format);
  return q.toString();
}

function apply(o: Record<string, unknown>, plan: Plan): void {
  for (const [field, step] of plan) {
    const v = o[field];
    if (v === undefined || v === null) continue;
    switch (step.kind) {
      case 'quantity':
        o[field] = canonical(v, false);
        break;
      case 'resourceList':
        if (isPlainObject(v)) for (const k of Object.keys(v)) v[k] = canonical(v[k], true);
        break;
      case 'object':
        if (isPlainObject(v)) apply(v, step.plan);
        break;
      case 'list':
        if (Array.isArray(v)) for (const x of v) if (isPlainObject(x)) apply(x, step.plan);
        break;
      case 'map':
        if (isPlainObject(v)) for (const x of Object.values(v)) if (isPlainObject(x)) apply(x, step.plan);
        break;
    }
  }
}

/**
 * Rewrites every quantity of `obj` (a `group/version` `kind` object) into its canonical form.
 * Objects of kinds the catalog does not know are left alone. Mutates.
 */
export function canonicalizeQuantities(obj: Record<string, unknown>, apiVersion: string, kind: string, cat: Catalog = catalog()): void {
  const slash = apiVersion.indexOf('/');
  const def = cat.definitionFor(slash < 0 ? '' : apiVersion.slice(0, slash), slash < 0 ? apiVersion : apiVersion.slice(slash + 1), kind);
  if (!def) return;
  const plan = planFor(cat, def.name, new Set());
  if (plan) apply(obj, plan);
}
