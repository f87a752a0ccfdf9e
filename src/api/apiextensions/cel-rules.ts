/**
 * @module x-kubernetes-validations: CEL rules compiled once and evaluated with `self` (and, for
 * transition rules, `oldSelf` from the correlated old object) at every schema node that carries
 * them, reporting failures as kube-apiserver does (`spec: Invalid value: "object": <message>`).
 * Rules the CEL library cannot parse, or that call functions k3ts lacks, are never a reason to
 * refuse a CRD: they are reported (see ruleWarnings) and not enforced.
 */
import { celEnv, isCelError, parse, plan, type CelResult } from '@bufbuild/cel';
import { isObject } from '../merge/json.js';
import { kubernetesFuncs, UNSUPPORTED_FUNCTIONS } from './cel-library.js';
import { rewriteTwoVarComprehensions } from './cel-comprehensions.js';
import { opaqueRegistry } from './cel-opaque.js';
import { fieldErrors as fe, type FieldError } from '../validation/field-errors.js';
import { child } from './path-text.js';
import { additionalOf, isIntOrString, itemsOf, type JSONSchemaProps, type ValidationRule } from './json-schema.js';

type Program = (bindings: Record<string, unknown>) => CelResult;

interface Compiled {
  readonly program?: Program;
  readonly messageProgram?: Program;
  /** Why the rule is not evaluated, when it is not. */
  readonly unsupported?: string;
  readonly usesOldSelf: boolean;
}

const env = celEnv({ funcs: [...kubernetesFuncs], registry: opaqueRegistry });
const cache = new Map<string, Compiled>();

/** Walks a parsed CEL expression, calling `fn` on every node. */
function visit(node: unknown, fn: (n: { exprKind?: { case?: string; value?: unknown } }) => void): void {
  if (Array.isArray(node)) {
    for (const x of node) visit(x, fn);
    return;
  }
  if (!node || typeof node !== 'object') return;
  fn(node as { exprKind?: { case?: string; value?: unknown } });
  for (const v of Object.values(node)) if (v && typeof v === 'object') visit(v, fn);
}

function compileExpr(expr: string): { program?: Program; unsupported?: string; usesOldSelf: boolean } {
  let parsed;
  try {
    parsed = parse(expr);
  } catch (e) {
    return { unsupported: `the CEL library cannot parse it (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, usesOldSelf: expr.includes('oldSelf') };
  }
  let usesOldSelf = false;
  const missing = new Set<string>();
  visit(parsed, (n) => {
    const k = n.exprKind;
    if (k?.case === 'identExpr' && (k.value as { name?: string }).name === 'oldSelf') usesOldSelf = true;
    if (k?.case === 'callExpr') {
      const call = k.value as { function?: string; target?: { exprKind?: { case?: string; value?: { name?: string } } } };
      const f = call.function ?? '';
      // A namespaced function (optional.of) parses as a call on the identifier `optional`.
      const ns = call.target?.exprKind?.case === 'identExpr' ? call.target.exprKind.value?.name : undefined;
      for (const name of ns ? [f, `${ns}.${f}`] : [f]) if (UNSUPPORTED_FUNCTIONS.has(name)) missing.add(name);
    }
  });
  if (missing.size) return { unsupported: `k3ts does not implement ${[...missing].sort().join(', ')}`, usesOldSelf };
  try {
    const expr = rewriteTwoVarComprehensions(parsed.expr as unknown as Parameters<typeof rewriteTwoVarComprehensions>[0]);
    return { program: plan(env, expr as unknown as Parameters<typeof plan>[1]) as Program, usesOldSelf };
  } catch (e) {
    return { unsupported: `the CEL library cannot plan it (${e instanceof Error ? e.message : String(e)})`, usesOldSelf };
  }
}

/** Compiles (once) a validation rule and its message expression. */
export function compileRule(rule: ValidationRule): Compiled {
  const key = `${rule.rule}\u0000${rule.messageExpression ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const main = compileExpr(rule.rule);
  const out: { -readonly [K in keyof Compiled]: Compiled[K] } = { usesOldSelf: main.usesOldSelf };
  if (main.program) out.program = main.program;
  if (main.unsupported) out.unsupported = main.unsupported;
  if (rule.messageExpression) {
    const m = compileExpr(rule.messageExpression);
    if (m.program) out.messageProgram = m.program;
  }
  cache.set(key, out);
  return out;
}

/** Human-readable notes for every rule of `schema` k3ts will not enforce (for CRD warnings). */
export function ruleWarnings(schema: JSONSchemaProps | undefined, path = 'openAPIV3Schema'): string[] {
  if (!schema) return [];
  const out: string[] = [];
  (schema['x-kubernetes-validations'] ?? []).forEach((r, i) => {
    const c = compileRule(r);
    if (c.unsupported) out.push(`${path}.x-kubernetes-validations[${i}]: rule ${JSON.stringify(r.rule)} is not enforced: ${c.unsupported}`);
  });
  for (const [k, p] of Object.entries(schema.properties ?? {})) out.push(...ruleWarnings(p, `${path}.properties[${k}]`));
  const items = itemsOf(schema);
  if (items) out.push(...ruleWarnings(items, `${path}.items`));
  const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  if (extra) out.push(...ruleWarnings(extra, `${path}.additionalProperties`));
  return out;
}

/** The CEL value of a JSON value under its schema: integers as int, objects as maps. */
export function toCel(v: unknown, s: JSONSchemaProps | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (s?.type === 'number') return v;
    return Number.isInteger(v) && (s?.type === 'integer' || isIntOrString(s ?? {}) || !s?.type) ? BigInt(v) : v;
  }
  if (Array.isArray(v)) {
    const items = s ? itemsOf(s) : undefined;
    return v.map((x) => toCel(x, items));
  }
  if (isObject(v)) {
    const extra = s ? additionalOf(s) : undefined;
    return new Map(Object.entries(v).map(([k, x]) => [k, toCel(x, s?.properties?.[k] ?? extra)]));
  }
  return v;
}

function message(rule: ValidationRule, compiled: Compiled, bindings: Record<string, unknown>): string {
  if (compiled.messageProgram) {
    const m = compiled.messageProgram(bindings);
    if (typeof m === 'string' && m.trim() && !m.includes('\n')) return m.trim();
  }
  return rule.message?.trim() || `failed rule: ${rule.rule.trim()}`;
}

function failure(rule: ValidationRule, path: string, value: string, detail: string): FieldError {
  const at = rule.fieldPath ? child(path, rule.fieldPath.replace(/^\./, '')) : path;
  switch (rule.reason) {
    case 'FieldValueForbidden': return fe.forbidden(at, detail);
    case 'FieldValueRequired': return fe.required(at, detail);
    case 'FieldValueDuplicate': return fe.duplicate(at, value);
    default: return fe.invalid(at, value, detail);
  }
}

/**
 * Evaluates every rule of `schema` over `value`; `old` is the object before an update (undefined
 * on create), correlated down through properties, map keys and map-list keys.
 */
export function validateRules(value: unknown, old: unknown, schema: JSONSchemaProps, path = ''): FieldError[] {
  const errs: FieldError[] = [];
  walk(value, old, schema, path, errs);
  return errs;
}

function walk(v: unknown, old: unknown, s: JSONSchemaProps, path: string, errs: FieldError[]): void {
  if (v === undefined || v === null) return;
  for (const rule of s['x-kubernetes-validations'] ?? []) {
    const c = compileRule(rule);
    if (!c.program || (c.usesOldSelf && old === undefined)) continue;
    const bindings: Record<string, unknown> = { self: toCel(v, s) };
    if (c.usesOldSelf) bindings['oldSelf'] = toCel(old, s);
    const r = c.program(bindings);
    const type = s.type ?? (isIntOrString(s) ? 'integer' : 'object');
    if (isCelError(r)) {
      // A function the library has no overload for: not enforced rather than a false failure.
      if (/unbound function|no such overload|no matching overload/.test(r.message)) continue;
      // cel-go's wording for a missing map key, which kubectl users know.
      const why = r.message.replace(/^field not found: /, 'no such key: ');
      errs.push(fe.invalid(path, type, `${why} evaluating rule: ${rule.rule.trim()}`));
    } else if (r !== true) errs.push(failure(rule, path, type, message(rule, c, bindings)));
  }
  if (Array.isArray(v)) {
    const items = itemsOf(s);
    if (!items) return;
    v.forEach((x, i) => walk(x, correlateItem(x, old, s), items, `${path}[${i}]`, errs));
  } else if (isObject(v)) {
    const extra = additionalOf(s);
    for (const [k, x] of Object.entries(v)) {
      const sub = s.properties?.[k] ?? extra;
      if (sub) walk(x, isObject(old) ? old[k] : undefined, sub, child(path, k), errs);
    }
  }
}

/** The old item matching `item` in a map-keyed or set list (other lists do not correlate). */
function correlateItem(item: unknown, old: unknown, s: JSONSchemaProps): unknown {
  if (!Array.isArray(old)) return undefined;
  const lt = s['x-kubernetes-list-type'];
  if (lt === 'map' && isObject(item)) {
    const keys = s['x-kubernetes-list-map-keys'] ?? [];
    return old.find((o) => isObject(o) && keys.every((k) => o[k] === item[k]));
  }
  if (lt === 'set') return old.find((o) => o === item);
  return undefined;
}
