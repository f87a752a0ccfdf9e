/**
 * @module metav1.LabelSelector objects (`{matchLabels, matchExpressions}`) as selectors
 * (LabelSelectorAsSelector): nil matches nothing, empty matches everything.
 */
import { isPlainObject } from '../meta/object.js';
import { LabelSelector, type Operator, type Requirement, SelectorParseError, newRequirement } from './selector.js';

const OPS: Readonly<Record<string, Operator>> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/** Converts a LabelSelector object; throws SelectorParseError on a bad operator, key or value. */
export function selectorFromObject(ls: unknown): LabelSelector {
  if (ls === undefined || ls === null) return LabelSelector.nothing;
  if (!isPlainObject(ls)) throw new SelectorParseError('a label selector must be an object');
  const reqs: Requirement[] = [];
  const ml = ls['matchLabels'];
  if (isPlainObject(ml)) for (const [k, v] of Object.entries(ml)) reqs.push(newRequirement(k, '=', [String(v)]));
  const me = ls['matchExpressions'];
  if (Array.isArray(me)) {
    for (const e of me) {
      if (!isPlainObject(e)) throw new SelectorParseError('a label selector requirement must be an object');
      const opName = String(e['operator'] ?? '');
      const op = OPS[opName];
      if (!op) throw new SelectorParseError(`${JSON.stringify(opName)} is not a valid label selector operator`);
      const values = Array.isArray(e['values']) ? e['values'].map(String) : [];
      reqs.push(newRequirement(String(e['key'] ?? ''), op, values));
    }
  }
  return LabelSelector.of(reqs);
}

/** The string form Kubernetes prints for a LabelSelector object (`<none>` when empty). */
export function formatLabelSelectorObject(ls: unknown): string {
  try {
    const s = selectorFromObject(ls).toString();
    return s === '' ? '<none>' : s;
  } catch {
    return '<error>';
  }
}
