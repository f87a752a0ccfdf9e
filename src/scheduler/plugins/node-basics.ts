/**
 * @module Filters and scores on node facts: NodeUnschedulable, TaintToleration, NodeAffinity
 * (nodeSelector, required and preferred affinity) and NodePorts, with kube-scheduler's reasons.
 */
import { normalizeByMax, type Plugin } from '../framework.js';
import { hostPorts } from '../node-info.js';
import { podMatchesNode, termMatches, untoleratedTaint } from './node-match.js';

export const nodeUnschedulable: Plugin = {
  name: 'NodeUnschedulable',
  filter(_s, pod, ni) {
    if (!ni.node?.spec?.unschedulable) return undefined;
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };
    if (!untoleratedTaint([taint], pod.spec?.tolerations, ['NoSchedule'])) return undefined;
    return { reasons: ['node(s) were unschedulable'], unresolvable: true };
  },
};

export const taintToleration: Plugin = {
  name: 'TaintToleration',
  weight: 3,
  filter(_s, pod, ni) {
    const t = untoleratedTaint(ni.node?.spec?.taints, pod.spec?.tolerations, ['NoSchedule', 'NoExecute']);
    if (!t) return undefined;
    return { reasons: [`node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`], unresolvable: true };
  },
  score(_s, pod, ni) {
    const tols = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    let n = 0;
    for (const taint of ni.node?.spec?.taints ?? []) if (taint.effect === 'PreferNoSchedule' && untoleratedTaint([taint], tols, ['PreferNoSchedule'])) n++;
    return n;
  },
  normalize: (s) => normalizeByMax(s, true),
};

export const nodeAffinity: Plugin = {
  name: 'NodeAffinity',
  weight: 2,
  filter(_s, pod, ni) {
    if (ni.node && podMatchesNode(pod, ni.node)) return undefined;
    return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  },
  score(_s, pod, ni) {
    let sum = 0;
    for (const p of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (ni.node && termMatches(p.preference, ni.node)) sum += p.weight;
    }
    return sum;
  },
  normalize: (s) => normalizeByMax(s),
};

export const nodePorts: Plugin = {
  name: 'NodePorts',
  filter(_s, pod, ni) {
    const want = hostPorts(pod);
    if (want.length === 0) return undefined;
    for (const w of want) {
      for (const u of ni.ports) {
        if (u.port !== w.port || u.protocol !== w.protocol) continue;
        if (u.ip === w.ip || u.ip === '0.0.0.0' || w.ip === '0.0.0.0') return { reasons: ["node(s) didn't have free ports for the requested pod ports"] };
      }
    }
    return undefined;
  },
};
