/**
 * @module Which admission webhooks a request goes to (k8s.io/apiserver webhook/predicates and
 * generic.ShouldCallHook): the webhook's rules (operations, API groups and versions, resources
 * with `*`, `*\/*`, `pods/*`, `*\/status`, scope) and its matchPolicy (`Equivalent`, the v1
 * default, also matches a rule naming the same storage resource under another group/version;
 * `Exact` does not), its namespaceSelector (the namespace's labels; a Namespace's own labels
 * for namespace requests; ignored for other cluster-scoped objects) and its objectSelector (the
 * new or the old object's labels). Pure.
 */
import { isPlainObject, type KubeObject } from '../../../api/meta/object.js';
import { selectorFromObject } from '../../../api/labels/from-object.js';
import type { LabelSelector } from '../../../api/labels/selector.js';
import type { GroupVersionKind } from '../../../api/schema/types.js';
import type { AdmissionAttributes } from '../admission.js';

export interface GroupVersionResource {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
}

/** A resource served over the same storage as another, with the kind its endpoint (or subresource) reads and writes. */
export interface EquivalentResource extends GroupVersionResource {
  readonly kind: GroupVersionKind;
}

/** What a webhook is called for: the request's own resource, or the equivalent one a rule named. */
export interface Invocation {
  readonly resource: GroupVersionResource;
  readonly subresource: string;
  readonly kind: GroupVersionKind;
  /** True when `resource` is the request's own. */
  readonly exact: boolean;
}

/** The request as the matcher sees it. */
export interface MatchRequest {
  readonly attrs: AdmissionAttributes;
  /** Labels of the request's namespace (undefined for cluster-scoped requests). */
  readonly namespaceLabels: Readonly<Record<string, string>> | undefined;
  /**
   * The resources over the request's storage that serve its subresource, the request's own
   * included, in a stable order (absent: none). Called only for `Equivalent` webhooks.
   */
  readonly equivalents?: () => readonly EquivalentResource[];
}

const has = (list: unknown, v: string) => Array.isArray(list) && (list.includes('*') || list.includes(v));

function resourceMatches(resources: unknown, resource: string, subresource: string): boolean {
  if (!Array.isArray(resources)) return false;
  for (const r of resources) {
    if (typeof r !== 'string') continue;
    if (r === '*/*') return true;
    const [res = '', sub = ''] = r.split('/', 2);
    if (!r.includes('/')) {
      if (!subresource && (r === '*' || r === resource)) return true;
      continue;
    }
    if ((res === '*' || res === resource) && (sub === '*' || sub === subresource)) return true;
  }
  return false;
}

/** True when `rule` covers the request made to `r` (the request's own resource unless given). */
function ruleMatches(rule: unknown, a: AdmissionAttributes, r: GroupVersionResource = a): boolean {
  if (!isPlainObject(rule)) return false;
  const scope = typeof rule['scope'] === 'string' ? rule['scope'] : '*';
  const clusterScoped = !a.namespace;
  if ((scope === 'Cluster' && !clusterScoped) || (scope === 'Namespaced' && clusterScoped)) return false;
  return has(rule['operations'], a.operation) && has(rule['apiGroups'], r.group) && has(rule['apiVersions'], r.version)
    && resourceMatches(rule['resources'], r.resource, a.subresource);
}

/** True when one of the webhook's rules covers the request exactly. */
export function rulesMatch(rules: unknown, a: AdmissionAttributes): boolean {
  return Array.isArray(rules) && rules.some((rule) => ruleMatches(rule, a));
}

const same = (x: GroupVersionResource, y: GroupVersionResource) => x.group === y.group && x.version === y.version && x.resource === y.resource;

/**
 * The invocation the webhook's rules call for: the request's own resource when a rule names it;
 * otherwise, unless matchPolicy is `Exact`, the first equivalent resource a rule names, rules
 * taken in order (ShouldCallHook honours earlier rules first).
 */
export function matchRules(webhook: Record<string, unknown>, m: MatchRequest): Invocation | undefined {
  const a = m.attrs;
  const rules = webhook['rules'];
  if (!Array.isArray(rules)) return undefined;
  const own = { group: a.group, version: a.version, resource: a.resource };
  if (rules.some((rule) => ruleMatches(rule, a))) return { resource: own, subresource: a.subresource, kind: { group: a.kindGroupVersion?.group ?? a.group, version: a.kindGroupVersion?.version ?? a.version, kind: a.kind }, exact: true };
  // The API server defaults matchPolicy to Equivalent; a stored hook without one is treated alike.
  if (webhook['matchPolicy'] === 'Exact' || !m.equivalents) return undefined;
  const equivalents = m.equivalents().filter((e) => !same(e, own));
  for (const rule of rules) {
    const e = equivalents.find((r) => ruleMatches(rule, a, r));
    if (e) return { resource: { group: e.group, version: e.version, resource: e.resource }, subresource: a.subresource, kind: e.kind, exact: false };
  }
  return undefined;
}

/** A label selector field; absent or unreadable means "everything" and "nothing" respectively. */
function selector(v: unknown): LabelSelector | undefined {
  if (v === undefined || v === null) return undefined;
  try {
    return selectorFromObject(v);
  } catch {
    return undefined;
  }
}

function labelsOf(o: KubeObject | undefined): Readonly<Record<string, string>> | undefined {
  return o?.metadata.labels;
}

/** Whether the webhook's namespaceSelector and objectSelector pick the request. */
function selectorsMatch(webhook: Record<string, unknown>, m: MatchRequest): boolean {
  const a = m.attrs;
  const nsSel = webhook['namespaceSelector'];
  if (nsSel !== undefined && nsSel !== null) {
    const s = selector(nsSel);
    if (!s) return false;
    const isNamespace = a.group === '' && a.resource === 'namespaces';
    const labels = isNamespace ? labelsOf(a.object) ?? labelsOf(a.oldObject) : m.namespaceLabels;
    if ((isNamespace || a.namespace) && !s.empty() && !s.matches(labels)) return false;
  }
  const objSel = webhook['objectSelector'];
  if (objSel !== undefined && objSel !== null) {
    const s = selector(objSel);
    if (!s) return false;
    if (!s.empty() && !s.matches(labelsOf(a.object)) && !s.matches(labelsOf(a.oldObject))) return false;
  }
  return true;
}

/** What `webhook` (one entry of a configuration's `webhooks`) is called for, or undefined when it does not apply. */
export function matchWebhook(webhook: Record<string, unknown>, m: MatchRequest): Invocation | undefined {
  return selectorsMatch(webhook, m) ? matchRules(webhook, m) : undefined;
}


/** Requests that never go to webhooks, so a broken webhook cannot lock its own configuration out. */
export function exempt(a: AdmissionAttributes): boolean {
  return a.group === 'admissionregistration.k8s.io';
}
