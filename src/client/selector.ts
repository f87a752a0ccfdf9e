/**
 * @module metav1.LabelSelector as components use it, on top of api/labels: does a label set
 * match, and the string form for `labelSelector=` queries. A missing selector matches nothing;
 * an empty one matches everything (LabelSelectorAsSelector); an invalid one matches nothing.
 * Parsed selectors are cached per selector object (cached API objects are never mutated).
 */
import { selectorFromObject } from '../api/labels/from-object.js';
import { LabelSelector, selectorFromSet } from '../api/labels/selector.js';
import type { LabelSelectorSpec } from './kinds/meta.js';

type Labels = Readonly<Record<string, string>> | undefined;

const parsed = new WeakMap<object, LabelSelector>();

/** The parsed form of `sel` (cached); nothing-matching for a missing or invalid selector. */
export function labelSelector(sel: LabelSelectorSpec | undefined): LabelSelector {
  if (!sel) return LabelSelector.nothing;
  let s = parsed.get(sel);
  if (!s) {
    try {
      s = selectorFromObject(sel);
    } catch {
      s = LabelSelector.nothing;
    }
    parsed.set(sel, s);
  }
  return s;
}

/** True when `labels` satisfy every requirement of `sel`. */
export function selectorMatches(sel: LabelSelectorSpec | undefined, labels: Labels): boolean {
  return labelSelector(sel).matches(labels);
}

/** True when the selector has no requirements (it matches every object). */
export function selectorIsEmpty(sel: LabelSelectorSpec | undefined): boolean {
  return !!sel && labelSelector(sel).empty();
}

/** Equality-map selectors (ReplicationController, Service): every key must be equal; empty matches nothing. */
export function mapSelectorMatches(sel: Labels, labels: Labels): boolean {
  if (!sel || Object.keys(sel).length === 0) return false;
  let s = parsed.get(sel);
  if (!s) parsed.set(sel, (s = selectorFromSet(sel)));
  return s.matches(labels);
}

/** The `labelSelector=` query form: `a=b,c in (x,y),!d`. */
export function selectorString(sel: LabelSelectorSpec | undefined): string {
  return sel ? labelSelector(sel).toString() : '';
}
