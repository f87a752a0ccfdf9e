/**
 * @module Which admission webhooks a request goes to (k8s.io/apiserver webhook/predicates): the
 * webhook's rules (operations, API groups and versions, resources with `*`, `*\/*`, `pods/*`,
 * `*\/status`, scope), its namespaceSelector (the namespace's labels; a Namespace's own labels
 * for namespace requests; ignored for other cluster-scoped objects) and its objectSelector (the
 * new or the old object's labels). Pure.
 */
import { isPlainObject, type KubeObject } from '../../../api/meta/object.js';
import { selectorFromObject } from '../../../api/labels/from-object.js';
import type { LabelSelector } from '../../../api/labels/selector.js';
import type { AdmissionAttributes } from '../admission.js';

/** The request as the matcher sees it. */
export interface MatchRequest {
  readonly attrs: AdmissionAttributes;
  /** Labels of the request's namespace (undefined for cluster-scoped requests). */
  readonly namespaceLabels: Readonly<Record<string, string>> | undefined;
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

/** True when one of the webhook's rules covers the request. */
export function rulesMatch(rules: unknown, a: AdmissionAttributes): boolean {
  if (!Array.isArray(rules)) return false;
  return rules.some((rule) => {
    if (!isPlainObject(rule)) return false;
    const scope = typeof rule['scope'] === 'string' ? rule['scope'] : '*';
    const clusterScoped = !a.namespace;
    if ((scope === 'Cluster' && !clusterScoped) || (scope === 'Namespaced' && clusterScoped)) return false;
    return has(rule['operations'], a.operation) && has(rule['apiGroups'], a.group) && has(rule['apiVersions'], a.version)
      && resourceMatches(rule['resources'], a.resource, a.subresource);
  });
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

/** Whether `webhook` (one entry of a configuration's `webhooks`) applies to the request. */
export function webhookMatches(webhook: Record<string, unknown>, m: MatchRequest): boolean {
  const a = m.attrs;
  if (!rulesMatch(webhook['rules'], a)) return false;
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

/** Requests that never go to webhooks, so a broken webhook cannot lock its own configuration out. */
export function exempt(a: AdmissionAttributes): boolean {
  return a.group === 'admissionregistration.k8s.io';
}
