/**
 * @module Validation shared by the workload kinds (apps/v1 Deployment, ReplicaSet, StatefulSet,
 * DaemonSet; batch/v1 Job): a required, valid selector that matches the pod template's labels,
 * the template's pod spec with the restart policies the kind allows, and int-or-percent fields.
 */
import { selectorFromObject } from '../labels/from-object.js';
import { SelectorParseError } from '../labels/selector.js';
import { isPlainObject } from '../meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { checkLabelMap, list, obj } from './helpers.js';
import { validateLabels } from './object-meta.js';
import { validatePodSpec } from './pod.js';

/** The selector (required, non-empty, valid) and the template it must select. */
export function validateSelectorAndTemplate(spec: unknown, path: FieldPath, warnings: string[], restartPolicies: readonly string[], kind = 'deployment'): FieldError[] {
  const s = obj(spec);
  const errs: FieldError[] = [];
  const sel = s['selector'];
  const tpl = obj(s['template']);
  const labels = obj(obj(tpl['metadata'])['labels']);
  if (!isPlainObject(sel)) {
    errs.push(fieldErrors.required(path.child('selector')));
  } else {
    checkLabelMap(errs, path.child('selector', 'matchLabels'), sel['matchLabels']);
    list(sel['matchExpressions']).forEach((e, i) => {
      const op = obj(e)['operator'];
      const ep = path.child('selector', 'matchExpressions').index(i);
      if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(String(op))) errs.push(fieldErrors.notSupported(ep.child('operator'), op, ['In', 'NotIn', 'Exists', 'DoesNotExist']));
      const vals = list(obj(e)['values']);
      if ((op === 'In' || op === 'NotIn') && vals.length === 0) errs.push(fieldErrors.required(ep.child('values'), 'must be specified when `operator` is \'In\' or \'NotIn\''));
      if ((op === 'Exists' || op === 'DoesNotExist') && vals.length > 0) errs.push(fieldErrors.forbidden(ep.child('values'), 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
    });
    let selector;
    try {
      selector = selectorFromObject(sel);
    } catch (e) {
      if (!(e instanceof SelectorParseError)) throw e;
    }
    if (selector && selector.empty()) errs.push(fieldErrors.invalid(path.child('selector'), sel, `empty selector is invalid for ${kind}`));
    else if (selector && !selector.matches(labels as Record<string, string>)) {
      errs.push(fieldErrors.invalid(path.child('template', 'metadata', 'labels'), labels, '`selector` does not match template `labels`'));
    }
  }
  errs.push(...validateLabels(obj(tpl['metadata'])['labels'], path.child('template', 'metadata', 'labels')));
  errs.push(...validatePodSpec(tpl['spec'], path.child('template', 'spec'), warnings, { restartPolicies }));
  return errs;
}

/** An int-or-string that is a non-negative integer or a percentage ("25%"). */
export function validateIntOrPercent(errs: FieldError[], path: FieldPath, v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') {
    if (v < 0) errs.push(fieldErrors.invalid(path, v, 'must be greater than or equal to 0'));
    return v;
  }
  if (typeof v === 'string' && /^\d+%$/.test(v)) {
    const n = Number(v.slice(0, -1));
    if (n > 100) errs.push(fieldErrors.invalid(path, v, 'must not be greater than 100%'));
    return n;
  }
  errs.push(fieldErrors.invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
  return undefined;
}

