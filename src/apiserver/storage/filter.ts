/**
 * @module What a list or watch selects: a namespace, optionally one name, a label selector and
 * a field selector, evaluated against an object's precomputed attributes (labels + the
 * selectable fields its strategy exposes).
 */
import { FieldSelector, type FieldSet } from '../../api/fields/selector.js';
import { LabelSelector, type Labels } from '../../api/labels/selector.js';

/** Labels and selectable fields of one stored version of an object. */
export interface ObjectAttrs {
  readonly labels: Labels;
  readonly fields: FieldSet;
}

export interface SelectionFilter {
  /** Only this namespace ('' or absent: all). */
  readonly namespace?: string;
  /** Only this name (a `metadata.name=` field selector pins it). */
  readonly name?: string;
  readonly labels: LabelSelector;
  readonly fields: FieldSelector;
}

export const EVERYTHING: SelectionFilter = { labels: LabelSelector.everything, fields: FieldSelector.everything };

/** True when the selectors accept the attributes (namespace and name are checked by key). */
export function attrsMatch(f: SelectionFilter, a: ObjectAttrs): boolean {
  return (f.labels.empty() || f.labels.matches(a.labels)) && (f.fields.empty() || f.fields.matches(a.fields));
}

/** True when the filter imposes nothing beyond namespace. */
export function selectsAll(f: SelectionFilter): boolean {
  return f.name === undefined && f.labels.empty() && f.fields.empty();
}
