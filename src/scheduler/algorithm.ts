/**
 * @module One scheduling decision (schedulePod): PreFilter, then Filter over the nodes starting
 * where the last cycle stopped, until enough feasible nodes are found (percentageOfNodesToScore's
 * adaptive sample on big clusters), then PreScore, Score, normalize, weight, and pick the best
 * node (ties broken at random). Synchronous: the cache cannot change under a decision.
 */
import { Diagnosis } from './diagnosis.js';
import { type ClusterView, Code, CycleState, type FilterPlugin, isRejected, type PreFilterPlugin, type PreFilterResult,
  type PreScorePlugin, type ScorePlugin, type Status, SUCCESS, unresolvable } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';

/** The plugins of one scheduler profile, in the order they run. */
export interface Profile {
  readonly preFilter: readonly PreFilterPlugin[];
  readonly filter: readonly FilterPlugin[];
  readonly preScore: readonly PreScorePlugin[];
  readonly score: readonly ScorePlugin[];
}

export type ScheduleOutcome =
  | { readonly ok: true; readonly node: string; readonly evaluated: number; readonly feasible: number; readonly state: CycleState }
  | { readonly ok: false; readonly diagnosis: Diagnosis; readonly numAllNodes: number; readonly state: CycleState };

const MIN_FEASIBLE_NODES = 100;
const MIN_FEASIBLE_PERCENTAGE = 5;

/** numFeasibleNodesToFind: every node below 100, else 50% − nodes/125 (at least 5%, at least 100). */
export function numFeasibleNodesToFind(numAll: number, percentage = 0): number {
  if (numAll < MIN_FEASIBLE_NODES) return numAll;
  let p = percentage;
  if (p === 0) p = Math.max(MIN_FEASIBLE_PERCENTAGE, 50 - Math.trunc(numAll / 125));
  const n = Math.trunc((numAll * p) / 100);
  return Math.max(n, MIN_FEASIBLE_NODES);
}

export class Algorithm {
  private nextStart = 0;

  constructor(readonly profile: Profile, private readonly view: ClusterView, private readonly opts: { percentageOfNodesToScore?: number } = {}) {}

  schedule(pi: PodInfo): ScheduleOutcome {
    const state = new CycleState();
    const nodes = this.view.cache.nodes();
    const diagnosis = new Diagnosis();
    const pre = this.runPreFilter(state, pi, diagnosis);
    if (pre === 'rejected') return { ok: false, diagnosis, numAllNodes: nodes.length, state };
    const restrict = pre?.names;
    // A pod nominated by an earlier preemption tries its node first.
    const nominated = this.view.cache.nominatedNodeOf(pi.key) ?? pi.pod.status?.nominatedNodeName;
    if (nominated) {
      const ni = this.view.cache.node(nominated);
      if (ni && (!restrict || restrict.has(nominated)) && this.runFilters(state, pi, ni).code === Code.Success) {
        return { ok: true, node: nominated, evaluated: 1, feasible: 1, state };
      }
    }
    let candidates: readonly NodeInfo[] = nodes;
    if (pre) {
      candidates = [...pre.names].map((n) => this.view.cache.node(n)).filter((n): n is NodeInfo => n !== undefined);
      diagnosis.absentStatus = unresolvable(`node(s) didn't satisfy plugin(s) [${[...pre.by].sort().join(' ')}]`);
      for (const p of pre.by) diagnosis.unschedulablePlugins.add(p);
    }
    const feasible = this.findFeasible(state, pi, candidates, diagnosis);
    if (feasible.nodes.length === 0) return { ok: false, diagnosis, numAllNodes: nodes.length, state };
    if (feasible.nodes.length === 1) return { ok: true, node: (feasible.nodes[0] as NodeInfo).name, evaluated: feasible.evaluated, feasible: 1, state };
    const node = this.prioritize(state, pi, feasible.nodes);
    return { ok: true, node, evaluated: feasible.evaluated, feasible: feasible.nodes.length, state };
  }

  /** Runs every PreFilter; returns the node-name restriction and who made it, or 'rejected'. */
  private runPreFilter(state: CycleState, pi: PodInfo, d: Diagnosis): { names: Set<string>; by: string[] } | undefined | 'rejected' {
    let restrict: { names: Set<string>; by: string[] } | undefined;
    for (const p of this.profile.preFilter) {
      const r = p.preFilter(state, pi, this.view);
      const status: Status = 'code' in r ? r : r.status;
      if (isRejected(status)) {
        d.preFilterMsg = status.reasons.join(', ');
        d.unschedulablePlugins.add(p.name);
        return 'rejected';
      }
      const names = 'code' in r ? undefined : (r as PreFilterResult).nodeNames;
      if (!names) continue;
      if (restrict) {
        restrict.names = new Set([...restrict.names].filter((n) => names.has(n)));
        restrict.by.push(p.name);
      } else {
        restrict = { names: new Set(names), by: [p.name] };
      }
    }
    return restrict;
  }

  /** Filters until enough nodes are feasible, starting after the previous cycle's last node. */
  private findFeasible(state: CycleState, pi: PodInfo, nodes: readonly NodeInfo[], d: Diagnosis): { nodes: NodeInfo[]; evaluated: number } {
    const n = nodes.length;
    const want = numFeasibleNodesToFind(n, this.opts.percentageOfNodesToScore);
    const out: NodeInfo[] = [];
    const restricted = d.absentStatus !== undefined;
    const start = restricted ? 0 : this.nextStart % Math.max(1, n);
    let evaluated = 0;
    for (; evaluated < n && out.length < want; evaluated++) {
      const ni = nodes[(start + evaluated) % n] as NodeInfo;
      const s = this.runFilters(state, pi, ni);
      if (s.code === Code.Success) out.push(ni);
      else d.record(ni.name, s);
    }
    if (!restricted && n > 0) this.nextStart = (start + evaluated) % n;
    return { nodes: out, evaluated };
  }

  /** Filters one node, also with the higher-priority pods nominated to it (both must pass). */
  runFilters(state: CycleState, pi: PodInfo, ni: NodeInfo): Status {
    const onNode = this.view.cache.nominatedOn(ni.name);
    const nominated = onNode.length === 0 ? onNode : onNode.filter((o) => o.key !== pi.key && o.priority >= pi.priority);
    if (nominated.length > 0) {
      const clone = ni.clone();
      const st = state.clone();
      for (const o of nominated) {
        clone.addPod(o);
        for (const p of this.profile.preFilter) p.updateForPod?.(st, pi, o, clone, true);
      }
      const s = this.filterOnce(st, pi, clone);
      if (s.code !== Code.Success) return s;
    }
    return this.filterOnce(state, pi, ni);
  }

  private filterOnce(state: CycleState, pi: PodInfo, ni: NodeInfo): Status {
    for (const p of state.activeFilters(this.profile.filter)) {
      const s = p.filter(state, pi, ni);
      if (s.code !== Code.Success) {
        s.plugin = p.name;
        return s;
      }
    }
    return SUCCESS;
  }

  private prioritize(state: CycleState, pi: PodInfo, nodes: readonly NodeInfo[]): string {
    for (const p of this.profile.preScore) p.preScore(state, pi, nodes, this.view);
    const totals = new Array<number>(nodes.length).fill(0);
    const scores = new Array<number>(nodes.length);
    for (const p of this.profile.score) {
      if (state.skipScore.has(p.name)) continue;
      for (let i = 0; i < nodes.length; i++) scores[i] = p.score(state, pi, nodes[i] as NodeInfo);
      p.normalize?.(state, pi, scores);
      for (let i = 0; i < nodes.length; i++) totals[i] = (totals[i] as number) + (scores[i] ?? 0) * p.weight;
    }
    // selectHost: the best score, reservoir-sampled among ties.
    let best = -Infinity;
    let chosen = 0;
    let ties = 0;
    for (let i = 0; i < totals.length; i++) {
      const t = totals[i] as number;
      if (t > best) {
        best = t;
        chosen = i;
        ties = 1;
      } else if (t === best && Math.random() * ++ties < 1) {
        chosen = i;
      }
    }
    return (nodes[chosen] as NodeInfo).name;
  }
}
