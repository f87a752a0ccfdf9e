/**
 * @module Label selectors as apimachinery's `labels` package parses, matches and prints them:
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`, comma = AND.
 * Requirements are kept sorted by key and values sorted, so `toString()` is canonical.
 */
import { FieldPath, type FieldError, errorString, fieldErrors } from '../validation/field-errors.js';
import { isQualifiedName, isValidLabelValue } from '../validation/names.js';
import { K3tsError } from '../../base/errors.js';

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  readonly key: string;
  readonly op: Operator;
  /** Sorted, unique. Empty for exists / does-not-exist. */
  readonly values: readonly string[];
}

/** A selector string (or LabelSelector object) that does not parse or validate. */
export class SelectorParseError extends K3tsError {
  constructor(message: string) {
    super('ERR_SELECTOR_PARSE', message);
  }
}

export type Labels = Readonly<Record<string, string>> | undefined;

/** A parsed label selector. `matches` is the hot path: keep it allocation-free. */
export class LabelSelector {
  /** Matches every label set. */
  static readonly everything = new LabelSelector([], true);
  /** Matches nothing (a nil LabelSelector in Kubernetes's conversion). */
  static readonly nothing = new LabelSelector([], false);

  private constructor(readonly requirements: readonly Requirement[], private readonly selectable: boolean) {}

  static of(requirements: readonly Requirement[]): LabelSelector {
    if (requirements.length === 0) return LabelSelector.everything;
    return new LabelSelector([...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)), true);
  }

  /** True when the selector imposes no requirement (and is not `nothing`). */
  empty(): boolean {
    return this.selectable && this.requirements.length === 0;
  }

  matches(labels: Labels): boolean {
    if (!this.selectable) return false;
    for (const r of this.requirements) if (!matchRequirement(r, labels)) return false;
    return true;
  }

  /** The value a requirement pins `key` to (`key=v` or `key in (v)`), if any. */
  requiresExactMatch(key: string): string | undefined {
    for (const r of this.requirements) {
      if (r.key !== key) continue;
      if ((r.op === '=' || r.op === '==' || r.op === 'in') && r.values.length === 1) return r.values[0];
      return undefined;
    }
    return undefined;
  }

  toString(): string {
    return this.requirements.map(requirementString).join(',');
  }
}

function matchRequirement(r: Requirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const val = has ? labels?.[r.key] : undefined;
  switch (r.op) {
    case '=': case '==': case 'in':
      return has && r.values.includes(val as string);
    case '!=': case 'notin':
      return !has || !r.values.includes(val as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt': case 'lt': {
      if (!has || !/^[-+]?\d+$/.test(val as string)) return false;
      const lv = Number(val);
      const rv = Number(r.values[0]);
      return r.op === 'gt' ? lv > rv : lv < rv;
    }
  }
}

function requirementString(r: Requirement): string {
  switch (r.op) {
    case 'exists': return r.key;
    case '!': return `!${r.key}`;
    case 'in': return `${r.key} in (${r.values.join(',')})`;
    case 'notin': return `${r.key} notin (${r.values.join(',')})`;
    case 'gt': return `${r.key}>${r.values.join(',')}`;
    case 'lt': return `${r.key}<${r.values.join(',')}`;
    default: return `${r.key}${r.op}${r.values.join(',')}`;
  }
}

/**
 * Builds a validated requirement; throws SelectorParseError with apimachinery's aggregated
 * field-error text when the key, operator or values are wrong.
 */
export function newRequirement(key: string, op: Operator, values: readonly string[], path: FieldPath = FieldPath.root()): Requirement {
  const errs: FieldError[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push(fieldErrors.invalid(path.child('key'), key, keyErrs.join('; ')));
  const vp = path.child('values');
  if ((op === 'in' || op === 'notin') && values.length === 0) errs.push(fieldErrors.invalid(vp, values, "for 'in', 'notin' operators, values set can't be empty"));
  if ((op === '=' || op === '==' || op === '!=') && values.length !== 1) errs.push(fieldErrors.invalid(vp, values, 'exact-match compatibility requires one single value'));
  if ((op === 'exists' || op === '!') && values.length !== 0) errs.push(fieldErrors.invalid(vp, values, 'values set must be empty for exists and does not exist'));
  if (op === 'gt' || op === 'lt') {
    if (values.length !== 1) errs.push(fieldErrors.invalid(vp, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
    values.forEach((v, i) => {
      if (!/^[-+]?\d+$/.test(v)) errs.push(fieldErrors.invalid(vp.index(i), v, "for 'Gt', 'Lt' operators, the value must be an integer"));
    });
  }
  values.forEach((v, i) => {
    const ve = isValidLabelValue(v);
    if (ve.length) errs.push(fieldErrors.invalid(vp.index(i).key(key), v, ve.join('; ')));
  });
  if (errs.length) throw new SelectorParseError(aggregate(errs));
  return { key, op, values: [...new Set(values)].sort() };
}

function aggregate(errs: readonly FieldError[]): string {
  const msgs = [...new Set(errs.map(errorString))];
  return msgs.length === 1 ? (msgs[0] ?? '') : `[${msgs.join(', ')}]`;
}

/** A selector matching exactly the given labels (`a=b,c=d`); no validation, like SelectorFromSet. */
export function selectorFromSet(set: Labels): LabelSelector {
  if (!set) return LabelSelector.everything;
  return LabelSelector.of(Object.entries(set).map(([key, v]) => ({ key, op: '=', values: [v] })));
}

