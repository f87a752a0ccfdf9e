/**
 * @module NodeResourcesFit (requests against allocatable: cpu, memory, ephemeral-storage, pods,
 * extended resources; scored LeastAllocated) and NodeResourcesBalancedAllocation.
 */
import { MAX_SCORE, type Plugin } from '../framework.js';
import { nonzeroRequests, podRequests } from '../resources.js';

export const resourceFit: Plugin = {
  name: 'NodeResourcesFit',
  filter(_s, pod, ni) {
    const reasons: string[] = [];
    const maxPods = ni.allocatable.get('pods') ?? 110;
    if (ni.pods.size + 1 > maxPods) reasons.push('Too many pods');
    for (const [name, want] of podRequests(pod)) {
      if (want <= 0) continue;
      const free = (ni.allocatable.get(name) ?? 0) - (ni.requested.get(name) ?? 0);
      if (want > free) reasons.push(`Insufficient ${name}`);
    }
    return reasons.length ? { reasons } : undefined;
  },
  score(_s, pod, ni) {
    // LeastAllocated over cpu and memory, with the default 100m/200Mi for empty requests.
    const nz = nonzeroRequests(pod);
    const part = (alloc: number, used: number): number => (alloc <= 0 || used > alloc ? 0 : ((alloc - used) * MAX_SCORE) / alloc);
    const cpu = part(ni.allocatable.get('cpu') ?? 0, ni.nonzeroCpu + nz.cpu);
    const mem = part(ni.allocatable.get('memory') ?? 0, ni.nonzeroMemory + nz.memory);
    return Math.floor((cpu + mem) / 2);
  },
};

export const balancedAllocation: Plugin = {
  name: 'NodeResourcesBalancedAllocation',
  score(_s, pod, ni) {
    const nz = nonzeroRequests(pod);
    const frac = (alloc: number, used: number): number => (alloc <= 0 ? 1 : Math.min(1, used / alloc));
    const c = frac(ni.allocatable.get('cpu') ?? 0, ni.nonzeroCpu + nz.cpu);
    const m = frac(ni.allocatable.get('memory') ?? 0, ni.nonzeroMemory + nz.memory);
    // With two resources the standard deviation is half their difference.
    const std = Math.abs(c - m) / 2;
    return Math.floor((1 - std) * MAX_SCORE);
  },
};
