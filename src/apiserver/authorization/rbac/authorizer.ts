/**
 * @module The RBAC authorizer (k8s.io/kubernetes plugin/pkg/auth/authorizer/rbac): a request is
 * allowed when a ClusterRoleBinding, or a RoleBinding in the request's namespace, grants the
 * caller a role with a rule that matches it. It never denies outright (no opinion instead), so
 * the union reports its own message. Also lists a user's rules for SelfSubjectRulesReview and
 * for the escalation checks.
 */
import type { KubeObject } from '../../../api/meta/object.js';
import type { UserInfo } from '../../auth/authenticator.js';
import type { AuthorizationAttributes, RuleList } from '../authorizer.js';
import { ALLOW, NO_OPINION, type Opinion, type OpinionAuthorizer } from '../union.js';
import { type PolicyRule, ruleAllows, rulesOf } from './rules.js';

/** Where RBAC reads roles and bindings (in memory: the calls are synchronous). */
export interface RbacSource {
  clusterRole(name: string): KubeObject | undefined;
  role(namespace: string, name: string): KubeObject | undefined;
  clusterRoleBindings(): readonly KubeObject[];
  roleBindings(namespace: string): readonly KubeObject[];
}

const SA_PREFIX = 'system:serviceaccount:';

/** True when a binding subject names `user` (rbac appliesTo). */
export function subjectMatches(subject: unknown, user: UserInfo, bindingNamespace: string): boolean {
  if (typeof subject !== 'object' || subject === null) return false;
  const s = subject as Record<string, unknown>;
  const name = typeof s['name'] === 'string' ? s['name'] : '';
  switch (s['kind']) {
    case 'User': return user.name === name;
    case 'Group': return user.groups.includes(name);
    case 'ServiceAccount': {
      const ns = typeof s['namespace'] === 'string' && s['namespace'] ? s['namespace'] : bindingNamespace;
      return user.name === `${SA_PREFIX}${ns}:${name}`;
    }
    default: return false;
  }
}

function bindingApplies(binding: KubeObject, user: UserInfo): boolean {
  return matchingSubject(binding, user) !== undefined;
}

/** The first subject of `binding` that `user` is. */
function matchingSubject(binding: KubeObject, user: UserInfo): Record<string, unknown> | undefined {
  const subjects = binding['subjects'];
  if (!Array.isArray(subjects)) return undefined;
  const ns = binding.metadata.namespace ?? '';
  return subjects.find((s) => subjectMatches(s, user, ns)) as Record<string, unknown> | undefined;
}

/** What allowed a request, as RBAC says it: `ClusterRoleBinding "x" of ClusterRole "y" to User "z"`. */
function describeGrant(binding: KubeObject, user: UserInfo): string {
  const ref = roleRefOf(binding);
  const ns = binding.metadata.namespace ?? '';
  const s = matchingSubject(binding, user) ?? {};
  const name = String(s['name'] ?? '');
  const subject = s['kind'] === 'ServiceAccount' ? `ServiceAccount ${JSON.stringify(`${name}/${String(s['namespace'] || ns)}`)}` : `${String(s['kind'])} ${JSON.stringify(name)}`;
  const which = ns ? `RoleBinding ${JSON.stringify(`${binding.metadata.name ?? ''}/${ns}`)}` : `ClusterRoleBinding ${JSON.stringify(binding.metadata.name ?? '')}`;
  return `${which} of ${ref.kind} ${JSON.stringify(ref.name)} to ${subject}`;
}

function roleRefOf(binding: KubeObject): { kind: string; name: string } {
  const ref = binding['roleRef'] as Record<string, unknown> | undefined;
  return { kind: typeof ref?.['kind'] === 'string' ? ref['kind'] : '', name: typeof ref?.['name'] === 'string' ? ref['name'] : '' };
}

export class RbacAuthorizer implements OpinionAuthorizer {
  readonly name = 'RBAC';
  // Cached objects are replaced, never changed, on update: their parsed rules can be kept by identity.
  private readonly parsed = new WeakMap<KubeObject, PolicyRule[]>();

  constructor(private readonly source: RbacSource) {}

  private rulesOfRole(role: KubeObject): PolicyRule[] {
    let rules = this.parsed.get(role);
    if (!rules) this.parsed.set(role, rules = rulesOf(role));
    return rules;
  }

  /**
   * Calls `visit` with the rules of every role bound to `user` for `namespace` (cluster role
   * bindings first), until it returns true. Missing roles are reported through `errors`.
   */
  private visitRules(user: UserInfo, namespace: string, visit: (rules: readonly PolicyRule[], binding: KubeObject) => boolean, errors: string[]): boolean {
    for (const b of this.source.clusterRoleBindings()) {
      if (!bindingApplies(b, user)) continue;
      const ref = roleRefOf(b);
      if (ref.kind !== 'ClusterRole') continue;
      const role = this.source.clusterRole(ref.name);
      if (!role) {
        errors.push(`clusterrole.rbac.authorization.k8s.io "${ref.name}" not found`);
        continue;
      }
      if (visit(this.rulesOfRole(role), b)) return true;
    }
    if (!namespace) return false;
    for (const b of this.source.roleBindings(namespace)) {
      if (!bindingApplies(b, user)) continue;
      const ref = roleRefOf(b);
      const role = ref.kind === 'ClusterRole' ? this.source.clusterRole(ref.name) : ref.kind === 'Role' ? this.source.role(namespace, ref.name) : undefined;
      if (!role) {
        errors.push(`${ref.kind === 'Role' ? 'role' : 'clusterrole'}.rbac.authorization.k8s.io "${ref.name}" not found`);
        continue;
      }
      if (visit(this.rulesOfRole(role), b)) return true;
    }
    return false;
  }

  authorize(a: AuthorizationAttributes): Opinion {
    const errors: string[] = [];
    let grant: KubeObject | undefined;
    const allowed = this.visitRules(a.user, a.resourceRequest ? a.namespace : '', (rules, binding) => {
      if (!rules.some((r) => ruleAllows(a, r))) return false;
      grant = binding;
      return true;
    }, errors);
    if (allowed) return grant ? { decision: 'allow', reason: `RBAC: allowed by ${describeGrant(grant, a.user)}` } : ALLOW;
    // Upstream prefixes resolution errors with "RBAC: " in the 403 message.
    return errors.length ? { decision: 'noOpinion', reason: `RBAC: ${errors.join(', ')}` } : NO_OPINION;
  }

  /** Every rule `user` holds in `namespace` (cluster-wide ones included). */
  rules(user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: string[] } {
    const rules: PolicyRule[] = [];
    const errors: string[] = [];
    this.visitRules(user, namespace, (rs) => { rules.push(...rs); return false; }, errors);
    return { rules, errors };
  }

  rulesFor(user: UserInfo, namespace: string): RuleList {
    const { rules, errors } = this.rules(user, namespace);
    const resourceRules: RuleList['resourceRules'][number][] = [];
    const nonResourceRules: RuleList['nonResourceRules'][number][] = [];
    for (const r of rules) {
      if (r.nonResourceURLs?.length) nonResourceRules.push({ verbs: [...r.verbs], nonResourceURLs: [...r.nonResourceURLs] });
      if (r.resources?.length) {
        resourceRules.push({
          verbs: [...r.verbs], apiGroups: [...(r.apiGroups ?? [])], resources: [...r.resources],
          ...(r.resourceNames?.length ? { resourceNames: [...r.resourceNames] } : {}),
        });
      }
    }
    return { resourceRules, nonResourceRules, incomplete: errors.length > 0 };
  }
}
