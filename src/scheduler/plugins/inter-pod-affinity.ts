/**
 * @module InterPodAffinity: required pod affinity and anti-affinity of the incoming pod, and the
 * required anti-affinity of pods already placed, checked per topology domain (the value of the
 * term's topologyKey on the node); preferred terms (both ways, plus existing pods' required
 * affinity at weight 1) scored and min-max normalized. Counts come from the cache's per-node
 * selector counts where a term allows, so a pod is not compared with every pod in the cluster.
 */
import type { Node } from '../../client/kinds/core.js';
import { type ClusterView, type CycleState, type FilterPlugin, MAX_NODE_SCORE, type PreFilterPlugin, type PreScorePlugin,
  type ScorePlugin, SKIP, type Status, SUCCESS, unresolvable, unschedulable } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { type AffinityTerm, type NamespaceLabels, type PodInfo, termMatches } from '../pod-info.js';

export const INTER_POD_AFFINITY = 'InterPodAffinity';
export const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

/** Counts per topology pair `key\0value`. */
type PairCounts = Map<string, number>;
const pair = (k: string, v: string): string => `${k}\u0000${v}`;

function bumpPair(m: PairCounts, node: Node, key: string, delta: number): void {
  const v = node.metadata.labels?.[key];
  if (v === undefined) return;
  const p = pair(key, v);
  const n = (m.get(p) ?? 0) + delta;
  if (n === 0) m.delete(p);
  else m.set(p, n);
}

const matchesAll = (terms: readonly AffinityTerm[], pi: PodInfo, ns: NamespaceLabels): boolean =>
  terms.length > 0 && terms.every((t) => termMatches(t, pi.pod, ns));

interface FilterState {
  readonly pod: PodInfo;
  readonly existingAnti: PairCounts;
  readonly affinity: PairCounts;
  readonly anti: PairCounts;
  readonly ns: NamespaceLabels;
  clone(): FilterState;
}

function filterState(s: Omit<FilterState, 'clone'>): FilterState {
  return { ...s, clone: () => filterState({ ...s, existingAnti: new Map(s.existingAnti), affinity: new Map(s.affinity), anti: new Map(s.anti) }) };
}

/**
 * Per-node counts of pods a term selects, when the cache can keep them (a fixed namespace list);
 * undefined when the term needs a scan (namespaceSelector).
 */
function termCounts(view: ClusterView, t: AffinityTerm): ReadonlyMap<string, number> | undefined {
  if (t.namespaceSelector || !t.selector) return undefined;
  return view.cache.selectorCounts.countsFor({ selector: t.selector, namespaces: t.namespaces });
}

/** Adds, per topology pair, the pods matching `terms` (all of them at once when `all`). */
function countTerms(view: ClusterView, terms: readonly AffinityTerm[], all: boolean, out: PairCounts, ns: NamespaceLabels): void {
  if (terms.length === 0) return;
  const counts = all && terms.length > 1 ? undefined : terms.map((t) => termCounts(view, t));
  if (counts && counts.every((c) => c !== undefined)) {
    for (const ni of view.cache.nodes()) {
      terms.forEach((t, i) => {
        const n = (counts[i] as ReadonlyMap<string, number>).get(ni.name);
        if (n) bumpPair(out, ni.node, t.topologyKey, n);
      });
    }
    return;
  }
  for (const ni of view.cache.nodes()) {
    for (const pi of ni.pods.values()) {
      if (all) {
        if (matchesAll(terms, pi, ns)) for (const t of terms) bumpPair(out, ni.node, t.topologyKey, 1);
      } else {
        for (const t of terms) if (termMatches(t, pi.pod, ns)) bumpPair(out, ni.node, t.topologyKey, 1);
      }
    }
  }
}

export class InterPodAffinityPlugin implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = INTER_POD_AFFINITY;
  readonly weight = 2;
  /** The current cycle's pair scores (cycles run one at a time; Score runs per node). */
  private scores: PairCounts | undefined;

  preFilter(state: CycleState, pi: PodInfo, view: ClusterView): Status {
    const ns: NamespaceLabels = (n) => view.namespaceLabels(n);
    const existingAnti: PairCounts = new Map();
    for (const [other, ni] of view.cache.podsWithRequiredAntiAffinity()) {
      for (const t of other.requiredAntiAffinity) if (termMatches(t, pi.pod, ns)) bumpPair(existingAnti, ni.node, t.topologyKey, 1);
    }
    if (existingAnti.size === 0 && pi.requiredAffinity.length === 0 && pi.requiredAntiAffinity.length === 0) {
      state.skipFilter.add(this.name);
      return SKIP;
    }
    const affinity: PairCounts = new Map();
    const anti: PairCounts = new Map();
    countTerms(view, pi.requiredAffinity, true, affinity, ns);
    countTerms(view, pi.requiredAntiAffinity, false, anti, ns);
    state.write(this.name, filterState({ pod: pi, existingAnti, affinity, anti, ns }));
    return SUCCESS;
  }

  updateForPod(state: CycleState, _pi: PodInfo, victim: PodInfo, ni: NodeInfo, add: boolean): void {
    const s = state.read<FilterState>(this.name);
    if (!s) return;
    const d = add ? 1 : -1;
    for (const t of victim.requiredAntiAffinity) if (termMatches(t, s.pod.pod, s.ns)) bumpPair(s.existingAnti, ni.node, t.topologyKey, d);
    if (matchesAll(s.pod.requiredAffinity, victim, s.ns)) for (const t of s.pod.requiredAffinity) bumpPair(s.affinity, ni.node, t.topologyKey, d);
    for (const t of s.pod.requiredAntiAffinity) if (termMatches(t, victim.pod, s.ns)) bumpPair(s.anti, ni.node, t.topologyKey, d);
  }

  filter(state: CycleState, pi: PodInfo, ni: NodeInfo): Status {
    const s = state.read<FilterState>(this.name);
    if (!s) return SUCCESS;
    const labels = ni.labels;
    let podsExist = true;
    for (const t of pi.requiredAffinity) {
      const v = labels[t.topologyKey];
      if (v === undefined) return unresolvable(ERR_AFFINITY);
      if ((s.affinity.get(pair(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
    }
    // The first pod of a group with affinity to itself may go anywhere the topology exists.
    if (!podsExist && !(s.affinity.size === 0 && matchesAll(pi.requiredAffinity, pi, () => undefined))) return unresolvable(ERR_AFFINITY);
    if (s.anti.size > 0) {
      for (const t of pi.requiredAntiAffinity) {
        const v = labels[t.topologyKey];
        if (v !== undefined && (s.anti.get(pair(t.topologyKey, v)) ?? 0) > 0) return unschedulable(ERR_ANTI_AFFINITY);
      }
    }
    if (s.existingAnti.size > 0) {
      for (const [k, v] of Object.entries(labels)) if ((s.existingAnti.get(pair(k, v)) ?? 0) > 0) return unschedulable(ERR_EXISTING_ANTI_AFFINITY);
    }
    return SUCCESS;
  }

  preScore(state: CycleState, pi: PodInfo, _nodes: readonly NodeInfo[], view: ClusterView): Status {
    this.scores = undefined;
    const ns: NamespaceLabels = (n) => view.namespaceLabels(n);
    const hasPreferred = pi.preferredAffinity.length + pi.preferredAntiAffinity.length > 0;
    const scores: PairCounts = new Map();
    if (hasPreferred) {
      countTermsWeighted(view, pi.preferredAffinity, 1, scores, ns);
      countTermsWeighted(view, pi.preferredAntiAffinity, -1, scores, ns);
    }
    // Symmetry: what existing pods' own terms say about the incoming pod.
    for (const [other, ni] of view.cache.podsWithAffinity()) {
      for (const t of other.requiredAffinity) if (termMatches(t, pi.pod, ns)) bumpPair(scores, ni.node, t.topologyKey, 1);
      for (const t of other.preferredAffinity) if (termMatches(t, pi.pod, ns)) bumpPair(scores, ni.node, t.topologyKey, t.weight);
      for (const t of other.preferredAntiAffinity) if (termMatches(t, pi.pod, ns)) bumpPair(scores, ni.node, t.topologyKey, -t.weight);
    }
    if (scores.size === 0) {
      state.skipScore.add(this.name);
      return SKIP;
    }
    this.scores = scores;
    return SUCCESS;
  }

  score(_state: CycleState, _pi: PodInfo, ni: NodeInfo): number {
    const scores = this.scores;
    if (!scores) return 0;
    let total = 0;
    for (const [k, v] of Object.entries(ni.labels)) total += scores.get(pair(k, v)) ?? 0;
    return total;
  }

  normalize(_s: CycleState, _p: PodInfo, scores: number[]): void {
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores) {
      if (s < min) min = s;
      if (s > max) max = s;
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc((MAX_NODE_SCORE * ((scores[i] ?? 0) - min)) / diff) : 0;
  }
}

/** Adds `sign × weight` per topology pair for each existing pod a weighted term selects. */
function countTermsWeighted(view: ClusterView, terms: readonly AffinityTerm[], sign: number, out: PairCounts, ns: NamespaceLabels): void {
  for (const t of terms) {
    if (t.weight === 0) continue;
    const tmp: PairCounts = new Map();
    countTerms(view, [t], false, tmp, ns);
    for (const [p, n] of tmp) {
      const v = (out.get(p) ?? 0) + sign * t.weight * n;
      if (v === 0) out.delete(p);
      else out.set(p, v);
    }
  }
}
