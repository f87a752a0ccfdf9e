/**
 * @module Kubernetes's CEL extension functions for x-kubernetes-validations, implemented on
 * @bufbuild/cel: the strings extension (from the library), the list library (isSorted, sum, min,
 * max, indexOf, lastIndexOf), regex find/findAll, URL parsing (url, isURL and its getters), the
 * quantity library (quantities are carried as their canonical strings), the sets extension, and
 * from sibling modules the IP/CIDR (cel-net.ts), semver (cel-semver.ts), format (cel-format.ts)
 * and optional (cel-optional.ts) libraries and two-variable comprehensions
 * (cel-comprehensions.ts). Functions Kubernetes has but k3ts cannot provide are listed so rules
 * using them are reported as not evaluated instead of failing.
 */
import { celFunc, celMethod, CelScalar, listType, celList, celMap, mapType, type CelFunc, type CelValue } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { isQuantity, parseQuantity, Quantity } from '../quantity.js';
import { comprehensionFuncs } from './cel-comprehensions.js';
import { formatFuncs } from './cel-format.js';
import { netFuncs } from './cel-net.js';
import { optionalFuncs } from './cel-optional.js';
import { semverFuncs } from './cel-semver.js';

const { INT, STRING, BOOL, DYN } = CelScalar;
const LIST = listType(DYN);

function cmp(a: CelValue, b: CelValue): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  throw new Error('no such overload');
}

function same(a: CelValue, b: CelValue): boolean {
  try {
    return cmp(a, b) === 0;
  } catch {
    return false;
  }
}

const listFuncs: CelFunc[] = [
  celMethod('isSorted', LIST, [], BOOL, function () {
    const xs = [...this];
    return xs.every((x, i) => i === 0 || cmp(xs[i - 1] as CelValue, x) <= 0);
  }),
  celMethod('sum', LIST, [], DYN, function () {
    const xs = [...this];
    if (xs.every((x) => typeof x === 'bigint')) return xs.reduce((s: bigint, x) => s + (x as bigint), 0n);
    if (xs.every((x) => typeof x === 'number')) return xs.reduce((s: number, x) => s + (x as number), 0);
    throw new Error('no such overload: sum');
  }),
  celMethod('min', LIST, [], DYN, function () {
    const xs = [...this];
    if (!xs.length) throw new Error('min called on empty list');
    return xs.reduce((m, x) => (cmp(x, m) < 0 ? x : m));
  }),
  celMethod('max', LIST, [], DYN, function () {
    const xs = [...this];
    if (!xs.length) throw new Error('max called on empty list');
    return xs.reduce((m, x) => (cmp(x, m) > 0 ? x : m));
  }),
  celMethod('indexOf', LIST, [DYN], INT, function (v) {
    return BigInt([...this].findIndex((x) => same(x, v)));
  }),
  celMethod('lastIndexOf', LIST, [DYN], INT, function (v) {
    const xs = [...this];
    for (let i = xs.length - 1; i >= 0; i--) if (same(xs[i] as CelValue, v)) return BigInt(i);
    return -1n;
  }),
];

function regex(re: string): RegExp {
  return new RegExp(re, 'gu');
}

const regexFuncs: CelFunc[] = [
  celMethod('find', STRING, [STRING], STRING, function (re) {
    return regex(re).exec(this)?.[0] ?? '';
  }),
  celMethod('findAll', STRING, [STRING], listType(STRING), function (re) {
    return celList([...this.matchAll(regex(re))].map((m) => m[0]));
  }),
  celMethod('findAll', STRING, [STRING, INT], listType(STRING), function (re, n) {
    const all = [...this.matchAll(regex(re))].map((m) => m[0]);
    return celList(n < 0n ? all : all.slice(0, Number(n)));
  }),
];

function parseURL(s: string): URL | undefined {
  try {
    return s.includes('://') || s.startsWith('/') ? new URL(s, s.startsWith('/') ? 'relative:///' : undefined) : undefined;
  } catch {
    return undefined;
  }
}

// URLs are carried as their string form; the getters re-parse it.
const urlFuncs: CelFunc[] = [
  celFunc('isURL', [STRING], BOOL, (s) => parseURL(s) !== undefined),
  celFunc('url', [STRING], STRING, (s) => {
    if (!parseURL(s)) throw new Error(`URL parse error during conversion from string: ${s}`);
    return s;
  }),
  celMethod('getScheme', STRING, [], STRING, function () {
    return (parseURL(this)?.protocol ?? '').replace(/:$/, '').replace(/^relative$/, '');
  }),
  celMethod('getHost', STRING, [], STRING, function () {
    return parseURL(this)?.host ?? '';
  }),
  celMethod('getHostname', STRING, [], STRING, function () {
    return (parseURL(this)?.hostname ?? '').replace(/^\[|\]$/g, '');
  }),
  celMethod('getPort', STRING, [], STRING, function () {
    return parseURL(this)?.port ?? '';
  }),
  celMethod('getEscapedPath', STRING, [], STRING, function () {
    return parseURL(this)?.pathname ?? '';
  }),
  // Go's url.Query(): every key with all its values in order, `+` and escapes decoded.
  celMethod('getQuery', STRING, [], mapType(STRING, listType(STRING)), function () {
    const out = new Map<string, string[]>();
    for (const [k, v] of parseURL(this)?.searchParams ?? []) out.set(k, [...(out.get(k) ?? []), v]);
    return celMap(new Map([...out].map(([k, vs]) => [k, celList(vs)])));
  }),
];

const q = (s: string): Quantity => parseQuantity(s);
const qOf = (v: CelValue): Quantity => (typeof v === 'bigint' ? parseQuantity(v.toString()) : q(String(v)));

const quantityFuncs: CelFunc[] = [
  celFunc('isQuantity', [STRING], BOOL, (s) => isQuantity(s)),
  celFunc('quantity', [STRING], STRING, (s) => q(s).toString()),
  celMethod('compareTo', STRING, [STRING], INT, function (o) { return BigInt(q(this).cmp(q(o))); }),
  celMethod('isGreaterThan', STRING, [STRING], BOOL, function (o) { return q(this).cmp(q(o)) > 0; }),
  celMethod('isLessThan', STRING, [STRING], BOOL, function (o) { return q(this).cmp(q(o)) < 0; }),
  celMethod('add', STRING, [DYN], STRING, function (o) { return q(this).add(qOf(o)).toString(); }),
  celMethod('sub', STRING, [DYN], STRING, function (o) { return q(this).sub(qOf(o)).toString(); }),
  celMethod('sign', STRING, [], INT, function () { return BigInt(q(this).sign()); }),
  celMethod('isInteger', STRING, [], BOOL, function () { const v = q(this); return v.cmp(parseQuantity(v.scaled(0).toString())) === 0; }),
  celMethod('asInteger', STRING, [], INT, function () {
    const v = q(this);
    if (v.cmp(parseQuantity(v.scaled(0).toString())) !== 0) throw new Error('cannot convert value to integer');
    return v.scaled(0);
  }),
  celMethod('asApproximateFloat', STRING, [], CelScalar.DOUBLE, function () { return Number(q(this).scaled(-9)) / 1e9; }),
];

const setFuncs: CelFunc[] = [
  celFunc('sets.contains', [LIST, LIST], BOOL, (a, b) => [...b].every((y) => [...a].some((x) => same(x, y)))),
  celFunc('sets.intersects', [LIST, LIST], BOOL, (a, b) => [...b].some((y) => [...a].some((x) => same(x, y)))),
  celFunc('sets.equivalent', [LIST, LIST], BOOL, (a, b) =>
    [...b].every((y) => [...a].some((x) => same(x, y))) && [...a].every((x) => [...b].some((y) => same(x, y)))),
];

/** Every extension function k3ts provides to validation rules. */
export const kubernetesFuncs: readonly CelFunc[] = [
  ...strings, ...listFuncs, ...regexFuncs, ...urlFuncs, ...netFuncs, ...quantityFuncs, ...setFuncs,
  ...semverFuncs, ...optionalFuncs, ...formatFuncs, ...comprehensionFuncs,
];

/**
 * Kubernetes CEL functions k3ts does not implement: rules calling them are not evaluated. The
 * optMap/optFlatMap macros need the parser to bind a variable, which @bufbuild/cel 0.6.1 does
 * only for its own macros (the `.?`/`[?` optional syntax fails to parse and is reported so too).
 */
export const UNSUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set(['optMap', 'optFlatMap']);
