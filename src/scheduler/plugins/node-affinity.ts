/**
 * @module NodeAffinity (spec.nodeSelector and required node affinity as a filter, preferred
 * node affinity as a score) and the node selector term matching that PodTopologySpread and
 * VolumeBinding (PV node affinity) reuse. Filter failures cannot be fixed by preemption.
 */
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod } from '../../client/kinds/core.js';
import { type CycleState, defaultNormalize, type FilterPlugin, type PreFilterPlugin, type PreFilterResult, type PreScorePlugin,
  type ScorePlugin, SKIP, type Status, SUCCESS, unresolvable } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';

export const NODE_AFFINITY = 'NodeAffinity';
export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  switch (r.operator) {
    case 'In': return has && (r.values ?? []).includes(value);
    case 'NotIn': return !has || !(r.values ?? []).includes(value);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || !/^-?\d+$/.test(value)) return false;
      const bound = Number((r.values ?? [])[0]);
      if (!Number.isFinite(bound)) return false;
      return r.operator === 'Gt' ? Number(value) > bound : Number(value) < bound;
    }
    default: return false;
  }
}

/** One term: every expression and field requirement holds. An empty term matches nothing. */
export function termMatchesNode(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const r of exprs) if (!requirementMatches(r, labels[r.key])) return false;
  for (const r of fields) {
    if (r.key !== 'metadata.name') return false;
    if (!requirementMatches(r, node.metadata.name)) return false;
  }
  return true;
}

/** Terms are ORed (NodeSelector semantics). */
export function nodeSelectorTermsMatch(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  return terms.some((t) => termMatchesNode(t, node));
}

/** spec.nodeSelector and required node affinity both hold (GetRequiredNodeAffinity). */
export function podMatchesNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (req && !nodeSelectorTermsMatch(req.nodeSelectorTerms ?? [], node)) return false;
  return true;
}

/** The node names a single-term `metadata.name In` affinity pins the pod to, if any. */
function pinnedNodeNames(pod: Pod): Set<string> | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  let out: Set<string> | undefined;
  for (const t of terms) {
    const names = (t.matchFields ?? []).find((f) => f.key === 'metadata.name' && f.operator === 'In')?.values;
    // Any term without a name restriction lets every node through.
    if (!names) return undefined;
    out ??= new Set();
    for (const n of names) out.add(n);
  }
  return out;
}

export class NodeAffinityPlugin implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = NODE_AFFINITY;
  readonly weight = 2;

  preFilter(state: CycleState, pi: PodInfo): PreFilterResult | Status {
    const spec = pi.pod.spec;
    const hasSelector = Object.keys(spec?.nodeSelector ?? {}).length > 0;
    if (!hasSelector && !spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution) {
      state.skipFilter.add(this.name);
      return SKIP;
    }
    // A DaemonSet pod names its node this way: only that node needs filtering.
    const names = pinnedNodeNames(pi.pod);
    return names ? { status: SUCCESS, nodeNames: names } : SUCCESS;
  }

  filter(_s: CycleState, pi: PodInfo, ni: NodeInfo): Status {
    return podMatchesNodeAffinity(pi.pod, ni.node) ? SUCCESS : unresolvable(ERR_NODE_AFFINITY);
  }

  preScore(state: CycleState, pi: PodInfo): Status {
    const pref = pi.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    if (pref.length === 0) {
      state.skipScore.add(this.name);
      return SKIP;
    }
    return SUCCESS;
  }

  score(_s: CycleState, pi: PodInfo, ni: NodeInfo): number {
    let total = 0;
    for (const p of pi.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (p.weight !== 0 && termMatchesNode(p.preference, ni.node)) total += p.weight;
    }
    return total;
  }

  normalize(_s: CycleState, _p: PodInfo, scores: number[]): void {
    defaultNormalize(scores, false);
  }
}
