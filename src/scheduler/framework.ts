/**
 * @module The scheduling framework's contracts (kube-scheduler's framework package): statuses
 * with Kubernetes's codes, the per-cycle state plugins share, and the plugin extension points
 * (PreFilter, Filter, PreScore, Score) the scheduling cycle calls in order.
 */
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { SchedulerCache } from './cache.js';
import type { Pod } from '../client/kinds/core.js';
import type { LabelSelectorSpec } from '../client/kinds/meta.js';

/** Status codes as the framework defines them. */
export const Code = {
  Success: 0,
  Error: 1,
  /** The node cannot run the pod now, but preemption may change that. */
  Unschedulable: 2,
  /** Preemption would not help on this node (a taint, a node selector, ...). */
  UnschedulableAndUnresolvable: 3,
  /** The plugin has nothing to do for this pod: its Filter/Score are skipped. */
  Skip: 5,
} as const;
export type Code = (typeof Code)[keyof typeof Code];

/** A plugin's verdict. `reasons` become the FailedScheduling message's histogram entries. */
export interface Status {
  readonly code: Code;
  readonly reasons: readonly string[];
  /** The plugin that produced the status (set by the cycle). */
  plugin?: string;
}

export const SUCCESS: Status = Object.freeze({ code: Code.Success, reasons: [] });
export const SKIP: Status = Object.freeze({ code: Code.Skip, reasons: [] });

export function unschedulable(...reasons: string[]): Status {
  return { code: Code.Unschedulable, reasons };
}

export function unresolvable(...reasons: string[]): Status {
  return { code: Code.UnschedulableAndUnresolvable, reasons };
}

export function isRejected(s: Status): boolean {
  return s.code === Code.Unschedulable || s.code === Code.UnschedulableAndUnresolvable;
}

/** Scores run from 0 to this (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100;

/**
 * Per-cycle scratch space: what PreFilter/PreScore computed for one pod, keyed by plugin name.
 * Preemption clones it before it simulates removing pods.
 */
export class CycleState {
  private readonly data = new Map<string, unknown>();
  /** Plugins whose PreFilter returned Skip: their Filter does not run. */
  readonly skipFilter = new Set<string>();
  readonly skipScore = new Set<string>();
  private active: readonly FilterPlugin[] | undefined;
  private activeOf: readonly FilterPlugin[] | undefined;

  /** The filters not skipped by their PreFilter (computed once per cycle, after PreFilter). */
  activeFilters(all: readonly FilterPlugin[]): readonly FilterPlugin[] {
    if (this.activeOf !== all || !this.active) {
      this.active = all.filter((p) => !this.skipFilter.has(p.name));
      this.activeOf = all;
    }
    return this.active;
  }

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  clone(): CycleState {
    const c = new CycleState();
    for (const [k, v] of this.data) {
      const cl = (v as { clone?: () => unknown } | undefined)?.clone;
      c.data.set(k, typeof cl === 'function' ? cl.call(v) : v);
    }
    for (const s of this.skipFilter) c.skipFilter.add(s);
    for (const s of this.skipScore) c.skipScore.add(s);
    return c;
  }
}

/** What a PreFilter may answer besides a status: the only nodes worth filtering. */
export interface PreFilterResult {
  readonly status: Status;
  readonly nodeNames?: ReadonlySet<string>;
}

/** Read access to the cluster state a cycle runs against. */
export interface ClusterView {
  readonly cache: SchedulerCache;
  /** Labels of a namespace (for namespaceSelector in affinity terms); undefined when unknown. */
  namespaceLabels(ns: string): Readonly<Record<string, string>> | undefined;
  /**
   * The selector the system default spreading uses for a pod: the services, replication
   * controller, replica set or stateful set selecting it, merged (helper.DefaultSelector).
   */
  defaultSpreadSelector(pod: Pod): LabelSelectorSpec | undefined;
}

export interface Plugin {
  readonly name: string;
}

export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo, view: ClusterView): PreFilterResult | Status;
  /** Preemption: the state after `victim` leaves (`add` false) or joins (`add` true) `node`. */
  updateForPod?(state: CycleState, pod: PodInfo, victim: PodInfo, node: NodeInfo, add: boolean): void;
}

export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status;
}

export interface PreScorePlugin extends Plugin {
  /** `nodes` are the feasible nodes. Returning Skip drops the plugin's Score for this pod. */
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], view: ClusterView): Status;
}

export interface ScorePlugin extends Plugin {
  readonly weight: number;
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  /** Rescales the raw scores (index-aligned with nodes) into 0..MAX_NODE_SCORE in place. */
  normalize?(state: CycleState, pod: PodInfo, scores: number[]): void;
}

/** DefaultNormalizeScore: scales so the highest is MAX_NODE_SCORE; `reverse` flips it. */
export function defaultNormalize(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.floor((MAX_NODE_SCORE * (scores[i] ?? 0)) / max);
    if (reverse) s = MAX_NODE_SCORE - s;
    scores[i] = s;
  }
}
