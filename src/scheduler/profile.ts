/**
 * @module The default plugin set, in kube-scheduler's filter order, with its score weights.
 */
import type { Plugin } from './framework.js';
import { interPodAffinity } from './plugins/inter-pod-affinity.js';
import { nodeAffinity, nodePorts, nodeUnschedulable, taintToleration } from './plugins/node-basics.js';
import { balancedAllocation, resourceFit } from './plugins/resource-fit.js';
import { topologySpread } from './plugins/spread.js';

/** The default profile; `extra` plugins (volume binding) run after the built-in filters. */
export function defaultPlugins(extra: readonly Plugin[] = []): Plugin[] {
  return [nodeUnschedulable, taintToleration, nodeAffinity, nodePorts, resourceFit, ...extra, topologySpread, interPodAffinity, balancedAllocation];
}

/** How many feasible nodes to look for before scoring (percentageOfNodesToScore, adaptive). */
export function feasibleNodesToFind(total: number): number {
  if (total < 100) return total;
  const pct = Math.max(5, 50 - Math.floor(total / 125));
  return Math.max(100, Math.floor((total * pct) / 100));
}
