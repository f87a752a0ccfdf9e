/**
 * @module apps/v1 workload validation (pkg/apis/apps/validation) and ReplicationControllers: a
 * required, non-empty selector matching the template's labels, the pod template with
 * restartPolicy Always and no activeDeadlineSeconds, replicas and history limits ≥ 0, update
 * strategies (maxSurge/maxUnavailable as int or percent, not both zero), StatefulSet policies and
 * the spec fields a StatefulSet update may change, and the status counters.
 */
import { selectorFromObject } from '../labels/from-object.js';
import { SelectorParseError } from '../labels/selector.js';
import { jsonEqual } from '../meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { go } from './go-values.js';
import { checkNonNegative, NEGATIVE_MSG, obj, str } from './helpers.js';
import { selectorIsEmpty, validateLabelMap, validateLabelSelector } from './label-selector.js';
import { isValidPercent } from './names.js';
import { validateAnnotations } from './object-meta.js';
import { validatePodAnnotations, validatePodTemplateSpec } from './pod-spec.js';

type Obj = Record<string, unknown>;
const SPEC = FieldPath.root('spec');

/** Does `sel` (a LabelSelector) select `labels`? undefined when the selector cannot be parsed. */
export function selectorMatches(sel: unknown, labels: unknown): boolean | undefined {
  try {
    return selectorFromObject(obj(sel)).matches(obj(labels) as Record<string, string>);
  } catch (e) {
    if (e instanceof SelectorParseError) return undefined;
    throw e;
  }
}

/** ValidatePositiveIntOrPercent plus IsNotMoreThan100Percent; returns the int or percent value. */
export function validateIntOrPercent(errs: FieldError[], path: FieldPath, v: unknown, maxHundred = true): number {
  if (typeof v === 'string') {
    const msgs = isValidPercent(v);
    for (const m of msgs) errs.push(fieldErrors.invalid(path, go.intOrString(v), m));
    if (msgs.length) return 0;
    const n = Number(v.slice(0, -1));
    if (maxHundred && n > 100) errs.push(fieldErrors.invalid(path, go.intOrString(v), 'must not be greater than 100%'));
    return n;
  }
  const n = typeof v === 'number' ? v : 0;
  if (n < 0) errs.push(fieldErrors.invalid(path, n, NEGATIVE_MSG));
  return n;
}

/** The selector and template checks Deployments and ReplicaSets share. */
function validateSelectorAndTemplate(errs: FieldError[], s: Obj, kindWord: string, kindName: string): void {
  const sel = s['selector'];
  if (sel === undefined || sel === null) errs.push(fieldErrors.required(SPEC.child('selector')));
  else {
    validateLabelSelector(errs, sel, SPEC.child('selector'));
    if (selectorIsEmpty(sel)) errs.push(fieldErrors.invalid(SPEC.child('selector'), go.labelSelector(sel), `empty selector is invalid for ${kindWord}`));
  }
  const tpl = obj(s['template']);
  const labels = obj(tpl['metadata'])['labels'];
  const matches = selectorMatches(sel, labels);
  if (matches === undefined) return void errs.push(fieldErrors.invalid(SPEC.child('selector'), go.labelSelector(sel), 'invalid label selector'));
  if (sel !== undefined && sel !== null && !selectorIsEmpty(sel) && !matches) {
    errs.push(fieldErrors.invalid(SPEC.child('template', 'metadata', 'labels'), go.stringMap(labels), '`selector` does not match template `labels`'));
  }
  validateTemplateForControllers(errs, tpl, SPEC.child('template'), kindName);
}

/** ValidatePodTemplateSpec plus restartPolicy Always and no activeDeadlineSeconds. */
export function validateTemplateForControllers(errs: FieldError[], tpl: Obj, path: FieldPath, kindName: string): void {
  validatePodTemplateSpec(errs, tpl, path);
  const spec = obj(tpl['spec']);
  if (spec['restartPolicy'] !== 'Always') errs.push(fieldErrors.notSupported(path.child('spec', 'restartPolicy'), str(spec['restartPolicy']), ['Always']));
  if (spec['activeDeadlineSeconds'] !== undefined && spec['activeDeadlineSeconds'] !== null) {
    errs.push(fieldErrors.forbidden(path.child('spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kindName} is not Supported`));
  }
}

export function validateDeploymentSpec(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  checkNonNegative(errs, SPEC.child('replicas'), s['replicas']);
  validateSelectorAndTemplate(errs, s, 'deployment', 'ReplicaSet');
  const st = obj(s['strategy']);
  const sp = SPEC.child('strategy');
  if (st['type'] === 'Recreate') {
    if (st['rollingUpdate'] !== undefined && st['rollingUpdate'] !== null) errs.push(fieldErrors.forbidden(sp.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'"));
  } else if (st['type'] === 'RollingUpdate') {
    if (st['rollingUpdate'] === undefined || st['rollingUpdate'] === null) errs.push(fieldErrors.required(sp.child('rollingUpdate'), 'this should be defaulted and never be nil'));
    else {
      const ru = obj(st['rollingUpdate']);
      const rp = sp.child('rollingUpdate');
      const mu = validateIntOrPercent(errs, rp.child('maxUnavailable'), ru['maxUnavailable'], false);
      const ms = validateIntOrPercent(errs, rp.child('maxSurge'), ru['maxSurge'], false);
      if (mu === 0 && ms === 0) errs.push(fieldErrors.invalid(rp.child('maxUnavailable'), go.intOrString(ru['maxUnavailable']), 'may not be 0 when `maxSurge` is 0'));
      if (typeof ru['maxUnavailable'] === 'string' && mu > 100) errs.push(fieldErrors.invalid(rp.child('maxUnavailable'), go.intOrString(ru['maxUnavailable']), 'must not be greater than 100%'));
    }
  } else {
    errs.push(fieldErrors.notSupported(sp, go.raw(`apps.DeploymentStrategy{Type:${JSON.stringify(str(st['type']))}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`), ['Recreate', 'RollingUpdate']));
  }
  checkNonNegative(errs, SPEC.child('minReadySeconds'), s['minReadySeconds']);
  checkNonNegative(errs, SPEC.child('revisionHistoryLimit'), s['revisionHistoryLimit']);
  const pds = s['progressDeadlineSeconds'];
  if (typeof pds === 'number') {
    checkNonNegative(errs, SPEC.child('progressDeadlineSeconds'), pds);
    if (pds <= (typeof s['minReadySeconds'] === 'number' ? s['minReadySeconds'] : 0)) errs.push(fieldErrors.invalid(SPEC.child('progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export function validateReplicaSetSpec(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  checkNonNegative(errs, SPEC.child('replicas'), s['replicas']);
  checkNonNegative(errs, SPEC.child('minReadySeconds'), s['minReadySeconds']);
  validateSelectorAndTemplate(errs, s, 'deployment', 'ReplicaSet');
  return errs;
}

export function validateDaemonSetSpec(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const sel = s['selector'];
  validateLabelSelector(errs, sel, SPEC.child('selector'));
  const tpl = obj(s['template']);
  const labels = obj(tpl['metadata'])['labels'];
  // A missing selector selects nothing, so it cannot match the template either.
  const matches = sel === undefined || sel === null ? false : selectorMatches(sel, labels);
  if (matches === false) errs.push(fieldErrors.invalid(SPEC.child('template', 'metadata', 'labels'), go.stringMap(labels), '`selector` does not match template `labels`'));
  if (sel !== undefined && sel !== null && selectorIsEmpty(sel)) errs.push(fieldErrors.invalid(SPEC.child('selector'), go.labelSelector(sel), 'empty selector is invalid for daemonset'));
  validateTemplateForControllers(errs, tpl, SPEC.child('template'), 'DaemonSet');
  checkNonNegative(errs, SPEC.child('minReadySeconds'), s['minReadySeconds']);
  checkNonNegative(errs, SPEC.child('templateGeneration'), s['templateGeneration']);
  const us = obj(s['updateStrategy']);
  const up = SPEC.child('updateStrategy');
  if (us['type'] === 'RollingUpdate') {
    if (us['rollingUpdate'] === undefined || us['rollingUpdate'] === null) errs.push(fieldErrors.required(up.child('rollingUpdate')));
    else {
      const ru = obj(us['rollingUpdate']);
      const rp = up.child('rollingUpdate');
      const mu = validateIntOrPercent(errs, rp.child('maxUnavailable'), ru['maxUnavailable']);
      const ms = validateIntOrPercent(errs, rp.child('maxSurge'), ru['maxSurge']);
      if (mu !== 0 && ms !== 0) errs.push(fieldErrors.invalid(rp.child('maxSurge'), go.intOrString(ru['maxSurge']), 'may not be set when maxUnavailable is non-zero'));
      else if (mu === 0 && ms === 0) errs.push(fieldErrors.required(rp.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
    }
  } else if (us['type'] !== 'OnDelete') {
    errs.push(fieldErrors.notSupported(up, go.raw(`apps.DaemonSetUpdateStrategy{Type:${JSON.stringify(str(us['type']))}, RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}`), ['RollingUpdate', 'OnDelete']));
  }
  checkNonNegative(errs, SPEC.child('revisionHistoryLimit'), s['revisionHistoryLimit']);
  return errs;
}

/** templateGeneration is bumped exactly when the template changes (the deprecated extensions field). */
export function validateDaemonSetSpecUpdate(n: Obj, p: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const ng = typeof n['templateGeneration'] === 'number' ? n['templateGeneration'] : 0;
  const pg = typeof p['templateGeneration'] === 'number' ? p['templateGeneration'] : 0;
  const tp = SPEC.child('templateGeneration');
  if (ng < pg) errs.push(fieldErrors.invalid(tp, ng, 'must not be decremented'));
  const changed = !jsonEqual(n['template'], p['template']);
  if (ng === pg && changed && n['templateGeneration'] !== undefined) errs.push(fieldErrors.invalid(tp, ng, 'must be incremented upon template update'));
  else if (ng > pg && !changed) errs.push(fieldErrors.invalid(tp, ng, 'must not be incremented without template update'));
  return errs;
}

const RETENTION = ['Retain', 'Delete'];

export function validateStatefulSetSpec(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = str(s['podManagementPolicy']);
  if (!pmp) errs.push(fieldErrors.required(SPEC.child('podManagementPolicy')));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(fieldErrors.invalid(SPEC.child('podManagementPolicy'), pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us = obj(s['updateStrategy']);
  const up = SPEC.child('updateStrategy');
  const ru = us['rollingUpdate'];
  if (!str(us['type'])) errs.push(fieldErrors.required(up));
  else if (us['type'] === 'OnDelete') {
    if (ru !== undefined && ru !== null) errs.push(fieldErrors.invalid(up.child('rollingUpdate'), go.raw('&apps.RollingUpdateStatefulSetStrategy{...}'), "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (us['type'] === 'RollingUpdate') {
    if (ru !== undefined && ru !== null) {
      const r = obj(ru);
      const rp = up.child('rollingUpdate');
      checkNonNegative(errs, rp.child('partition'), r['partition']);
      if (r['maxUnavailable'] !== undefined && r['maxUnavailable'] !== null) {
        const v = validateIntOrPercent(errs, rp.child('maxUnavailable'), r['maxUnavailable'], false);
        if (v === 0) errs.push(fieldErrors.invalid(rp.child('maxUnavailable'), go.intOrString(r['maxUnavailable']), 'cannot be 0'));
        if (typeof r['maxUnavailable'] === 'string' && v > 100) errs.push(fieldErrors.invalid(rp.child('maxUnavailable'), go.intOrString(r['maxUnavailable']), 'must not be greater than 100%'));
      }
    }
  } else {
    errs.push(fieldErrors.invalid(up, go.raw(`apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(str(us['type']))}}`), "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const ret = s['persistentVolumeClaimRetentionPolicy'];
  if (ret !== undefined && ret !== null) {
    for (const f of ['whenDeleted', 'whenScaled'] as const) {
      const v = str(obj(ret)[f]);
      if (!RETENTION.includes(v)) errs.push(fieldErrors.notSupported(SPEC.child('persistentVolumeClaimRetentionPolicy', f), v, RETENTION));
    }
  }
  checkNonNegative(errs, SPEC.child('replicas'), s['replicas']);
  checkNonNegative(errs, SPEC.child('minReadySeconds'), s['minReadySeconds']);
  if (s['ordinals'] !== undefined && s['ordinals'] !== null) checkNonNegative(errs, SPEC.child('ordinals.start'), obj(s['ordinals'])['start']);
  const sel = s['selector'];
  if (sel === undefined || sel === null) errs.push(fieldErrors.required(SPEC.child('selector')));
  else {
    validateLabelSelector(errs, sel, SPEC.child('selector'));
    if (selectorIsEmpty(sel)) errs.push(fieldErrors.invalid(SPEC.child('selector'), go.labelSelector(sel), 'empty selector is invalid for statefulset'));
  }
  // Upstream checks only the template's metadata here, not its pod spec (its volumes come from the claim templates).
  const tpl = obj(s['template']);
  const tp = SPEC.child('template');
  const labels = obj(tpl['metadata'])['labels'];
  if (sel !== undefined && sel !== null && !selectorIsEmpty(sel) && selectorMatches(sel, labels) === false) {
    errs.push(fieldErrors.invalid(tp.child('metadata', 'labels'), go.stringMap(labels), '`selector` does not match template `labels`'));
  }
  validateLabelMap(errs, labels, tp.child('labels'));
  errs.push(...validateAnnotations(obj(tpl['metadata'])['annotations'], tp.child('annotations')));
  validatePodAnnotations(errs, obj(tpl['metadata'])['annotations'], tpl['spec'], tp.child('annotations'));
  const ps = obj(tpl['spec']);
  if (ps['restartPolicy'] !== 'Always') errs.push(fieldErrors.notSupported(tp.child('spec', 'restartPolicy'), str(ps['restartPolicy']), ['Always']));
  if (ps['activeDeadlineSeconds'] !== undefined && ps['activeDeadlineSeconds'] !== null) {
    errs.push(fieldErrors.forbidden(tp.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

const STS_UPDATABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy', 'revisionHistoryLimit'];

/** A StatefulSet update may change only replicas, ordinals, template, updateStrategy, revisionHistoryLimit, the retention policy and minReadySeconds. */
export function validateStatefulSetSpecUpdate(n: Obj, p: Obj): FieldError[] {
  const a = { ...n };
  const b = { ...p };
  for (const f of STS_UPDATABLE) {
    delete a[f];
    delete b[f];
  }
  if (jsonEqual(a, b)) return [];
  return [fieldErrors.forbidden(SPEC, "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")];
}

/** ReplicationController spec (core/v1). */
export function validateReplicationControllerSpec(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  checkNonNegative(errs, SPEC.child('minReadySeconds'), s['minReadySeconds']);
  const sel = obj(s['selector']);
  if (Object.keys(sel).length === 0) errs.push(fieldErrors.required(SPEC.child('selector')));
  checkNonNegative(errs, SPEC.child('replicas'), s['replicas']);
  if (s['template'] === undefined || s['template'] === null) return [...errs, fieldErrors.required(SPEC.child('template'))];
  const tpl = obj(s['template']);
  const labels = obj(obj(tpl['metadata'])['labels']);
  if (Object.keys(sel).length && !Object.entries(sel).every(([k, v]) => labels[k] === v)) {
    errs.push(fieldErrors.invalid(SPEC.child('template', 'metadata', 'labels'), go.stringMap(obj(tpl['metadata'])['labels']), '`selector` does not match template `labels`'));
  }
  validateTemplateForControllers(errs, tpl, SPEC.child('template'), 'ReplicationController');
  return errs;
}

/** Status counters of replica-based workloads: non-negative and consistent with status.replicas. */
export function validateReplicaStatus(st: Obj, counters: readonly string[], opts: { readyField?: string } = {}): FieldError[] {
  const errs: FieldError[] = [];
  const path = FieldPath.root('status');
  for (const f of counters) checkNonNegative(errs, path.child(f), st[f]);
  checkNonNegative(errs, path.child('observedGeneration'), st['observedGeneration']);
  checkNonNegative(errs, path.child('collisionCount'), st['collisionCount']);
  const replicas = typeof st['replicas'] === 'number' ? st['replicas'] : 0;
  for (const f of counters) {
    if (f === 'replicas' || f === 'unavailableReplicas') continue;
    const v = st[f];
    if (typeof v === 'number' && v > replicas) errs.push(fieldErrors.invalid(path.child(f), v, 'cannot be greater than status.replicas'));
  }
  const ready = typeof st['readyReplicas'] === 'number' ? st['readyReplicas'] : 0;
  const avail = st['availableReplicas'];
  if (typeof avail === 'number' && avail > ready && counters.includes('availableReplicas')) {
    errs.push(fieldErrors.invalid(path.child('availableReplicas'), avail, opts.readyField ?? 'cannot be greater than readyReplicas'));
  }
  return errs;
}

/** collisionCount never goes down. */
export function validateCollisionCount(next: Obj, prev: Obj): FieldError[] {
  const n = next['collisionCount'];
  const p = prev['collisionCount'];
  if (typeof p === 'number' && (typeof n !== 'number' || n < p)) {
    return [fieldErrors.invalid(FieldPath.root('status').child('collisionCount'), typeof n === 'number' ? n : 0, 'cannot be decremented')];
  }
  return [];
}

