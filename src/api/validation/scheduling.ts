/**
 * @module Scheduling constraints (pkg/apis/core/validation): node selectors and node affinity
 * (operators and the values each needs, Gt/Lt with one value, metadata.name match fields),
 * pod (anti-)affinity terms (selectors, namespaces, topologyKey required, weights 1-100),
 * tolerations (Exists with an empty value, tolerationSeconds only with NoExecute), taints, and
 * topology spread constraints (maxSkew > 0, whenUnsatisfiable, no repeated key/action pair).
 */
import { type FieldError, type FieldPath, fieldErrors } from './field-errors.js';
import { list, obj, str } from './helpers.js';
import { validateLabelName, validateLabelSelector } from './label-selector.js';
import { isDNS1123Label, isDNS1123Subdomain, isValidLabelValue } from './names.js';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateNodeSelectorRequirement(errs: FieldError[], raw: unknown, path: FieldPath, checkValues: boolean): void {
  const r = obj(raw);
  const op = r['operator'];
  const values = list(r['values']);
  if (op === 'In' || op === 'NotIn') {
    if (values.length === 0) errs.push(fieldErrors.required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (op === 'Exists' || op === 'DoesNotExist') {
    if (values.length > 0) errs.push(fieldErrors.forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else if (op === 'Gt' || op === 'Lt') {
    if (values.length !== 1) errs.push(fieldErrors.required(path.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
  } else {
    errs.push(fieldErrors.invalid(path.child('operator'), str(op), 'not a valid selector operator'));
  }
  validateLabelName(errs, str(r['key']), path.child('key'));
  if (!checkValues) return;
  values.forEach((v, i) => {
    for (const m of isValidLabelValue(str(v))) errs.push(fieldErrors.invalid(path.child('values').index(i), str(v), m));
  });
}

function validateNodeFieldRequirement(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const r = obj(raw);
  const values = list(r['values']);
  if (r['operator'] === 'In' || r['operator'] === 'NotIn') {
    if (values.length !== 1) errs.push(fieldErrors.required(path.child('values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else {
    errs.push(fieldErrors.invalid(path.child('operator'), str(r['operator']), 'not a valid selector operator'));
  }
  if (r['key'] !== 'metadata.name') return void errs.push(fieldErrors.invalid(path.child('key'), str(r['key']), 'not a valid field selector key'));
  values.forEach((v, i) => {
    for (const m of isDNS1123Subdomain(str(v))) errs.push(fieldErrors.invalid(path.child('values').index(i), str(v), m));
  });
}

export function validateNodeSelectorTerm(errs: FieldError[], raw: unknown, path: FieldPath, checkValues: boolean): void {
  const t = obj(raw);
  list(t['matchExpressions']).forEach((e, i) => validateNodeSelectorRequirement(errs, e, path.child('matchExpressions').index(i), checkValues));
  list(t['matchFields']).forEach((e, i) => validateNodeFieldRequirement(errs, e, path.child('matchFields').index(i)));
}

/** A NodeSelector: at least one term. */
export function validateNodeSelector(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const terms = list(obj(raw)['nodeSelectorTerms']);
  const tp = path.child('nodeSelectorTerms');
  if (terms.length === 0) return void errs.push(fieldErrors.required(tp, 'must have at least one node selector term'));
  terms.forEach((t, i) => validateNodeSelectorTerm(errs, t, tp.index(i), true));
}

function validateWeight(errs: FieldError[], w: unknown, path: FieldPath): void {
  const n = typeof w === 'number' ? w : 0;
  if (n <= 0 || n > 100) errs.push(fieldErrors.invalid(path, n, 'must be in the range 1-100'));
}

function validateLabelKeys(errs: FieldError[], keys: unknown, selector: unknown, path: FieldPath): void {
  const ks = list(keys);
  if (ks.length === 0) return;
  if (selector === undefined || selector === null) return void errs.push(fieldErrors.forbidden(path, 'must not be specified when labelSelector is not set'));
  ks.forEach((k, i) => validateLabelName(errs, str(k), path.index(i)));
}

function validatePodAffinityTerm(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const t = obj(raw);
  validateLabelSelector(errs, t['labelSelector'], path.child('labelSelector'));
  validateLabelSelector(errs, t['namespaceSelector'], path.child('namespaceSelector'));
  for (const ns of list(t['namespaces'])) for (const m of isDNS1123Label(str(ns))) errs.push(fieldErrors.invalid(path.child('namespace'), str(ns), m));
  validateLabelKeys(errs, t['matchLabelKeys'], t['labelSelector'], path.child('matchLabelKeys'));
  validateLabelKeys(errs, t['mismatchLabelKeys'], t['labelSelector'], path.child('mismatchLabelKeys'));
  const mismatch = new Set(list(t['mismatchLabelKeys']).map(str));
  list(t['matchLabelKeys']).forEach((k, i) => {
    if (mismatch.has(str(k))) errs.push(fieldErrors.invalid(path.child('matchLabelKeys').index(i), str(k), 'exists in both matchLabelKeys and mismatchLabelKeys'));
  });
  const key = str(t['topologyKey']);
  if (!key) errs.push(fieldErrors.required(path.child('topologyKey'), 'can not be empty'));
  validateLabelName(errs, key, path.child('topologyKey'));
}

function validatePodAffinity(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const a = obj(raw);
  list(a['requiredDuringSchedulingIgnoredDuringExecution']).forEach((t, i) =>
    validatePodAffinityTerm(errs, t, path.child('requiredDuringSchedulingIgnoredDuringExecution').index(i)));
  list(a['preferredDuringSchedulingIgnoredDuringExecution']).forEach((t, i) => {
    const p = path.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
    validateWeight(errs, obj(t)['weight'], p.child('weight'));
    validatePodAffinityTerm(errs, obj(t)['podAffinityTerm'], p.child('podAffinityTerm'));
  });
}

/** spec.affinity: node affinity, pod affinity and anti-affinity. */
export function validateAffinity(errs: FieldError[], raw: unknown, path: FieldPath): void {
  if (raw === undefined || raw === null) return;
  const a = obj(raw);
  const na = a['nodeAffinity'];
  if (na !== undefined && na !== null) {
    const np = path.child('nodeAffinity');
    const req = obj(na)['requiredDuringSchedulingIgnoredDuringExecution'];
    if (req !== undefined && req !== null) validateNodeSelector(errs, req, np.child('requiredDuringSchedulingIgnoredDuringExecution'));
    list(obj(na)['preferredDuringSchedulingIgnoredDuringExecution']).forEach((t, i) => {
      const p = np.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
      validateWeight(errs, obj(t)['weight'], p.child('weight'));
      // Preferred terms tolerate invalid label values (they may still match on a single node).
      validateNodeSelectorTerm(errs, obj(t)['preference'], p.child('preference'), false);
    });
  }
  if (a['podAffinity'] !== undefined && a['podAffinity'] !== null) validatePodAffinity(errs, a['podAffinity'], path.child('podAffinity'));
  if (a['podAntiAffinity'] !== undefined && a['podAntiAffinity'] !== null) validatePodAffinity(errs, a['podAntiAffinity'], path.child('podAntiAffinity'));
}

/** A taint effect (required for taints, optional for tolerations). */
export function validateTaintEffect(errs: FieldError[], effect: unknown, allowEmpty: boolean, path: FieldPath): void {
  const e = str(effect);
  if (!allowEmpty && !e) return void errs.push(fieldErrors.required(path));
  if (!TAINT_EFFECTS.includes(e)) errs.push(fieldErrors.notSupported(path, e, TAINT_EFFECTS));
}

export function validateTolerations(errs: FieldError[], tolerations: unknown, path: FieldPath): void {
  list(tolerations).forEach((raw, i) => {
    const t = obj(raw);
    const p = path.index(i);
    const key = str(t['key']);
    const op = str(t['operator']);
    if (key) validateLabelName(errs, key, p.child('key'));
    if (!key && op !== 'Exists') errs.push(fieldErrors.invalid(p.child('operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t['tolerationSeconds'] !== undefined && t['tolerationSeconds'] !== null && t['effect'] !== 'NoExecute') {
      errs.push(fieldErrors.invalid(p.child('effect'), str(t['effect']), "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(str(t['value']));
      if (msgs.length) errs.push(fieldErrors.invalid(p.child('operator'), str(t['value']), msgs.join(';')));
    } else if (op === 'Exists') {
      if (str(t['value'])) errs.push(fieldErrors.invalid(p.child('operator'), str(t['value']), "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(fieldErrors.notSupported(p.child('operator'), op, ['Equal', 'Exists']));
    }
    if (str(t['effect'])) validateTaintEffect(errs, t['effect'], true, p.child('effect'));
  });
}

const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'];
const NODE_POLICIES = ['Honor', 'Ignore'];

export function validateTopologySpreadConstraints(errs: FieldError[], constraints: unknown, path: FieldPath): void {
  const cs = list(constraints).map(obj);
  cs.forEach((c, i) => {
    const p = path.index(i);
    const skew = typeof c['maxSkew'] === 'number' ? c['maxSkew'] : 0;
    if (skew <= 0) errs.push(fieldErrors.invalid(p.child('maxSkew'), skew, 'must be greater than zero'));
    const key = str(c['topologyKey']);
    if (!key) errs.push(fieldErrors.required(p.child('topologyKey'), 'can not be empty'));
    const when = str(c['whenUnsatisfiable']);
    if (!WHEN_UNSATISFIABLE.includes(when)) errs.push(fieldErrors.notSupported(p.child('whenUnsatisfiable'), when, WHEN_UNSATISFIABLE));
    if (cs.slice(i + 1).some((o) => str(o['topologyKey']) === key && str(o['whenUnsatisfiable']) === when)) {
      errs.push(fieldErrors.duplicate(p.child('{topologyKey, whenUnsatisfiable}'), `{${key}, ${when}}`));
    }
    const md = c['minDomains'];
    if (typeof md === 'number') {
      if (md <= 0) errs.push(fieldErrors.invalid(p.child('minDomains'), md, 'must be greater than zero'));
      if (when !== 'DoNotSchedule') errs.push(fieldErrors.invalid(p.child('minDomains'), md, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${when}`));
    }
    for (const f of ['nodeAffinityPolicy', 'nodeTaintsPolicy'] as const) {
      const v = c[f];
      if (v !== undefined && v !== null && !NODE_POLICIES.includes(str(v))) errs.push(fieldErrors.notSupported(p.child(f), v, NODE_POLICIES));
    }
    const keys = list(c['matchLabelKeys']).map(str);
    if (keys.length) {
      const sel = c['labelSelector'];
      if (sel === undefined || sel === null) errs.push(fieldErrors.forbidden(p.child('matchLabelKeys'), 'must not be specified when labelSelector is not set'));
      const inSel = new Set([...Object.keys(obj(obj(sel)['matchLabels'])), ...list(obj(sel)['matchExpressions']).map((e) => str(obj(e)['key']))]);
      keys.forEach((k, j) => {
        validateLabelName(errs, k, p.child('matchLabelKeys').index(j));
        if (inSel.has(k)) errs.push(fieldErrors.invalid(p.child('matchLabelKeys').index(j), k, 'exists in both matchLabelKeys and labelSelector'));
      });
    }
    validateLabelSelector(errs, c['labelSelector'], p.child('labelSelector'));
  });
}

