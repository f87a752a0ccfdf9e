/**
 * @module Resource arithmetic for scheduling: a pod's effective requests (the larger of the sum
 * of its containers and its largest init container, plus overhead), node allocatable, in
 * integer units (milli-CPU, bytes, counts). Quantities are parsed once per distinct string.
 */
import { Quantity } from '../api/quantity.js';
import type { Pod, Quantity as Q, ResourceList } from '../client/kinds/core.js';

/** Resource name → amount (cpu in millicores, everything else in base units). */
export type Resources = Map<string, number>;

const cache = new Map<string, number>();

/** `100m` → 100 for cpu; `1Gi` → 1073741824 otherwise. Unparsable values count as 0. */
export function amount(name: string, q: Q | undefined): number {
  if (q === undefined) return 0;
  const key = `${name === 'cpu' ? 'm' : ''}${String(q)}`;
  let v = cache.get(key);
  if (v === undefined) {
    try {
      const parsed = Quantity.from(q);
      v = name === 'cpu' ? parsed.milliValue() : parsed.value();
    } catch {
      v = 0;
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(key, v);
  }
  return v;
}

function addList(into: Resources, list: ResourceList | undefined): void {
  for (const [k, q] of Object.entries(list ?? {})) into.set(k, (into.get(k) ?? 0) + amount(k, q));
}

function maxInto(into: Resources, from: Resources): void {
  for (const [k, v] of from) into.set(k, Math.max(into.get(k) ?? 0, v));
}

const requestsMemo = new WeakMap<object, Resources>();

/** What a pod asks for (computePodResourceRequest); cached per pod object. */
export function podRequests(pod: Pod): Resources {
  const spec = pod.spec;
  if (!spec) return new Map();
  let r = requestsMemo.get(spec);
  if (r) return r;
  r = new Map();
  for (const c of spec.containers ?? []) addList(r, c.resources?.requests);
  // Restartable init containers (sidecars) run alongside the main ones; others one at a time.
  const sidecars: Resources = new Map();
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy === 'Always') {
      addList(sidecars, c.resources?.requests);
      continue;
    }
    const one: Resources = new Map(sidecars);
    addList(one, c.resources?.requests);
    maxInto(r, one);
  }
  for (const [k, v] of sidecars) r.set(k, (r.get(k) ?? 0) + v);
  addList(r, spec.overhead);
  requestsMemo.set(spec, r);
  return r;
}

/** Scoring uses 100m CPU and 200 MiB for containers that request nothing (GetNonzeroRequests). */
export const DEFAULT_MILLI_CPU = 100;
export const DEFAULT_MEMORY = 200 * 1024 * 1024;

export function nonzeroRequests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    const req = c.resources?.requests;
    cpu += req?.['cpu'] !== undefined ? amount('cpu', req['cpu']) : DEFAULT_MILLI_CPU;
    memory += req?.['memory'] !== undefined ? amount('memory', req['memory']) : DEFAULT_MEMORY;
  }
  return { cpu, memory };
}

/** A node's allocatable resources (falls back to capacity, as the kubelet reports both). */
export function allocatable(list: ResourceList | undefined): Resources {
  const r: Resources = new Map();
  addList(r, list);
  return r;
}
