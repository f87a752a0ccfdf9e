/**
 * @module The bootstrap policy reconciled at every start (kube-apiserver's
 * rbac/bootstrap-roles post-start hook): missing roles and bindings are created; existing ones
 * whose `rbac.authorization.kubernetes.io/autoupdate` annotation is not "false" get the rules,
 * labels, aggregation selectors and subjects they lack added (never removed); a binding whose
 * roleRef changed is recreated.
 */
import { cloneJson, jsonEqual, type KubeObject } from '../../../api/meta/object.js';
import { logger } from '../../../base/log.js';
import { systemContext } from '../../registry/rest/context.js';
import type { ObjectView } from '../../security/object-view.js';
import {
  type BootstrapBinding, type BootstrapRole, bootstrapClusterRoleBindings, bootstrapClusterRoles, bootstrapRoleBindings, bootstrapRoles,
} from './bootstrap-policy.js';
import { rulesOf, uncoveredRules } from './rules.js';
import type { RegistryRbacSource } from './source.js';

const log = logger('rbac');

const API_VERSION = 'rbac.authorization.k8s.io/v1';
const BOOTSTRAP_LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
export const AUTOUPDATE = 'rbac.authorization.kubernetes.io/autoupdate';

function roleObject(kind: 'ClusterRole' | 'Role', namespace: string, want: BootstrapRole): KubeObject {
  const obj: KubeObject = {
    apiVersion: API_VERSION, kind,
    metadata: { name: want.name, ...(namespace ? { namespace } : {}), labels: { ...BOOTSTRAP_LABELS, ...want.labels }, annotations: { [AUTOUPDATE]: 'true' } },
    rules: cloneJson(want.rules),
  };
  if (want.aggregateFrom) obj['aggregationRule'] = { clusterRoleSelectors: want.aggregateFrom.map((m) => ({ matchLabels: { ...m } })) };
  return obj;
}

function bindingObject(kind: 'ClusterRoleBinding' | 'RoleBinding', namespace: string, want: BootstrapBinding): KubeObject {
  return {
    apiVersion: API_VERSION, kind,
    metadata: { name: want.name, ...(namespace ? { namespace } : {}), labels: { ...BOOTSTRAP_LABELS }, annotations: { [AUTOUPDATE]: 'true' } },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: want.roleKind, name: want.role },
    subjects: want.subjects.map((s) => (s.kind === 'ServiceAccount' ? { kind: s.kind, name: s.name, namespace: s.namespace } : { kind: s.kind, apiGroup: 'rbac.authorization.k8s.io', name: s.name })),
  };
}

/** Adds what `current` lacks from `wanted` (labels, annotations, rules, selectors, subjects); returns the merged object. */
function merged(current: KubeObject, wanted: KubeObject): KubeObject {
  const next = cloneJson(current);
  next.metadata.labels = { ...wanted.metadata.labels, ...current.metadata.labels };
  next.metadata.annotations = { ...wanted.metadata.annotations, ...current.metadata.annotations };
  if (wanted['rules'] !== undefined) {
    const have = rulesOf(current);
    const want = rulesOf(wanted);
    const missing = want.filter((r) => uncoveredRules(have, [r]).length > 0);
    if (missing.length) next['rules'] = [...(Array.isArray(current['rules']) ? current['rules'] : []), ...cloneJson(missing)];
  }
  const wantAgg = wanted['aggregationRule'] as { clusterRoleSelectors: unknown[] } | undefined;
  if (wantAgg) {
    const cur = (current['aggregationRule'] as { clusterRoleSelectors?: unknown[] } | undefined)?.clusterRoleSelectors ?? [];
    const add = wantAgg.clusterRoleSelectors.filter((s) => !cur.some((c) => jsonEqual(c, s)));
    if (add.length) next['aggregationRule'] = { clusterRoleSelectors: [...cur, ...add] };
  }
  if (wanted['subjects'] !== undefined) {
    const cur = Array.isArray(current['subjects']) ? current['subjects'] : [];
    const add = (wanted['subjects'] as unknown[]).filter((s) => !cur.some((c) => jsonEqual(c, s)));
    if (add.length) next['subjects'] = [...cur, ...add];
  }
  return next;
}

/** Creates `wanted` or adds what the stored one lacks; returns what happened. */
async function reconcileOne(view: ObjectView, wanted: KubeObject): Promise<'created' | 'updated' | 'unchanged' | 'skipped'> {
  const ns = wanted.metadata.namespace ?? '';
  const name = wanted.metadata.name ?? '';
  const store = view.store;
  const current = await view.get(ns, name);
  if (!current) {
    await store.create(systemContext(ns), cloneJson(wanted));
    return 'created';
  }
  if (current.metadata.annotations?.[AUTOUPDATE] === 'false') return 'skipped';
  if (wanted['roleRef'] !== undefined && !jsonEqual(current['roleRef'], wanted['roleRef'])) {
    // roleRef is immutable: the binding is replaced, keeping the subjects it had.
    await store.delete(systemContext(ns), name, {});
    await store.create(systemContext(ns), merged({ ...wanted, subjects: current['subjects'] ?? [] }, wanted));
    return 'updated';
  }
  const next = merged(current, wanted);
  if (jsonEqual(next, current)) return 'unchanged';
  await store.update(systemContext(ns), name, () => { delete next.metadata.resourceVersion; return next; });
  return 'updated';
}

/** Reconciles every bootstrap role and binding; namespaced ones need their namespaces to exist. */
export async function reconcileBootstrapPolicy(rbac: RegistryRbacSource): Promise<{ created: number; updated: number }> {
  let created = 0, updated = 0;
  const count = (r: string) => { if (r === 'created') created++; else if (r === 'updated') updated++; };
  for (const role of bootstrapClusterRoles()) count(await reconcileOne(rbac.clusterRoles, roleObject('ClusterRole', '', role)));
  for (const b of bootstrapClusterRoleBindings()) count(await reconcileOne(rbac.clusterBindings, bindingObject('ClusterRoleBinding', '', b)));
  for (const [ns, roles] of Object.entries(bootstrapRoles())) for (const role of roles) count(await reconcileOne(rbac.roles, roleObject('Role', ns, role)));
  for (const [ns, bs] of Object.entries(bootstrapRoleBindings())) for (const b of bs) count(await reconcileOne(rbac.bindings, bindingObject('RoleBinding', ns, b)));
  log.v(1, `bootstrap policy: ${created} created, ${updated} updated`);
  return { created, updated };
}
