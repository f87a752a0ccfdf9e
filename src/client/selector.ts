/**
 * @module metav1.LabelSelector as components use it: does a label set match, and the string
 * form for `labelSelector=` queries. A missing selector matches nothing; an empty one matches
 * everything (LabelSelectorAsSelector).
 */
import type { LabelSelectorSpec } from './kinds/meta.js';

type Labels = Readonly<Record<string, string>> | undefined;

/** True when `labels` satisfy every requirement of `sel`. */
export function selectorMatches(sel: LabelSelectorSpec | undefined, labels: Labels): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const r of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const val = l[r.key];
    switch (r.operator) {
      case 'In': if (!has || !(r.values ?? []).includes(val as string)) return false; break;
      case 'NotIn': if (has && (r.values ?? []).includes(val as string)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** True when the selector has no requirements (it matches every object). */
export function selectorIsEmpty(sel: LabelSelectorSpec | undefined): boolean {
  return !!sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}

/** Equality-map selectors (ReplicationController, Service): every key must be equal. */
export function mapSelectorMatches(sel: Labels, labels: Labels): boolean {
  if (!sel || Object.keys(sel).length === 0) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel)) if (l[k] !== v) return false;
  return true;
}

/** The `labelSelector=` query form: `a=b,c in (x,y),!d`, requirements sorted by key. */
export function selectorString(sel: LabelSelectorSpec | undefined): string {
  if (!sel) return '';
  const parts: [string, string][] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) parts.push([k, `${k}=${v}`]);
  for (const r of sel.matchExpressions ?? []) {
    const vals = [...(r.values ?? [])].sort().join(',');
    const s = r.operator === 'In' ? `${r.key} in (${vals})` : r.operator === 'NotIn' ? `${r.key} notin (${vals})` : r.operator === 'Exists' ? r.key : `!${r.key}`;
    parts.push([r.key, s]);
  }
  return parts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((p) => p[1]).join(',');
}
