/**
 * @module Why a pod fits nowhere (framework.Diagnosis and FitError): each node's rejecting
 * status, the plugins that rejected, and the message Kubernetes prints in FailedScheduling
 * events and the PodScheduled condition:
 * `0/3 nodes are available: 1 node(s) had untolerated taint {k: v}, 2 Insufficient cpu. preemption: ...`.
 */
import type { Status } from './framework.js';

export class Diagnosis {
  /** Rejecting status per evaluated node. */
  readonly nodeToStatus = new Map<string, Status>();
  /** The status of nodes a PreFilter excluded without evaluating them. */
  absentStatus: Status | undefined;
  readonly unschedulablePlugins = new Set<string>();
  /** A PreFilter rejected the pod outright: this replaces the per-node histogram. */
  preFilterMsg = '';
  /** What preemption said (`preemption: ...`). */
  postFilterMsg = '';

  record(node: string, s: Status): void {
    this.nodeToStatus.set(node, s);
    if (s.plugin) this.unschedulablePlugins.add(s.plugin);
  }
}

/** `<count> <reason>` entries, sorted as strings (sortReasonsHistogram). */
function histogram(d: Diagnosis, numAllNodes: number): string[] {
  const reasons = new Map<string, number>();
  for (const s of d.nodeToStatus.values()) for (const r of s.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
  const absent = numAllNodes - d.nodeToStatus.size;
  if (absent > 0 && d.absentStatus) for (const r of d.absentStatus.reasons) reasons.set(r, (reasons.get(r) ?? 0) + absent);
  return [...reasons].map(([r, n]) => `${n} ${r}`).sort();
}

/** FitError.Error(): the FailedScheduling message. */
export function fitErrorMessage(d: Diagnosis, numAllNodes: number): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`;
  else {
    const h = histogram(d, numAllNodes);
    if (h.length) msg += ` ${h.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}

/** The message when the cluster has no nodes at all (ErrNoNodesAvailable). */
export const NO_NODES_MESSAGE = 'no nodes available to schedule pods';
