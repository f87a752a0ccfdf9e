/**
 * @module An audit policy (audit.k8s.io/v1 Policy): rules checked in order, the first that
 * matches a request gives its level (None, Metadata, Request, RequestResponse) and stages to
 * leave out; a request no rule matches is not audited. Matching follows kube-apiserver: users,
 * user groups, verbs, then resource rules (group; resources with a star, `pods/` plus a star,
 * or a star plus `/scale`; resource names; namespaces) for resource requests or non-resource
 * URLs (`/healthz*`) for the others; a rule naming neither matches both.
 */

export type AuditLevel = 'None' | 'Metadata' | 'Request' | 'RequestResponse';
export type AuditStage = 'RequestReceived' | 'ResponseStarted' | 'ResponseComplete' | 'Panic';

const LEVELS: readonly AuditLevel[] = ['None', 'Metadata', 'Request', 'RequestResponse'];
const STAGES: readonly AuditStage[] = ['RequestReceived', 'ResponseStarted', 'ResponseComplete', 'Panic'];
const POLICY_VERSIONS = ['audit.k8s.io/v1'];

export interface GroupResources {
  readonly group: string;
  readonly resources: readonly string[];
  readonly resourceNames: readonly string[];
}

export interface PolicyRule {
  readonly level: AuditLevel;
  readonly users: readonly string[];
  readonly userGroups: readonly string[];
  readonly verbs: readonly string[];
  readonly resources: readonly GroupResources[];
  readonly namespaces: readonly string[];
  readonly nonResourceURLs: readonly string[];
  readonly omitStages: readonly AuditStage[];
}

export interface AuditPolicy {
  readonly rules: readonly PolicyRule[];
  readonly omitStages: readonly AuditStage[];
}

/** What the policy looks at in a request. */
export interface AuditedRequest {
  readonly user: string;
  readonly groups: readonly string[];
  readonly verb: string;
  /** Resource requests: the resource's group, plural, subresource, namespace and name. */
  readonly resource?: { readonly group: string; readonly resource: string; readonly subresource: string; readonly namespace: string; readonly name: string };
  /** Non-resource requests: the path. */
  readonly path?: string;
}

/** The level and omitted stages for `r` (level None when no rule matches). */
export function auditLevel(p: AuditPolicy, r: AuditedRequest): { level: AuditLevel; omitStages: ReadonlySet<AuditStage> } {
  for (const rule of p.rules) {
    if (ruleMatches(rule, r)) return { level: rule.level, omitStages: new Set([...p.omitStages, ...rule.omitStages]) };
  }
  return { level: 'None', omitStages: new Set() };
}

function ruleMatches(rule: PolicyRule, r: AuditedRequest): boolean {
  if (rule.users.length && !rule.users.includes(r.user)) return false;
  if (rule.userGroups.length && !r.groups.some((g) => rule.userGroups.includes(g))) return false;
  if (rule.verbs.length && !rule.verbs.includes(r.verb)) return false;
  const resourceRule = rule.resources.length > 0 || rule.namespaces.length > 0;
  const urlRule = rule.nonResourceURLs.length > 0;
  if (!resourceRule && !urlRule) return true;
  if (r.resource) {
    if (!resourceRule) return false;
    const res = r.resource;
    if (rule.namespaces.length && !rule.namespaces.includes(res.namespace)) return false;
    if (!rule.resources.length) return true;
    return rule.resources.some((gr) => gr.group === res.group && resourceMatches(gr, res));
  }
  if (!urlRule || r.path === undefined) return false;
  const path = r.path;
  return rule.nonResourceURLs.some((u) => (u.endsWith('*') ? path.startsWith(u.slice(0, -1)) : path === u));
}

function resourceMatches(gr: GroupResources, res: NonNullable<AuditedRequest['resource']>): boolean {
  const full = res.subresource ? `${res.resource}/${res.subresource}` : res.resource;
  const nameOk = !gr.resourceNames.length || gr.resourceNames.includes(res.name);
  if (!gr.resources.length) return nameOk;
  return nameOk && gr.resources.some((x) => x === '*' || x === full
    || (res.subresource !== '' && (x === `${res.resource}/*` || x === `*/${res.subresource}`)));
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a Policy document; throws an Error naming the field that is wrong. */
export function parseAuditPolicy(doc: unknown): AuditPolicy {
  if (!isObj(doc) || doc['kind'] !== 'Policy' || !POLICY_VERSIONS.includes(String(doc['apiVersion']))) {
    throw new Error(`expected kind Policy of ${POLICY_VERSIONS.join(' or ')}`);
  }
  const strings = (v: unknown, field: string): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`${field} must be a list of strings`);
    return v as string[];
  };
  const stages = (v: unknown, field: string): AuditStage[] => {
    const list = strings(v, field);
    for (const s of list) if (!STAGES.includes(s as AuditStage)) throw new Error(`${field}: ${JSON.stringify(s)} is not one of ${STAGES.join(', ')}`);
    return list as AuditStage[];
  };
  const rules = doc['rules'];
  if (!Array.isArray(rules) || rules.length === 0) throw new Error('rules: a policy needs at least one rule');
  return {
    omitStages: stages(doc['omitStages'], 'omitStages'),
    rules: rules.map((r, i): PolicyRule => {
      const f = `rules[${i}]`;
      if (!isObj(r)) throw new Error(`${f} must be an object`);
      const level = r['level'];
      if (typeof level !== 'string' || !LEVELS.includes(level as AuditLevel)) throw new Error(`${f}.level: ${JSON.stringify(level)} is not one of ${LEVELS.join(', ')}`);
      const resources = r['resources'] ?? [];
      if (!Array.isArray(resources)) throw new Error(`${f}.resources must be a list`);
      const rule: PolicyRule = {
        level: level as AuditLevel, users: strings(r['users'], `${f}.users`), userGroups: strings(r['userGroups'], `${f}.userGroups`),
        verbs: strings(r['verbs'], `${f}.verbs`), namespaces: strings(r['namespaces'], `${f}.namespaces`),
        nonResourceURLs: strings(r['nonResourceURLs'], `${f}.nonResourceURLs`), omitStages: stages(r['omitStages'], `${f}.omitStages`),
        resources: resources.map((g, j): GroupResources => {
          if (!isObj(g)) throw new Error(`${f}.resources[${j}] must be an object`);
          const group = g['group'] ?? '';
          if (typeof group !== 'string') throw new Error(`${f}.resources[${j}].group must be a string`);
          return { group, resources: strings(g['resources'], `${f}.resources[${j}].resources`), resourceNames: strings(g['resourceNames'], `${f}.resources[${j}].resourceNames`) };
        }),
      };
      if (rule.nonResourceURLs.length && (rule.resources.length || rule.namespaces.length)) {
        throw new Error(`${f}: a rule applies to resources or to non-resource URLs, not both`);
      }
      return rule;
    }),
  };
}
