/**
 * @module PodTopologySpread: DoNotSchedule constraints filter (skew = pods matching in the node's
 * domain + the pod itself − the emptiest domain, minDomains, nodeAffinityPolicy and
 * nodeTaintsPolicy deciding which nodes count), ScheduleAnyway constraints score (fewer matching
 * pods in the domain is better, weighted by log(domains+2)), and the system default constraints
 * (hostname maxSkew 3, zone maxSkew 5) for pods of services and controllers.
 */
import type { Node, TopologySpreadConstraint } from '../../client/kinds/core.js';
import type { LabelSelectorSpec } from '../../client/kinds/meta.js';
import { selectorMatches } from '../../client/selector.js';
import { type ClusterView, type CycleState, type FilterPlugin, MAX_NODE_SCORE, type PreFilterPlugin, type PreScorePlugin,
  type ScorePlugin, SKIP, type Status, SUCCESS, unresolvable, unschedulable } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { type PodInfo, withLabelKeys } from '../pod-info.js';
import { podMatchesNodeAffinity } from './node-affinity.js';
import { untoleratedTaint } from './node-basics.js';

export const POD_TOPOLOGY_SPREAD = 'PodTopologySpread';
export const ERR_CONSTRAINTS = "node(s) didn't match pod topology spread constraints";
export const ERR_MISSING_LABEL = `${ERR_CONSTRAINTS} (missing required label)`;
const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

interface Constraint {
  readonly maxSkew: number;
  readonly key: string;
  readonly selector: LabelSelectorSpec | undefined;
  readonly minDomains: number;
  readonly honorAffinity: boolean;
  readonly honorTaints: boolean;
}

function constraintsOf(pi: PodInfo, when: TopologySpreadConstraint['whenUnsatisfiable']): Constraint[] {
  return (pi.pod.spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === when).map((c) => ({
    maxSkew: c.maxSkew, key: c.topologyKey, minDomains: c.minDomains ?? 1,
    selector: withLabelKeys(c.labelSelector, pi.pod.metadata.labels, { match: c.matchLabelKeys }),
    honorAffinity: c.nodeAffinityPolicy !== 'Ignore', honorTaints: c.nodeTaintsPolicy === 'Honor',
  }));
}

/** Whether a node's pods count for a constraint (matchNodeInclusionPolicies). */
function includes(c: Constraint, pi: PodInfo, node: Node): boolean {
  if (c.honorAffinity && !podMatchesNodeAffinity(pi.pod, node)) return false;
  if (c.honorTaints && untoleratedTaint(node.spec?.taints ?? [], pi.pod.spec?.tolerations ?? [])) return false;
  return true;
}

const hasAllKeys = (labels: Readonly<Record<string, string>>, cs: readonly Constraint[]): boolean => cs.every((c) => labels[c.key] !== undefined);

/** Pods matching `c` on each node of the pod's namespace (terminating pods left out). */
function countsFor(view: ClusterView, pi: PodInfo, c: Constraint): ReadonlyMap<string, number> {
  if (!c.selector) return new Map();
  return view.cache.selectorCounts.countsFor({ selector: c.selector, namespaces: new Set([pi.namespace]), excludeTerminating: true });
}

interface FilterState {
  readonly constraints: Constraint[];
  /** Per constraint: domain value → matching pods. */
  readonly domains: Map<string, number>[];
  /** Whether the incoming pod matches each constraint's selector itself. */
  readonly self: number[];
  clone(): FilterState;
}

function filterState(constraints: Constraint[], domains: Map<string, number>[], self: number[]): FilterState {
  return { constraints, domains, self, clone: () => filterState(constraints, domains.map((d) => new Map(d)), self) };
}

interface ScoreState {
  readonly constraints: Constraint[];
  readonly requireAll: boolean;
  readonly ignored: Set<string>;
  /** Per constraint (non-hostname): domain value → matching pods across counted nodes. */
  readonly domains: Map<string, number>[];
  readonly weights: number[];
  readonly nodeCounts: ReadonlyMap<string, number>[];
  readonly nodes: readonly NodeInfo[];
}

export class PodTopologySpreadPlugin implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = POD_TOPOLOGY_SPREAD;
  readonly weight = 2;
  /** The current cycle's score state: cycles run one at a time, and Score runs per node. */
  private scoring: ScoreState | undefined;

  preFilter(state: CycleState, pi: PodInfo, view: ClusterView): Status {
    const constraints = constraintsOf(pi, 'DoNotSchedule');
    if (constraints.length === 0) {
      state.skipFilter.add(this.name);
      return SKIP;
    }
    const counts = constraints.map((c) => countsFor(view, pi, c));
    const domains = constraints.map(() => new Map<string, number>());
    for (const ni of view.cache.nodes()) {
      if (!hasAllKeys(ni.labels, constraints)) continue;
      constraints.forEach((c, i) => {
        if (!includes(c, pi, ni.node)) return;
        const d = domains[i] as Map<string, number>;
        const v = ni.labels[c.key] as string;
        d.set(v, (d.get(v) ?? 0) + ((counts[i] as ReadonlyMap<string, number>).get(ni.name) ?? 0));
      });
    }
    const self = constraints.map((c) => (selectorMatches(c.selector, pi.pod.metadata.labels) ? 1 : 0));
    state.write(this.name, filterState(constraints, domains, self));
    return SUCCESS;
  }

  updateForPod(state: CycleState, pi: PodInfo, victim: PodInfo, ni: NodeInfo, add: boolean): void {
    const s = state.read<FilterState>(this.name);
    if (!s || victim.namespace !== pi.namespace || victim.pod.metadata.deletionTimestamp) return;
    if (!hasAllKeys(ni.labels, s.constraints)) return;
    s.constraints.forEach((c, i) => {
      if (!includes(c, pi, ni.node) || !selectorMatches(c.selector, victim.pod.metadata.labels)) return;
      const d = s.domains[i] as Map<string, number>;
      const v = ni.labels[c.key] as string;
      d.set(v, (d.get(v) ?? 0) + (add ? 1 : -1));
    });
  }

  filter(state: CycleState, _pi: PodInfo, ni: NodeInfo): Status {
    const s = state.read<FilterState>(this.name);
    if (!s) return SUCCESS;
    for (const [i, c] of s.constraints.entries()) {
      const v = ni.labels[c.key];
      if (v === undefined) return unresolvable(ERR_MISSING_LABEL);
      const d = s.domains[i] as Map<string, number>;
      let min = Infinity;
      for (const n of d.values()) if (n < min) min = n;
      // Too few domains: the missing ones count as empty (minDomains).
      if (d.size < c.minDomains || min === Infinity) min = 0;
      const skew = (d.get(v) ?? 0) + (s.self[i] ?? 0) - min;
      if (skew > c.maxSkew) return unschedulable(ERR_CONSTRAINTS);
    }
    return SUCCESS;
  }

  preScore(state: CycleState, pi: PodInfo, nodes: readonly NodeInfo[], view: ClusterView): Status {
    this.scoring = undefined;
    let constraints = constraintsOf(pi, 'ScheduleAnyway');
    let requireAll = true;
    if ((pi.pod.spec?.topologySpreadConstraints ?? []).length === 0) {
      const sel = view.defaultSpreadSelector(pi.pod);
      if (sel) {
        requireAll = false;
        constraints = [HOSTNAME, ZONE].map((key) => ({ maxSkew: key === HOSTNAME ? 3 : 5, key, selector: sel, minDomains: 1, honorAffinity: true, honorTaints: false }));
      }
    }
    if (constraints.length === 0) {
      state.skipScore.add(this.name);
      return SKIP;
    }
    const ignored = new Set<string>();
    const domains = constraints.map(() => new Map<string, number>());
    const sizes = constraints.map(() => 0);
    // Only domains some node carries a label for ever score (nodes without the key score 0 for it).
    let labelled = false;
    for (const ni of nodes) {
      const labels = ni.labels;
      if (requireAll && !hasAllKeys(labels, constraints)) {
        ignored.add(ni.name);
        continue;
      }
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i] as Constraint;
        if (c.key === HOSTNAME) continue;
        const d = domains[i] as Map<string, number>;
        const v = labels[c.key];
        if (v !== undefined) labelled = true;
        if (!d.has(v ?? '')) {
          d.set(v ?? '', 0);
          sizes[i] = (sizes[i] ?? 0) + 1;
        }
      }
    }
    const nodeCounts = constraints.map((c) => countsFor(view, pi, c));
    // Domain totals run over every node that counts, not only the feasible ones.
    if (labelled) {
      for (const ni of view.cache.nodes()) {
        const labels = ni.labels;
        if (requireAll && !hasAllKeys(labels, constraints)) continue;
        for (let i = 0; i < constraints.length; i++) {
          const c = constraints[i] as Constraint;
          if (c.key === HOSTNAME || !includes(c, pi, ni.node)) continue;
          const d = domains[i] as Map<string, number>;
          const v = labels[c.key] ?? '';
          const cur = d.get(v);
          if (cur !== undefined) d.set(v, cur + ((nodeCounts[i] as ReadonlyMap<string, number>).get(ni.name) ?? 0));
        }
      }
    }
    const weights = constraints.map((c, i) => Math.log((c.key === HOSTNAME ? nodes.length - ignored.size : sizes[i] ?? 0) + 2));
    this.scoring = { constraints, requireAll, ignored, domains, weights, nodeCounts, nodes };
    return SUCCESS;
  }

  score(_state: CycleState, _pi: PodInfo, ni: NodeInfo): number {
    const s = this.scoring;
    if (!s || s.ignored.has(ni.name)) return 0;
    let score = 0;
    const labels = ni.labels;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i] as Constraint;
      const v = labels[c.key];
      if (v === undefined) continue;
      const n = c.key === HOSTNAME ? (s.nodeCounts[i] as ReadonlyMap<string, number>).get(ni.name) ?? 0 : (s.domains[i] as Map<string, number>).get(v) ?? 0;
      score += n * (s.weights[i] ?? 0) + (c.maxSkew - 1);
    }
    return Math.round(score);
  }

  normalize(_state: CycleState, _pi: PodInfo, scores: number[]): void {
    const s = this.scoring;
    if (!s) return;
    let min = Infinity;
    let max = 0;
    s.nodes.forEach((n, i) => {
      if (s.ignored.has(n.name)) return;
      const v = scores[i] ?? 0;
      if (v < min) min = v;
      if (v > max) max = v;
    });
    s.nodes.forEach((n, i) => {
      if (s.ignored.has(n.name)) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - (scores[i] ?? 0))) / max);
    });
  }
}
