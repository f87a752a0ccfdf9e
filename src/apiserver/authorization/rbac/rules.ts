/**
 * @module RBAC policy rules as pure functions: does a rule allow a request (RBAC's RuleAllows),
 * does a set of rules cover another rule (escalation checks, validation.Covers), and the compact
 * form Kubernetes prints rules in (`{APIGroups:["apps"], Resources:["deployments"], Verbs:["get"]}`).
 */
import type { AuthorizationAttributes } from '../authorizer.js';

/** rbac.authorization.k8s.io/v1 PolicyRule as read from a stored role (fields may be absent). */
export interface PolicyRule {
  readonly verbs: readonly string[];
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
}

const ALL = '*';

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.includes(ALL) || rule.verbs.includes(verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  const groups = rule.apiGroups ?? [];
  return groups.includes(ALL) || groups.includes(group);
}

/** `resource/subresource` requests match `resource/subresource`, `*` and `*\/subresource`. */
export function resourceMatches(rule: PolicyRule, resource: string, subresource: string): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  for (const r of rule.resources ?? []) {
    if (r === ALL || r === combined) return true;
    if (subresource && r === `*/${subresource}`) return true;
  }
  return false;
}

/** An empty resourceNames list allows every name. */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

/** Non-resource URLs match exactly, or by prefix when the rule ends in `*`. */
export function nonResourceUrlMatches(rule: PolicyRule, path: string): boolean {
  for (const u of rule.nonResourceURLs ?? []) {
    if (u === ALL || u === path) return true;
    if (u.endsWith(ALL) && path.startsWith(u.slice(0, -1))) return true;
  }
  return false;
}

/** True when `rule` allows the request described by `a`. */
export function ruleAllows(a: AuthorizationAttributes, rule: PolicyRule): boolean {
  if (!verbMatches(rule, a.verb)) return false;
  if (!a.resourceRequest) return nonResourceUrlMatches(rule, a.path);
  return apiGroupMatches(rule, a.apiGroup) && resourceMatches(rule, a.resource, a.subresource) && resourceNameMatches(rule, a.name);
}

/** True when some rule in `rules` allows `a`. */
export function rulesAllow(a: AuthorizationAttributes, rules: readonly PolicyRule[]): boolean {
  for (const r of rules) if (ruleAllows(a, r)) return true;
  return false;
}

/** Splits a rule into rules of one verb, one group, one resource and at most one name (or URL). */
function atomize(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const verb of rule.verbs) {
    for (const url of rule.nonResourceURLs ?? []) out.push({ verbs: [verb], nonResourceURLs: [url] });
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? []) {
        const names = rule.resourceNames ?? [];
        if (names.length === 0) out.push({ verbs: [verb], apiGroups: [group], resources: [resource] });
        for (const n of names) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [n] });
      }
    }
  }
  return out;
}

function has(list: readonly string[] | undefined, v: string): boolean {
  return (list ?? []).includes(ALL) || (list ?? []).includes(v);
}

/** Whether `owner` grants everything the atomic rule `sub` grants (validation.ruleCovers). */
function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const verb = sub.verbs[0] ?? '';
  if (!has(owner.verbs, verb)) return false;
  const url = sub.nonResourceURLs?.[0];
  if (url !== undefined) {
    for (const u of owner.nonResourceURLs ?? []) {
      if (u === ALL || u === url) return true;
      // `/api/*` covers `/api/v1` and `/api/*`-prefixed wildcards alike.
      if (u.endsWith(ALL) && url.startsWith(u.slice(0, -1))) return true;
    }
    return false;
  }
  const group = sub.apiGroups?.[0] ?? '';
  if (!has(owner.apiGroups, group)) return false;
  const res = sub.resources?.[0] ?? '';
  const ownerRes = owner.resources ?? [];
  let resOk = ownerRes.includes(ALL) || ownerRes.includes(res);
  if (!resOk) {
    const slash = res.indexOf('/');
    if (slash >= 0) resOk = ownerRes.includes(`*${res.slice(slash)}`);
  }
  if (!resOk) return false;
  const ownerNames = owner.resourceNames ?? [];
  if (ownerNames.length === 0) return true;
  const name = sub.resourceNames?.[0];
  return name !== undefined && ownerNames.includes(name);
}

/** The atomic parts of `requested` that no rule in `owner` covers (empty: fully covered). */
export function uncoveredRules(owner: readonly PolicyRule[], requested: readonly PolicyRule[]): PolicyRule[] {
  const missing: PolicyRule[] = [];
  for (const r of requested) {
    for (const atom of atomize(r)) {
      if (!owner.some((o) => ruleCovers(o, atom))) missing.push(atom);
    }
  }
  return missing;
}

const quoted = (xs: readonly string[]) => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;

/** A rule as Kubernetes prints it in escalation errors (rbac CompactString). */
export function compactRule(r: PolicyRule): string {
  const parts: string[] = [];
  if (r.apiGroups?.length) parts.push(`APIGroups:${quoted(r.apiGroups)}`);
  if (r.resources?.length) parts.push(`Resources:${quoted(r.resources)}`);
  if (r.resourceNames?.length) parts.push(`ResourceNames:${quoted(r.resourceNames)}`);
  if (r.nonResourceURLs?.length) parts.push(`NonResourceURLs:${quoted(r.nonResourceURLs)}`);
  parts.push(`Verbs:${quoted(r.verbs)}`);
  return `{${parts.join(', ')}}`;
}

/** Reads the rules of a stored role object, skipping malformed entries. */
export function rulesOf(role: { readonly [k: string]: unknown } | undefined): PolicyRule[] {
  const raw = role?.['rules'];
  if (!Array.isArray(raw)) return [];
  const out: PolicyRule[] = [];
  for (const r of raw) {
    if (typeof r !== 'object' || r === null) continue;
    const o = r as Record<string, unknown>;
    const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
    const rule: { -readonly [K in keyof PolicyRule]?: PolicyRule[K] } = { verbs: strs(o['verbs']) ?? [] };
    for (const k of ['apiGroups', 'resources', 'resourceNames', 'nonResourceURLs'] as const) {
      const v = strs(o[k]);
      if (v) rule[k] = v;
    }
    out.push(rule as PolicyRule);
  }
  return out;
}
