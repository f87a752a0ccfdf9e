/** @module Container resource amounts for the autoscaler: usage strings and pod requests as numbers. */
import { Quantity } from '../../api/quantity.js';
import type { Pod } from '../../client/kinds/core.js';

/** A quantity as milli-CPU (cpu) or base units (everything else); 0 when absent or unparsable. */
export function amountOf(resource: string, q: string | number | undefined): number {
  if (q === undefined) return 0;
  try {
    const v = Quantity.from(q);
    return resource === 'cpu' ? v.milliValue() : v.value();
  } catch {
    return 0;
  }
}

/** The pod's summed container requests of `resource`; 0 if any container requests none. */
export function podRequest(pod: Pod, resource: string): number {
  let sum = 0;
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources?.requests?.[resource];
    if (r === undefined) return 0;
    sum += amountOf(resource, r);
  }
  return sum;
}
