/**
 * @module Bad values rendered as Go's `%#v` prints them, for field errors whose value is a struct,
 * map or slice: kube-apiserver formats those with Go syntax (`map[string]string{"app":"x"}`,
 * `v1.LabelSelector{MatchLabels:..., MatchExpressions:...}`, `intstr.IntOrString{Type:1, ...}`),
 * and kubectl prints the text as it is. A GoValue carries the rendered text.
 */
import { isPlainObject } from '../meta/object.js';

/** A value already rendered in Go syntax; field-errors prints its text verbatim. */
export class GoValue {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

/** Go's %q for a string (JSON's escaping is close enough for printable text). */
export const goQuote = (s: string): string => JSON.stringify(s);

const strOf = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** `map[string]string{"a":"b"}` with sorted keys, or `map[string]string(nil)`. */
export function goStringMapText(m: unknown): string {
  if (!isPlainObject(m)) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(strOf(m[k]))}`).join(', ')}}`;
}

/** `[]string{"a", "b"}`, or `[]string(nil)` when absent. */
export function goStringSliceText(list: unknown, type = 'string'): string {
  if (!Array.isArray(list)) return `[]${type}(nil)`;
  return `[]${type}{${list.map((v) => goQuote(strOf(v))).join(', ')}}`;
}

/** A metav1.LabelSelector as %#v prints it (internal and v1 types share the `v1.` package name). */
export function goLabelSelectorText(sel: unknown): string {
  const s = isPlainObject(sel) ? sel : {};
  const exprs = s['matchExpressions'];
  const exprText = Array.isArray(exprs)
    ? `[]v1.LabelSelectorRequirement{${exprs.map((e) => {
      const r = isPlainObject(e) ? e : {};
      return `v1.LabelSelectorRequirement{Key:${goQuote(strOf(r['key']))}, Operator:${goQuote(strOf(r['operator']))}, Values:${goStringSliceText(r['values'])}}`;
    }).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMapText(s['matchLabels'])}, MatchExpressions:${exprText}}`;
}

/** An intstr.IntOrString value (Type 0 = int, 1 = string). */
export function goIntOrStringText(v: unknown): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  const n = typeof v === 'number' ? v : 0;
  return `intstr.IntOrString{Type:0, IntVal:${n}, StrVal:""}`;
}

export const go = {
  stringMap: (m: unknown) => new GoValue(goStringMapText(m)),
  stringSlice: (l: unknown, type = 'string') => new GoValue(goStringSliceText(l, type)),
  labelSelector: (s: unknown) => new GoValue(goLabelSelectorText(s)),
  intOrString: (v: unknown) => new GoValue(goIntOrStringText(v)),
  /** A struct of already-rendered fields: `pkg.Type{A:1, B:"x"}`. */
  struct: (type: string, fields: ReadonlyArray<readonly [string, string]>) => new GoValue(`${type}{${fields.map(([k, v]) => `${k}:${v}`).join(', ')}}`),
  /** A pointer-typed value that is nil. */
  nil: () => new GoValue('null'),
  raw: (text: string) => new GoValue(text),
};

const goField = (k: string): string => k.charAt(0).toUpperCase() + k.slice(1);

/**
 * The diff upstream appends to "immutable" errors (go-cmp's Diff of the old and new structs).
 * go-cmp's exact text is deliberately unstable, so this renders the same idea: the struct, the
 * changed fields with `-`/`+`, runs of unchanged fields collapsed.
 */
export function goDiff(type: string, prev: unknown, next: unknown): string {
  const a = isPlainObject(prev) ? prev : {};
  const b = isPlainObject(next) ? next : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const lines = [`  ${type}{`];
  let same = 0;
  const flush = () => {
    if (same) lines.push(`  \t... // ${same} identical ${same === 1 ? 'field' : 'fields'}`);
    same = 0;
  };
  for (const k of keys) {
    const x = JSON.stringify(a[k] ?? null);
    const y = JSON.stringify(b[k] ?? null);
    if (x === y) {
      same++;
      continue;
    }
    flush();
    if (a[k] !== undefined) lines.push(`- \t${goField(k)}: ${x},`);
    if (b[k] !== undefined) lines.push(`+ \t${goField(k)}: ${y},`);
  }
  flush();
  lines.push('  }');
  return `${lines.join('\n')}\n`;
}
