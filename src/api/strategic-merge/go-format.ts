/**
 * @module Renders JSON values the way Go's fmt prints decoded JSON with %v and reflect type
 * names, so strategic-merge-patch errors read exactly as kube-apiserver's
 * (`map: map[image:nginx] does not contain declared merge key: name`).
 */
import { isObject } from '../merge/json.js';

/** Go's `%v` of a value decoded from JSON into interface{} (map keys sorted, as fmt does). */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
  }
  if (typeof v === 'number') return goNumber(v);
  return String(v);
}

/** Go prints whole numbers (decoded as int64) plainly and floats with %g's shortest form. */
function goNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

/** Go's reflect type name of a decoded JSON value (`map[string]interface {}`, `[]interface {}`). */
export function goType(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (Array.isArray(v)) return '[]interface {}';
  if (isObject(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return Number.isInteger(v) ? 'int64' : 'float64';
}
