/**
 * @module The Kubernetes semver CEL library at its v1.33 level (apiserver library/semverlib.go,
 * version 1): semver() and isSemver() with the optional normalize flag, major(), minor(),
 * patch(), compareTo(), isGreaterThan(), isLessThan(). Parsing and ordering follow
 * github.com/blang/semver/v4 (semver.org 2.0.0 precedence; build metadata ignored). A version is
 * carried as the opaque kubernetes.Semver (cel-opaque.ts) holding its text without build
 * metadata, so `==` matches blang's Equals.
 */
import { celFunc, celMethod, CelScalar, type CelFunc, type CelValue } from '@bufbuild/cel';
import { SEMVER_TYPE, textOf } from './cel-opaque.js';

const { INT, STRING, BOOL } = CelScalar;

/** A parsed version: numbers as bigints (they are uint64 upstream), prerelease identifiers. */
export interface Semver {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly pre: readonly string[];
}

const NUM = /^\d*$/;
const ALNUM = /^[0-9A-Za-z-]*$/;
const leadingZero = (s: string) => s.length > 1 && s.startsWith('0');
const U64_MAX = 2n ** 64n - 1n;

function number(s: string, what: string): bigint {
  if (!NUM.test(s)) throw new Error(`Invalid character(s) found in ${what} number ${JSON.stringify(s)}`);
  if (leadingZero(s)) throw new Error(`${what[0]!.toUpperCase()}${what.slice(1)} number must not contain leading zeroes ${JSON.stringify(s)}`);
  if (s === '' || BigInt(s) > U64_MAX) throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(s)}: ${s === '' ? 'invalid syntax' : 'value out of range'}`);
  return BigInt(s);
}

/** Parses `s` as blang/semver's Parse does; throws its error messages. */
export function parseSemver(s: string): Semver {
  if (s === '') throw new Error('Version string empty');
  const parts = s.split('.');
  if (parts.length < 3) throw new Error('No Major.Minor.Patch elements found');
  let rest = parts.slice(2).join('.');
  const plus = rest.indexOf('+');
  if (plus >= 0) {
    for (const b of rest.slice(plus + 1).split('.')) {
      if (b === '') throw new Error('Build meta data is empty');
      if (!ALNUM.test(b)) throw new Error(`Invalid character(s) found in build meta data ${JSON.stringify(b)}`);
    }
    rest = rest.slice(0, plus);
  }
  const dash = rest.indexOf('-');
  const pre = dash >= 0 ? rest.slice(dash + 1).split('.') : [];
  const v = { major: number(parts[0]!, 'major'), minor: number(parts[1]!, 'minor'), patch: number(dash >= 0 ? rest.slice(0, dash) : rest, 'patch'), pre };
  for (const p of pre) {
    if (p === '') throw new Error('Prerelease is empty');
    if (!ALNUM.test(p)) throw new Error(`Invalid character(s) found in prerelease ${JSON.stringify(p)}`);
    if (NUM.test(p) && leadingZero(p)) throw new Error(`Prerelease number must not contain leading zeroes ${JSON.stringify(p)}`);
  }
  return v;
}

/** Kubernetes's normalizing parse: drops a leading `v`, leading zeros, fills minor and patch. */
export function parseSemverNormalized(s: string): Semver {
  const parts = s.replace(/^v/, '').split('.');
  const head = parts.slice(0, 2);
  const tail = parts.length > 2 ? [parts.slice(2).join('.')] : [];
  const fixed = [...head, ...tail].map((p) => {
    if (p.length <= 1) return p;
    const t = p.replace(/^0+/, '');
    return t === '' || !/^\d/.test(t) ? `0${t}` : t;
  });
  if (fixed.length < 3) {
    if (/[+-]/.test(fixed[fixed.length - 1] ?? '')) throw new Error('short version cannot contain PreRelease/Build meta data');
    while (fixed.length < 3) fixed.push('0');
  }
  return parseSemver(fixed.join('.'));
}

const cmpBig = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/** semver.org precedence: -1, 0 or 1. */
export function compareSemver(a: Semver, b: Semver): number {
  const core = cmpBig(a.major, b.major) || cmpBig(a.minor, b.minor) || cmpBig(a.patch, b.patch);
  if (core) return core;
  // A version without prerelease ranks above the same version with one.
  if (!a.pre.length || !b.pre.length) return a.pre.length ? -1 : b.pre.length ? 1 : 0;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i]!, y = b.pre[i]!;
    const xn = /^\d+$/.test(x), yn = /^\d+$/.test(y);
    const c = xn && yn ? cmpBig(BigInt(x), BigInt(y)) : xn ? -1 : yn ? 1 : x < y ? -1 : x > y ? 1 : 0;
    if (c) return c;
  }
  return Math.sign(a.pre.length - b.pre.length);
}

const text = (v: Semver): string => `${v.major}.${v.minor}.${v.patch}${v.pre.length ? `-${v.pre.join('.')}` : ''}`;
const sv = (v: CelValue): Semver => parseSemver(textOf(SEMVER_TYPE, v));
const parse = (s: string, normalize: boolean): Semver => (normalize ? parseSemverNormalized(s) : parseSemver(s));
const valid = (s: string, normalize: boolean): boolean => {
  try {
    parse(s, normalize);
    return true;
  } catch {
    return false;
  }
};

/** The semver functions. */
export const semverFuncs: CelFunc[] = [
  celFunc('semver', [STRING], SEMVER_TYPE.type, (s) => SEMVER_TYPE.of(text(parse(s, false)))),
  celFunc('semver', [STRING, BOOL], SEMVER_TYPE.type, (s, n) => SEMVER_TYPE.of(text(parse(s, n)))),
  celFunc('isSemver', [STRING], BOOL, (s) => valid(s, false)),
  celFunc('isSemver', [STRING, BOOL], BOOL, (s, n) => valid(s, n)),
  celMethod('major', SEMVER_TYPE.type, [], INT, function () { return sv(this).major; }),
  celMethod('minor', SEMVER_TYPE.type, [], INT, function () { return sv(this).minor; }),
  celMethod('patch', SEMVER_TYPE.type, [], INT, function () { return sv(this).patch; }),
  celMethod('compareTo', SEMVER_TYPE.type, [SEMVER_TYPE.type], INT, function (o) { return BigInt(compareSemver(sv(this), sv(o))); }),
  celMethod('isGreaterThan', SEMVER_TYPE.type, [SEMVER_TYPE.type], BOOL, function (o) { return compareSemver(sv(this), sv(o)) > 0; }),
  celMethod('isLessThan', SEMVER_TYPE.type, [SEMVER_TYPE.type], BOOL, function (o) { return compareSemver(sv(this), sv(o)) < 0; }),
];
