/**
 * @module What the scheduler derives once per pod and keeps beside it (framework.PodInfo): the
 * effective resource request, host ports, the pod (anti-)affinity terms with their selectors
 * and namespaces resolved, and the priority. Built from a cached (shared, read-only) pod.
 */
import type { LabelSelectorRequirement, LabelSelectorSpec } from '../client/kinds/meta.js';
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from '../client/kinds/core.js';
import { selectorIsEmpty, selectorMatches } from '../client/selector.js';
import { objectKey } from '../client/types.js';
import { podRequests, type Resources } from './resources.js';

/** A host port a container asks for; an empty or 0.0.0.0 IP binds every address. */
export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

/** A pod affinity term ready to match: selector, namespaces and topology key. */
export interface AffinityTerm {
  readonly selector: LabelSelectorSpec | undefined;
  readonly namespaces: ReadonlySet<string>;
  /** undefined: only `namespaces`; an empty selector matches every namespace. */
  readonly namespaceSelector: LabelSelectorSpec | undefined;
  readonly topologyKey: string;
  readonly weight: number;
}

/** Labels of a namespace, for namespaceSelector; undefined when the namespace is unknown. */
export type NamespaceLabels = (ns: string) => Readonly<Record<string, string>> | undefined;

/** True when `pod` is selected by `term` (AffinityTerm.Matches). */
export function termMatches(term: AffinityTerm, pod: Pod, nsLabels: NamespaceLabels): boolean {
  const ns = pod.metadata.namespace ?? '';
  if (!term.namespaces.has(ns)) {
    if (!term.namespaceSelector) return false;
    if (!selectorIsEmpty(term.namespaceSelector) && !selectorMatches(term.namespaceSelector, nsLabels(ns))) return false;
  }
  return selectorMatches(term.selector, pod.metadata.labels);
}

/** Adds `key In (value)` / `key NotIn (value)` for matchLabelKeys / mismatchLabelKeys. */
export function withLabelKeys(sel: LabelSelectorSpec | undefined, labels: Readonly<Record<string, string>> | undefined,
  keys: { match?: readonly string[] | undefined; mismatch?: readonly string[] | undefined }): LabelSelectorSpec | undefined {
  if (!sel || !labels) return sel;
  const extra: LabelSelectorRequirement[] = [];
  for (const k of keys.match ?? []) if (labels[k] !== undefined) extra.push({ key: k, operator: 'In', values: [labels[k] as string] });
  for (const k of keys.mismatch ?? []) if (labels[k] !== undefined) extra.push({ key: k, operator: 'NotIn', values: [labels[k] as string] });
  return extra.length ? { ...sel, matchExpressions: [...(sel.matchExpressions ?? []), ...extra] } : sel;
}

function affinityTerm(pod: Pod, t: PodAffinityTerm, weight: number): AffinityTerm {
  const namespaces = new Set(t.namespaces ?? []);
  if (namespaces.size === 0 && !t.namespaceSelector) namespaces.add(pod.metadata.namespace ?? '');
  return {
    selector: withLabelKeys(t.labelSelector, pod.metadata.labels, { match: t.matchLabelKeys, mismatch: t.mismatchLabelKeys }),
    namespaces, namespaceSelector: t.namespaceSelector, topologyKey: t.topologyKey, weight,
  };
}

const required = (pod: Pod, terms: readonly PodAffinityTerm[] | undefined): AffinityTerm[] => (terms ?? []).map((t) => affinityTerm(pod, t, 1));
const preferred = (pod: Pod, terms: readonly WeightedPodAffinityTerm[] | undefined): AffinityTerm[] =>
  (terms ?? []).map((t) => affinityTerm(pod, t.podAffinityTerm, t.weight));

/** A pod with everything the plugins need precomputed. Immutable: rebuilt when the pod changes. */
export class PodInfo {
  readonly key: string;
  readonly uid: string;
  readonly requests: Resources;
  readonly nonZero: { readonly milliCPU: number; readonly memory: number };
  readonly hostPorts: readonly HostPort[];
  readonly requiredAffinity: readonly AffinityTerm[];
  readonly requiredAntiAffinity: readonly AffinityTerm[];
  readonly preferredAffinity: readonly AffinityTerm[];
  readonly preferredAntiAffinity: readonly AffinityTerm[];

  constructor(readonly pod: Pod, readonly priority: number) {
    this.key = objectKey(pod);
    this.uid = pod.metadata.uid ?? '';
    const r = podRequests(pod);
    this.requests = r.requests;
    this.nonZero = r.nonZero;
    const ports: HostPort[] = [];
    for (const c of pod.spec?.containers ?? []) {
      for (const p of c.ports ?? []) {
        if (p.hostPort && p.hostPort > 0) ports.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
      }
    }
    this.hostPorts = ports;
    const a = pod.spec?.affinity;
    this.requiredAffinity = required(pod, a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    this.requiredAntiAffinity = required(pod, a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    this.preferredAffinity = preferred(pod, a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
    this.preferredAntiAffinity = preferred(pod, a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
  }

  get name(): string {
    return this.pod.metadata.name ?? '';
  }

  get namespace(): string {
    return this.pod.metadata.namespace ?? '';
  }

  get nodeName(): string {
    return this.pod.spec?.nodeName ?? '';
  }

  /** True when the pod carries any pod affinity or anti-affinity term. */
  get hasAffinity(): boolean {
    return this.requiredAffinity.length + this.requiredAntiAffinity.length + this.preferredAffinity.length + this.preferredAntiAffinity.length > 0;
  }
}
