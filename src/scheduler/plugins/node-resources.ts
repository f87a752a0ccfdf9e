/**
 * @module NodeResourcesFit (requests against allocatable: pods, cpu, memory, ephemeral storage,
 * extended resources; scored LeastAllocated over cpu and memory) and
 * NodeResourcesBalancedAllocation (prefers nodes whose cpu and memory fractions stay close),
 * with the reasons and integer arithmetic of the upstream plugins. NodePorts sits here too.
 */
import { type CycleState, type FilterPlugin, MAX_NODE_SCORE, type PreFilterPlugin, type PreScorePlugin, type ScorePlugin, SKIP,
  type Status, SUCCESS, unschedulable } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';

/** The reasons a pod does not fit a node's free resources (empty: it fits). */
export function insufficientResources(pi: PodInfo, ni: NodeInfo): string[] {
  const out: string[] = [];
  const alloc = ni.allocatable;
  const used = ni.requested;
  if (ni.pods.size + 1 > alloc.pods) out.push('Too many pods');
  const r = pi.requests;
  if (r.milliCPU === 0 && r.memory === 0 && r.ephemeralStorage === 0 && !r.scalar) return out;
  if (r.milliCPU > 0 && r.milliCPU > alloc.milliCPU - used.milliCPU) out.push('Insufficient cpu');
  if (r.memory > 0 && r.memory > alloc.memory - used.memory) out.push('Insufficient memory');
  if (r.ephemeralStorage > 0 && r.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) out.push('Insufficient ephemeral-storage');
  if (r.scalar) {
    for (const [name, q] of r.scalar) {
      if (q === 0) continue;
      if (q > (alloc.scalar?.get(name) ?? 0) - (used.scalar?.get(name) ?? 0)) out.push(`Insufficient ${name}`);
    }
  }
  return out;
}

export class NodeResourcesFitPlugin implements FilterPlugin, ScorePlugin {
  readonly name = 'NodeResourcesFit';
  readonly weight = 1;

  filter(_s: CycleState, pi: PodInfo, ni: NodeInfo): Status {
    const reasons = insufficientResources(pi, ni);
    return reasons.length ? unschedulable(...reasons) : SUCCESS;
  }

  /** LeastAllocated over cpu and memory (weights 1), with the scoring defaults for unset requests. */
  score(_s: CycleState, pi: PodInfo, ni: NodeInfo): number {
    const cpu = leastRequested(ni.nonZeroRequested.milliCPU + pi.nonZero.milliCPU, ni.allocatable.milliCPU);
    const mem = leastRequested(ni.nonZeroRequested.memory + pi.nonZero.memory, ni.allocatable.memory);
    return Math.trunc((cpu + mem) / 2);
  }
}

function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

export class BalancedAllocationPlugin implements PreScorePlugin, ScorePlugin {
  readonly name = 'NodeResourcesBalancedAllocation';
  readonly weight = 1;

  preScore(state: CycleState, pi: PodInfo): Status {
    // A pod requesting neither cpu nor memory cannot unbalance anything.
    if (pi.requests.milliCPU === 0 && pi.requests.memory === 0) {
      state.skipScore.add(this.name);
      return SKIP;
    }
    return SUCCESS;
  }

  score(_s: CycleState, pi: PodInfo, ni: NodeInfo): number {
    const f = (req: number, alloc: number): number => (alloc === 0 ? 0 : Math.min(1, req / alloc));
    const cpu = f(ni.requested.milliCPU + pi.requests.milliCPU, ni.allocatable.milliCPU);
    const mem = f(ni.requested.memory + pi.requests.memory, ni.allocatable.memory);
    const std = Math.abs(cpu - mem) / 2;
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  }
}

export const ERR_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

export class NodePortsPlugin implements PreFilterPlugin, FilterPlugin {
  readonly name = 'NodePorts';

  preFilter(state: CycleState, pi: PodInfo): Status {
    if (pi.hostPorts.length === 0) {
      state.skipFilter.add(this.name);
      return SKIP;
    }
    return SUCCESS;
  }

  filter(_s: CycleState, pi: PodInfo, ni: NodeInfo): Status {
    for (const p of pi.hostPorts) if (ni.usedPorts.conflicts(p)) return unschedulable(ERR_NODE_PORTS);
    return SUCCESS;
  }
}
