/**
 * @module autoscaling/v2 HorizontalPodAutoscalers and policy/v1 PodDisruptionBudgets
 * (pkg/apis/autoscaling/validation, pkg/apis/policy/validation): replica bounds, the scale target,
 * metric sources (exactly the one their type names, targets of the right kind), scaling behavior;
 * budgets with minAvailable xor maxUnavailable as int or percent, a valid selector, the eviction
 * policy, and status counters.
 */
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { go } from './go-values.js';
import { checkEnum, checkNonNegative, list, obj, qty, str } from './helpers.js';
import { validateLabelSelector } from './label-selector.js';
import { isValidPathSegmentName } from './names.js';
import { validateIntOrPercent } from './workloads.js';

type Obj = Record<string, unknown>;
const SPEC = FieldPath.root('spec');
const set = (v: unknown): boolean => v !== undefined && v !== null;
const SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SOURCE_FIELD: Readonly<Record<string, string>> = { Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource' };

function validateObjectRef(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const r = obj(raw);
  for (const f of ['kind', 'name'] as const) {
    const v = str(r[f]);
    if (!v) errs.push(fieldErrors.required(path.child(f)));
    else for (const m of isValidPathSegmentName(v)) errs.push(fieldErrors.invalid(path.child(f), v, m));
  }
  const av = str(r['apiVersion']);
  if (av.split('/').length > 2) errs.push(fieldErrors.invalid(path.child('apiVersion'), av, `unexpected GroupVersion string: ${av}`));
}

function validateTarget(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const t = obj(raw);
  const type = str(t['type']);
  if (!type) errs.push(fieldErrors.required(path.child('type'), 'must specify a metric target type'));
  if (type !== 'Utilization' && type !== 'Value' && type !== 'AverageValue') errs.push(fieldErrors.invalid(path.child('type'), type, 'must be either Utilization, Value, or AverageValue'));
  for (const f of ['value', 'averageValue'] as const) {
    const q = qty(t[f]);
    if (q && q.sign() !== 1) errs.push(fieldErrors.invalid(path.child(f), q.toString(), 'must be positive'));
  }
  const u = t['averageUtilization'];
  if (typeof u === 'number' && u < 1) errs.push(fieldErrors.invalid(path.child('averageUtilization'), u, 'must be greater than 0'));
}

function validateMetricIdentifier(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const m = obj(raw);
  if (!str(m['name'])) errs.push(fieldErrors.required(path.child('name'), 'must specify a metric name'));
  else for (const msg of isValidPathSegmentName(str(m['name']))) errs.push(fieldErrors.invalid(path.child('name'), str(m['name']), msg));
  validateLabelSelector(errs, m['selector'], path.child('selector'));
}

function validateSource(errs: FieldError[], kind: string, raw: unknown, path: FieldPath): void {
  const s = obj(raw);
  const t = obj(s['target']);
  const tp = path.child('target');
  if (kind === 'resource' || kind === 'containerResource') {
    if (!str(s['name'])) errs.push(fieldErrors.required(path.child('name'), 'must specify a resource name'));
    if (kind === 'containerResource' && !str(s['container'])) errs.push(fieldErrors.required(path.child('container'), 'must specify a container'));
    validateTarget(errs, t, tp);
    if (!set(t['averageUtilization']) && !set(t['averageValue'])) errs.push(fieldErrors.required(tp.child('averageUtilization'), 'must set either a target raw value or a target utilization'));
    if (set(t['averageUtilization']) && set(t['averageValue'])) errs.push(fieldErrors.forbidden(tp.child('averageValue'), 'may not set both a target raw value and a target utilization'));
    return;
  }
  if (kind === 'object') validateObjectRef(errs, s['describedObject'], path.child('describedObject'));
  validateMetricIdentifier(errs, s['metric'], path.child('metric'));
  validateTarget(errs, t, tp);
  if (kind === 'pods') {
    if (!set(t['averageValue'])) errs.push(fieldErrors.required(tp.child('averageValue'), 'must specify a positive target averageValue'));
  } else if (!set(t['value']) && !set(t['averageValue'])) {
    errs.push(fieldErrors.required(tp.child('averageValue'), 'must set either a target value or averageValue'));
  }
}

function validateMetric(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const m = obj(raw);
  const type = str(m['type']);
  if (!type) errs.push(fieldErrors.required(path.child('type'), 'must specify a metric source type'));
  if (!SOURCE_TYPES.includes(type)) errs.push(fieldErrors.notSupported(path.child('type'), type, SOURCE_TYPES));
  const present = Object.values(SOURCE_FIELD).filter((f) => set(m[f]));
  if (present[0]) validateSource(errs, present[0], m[present[0]], path.child(present[0]));
  const expected = SOURCE_FIELD[type];
  if (expected && !set(m[expected])) errs.push(fieldErrors.required(path.child(expected), 'must populate information for the given metric source'));
  if (present.length !== 1) for (const f of present.filter((f) => f !== expected)) errs.push(fieldErrors.forbidden(path.child(f), 'must populate the given metric source only'));
}

function validateRules(errs: FieldError[], raw: unknown, path: FieldPath): void {
  if (!set(raw)) return;
  const r = obj(raw);
  const w = r['stabilizationWindowSeconds'];
  if (typeof w === 'number' && w < 0) errs.push(fieldErrors.invalid(path.child('stabilizationWindowSeconds'), w, 'must be greater than or equal to zero'));
  if (typeof w === 'number' && w > 3600) errs.push(fieldErrors.invalid(path.child('stabilizationWindowSeconds'), w, 'must be less than or equal to 3600'));
  if (set(r['selectPolicy'])) checkEnum(errs, path.child('selectPolicy'), r['selectPolicy'], ['Disabled', 'Max', 'Min'], true);
  const policies = list(r['policies']);
  if (policies.length === 0) errs.push(fieldErrors.required(path.child('policies'), 'must specify at least one Policy'));
  policies.forEach((raw2, i) => {
    const p = obj(raw2);
    const pp = path.child('policies').index(i);
    checkEnum(errs, pp.child('type'), p['type'], ['Percent', 'Pods'], true);
    const v = typeof p['value'] === 'number' ? p['value'] : 0;
    if (v <= 0) errs.push(fieldErrors.invalid(pp.child('value'), v, 'must be greater than zero'));
    const per = typeof p['periodSeconds'] === 'number' ? p['periodSeconds'] : 0;
    if (per <= 0) errs.push(fieldErrors.invalid(pp.child('periodSeconds'), per, 'must be greater than zero'));
    if (per > 1800) errs.push(fieldErrors.invalid(pp.child('periodSeconds'), per, 'must be less than or equal to 1800'));
  });
}

/** An autoscaling/v2 HPA spec (v1 objects are converted to v2 first). */
export function validateHpa(hpa: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(hpa['spec']);
  const min = s['minReplicas'];
  const max = typeof s['maxReplicas'] === 'number' ? s['maxReplicas'] : 0;
  if (typeof min === 'number' && min < 1) errs.push(fieldErrors.invalid(SPEC.child('minReplicas'), min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(fieldErrors.invalid(SPEC.child('maxReplicas'), max, 'must be greater than 0'));
  if (typeof min === 'number' && max < min) errs.push(fieldErrors.invalid(SPEC.child('maxReplicas'), max, 'must be greater than or equal to `minReplicas`'));
  validateObjectRef(errs, s['scaleTargetRef'], SPEC.child('scaleTargetRef'));
  list(s['metrics']).forEach((m, i) => validateMetric(errs, m, SPEC.child('metrics').index(i)));
  const b = obj(s['behavior']);
  validateRules(errs, b['scaleUp'], SPEC.child('behavior', 'scaleUp'));
  validateRules(errs, b['scaleDown'], SPEC.child('behavior', 'scaleDown'));
  return errs;
}

/** A PodDisruptionBudget spec. */
export function validatePdb(pdb: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(pdb['spec']);
  if (set(s['minAvailable']) && set(s['maxUnavailable'])) errs.push(fieldErrors.invalid(SPEC, go.raw('policy.PodDisruptionBudgetSpec{...}'), 'minAvailable and maxUnavailable cannot be both set'));
  for (const f of ['minAvailable', 'maxUnavailable'] as const) if (set(s[f])) validateIntOrPercent(errs, SPEC.child(f), s[f]);
  validateLabelSelector(errs, s['selector'], SPEC.child('selector'));
  if (set(s['unhealthyPodEvictionPolicy'])) checkEnum(errs, SPEC.child('unhealthyPodEvictionPolicy'), s['unhealthyPodEvictionPolicy'], ['AlwaysAllow', 'IfHealthyBudget'], true);
  return errs;
}

export function validatePdbStatus(pdb: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const st = obj(pdb['status']);
  for (const f of ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'] as const) checkNonNegative(errs, FieldPath.root('status').child(f), st[f]);
  return errs;
}
