/**
 * @module Kubernetes's CEL extension functions for x-kubernetes-validations, implemented on
 * @bufbuild/cel: the strings extension (from the library), the list library (isSorted, sum, min,
 * max, indexOf, lastIndexOf), regex find/findAll, URL parsing (url, isURL and its getters), the
 * quantity library (quantities are carried as their canonical strings), the sets extension, and
 * from their own modules the IP/CIDR (cel-net.ts), semver (cel-semver.ts) and format
 * (cel-format.ts) libraries. Functions Kubernetes has but k3ts lacks are listed so rules using
 * them are reported as not evaluated instead of failing.
 */
import { celFunc, celMap, celMethod, CelScalar, listType, celList, mapType, type CelFunc, type CelValue } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { isQuantity, parseQuantity, Quantity } from '../quantity.js';
import { formatFuncs } from './cel-format.js';
import { netFuncs } from './cel-net.js';
import { compareSemver, SEMVER_TAG, semverFuncs, semverOf } from './cel-semver.js';

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
  celMethod('getQuery', STRING, [], mapType(STRING, listType(STRING)), function () {
    const out = new Map<string, CelValue>();
    const params = parseURL(this)?.searchParams;
    for (const k of new Set(params?.keys() ?? [])) out.set(k, celList(params?.getAll(k) ?? []));
    return celMap(out);
  }),
];

const q = (s: string): Quantity => parseQuantity(s);
const qOf = (v: CelValue): Quantity => (typeof v === 'bigint' ? parseQuantity(v.toString()) : q(String(v)));

/** Orders two quantities, or two versions from semver() (both libraries name their comparisons alike). */
function order(a: string, b: string): number {
  return a.startsWith(SEMVER_TAG) ? compareSemver(semverOf(a), semverOf(b)) : q(a).cmp(q(b));
}

const quantityFuncs: CelFunc[] = [
  celFunc('isQuantity', [STRING], BOOL, (s) => isQuantity(s)),
  celFunc('quantity', [STRING], STRING, (s) => q(s).toString()),
  celMethod('compareTo', STRING, [STRING], INT, function (o) { return BigInt(order(this, o)); }),
  celMethod('isGreaterThan', STRING, [STRING], BOOL, function (o) { return order(this, o) > 0; }),
  celMethod('isLessThan', STRING, [STRING], BOOL, function (o) { return order(this, o) < 0; }),
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
export const kubernetesFuncs: readonly CelFunc[] = [...strings, ...listFuncs, ...regexFuncs, ...urlFuncs, ...netFuncs, ...quantityFuncs, ...semverFuncs, ...formatFuncs, ...setFuncs];

/**
 * Kubernetes CEL functions k3ts does not implement: rules calling them are not evaluated. Optional
 * values beyond the format library (`optional.of`, `.?field`) and two-variable comprehensions are
 * not in @bufbuild/cel's parser; such rules fail to parse and are reported the same way.
 */
export const UNSUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set(['optional.of', 'optional.ofNonZeroValue', 'optional.none']);
