/**
 * @module PodTopologySpread (required constraints filter, soft ones score) and the default
 * spreading of a controller's pods over nodes (kube-scheduler's default constraints spread
 * pods of the same owner; here counted by controller uid).
 */
import type { Pod, TopologySpreadConstraint } from '../../client/kinds/core.js';
import { selectorMatches } from '../../client/selector.js';
import { controllerOf } from '../../client/types.js';
import { normalizeByMax, type CycleState, type Plugin, type Snapshot } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { podMatchesNode, untoleratedTaint } from './node-match.js';

interface ConstraintCounts {
  readonly c: TopologySpreadConstraint;
  readonly counts: Map<string, number>;
  readonly min: number;
  readonly selfMatch: boolean;
}

const KEY = 'PodTopologySpread';

/** The constraint's selector, with matchLabelKeys folded in from the pod's labels. */
function constraintMatches(c: TopologySpreadConstraint, pod: Pod, other: Pod): boolean {
  if (other.metadata.namespace !== pod.metadata.namespace || other.metadata.deletionTimestamp) return false;
  if (!selectorMatches(c.labelSelector, other.metadata.labels)) return false;
  for (const k of c.matchLabelKeys ?? []) {
    const v = pod.metadata.labels?.[k];
    if (v !== undefined && other.metadata.labels?.[k] !== v) return false;
  }
  return true;
}

function countDomains(pod: Pod, snap: Snapshot, constraints: readonly TopologySpreadConstraint[]): ConstraintCounts[] {
  return constraints.map((c) => {
    const counts = new Map<string, number>();
    for (const ni of snap.nodes) {
      const node = ni.node;
      const domain = node?.metadata.labels?.[c.topologyKey];
      if (!node || domain === undefined) continue;
      // Eligible domains: nodes the pod could go to (nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore by default).
      if ((c.nodeAffinityPolicy ?? 'Honor') === 'Honor' && !podMatchesNode(pod, node)) continue;
      if (c.nodeTaintsPolicy === 'Honor' && untoleratedTaint(node.spec?.taints, pod.spec?.tolerations, ['NoSchedule', 'NoExecute'])) continue;
      let n = counts.get(domain) ?? 0;
      for (const other of ni.pods.values()) if (constraintMatches(c, pod, other)) n++;
      counts.set(domain, n);
    }
    let min = counts.size ? Math.min(...counts.values()) : 0;
    if (c.minDomains !== undefined && counts.size < c.minDomains) min = 0;
    return { c, counts, min, selfMatch: selectorMatches(c.labelSelector, pod.metadata.labels) };
  });
}

export const topologySpread: Plugin = {
  name: KEY,
  weight: 2,
  preFilter(state, pod, snap) {
    const all = pod.spec?.topologySpreadConstraints ?? [];
    if (all.length === 0) return undefined;
    state.write(`${KEY}/hard`, countDomains(pod, snap, all.filter((c) => c.whenUnsatisfiable === 'DoNotSchedule')));
    state.write(`${KEY}/soft`, countDomains(pod, snap, all.filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway')));
    return undefined;
  },
  filter(state, _pod, ni) {
    for (const cc of state.read<ConstraintCounts[]>(`${KEY}/hard`) ?? []) {
      const domain = ni.node?.metadata.labels?.[cc.c.topologyKey];
      if (domain === undefined) return { reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"], unresolvable: true };
      const skew = (cc.counts.get(domain) ?? 0) + (cc.selfMatch ? 1 : 0) - cc.min;
      if (skew > cc.c.maxSkew) return { reasons: ["node(s) didn't match pod topology spread constraints"] };
    }
    return undefined;
  },
  score(state, pod, ni) {
    const soft = state.read<ConstraintCounts[]>(`${KEY}/soft`);
    if (soft?.length) {
      let s = 0;
      for (const cc of soft) {
        const domain = ni.node?.metadata.labels?.[cc.c.topologyKey];
        s += domain === undefined ? 0 : cc.counts.get(domain) ?? 0;
      }
      return s;
    }
    if (pod.spec?.topologySpreadConstraints?.length) return 0;
    return sameOwnerOnNode(pod, ni);
  },
  normalize: (s) => normalizeByMax(s, true),
};

/** Pods of the same controller already on the node (the default soft spreading by hostname). */
function sameOwnerOnNode(pod: Pod, ni: NodeInfo): number {
  const owner = controllerOf(pod)?.uid;
  if (!owner) return 0;
  let n = 0;
  for (const p of ni.pods.values()) if (controllerOf(p)?.uid === owner) n++;
  return n;
}

export type { CycleState };
