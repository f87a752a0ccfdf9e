/**
 * @module RBAC escalation prevention (pkg/registry/rbac/*\/policybased): a Role or ClusterRole
 * may only be written with rules its author already holds, unless the author may `escalate`
 * that role; a binding may only grant a role whose rules its author holds, unless the author
 * may `bind` it. Using an aggregationRule takes cluster-admin power. system:masters is exempt.
 * Runs as a validating admission plugin, answering 403 in Kubernetes's words.
 */
import type { KubeObject } from '../../../api/meta/object.js';
import { jsonEqual } from '../../../api/meta/object.js';
import { statusErrors } from '../../../api/status.js';
import type { AdmissionAttributes, Operation, ValidatingPlugin } from '../../admission/admission.js';
import type { UserInfo } from '../../auth/authenticator.js';
import type { Authorizer } from '../authorizer.js';
import { PRIVILEGED_GROUP } from '../union.js';
import type { RbacAuthorizer, RbacSource } from './authorizer.js';
import { compactRule, type PolicyRule, rulesOf, uncoveredRules } from './rules.js';

const GROUP = 'rbac.authorization.k8s.io';
const FULL_AUTHORITY: PolicyRule[] = [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] }];

/** Merges atomic rules that differ only in verb (rbacv1helpers.CompactRules), sorted for stable messages. */
function compact(rules: readonly PolicyRule[]): PolicyRule[] {
  const byKey = new Map<string, PolicyRule>();
  for (const r of rules) {
    const key = JSON.stringify([r.apiGroups, r.resources, r.resourceNames, r.nonResourceURLs]);
    const prev = byKey.get(key);
    byKey.set(key, prev ? { ...prev, verbs: [...prev.verbs, ...r.verbs.filter((v) => !prev.verbs.includes(v))] } : r);
  }
  return [...byKey.values()].sort((a, b) => compactRule(a).localeCompare(compactRule(b)));
}

export function escalationMessage(user: UserInfo, missing: readonly PolicyRule[]): string {
  const groups = `[${user.groups.map((g) => JSON.stringify(g)).join(' ')}]`;
  return `user ${JSON.stringify(user.name)} (groups=${groups}) is attempting to grant RBAC permissions not currently held:\n${compact(missing).map(compactRule).join('\n')}`;
}

export interface EscalationOptions {
  /** The whole authorizer chain (for the `escalate` and `bind` verbs). */
  readonly authorizer: Authorizer;
  /** RBAC alone: the rules a user holds. */
  readonly rbac: RbacAuthorizer;
  readonly source: RbacSource;
}

export function rbacEscalationCheck(o: EscalationOptions): ValidatingPlugin {
  const allowedTo = async (user: UserInfo, verb: string, resource: string, namespace: string, name: string) =>
    (await o.authorizer.authorize({ user, verb, resourceRequest: true, namespace, apiGroup: GROUP, apiVersion: 'v1', resource, subresource: '', name, path: '' })).allowed;

  const confirmNoEscalation = (a: AdmissionAttributes, user: UserInfo, wanted: readonly PolicyRule[], message?: string) => {
    const held = o.rbac.rules(user, a.namespace);
    const missing = uncoveredRules(held.rules, wanted);
    if (missing.length) throw statusErrors.forbidden({ resource: a.resource, group: GROUP }, a.name, message ?? escalationMessage(user, missing));
  };

  const checkRole = async (a: AdmissionAttributes, user: UserInfo, obj: KubeObject) => {
    const old = a.oldObject;
    const aggregation = obj['aggregationRule'];
    if (old && jsonEqual(old['rules'], obj['rules']) && jsonEqual(old['aggregationRule'], aggregation)) return;
    if (await allowedTo(user, 'escalate', a.resource, a.namespace, a.name)) return;
    if (a.resource === 'clusterroles' && aggregation !== undefined && aggregation !== null && !(old && jsonEqual(old['aggregationRule'], aggregation))) {
      confirmNoEscalation(a, user, FULL_AUTHORITY, 'must have cluster-admin privileges to use the aggregationRule');
    }
    confirmNoEscalation(a, user, rulesOf(obj));
  };

  const checkBinding = async (a: AdmissionAttributes, user: UserInfo, obj: KubeObject) => {
    const old = a.oldObject;
    if (old && jsonEqual(old['subjects'], obj['subjects']) && jsonEqual(old['roleRef'], obj['roleRef'])) return;
    const ref = (obj['roleRef'] ?? {}) as Record<string, unknown>;
    const kind = ref['kind'] === 'ClusterRole' ? 'clusterroles' : 'roles';
    const roleName = typeof ref['name'] === 'string' ? ref['name'] : '';
    if (await allowedTo(user, 'bind', kind, a.namespace, roleName)) return;
    const role = kind === 'clusterroles' ? o.source.clusterRole(roleName) : o.source.role(a.namespace, roleName);
    if (!role) throw statusErrors.notFound({ resource: kind, group: GROUP }, roleName);
    confirmNoEscalation(a, user, rulesOf(role));
  };

  return {
    name: 'RBACEscalation',
    handles: (op: Operation) => op === 'CREATE' || op === 'UPDATE',
    async validate(a: AdmissionAttributes) {
      if (a.group !== GROUP || a.subresource || !a.object) return;
      const user = a.user;
      if (!user || user.groups.includes(PRIVILEGED_GROUP)) return;
      if (a.resource === 'roles' || a.resource === 'clusterroles') await checkRole(a, user, a.object);
      else if (a.resource === 'rolebindings' || a.resource === 'clusterrolebindings') await checkBinding(a, user, a.object);
    },
  };
}
