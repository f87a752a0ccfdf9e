/**
 * @module The JSONPath subset CRD printer columns use (`.spec.replicas`, `.status.conditions[0]`,
 * `.items[*].name`, `.metadata.labels['app.kubernetes.io/name']`,
 * `.status.conditions[?(@.type=="Ready")].status`): parsed once, evaluated to the list of matches.
 */
import { isObject } from '../merge/json.js';

type Step =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'all' }
  | { readonly kind: 'filter'; readonly path: readonly Step[]; readonly op: '==' | '!='; readonly value: unknown };

/** A parsed path; throws an Error naming the problem for a path outside the subset. */
export function parseJsonPath(expr: string): readonly Step[] {
  let s = expr.trim();
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1);
  if (s.startsWith('$')) s = s.slice(1);
  return steps(s, expr);
}

function steps(s: string, whole: string): Step[] {
  const out: Step[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === '.') {
      const m = /^\.([A-Za-z0-9_\-$]+|\*)/.exec(s.slice(i));
      if (!m) throw new Error(`unrecognized JSONPath ${JSON.stringify(whole)}`);
      out.push(m[1] === '*' ? { kind: 'all' } : { kind: 'field', name: m[1] as string });
      i += m[0].length;
    } else if (s[i] === '[') {
      const end = s.indexOf(']', s[i + 1] === '?' ? s.indexOf(')', i) : i);
      if (end < 0) throw new Error(`unterminated [ in JSONPath ${JSON.stringify(whole)}`);
      const inner = s.slice(i + 1, end).trim();
      i = end + 1;
      if (inner === '*') out.push({ kind: 'all' });
      else if (/^-?\d+$/.test(inner)) out.push({ kind: 'index', index: Number(inner) });
      else if (/^'.*'$|^".*"$/.test(inner)) out.push({ kind: 'field', name: inner.slice(1, -1) });
      else {
        const f = /^\?\(@((?:\.[A-Za-z0-9_\-]+)+)\s*(==|!=)\s*(.+)\)$/.exec(inner);
        if (!f) throw new Error(`unsupported JSONPath element [${inner}] in ${JSON.stringify(whole)}`);
        const lit = (f[3] as string).trim();
        const value: unknown = /^'.*'$/.test(lit) ? lit.slice(1, -1) : JSON.parse(lit);
        out.push({ kind: 'filter', path: steps(f[1] as string, whole), op: f[2] as '==' | '!=', value });
      }
    } else throw new Error(`unrecognized JSONPath ${JSON.stringify(whole)}`);
  }
  return out;
}

/** Every value `path` reaches in `v` (missing keys yield nothing). */
export function evalJsonPath(v: unknown, path: readonly Step[]): unknown[] {
  let cur: unknown[] = [v];
  for (const st of path) {
    const next: unknown[] = [];
    for (const x of cur) {
      if (st.kind === 'field') {
        if (isObject(x) && Object.hasOwn(x, st.name)) next.push(x[st.name]);
      } else if (st.kind === 'index') {
        if (Array.isArray(x)) {
          const item = x[st.index < 0 ? x.length + st.index : st.index];
          if (item !== undefined) next.push(item);
        }
      } else if (st.kind === 'all') {
        if (Array.isArray(x)) next.push(...x);
        else if (isObject(x)) next.push(...Object.values(x));
      } else if (Array.isArray(x)) {
        for (const item of x) {
          const got = evalJsonPath(item, st.path)[0];
          if ((got === st.value) === (st.op === '==')) next.push(item);
        }
      }
    }
    cur = next;
  }
  return cur;
}
