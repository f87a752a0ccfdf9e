/**
 * @module InterPodAffinity: the pod's required affinity and anti-affinity to pods in a
 * topology domain, existing pods' required anti-affinity against it, and preferred terms as
 * scores. Precomputed once per pod, and skipped entirely when no pod involved has such terms.
 */
import type { Pod, PodAffinityTerm } from '../../client/kinds/core.js';
import { selectorMatches } from '../../client/selector.js';
import type { Plugin, Snapshot } from '../framework.js';
import type { NodeInfo } from '../node-info.js';

const KEY = 'InterPodAffinity';

interface Precomputed {
  /** topologyKey → domains blocked by existing pods' anti-affinity. */
  readonly blockedByExisting: Map<string, Set<string>>;
  /** Per required affinity term: domains that hold a matching pod (undefined: none anywhere). */
  readonly affinity: { term: PodAffinityTerm; domains: Set<string>; any: boolean; selfMatch: boolean }[];
  readonly antiAffinity: { term: PodAffinityTerm; domains: Set<string> }[];
  /** topologyKey → domain → preferred weight sum. */
  readonly preferred: Map<string, Map<string, number>>;
}

function termMatchesPod(term: PodAffinityTerm, owner: Pod, other: Pod): boolean {
  const nss = term.namespaces?.length ? term.namespaces : term.namespaceSelector ? undefined : [owner.metadata.namespace ?? ''];
  if (nss && !nss.includes(other.metadata.namespace ?? '')) return false;
  return selectorMatches(term.labelSelector, other.metadata.labels);
}

const domainOf = (ni: NodeInfo, key: string): string | undefined => ni.node?.metadata.labels?.[key];

function precompute(pod: Pod, snap: Snapshot): Precomputed {
  const aff = pod.spec?.affinity;
  const req = aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  const anti = aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  const prefA = aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const prefN = aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const out: Precomputed = {
    blockedByExisting: new Map(),
    affinity: req.map((term) => ({ term, domains: new Set<string>(), any: false, selfMatch: termMatchesPod(term, pod, pod) })),
    antiAffinity: anti.map((term) => ({ term, domains: new Set<string>() })),
    preferred: new Map(),
  };
  const ownTerms = req.length + anti.length + prefA.length + prefN.length > 0;
  for (const ni of snap.nodes) {
    if (!ownTerms && ni.antiAffinityPods.size === 0) continue;
    for (const [key, other] of ni.pods) {
      if (other.metadata.deletionTimestamp) continue;
      if (ni.antiAffinityPods.has(key)) {
        for (const t of other.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
          const d = domainOf(ni, t.topologyKey);
          if (d === undefined || !termMatchesPod(t, other, pod)) continue;
          let set = out.blockedByExisting.get(t.topologyKey);
          if (!set) out.blockedByExisting.set(t.topologyKey, (set = new Set()));
          set.add(d);
        }
      }
      if (!ownTerms) continue;
      for (const a of out.affinity) {
        if (!termMatchesPod(a.term, pod, other)) continue;
        a.any = true;
        const d = domainOf(ni, a.term.topologyKey);
        if (d !== undefined) a.domains.add(d);
      }
      for (const a of out.antiAffinity) {
        const d = domainOf(ni, a.term.topologyKey);
        if (d !== undefined && termMatchesPod(a.term, pod, other)) a.domains.add(d);
      }
      const addPref = (t: PodAffinityTerm, w: number): void => {
        const d = domainOf(ni, t.topologyKey);
        if (d === undefined || !termMatchesPod(t, pod, other)) return;
        let m = out.preferred.get(t.topologyKey);
        if (!m) out.preferred.set(t.topologyKey, (m = new Map()));
        m.set(d, (m.get(d) ?? 0) + w);
      };
      for (const p of prefA) addPref(p.podAffinityTerm, p.weight);
      for (const p of prefN) addPref(p.podAffinityTerm, -p.weight);
    }
  }
  return out;
}

export const interPodAffinity: Plugin = {
  name: KEY,
  weight: 2,
  preFilter(state, pod, snap) {
    state.write(KEY, precompute(pod, snap));
    return undefined;
  },
  filter(state, _pod, ni) {
    const pc = state.read<Precomputed>(KEY);
    if (!pc) return undefined;
    for (const [key, domains] of pc.blockedByExisting) {
      const d = domainOf(ni, key);
      if (d !== undefined && domains.has(d)) return { reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"] };
    }
    for (const a of pc.affinity) {
      const d = domainOf(ni, a.term.topologyKey);
      // The first pod of a group that selects itself may go anywhere the topology key exists.
      if (d === undefined) return { reasons: ["node(s) didn't match pod affinity rules"], unresolvable: true };
      if (!a.domains.has(d) && (a.any || !a.selfMatch)) return { reasons: ["node(s) didn't match pod affinity rules"], unresolvable: true };
    }
    for (const a of pc.antiAffinity) {
      const d = domainOf(ni, a.term.topologyKey);
      if (d !== undefined && a.domains.has(d)) return { reasons: ["node(s) didn't match pod anti-affinity rules"] };
    }
    return undefined;
  },
  score(state, _pod, ni) {
    const pc = state.read<Precomputed>(KEY);
    let s = 0;
    for (const [key, m] of pc?.preferred ?? []) {
      const d = domainOf(ni, key);
      if (d !== undefined) s += m.get(d) ?? 0;
    }
    return s;
  },
  normalize(scores) {
    let min = Infinity;
    let max = -Infinity;
    for (const v of scores.values()) { min = Math.min(min, v); max = Math.max(max, v); }
    for (const [k, v] of scores) scores.set(k, max === min ? 0 : Math.floor(((v - min) * 100) / (max - min)));
  },
};
