/**
 * @module Resource arithmetic shared by LimitRanger and ResourceQuota: the requests and limits of
 * a container, and of a pod as the scheduler counts them (the larger of the sum of its containers
 * and of any one init container, plus its overhead). Malformed quantities are skipped (validation
 * rejects them earlier).
 */
import { arrayAt, isPlainObject, objectAt } from '../../../api/meta/object.js';
import { Quantity } from '../../../api/quantity.js';

export type ResourceList = Map<string, Quantity>;

/** Reads a ResourceList (`{cpu: "100m"}`), skipping unparseable values. */
export function resourceList(v: unknown): ResourceList {
  const out: ResourceList = new Map();
  if (!isPlainObject(v)) return out;
  for (const [k, q] of Object.entries(v)) {
    try {
      out.set(k, Quantity.from(q));
    } catch {
      // Ignored: field validation reports bad quantities.
    }
  }
  return out;
}

export function addTo(acc: ResourceList, add: ResourceList): void {
  for (const [k, q] of add) acc.set(k, acc.get(k)?.add(q) ?? q);
}

function maxInto(acc: ResourceList, other: ResourceList): void {
  for (const [k, q] of other) {
    const cur = acc.get(k);
    if (!cur || q.cmp(cur) > 0) acc.set(k, q);
  }
}

export interface Requirements {
  readonly requests: ResourceList;
  readonly limits: ResourceList;
}

export function containerRequirements(c: unknown): Requirements {
  const r = objectAt(c, 'resources');
  return { requests: resourceList(r?.['requests']), limits: resourceList(r?.['limits']) };
}

export function podContainers(spec: unknown): { init: Record<string, unknown>[]; main: Record<string, unknown>[] } {
  return {
    init: (arrayAt(spec, 'initContainers') ?? []).filter(isPlainObject),
    main: (arrayAt(spec, 'containers') ?? []).filter(isPlainObject),
  };
}

/** The pod's effective requests or limits (resourcehelper.PodRequests / PodLimits). */
export function podRequirements(pod: unknown, which: 'requests' | 'limits'): ResourceList {
  const spec = objectAt(pod, 'spec');
  const { init, main } = podContainers(spec);
  const sum: ResourceList = new Map();
  for (const c of main) addTo(sum, containerRequirements(c)[which]);
  // Restartable (sidecar) init containers keep running: they add to the sum.
  const initMax: ResourceList = new Map();
  const sidecars: ResourceList = new Map();
  for (const c of init) {
    const req = containerRequirements(c)[which];
    if (c['restartPolicy'] === 'Always') {
      addTo(sidecars, req);
      addTo(sum, req);
    } else {
      const withSidecars: ResourceList = new Map(sidecars);
      addTo(withSidecars, req);
      maxInto(initMax, withSidecars);
    }
  }
  maxInto(sum, initMax);
  addTo(sum, resourceList(spec?.['overhead']));
  return sum;
}
