/**
 * @module The scheduling framework's contracts (kube-scheduler's framework): plugins that
 * pre-filter a pod, filter nodes (failing with reasons, some unresolvable by preemption), and
 * score the nodes that passed; and the cycle that runs them and formats the failure message
 * kubectl describe shows (`0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had ...`).
 */
import type { Pod } from '../client/kinds/core.js';
import type { NodeInfo } from './node-info.js';

/** Why a pod does not fit: reasons, and whether preemption could change that. */
export interface Failure {
  readonly reasons: readonly string[];
  /** True when evicting pods would not help (taints, selectors, node names). */
  readonly unresolvable?: boolean;
}

/** The cluster as one scheduling cycle sees it. */
export interface Snapshot {
  readonly nodes: readonly NodeInfo[];
  get(name: string): NodeInfo | undefined;
}

/** Per-cycle scratch space plugins share (precomputed state for one pod). */
export class CycleState {
  private readonly data = new Map<string, unknown>();
  write(key: string, v: unknown): void { this.data.set(key, v); }
  read<T>(key: string): T | undefined { return this.data.get(key) as T | undefined; }
}

/** A scheduling plugin; every hook is optional. */
export interface Plugin {
  readonly name: string;
  /** Runs once per pod; a Failure makes every node fail with it. */
  preFilter?(state: CycleState, pod: Pod, snap: Snapshot): Failure | undefined;
  filter?(state: CycleState, pod: Pod, node: NodeInfo): Failure | undefined;
  /** Raw score for a feasible node; higher is better. */
  score?(state: CycleState, pod: Pod, node: NodeInfo): number;
  /** Maps raw scores onto 0..100 in place. */
  normalize?(scores: Map<NodeInfo, number>): void;
  /** Score weight (default 1). */
  readonly weight?: number;
}

/** Scales raw scores to 0..MAX_SCORE by the highest one (DefaultNormalizeScore); `reverse` favours low raw scores. */
export function normalizeByMax(scores: Map<NodeInfo, number>, reverse = false): void {
  let max = 0;
  for (const v of scores.values()) max = Math.max(max, v);
  for (const [k, v] of scores) {
    if (max === 0) scores.set(k, reverse ? MAX_SCORE : 0);
    else {
      const s = Math.floor((v * MAX_SCORE) / max);
      scores.set(k, reverse ? MAX_SCORE - s : s);
    }
  }
}

export const MAX_SCORE = 100;

/** The outcome of filtering: feasible nodes, or per-node failures. */
export interface FilterOutcome {
  readonly feasible: NodeInfo[];
  readonly failures: Map<string, Failure>;
  /** Set when a pre-filter failed for the whole pod. */
  readonly podFailure?: Failure;
}

/** Runs pre-filters, then the filters of each node, first failure wins (RunFilterPlugins). */
export function runFilters(plugins: readonly Plugin[], pod: Pod, snap: Snapshot, state: CycleState, opts: { enough?: number } = {}): FilterOutcome {
  for (const p of plugins) {
    const f = p.preFilter?.(state, pod, snap);
    if (f) return { feasible: [], failures: new Map(), podFailure: f };
  }
  const feasible: NodeInfo[] = [];
  const failures = new Map<string, Failure>();
  const n = snap.nodes.length;
  // Start at a rotating offset so consecutive pods do not all examine the same first nodes.
  const start = n ? (rotation = (rotation + 1) % n) : 0;
  for (let i = 0; i < n; i++) {
    const node = snap.nodes[(start + i) % n] as NodeInfo;
    if (!node.node) continue;
    let failed: Failure | undefined;
    for (const p of plugins) {
      failed = p.filter?.(state, pod, node);
      if (failed) break;
    }
    if (failed) failures.set(node.name, failed);
    else {
      feasible.push(node);
      if (opts.enough !== undefined && feasible.length >= opts.enough) break;
    }
  }
  return { feasible, failures };
}

let rotation = 0;

/** Weighted sum of normalized plugin scores per node. */
export function runScores(plugins: readonly Plugin[], pod: Pod, nodes: readonly NodeInfo[], state: CycleState): Map<NodeInfo, number> {
  const total = new Map<NodeInfo, number>(nodes.map((n) => [n, 0]));
  for (const p of plugins) {
    if (!p.score) continue;
    const s = new Map<NodeInfo, number>();
    for (const n of nodes) s.set(n, p.score(state, pod, n));
    p.normalize?.(s);
    const w = p.weight ?? 1;
    for (const [n, v] of s) total.set(n, (total.get(n) ?? 0) + v * w);
  }
  return total;
}

/**
 * kube-scheduler's FitError message: `0/N nodes are available: <count> <reason>, ...` with the
 * reasons counted over nodes and sorted, then the preemption verdict.
 */
export function fitErrorMessage(nodeCount: number, out: FilterOutcome, preemption: string): string {
  if (nodeCount === 0 && !out.podFailure) return 'no nodes available to schedule pods';
  let head: string;
  if (out.podFailure) {
    // A pre-filter failure concerns the pod, not nodes: no counts (as kube-scheduler prints it).
    head = `0/${nodeCount} nodes are available: ${out.podFailure.reasons.join(', ')}.`;
  } else {
    const histogram = new Map<string, number>();
    for (const f of out.failures.values()) for (const r of f.reasons) histogram.set(r, (histogram.get(r) ?? 0) + 1);
    const parts = [...histogram].map(([r, n]) => `${n} ${r}`).sort();
    head = `0/${nodeCount} nodes are available: ${parts.join(', ')}.`;
  }
  return preemption ? `${head} ${preemption}` : head;
}
