/**
 * @module DefaultPreemption: when a pod fits nowhere, find a node where evicting pods of lower
 * priority would make room, keeping as many of them as possible (reprieve in priority order),
 * and prefer the node whose victims matter least. Returns the plan and the message part that
 * kube-scheduler appends to FailedScheduling (`preemption: 0/3 nodes are available: ...`).
 */
import type { Pod } from '../client/kinds/core.js';
import { objectKey } from '../client/types.js';
import { CycleState, runFilters, type FilterOutcome, type Plugin, type Snapshot } from './framework.js';
import type { NodeInfo } from './node-info.js';

export interface PreemptionPlan {
  readonly node: string;
  readonly victims: readonly Pod[];
}

const prio = (p: Pod): number => p.spec?.priority ?? 0;

/** Tries preemption for `pod` given the failed filter outcome. */
export function preempt(plugins: readonly Plugin[], pod: Pod, snap: Snapshot, out: FilterOutcome): { plan?: PreemptionPlan; message: string } {
  const n = snap.nodes.length;
  if (pod.spec?.preemptionPolicy === 'Never') return { message: `preemption: not eligible due to preemptionPolicy=Never.` };
  if (out.podFailure) return { message: `preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.` };
  let unhelpful = 0;
  let noVictims = 0;
  const plans: { node: NodeInfo; victims: Pod[] }[] = [];
  for (const ni of snap.nodes) {
    const f = out.failures.get(ni.name);
    if (!f) continue;
    if (f.unresolvable) { unhelpful++; continue; }
    const victims = victimsOn(plugins, pod, ni, snap);
    if (victims) plans.push({ node: ni, victims });
    else noVictims++;
  }
  if (plans.length === 0) {
    const parts: string[] = [];
    if (noVictims) parts.push(`${noVictims} No preemption victims found for incoming pod`);
    if (unhelpful) parts.push(`${unhelpful} Preemption is not helpful for scheduling`);
    return { message: `preemption: 0/${n} nodes are available: ${parts.sort().join(', ')}.` };
  }
  // Fewest high-priority victims first, then lowest priority sum, then fewest victims.
  plans.sort((a, b) => {
    const ma = Math.max(...a.victims.map(prio));
    const mb = Math.max(...b.victims.map(prio));
    if (ma !== mb) return ma - mb;
    const sa = a.victims.reduce((s, p) => s + prio(p), 0);
    const sb = b.victims.reduce((s, p) => s + prio(p), 0);
    return sa !== sb ? sa - sb : a.victims.length - b.victims.length;
  });
  const best = plans[0] as { node: NodeInfo; victims: Pod[] };
  return { plan: { node: best.node.name, victims: best.victims }, message: '' };
}

/** The smallest set of lower-priority pods on `ni` whose removal lets `pod` fit, or undefined. */
function victimsOn(plugins: readonly Plugin[], pod: Pod, ni: NodeInfo, snap: Snapshot): Pod[] | undefined {
  const lower = [...ni.pods.values()].filter((p) => prio(p) < prio(pod) && !p.metadata.deletionTimestamp);
  if (lower.length === 0) return undefined;
  // Simulate on the live node info and restore it before returning (single-threaded: nothing interleaves).
  const removed: Pod[] = [];
  for (const p of lower) { ni.removePod(objectKey(p)); removed.push(p); }
  try {
    if (!fits(plugins, pod, ni, snap)) return undefined;
    const victims: Pod[] = [];
    // Reprieve: put back the most important pods first while the preemptor still fits.
    for (const p of [...removed].sort((a, b) => prio(b) - prio(a))) {
      ni.addPod(p);
      if (!fits(plugins, pod, ni, snap)) {
        ni.removePod(objectKey(p));
        victims.push(p);
      }
    }
    return victims;
  } finally {
    for (const p of removed) if (!ni.pods.has(objectKey(p))) ni.addPod(p);
  }
}

function fits(plugins: readonly Plugin[], pod: Pod, ni: NodeInfo, snap: Snapshot): boolean {
  const one: Snapshot = { nodes: [ni], get: (name) => (name === ni.name ? ni : snap.get(name)) };
  return runFilters(plugins, pod, one, new CycleState()).feasible.length === 1;
}
