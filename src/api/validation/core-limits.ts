/**
 * @module LimitRange and ResourceQuota validation (pkg/apis/core/validation): limit types and the
 * resource names each allows, the ordering of min ≤ default request ≤ default ≤ max and the
 * limit/request ratio, quota resource names and quantities, scopes and scope selectors, and the
 * quota update rule (scopes are immutable).
 */
import type { Quantity } from '../quantity.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { go } from './go-values.js';
import { list, obj, qty, str } from './helpers.js';
import { isQualifiedName } from './names.js';
import { goQuantity, isOvercommitAllowed, isStandardQuotaResource, validateContainerResourceName, validateQuotaResourceName, validateResourceName, validateResourceQuantity } from './resources.js';

type Obj = Record<string, unknown>;
const LIMIT_TYPES = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);

function validateLimitType(errs: FieldError[], t: string, path: FieldPath): void {
  const before = errs.length;
  for (const m of isQualifiedName(t)) errs.push(fieldErrors.invalid(path, t, m));
  if (errs.length === before && !t.includes('/') && !LIMIT_TYPES.has(t)) errs.push(fieldErrors.invalid(path, t, 'must be a standard limit type or fully qualified'));
}

export function validateLimitRange(lr: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const seenTypes = new Set<string>();
  list(obj(lr['spec'])['limits']).map(obj).forEach((item, i) => {
    const p = FieldPath.root('spec').child('limits').index(i);
    const type = str(item['type']);
    validateLimitType(errs, type, p.child('type'));
    if (seenTypes.has(type)) errs.push(fieldErrors.duplicate(p.child('type'), type));
    seenTypes.add(type);
    const nameCheck = type === 'Pod' || type === 'Container' ? validateContainerResourceName : (e: FieldError[], n: string, fp: FieldPath) => { validateResourceName(e, n, fp); };
    const maps: Record<string, Map<string, Quantity>> = {};
    const keys = new Set<string>();
    const collect = (field: string) => {
      const m = new Map<string, Quantity>();
      for (const [k, v] of Object.entries(obj(item[field]))) {
        nameCheck(errs, k, p.child(field).key(k));
        keys.add(k);
        const q = qty(v);
        if (q) m.set(k, q);
      }
      maps[field] = m;
    };
    collect('max');
    collect('min');
    if (type === 'Pod') {
      if (Object.keys(obj(item['default'])).length) errs.push(fieldErrors.forbidden(p.child('default'), "may not be specified when `type` is 'Pod'"));
      if (Object.keys(obj(item['defaultRequest'])).length) errs.push(fieldErrors.forbidden(p.child('defaultRequest'), "may not be specified when `type` is 'Pod'"));
      maps['default'] = new Map();
      maps['defaultRequest'] = new Map();
    } else {
      collect('default');
      collect('defaultRequest');
    }
    if (type === 'PersistentVolumeClaim' && obj(item['min'])['storage'] === undefined && obj(item['max'])['storage'] === undefined) {
      errs.push(fieldErrors.required(p.child('limits'), 'either minimum or maximum storage value is required, but neither was provided'));
    }
    collect('maxLimitRequestRatio');
    for (const k of keys) {
      const min = maps['min']?.get(k);
      const max = maps['max']?.get(k);
      const def = maps['default']?.get(k);
      const req = maps['defaultRequest']?.get(k);
      const ratio = maps['maxLimitRequestRatio']?.get(k);
      const at = (f: string) => p.child(f).key(k);
      if (min && max && min.cmp(max) > 0) errs.push(fieldErrors.invalid(at('min'), goQuantity(min), `min value ${min} is greater than max value ${max}`));
      if (req && min && min.cmp(req) > 0) errs.push(fieldErrors.invalid(at('defaultRequest'), goQuantity(req), `min value ${min} is greater than default request value ${req}`));
      if (req && max && req.cmp(max) > 0) errs.push(fieldErrors.invalid(at('defaultRequest'), goQuantity(req), `default request value ${req} is greater than max value ${max}`));
      if (req && def && req.cmp(def) > 0) errs.push(fieldErrors.invalid(at('defaultRequest'), goQuantity(req), `default request value ${req} is greater than default limit value ${def}`));
      if (def && min && min.cmp(def) > 0) errs.push(fieldErrors.invalid(at('default'), goQuantity(min), `min value ${min} is greater than default value ${def}`));
      if (def && max && def.cmp(max) > 0) errs.push(fieldErrors.invalid(at('default'), goQuantity(max), `default value ${def} is greater than max value ${max}`));
      if (ratio && ratio.cmp(qty('1') as Quantity) < 0) errs.push(fieldErrors.invalid(at('maxLimitRequestRatio'), goQuantity(ratio), `ratio ${ratio} is less than 1`));
      if (ratio && min && max) {
        const limit = Number(max.scaled(-3)) / Number(min.scaled(-3));
        if (Number(ratio.scaled(-3)) / 1000 > limit) errs.push(fieldErrors.invalid(at('maxLimitRequestRatio'), goQuantity(ratio), `ratio ${ratio} is greater than max/min = ${limit.toFixed(6)}`));
      }
      if (!isOvercommitAllowed(k) && def && req && def.cmp(req) !== 0) {
        errs.push(fieldErrors.invalid(at('defaultRequest'), goQuantity(req), `default value ${def} must equal to defaultRequest value ${req} in ${k}`));
      }
    }
  });
  return errs;
}

const SCOPES = new Set(['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity', 'VolumeAttributesClass']);
const POD_SCOPED = new Set(['Terminating', 'NotTerminating', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity']);
const POD_COMPUTE = new Set(['cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory']);

/** IsResourceQuotaScopeValidForResource: which quota resources each scope may restrict. */
function scopeFits(scope: string, resource: string): boolean {
  if (POD_SCOPED.has(scope)) return resource === 'pods' || POD_COMPUTE.has(resource);
  if (scope === 'BestEffort') return resource === 'pods';
  if (scope === 'VolumeAttributesClass') return resource === 'persistentvolumeclaims' || resource === 'requests.storage';
  return true;
}

function checkPairs(errs: FieldError[], scopes: ReadonlySet<string>, path: FieldPath, value: unknown): void {
  if ((scopes.has('BestEffort') && scopes.has('NotBestEffort')) || (scopes.has('Terminating') && scopes.has('NotTerminating'))) {
    errs.push(fieldErrors.invalid(path, value, 'conflicting scopes'));
  }
}

export function validateResourceQuotaSpec(spec: unknown): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(spec);
  const path = FieldPath.root('spec');
  const hard = Object.keys(obj(s['hard'])).sort();
  for (const [k, v] of Object.entries(obj(s['hard']))) {
    validateQuotaResourceName(errs, k, path.child('hard').key(k));
    validateResourceQuantity(errs, k, v, path.child('hard').key(k));
  }
  const scopes = list(s['scopes']).map(str);
  if (scopes.length) {
    const sp = path.child('scopes');
    const value = go.stringSlice(scopes, 'core.ResourceQuotaScope');
    for (const sc of scopes) {
      if (!SCOPES.has(sc)) errs.push(fieldErrors.invalid(sp, value, 'unsupported scope'));
      for (const k of hard) if (isStandardQuotaResource(k) && !scopeFits(sc, k)) errs.push(fieldErrors.invalid(sp, value, 'unsupported scope applied to resource'));
    }
    checkPairs(errs, new Set(scopes), sp, value);
  }
  const sel = s['scopeSelector'];
  if (sel !== undefined && sel !== null) {
    const mp = path.child('scopeSelector', 'matchExpressions');
    const names = new Set<string>();
    list(obj(sel)['matchExpressions']).map(obj).forEach((e) => {
      const name = str(e['scopeName']);
      const op = str(e['operator']);
      if (!SCOPES.has(name)) errs.push(fieldErrors.invalid(mp.child('scopeName'), name, 'unsupported scope'));
      for (const k of hard) if (isStandardQuotaResource(k) && !scopeFits(name, k)) errs.push(fieldErrors.invalid(mp, go.raw('&core.ScopeSelector{...}'), 'unsupported scope applied to resource'));
      if (['BestEffort', 'NotBestEffort', 'Terminating', 'NotTerminating', 'CrossNamespacePodAffinity'].includes(name) && op !== 'Exists') {
        errs.push(fieldErrors.invalid(mp.child('operator'), op, 'must be \'Exists\' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity'));
      }
      const values = list(e['values']);
      if (op === 'In' || op === 'NotIn') {
        if (values.length === 0) errs.push(fieldErrors.required(mp.child('values'), "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"));
      } else if (op === 'Exists' || op === 'DoesNotExist') {
        if (values.length) errs.push(fieldErrors.invalid(mp.child('values'), go.stringSlice(values), "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"));
      } else errs.push(fieldErrors.invalid(mp.child('operator'), op, 'not a valid selector operator'));
      names.add(name);
    });
    checkPairs(errs, names, mp, go.stringSlice(scopes, 'core.ResourceQuotaScope'));
  }
  return errs;
}

/** status.hard and status.used. */
export function validateResourceQuotaStatus(rq: Obj): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['hard', 'used'] as const) {
    for (const [k, v] of Object.entries(obj(obj(rq['status'])[f]))) {
      const p = FieldPath.root('status').child(f).key(k);
      validateQuotaResourceName(errs, k, p);
      validateResourceQuantity(errs, k, v, p);
    }
  }
  return errs;
}

export function validateResourceQuotaScopesUpdate(next: Obj, prev: Obj): FieldError[] {
  const a = new Set(list(obj(next['spec'])['scopes']).map(str));
  const b = new Set(list(obj(prev['spec'])['scopes']).map(str));
  if (a.size === b.size && [...a].every((x) => b.has(x))) return [];
  return [fieldErrors.invalid(FieldPath.root('spec').child('scopes'), go.stringSlice([...a], 'core.ResourceQuotaScope'), 'field is immutable')];
}
