/**
 * @module rbac.authorization.k8s.io/v1 validation (pkg/apis/rbac/validation): policy rules (verbs
 * required; resource rules need API groups and resources; non-resource URLs only in cluster roles
 * and never mixed with resources), aggregation rules, role references and subjects, and the
 * immutable roleRef of bindings.
 */
import { jsonEqual } from '../meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { go } from './go-values.js';
import { list, obj, str } from './helpers.js';
import { validateLabelSelector } from './label-selector.js';
import { isDNS1123Subdomain, isValidPathSegmentName } from './names.js';

type Obj = Record<string, unknown>;
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

function validateRule(errs: FieldError[], raw: unknown, namespaced: boolean, path: FieldPath): void {
  const r = obj(raw);
  if (list(r['verbs']).length === 0) errs.push(fieldErrors.required(path.child('verbs'), 'verbs must contain at least one value'));
  const urls = list(r['nonResourceURLs']);
  if (urls.length) {
    const v = go.stringSlice(urls);
    if (namespaced) errs.push(fieldErrors.invalid(path.child('nonResourceURLs'), v, 'namespaced rules cannot apply to non-resource URLs'));
    if (list(r['apiGroups']).length || list(r['resources']).length || list(r['resourceNames']).length) {
      errs.push(fieldErrors.invalid(path.child('nonResourceURLs'), v, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return;
  }
  if (list(r['apiGroups']).length === 0) errs.push(fieldErrors.required(path.child('apiGroups'), 'resource rules must supply at least one api group'));
  if (list(r['resources']).length === 0) errs.push(fieldErrors.required(path.child('resources'), 'resource rules must supply at least one resource'));
}

/** Roles (namespaced) and ClusterRoles (with their aggregation rule). */
export function validateRole(role: Obj, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  list(role['rules']).forEach((r, i) => validateRule(errs, r, namespaced, FieldPath.root('rules').index(i)));
  const agg = role['aggregationRule'];
  if (!namespaced && agg !== undefined && agg !== null) {
    const sels = list(obj(agg)['clusterRoleSelectors']);
    const sp = FieldPath.root('aggregationRule').child('clusterRoleSelectors');
    if (sels.length === 0) errs.push(fieldErrors.required(sp, 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    sels.forEach((s, i) => validateLabelSelector(errs, s, sp.index(i)));
  }
  return errs;
}

function validateSubject(errs: FieldError[], raw: unknown, namespaced: boolean, path: FieldPath): void {
  const s = obj(raw);
  const name = str(s['name']);
  const group = str(s['apiGroup']);
  if (!name) errs.push(fieldErrors.required(path.child('name')));
  switch (s['kind']) {
    case 'ServiceAccount':
      if (name) for (const m of isDNS1123Subdomain(name)) errs.push(fieldErrors.invalid(path.child('name'), name, m));
      if (group) errs.push(fieldErrors.notSupported(path.child('apiGroup'), group, ['']));
      if (!namespaced && !str(s['namespace'])) errs.push(fieldErrors.required(path.child('namespace')));
      break;
    case 'User':
    case 'Group':
      if (group !== RBAC_GROUP) errs.push(fieldErrors.notSupported(path.child('apiGroup'), group, [RBAC_GROUP]));
      break;
    default:
      errs.push(fieldErrors.notSupported(path.child('kind'), str(s['kind']), ['ServiceAccount', 'User', 'Group']));
  }
}

/** RoleBindings (roleRef Role or ClusterRole) and ClusterRoleBindings (ClusterRole only). */
export function validateBinding(b: Obj, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = obj(b['roleRef']);
  const rp = FieldPath.root('roleRef');
  if (str(ref['apiGroup']) !== RBAC_GROUP) errs.push(fieldErrors.notSupported(rp.child('apiGroup'), str(ref['apiGroup']), [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(str(ref['kind']))) errs.push(fieldErrors.notSupported(rp.child('kind'), str(ref['kind']), kinds));
  const name = str(ref['name']);
  if (!name) errs.push(fieldErrors.required(rp.child('name')));
  else for (const m of isValidPathSegmentName(name)) errs.push(fieldErrors.invalid(rp.child('name'), name, m));
  list(b['subjects']).forEach((s, i) => validateSubject(errs, s, namespaced, FieldPath.root('subjects').index(i)));
  return errs;
}

/** A binding's roleRef never changes. */
export function validateBindingUpdate(next: Obj, prev: Obj): FieldError[] {
  if (jsonEqual(next['roleRef'] ?? null, prev['roleRef'] ?? null)) return [];
  const r = obj(next['roleRef']);
  return [fieldErrors.invalid('roleRef', go.raw(`rbac.RoleRef{APIGroup:${JSON.stringify(str(r['apiGroup']))}, Kind:${JSON.stringify(str(r['kind']))}, Name:${JSON.stringify(str(r['name']))}}`), 'cannot change roleRef')];
}
