/**
 * @module The simple node filters: NodeName (spec.nodeName), NodeUnschedulable (cordoned nodes,
 * unless the pod tolerates node.kubernetes.io/unschedulable) and TaintToleration (NoSchedule and
 * NoExecute taints filter, PreferNoSchedule taints score). Their failures are unresolvable: no
 * preemption fixes a taint.
 */
import type { Taint, Toleration } from '../../client/kinds/core.js';
import { type CycleState, defaultNormalize, type FilterPlugin, type PreScorePlugin, type ScorePlugin, SKIP, type Status, SUCCESS,
  unresolvable } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';

/** toleration.ToleratesTaint: effect, key and (for Equal) value must agree; empty key + Exists matches all. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

export function toleratesAll(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const t of tolerations) if (tolerates(t, taint)) return true;
  return false;
}

/** The first NoSchedule/NoExecute taint the pod does not tolerate. */
export function untoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint | undefined {
  for (const taint of taints) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!toleratesAll(tolerations, taint)) return taint;
  }
  return undefined;
}

export class NodeNamePlugin implements FilterPlugin {
  readonly name = 'NodeName';

  filter(_s: CycleState, pi: PodInfo, ni: NodeInfo): Status {
    const want = pi.pod.spec?.nodeName;
    return !want || want === ni.name ? SUCCESS : unresolvable("node(s) didn't match the requested node name");
  }
}

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export class NodeUnschedulablePlugin implements FilterPlugin {
  readonly name = 'NodeUnschedulable';

  filter(_s: CycleState, pi: PodInfo, ni: NodeInfo): Status {
    if (!ni.node.spec?.unschedulable) return SUCCESS;
    return toleratesAll(pi.pod.spec?.tolerations ?? [], UNSCHEDULABLE_TAINT) ? SUCCESS : unresolvable('node(s) were unschedulable');
  }
}

export class TaintTolerationPlugin implements FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = 'TaintToleration';
  readonly weight = 3;

  filter(_s: CycleState, pi: PodInfo, ni: NodeInfo): Status {
    const taints = ni.taints;
    if (taints.length === 0) return SUCCESS;
    const t = untoleratedTaint(taints, pi.pod.spec?.tolerations ?? []);
    return t ? unresolvable(`node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`) : SUCCESS;
  }

  preScore(state: CycleState, _pi: PodInfo, nodes: readonly NodeInfo[]): Status {
    // Scores only differ where PreferNoSchedule taints exist.
    if (!nodes.some((n) => n.taints.some((t) => t.effect === 'PreferNoSchedule'))) {
      state.skipScore.add(this.name);
      return SKIP;
    }
    return SUCCESS;
  }

  /** The number of PreferNoSchedule taints not tolerated (fewer is better after normalizing). */
  score(_s: CycleState, pi: PodInfo, ni: NodeInfo): number {
    const tols = (pi.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    let n = 0;
    for (const taint of ni.taints) if (taint.effect === 'PreferNoSchedule' && !toleratesAll(tols, taint)) n++;
    return n;
  }

  normalize(_s: CycleState, _p: PodInfo, scores: number[]): void {
    defaultNormalize(scores, true);
  }
}
