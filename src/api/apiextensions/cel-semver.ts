/**
 * @module Kubernetes's semver CEL library (`semver()`, `isSemver()`, with the optional
 * `normalize` argument; `major()`, `minor()`, `patch()`, `compareTo`, `isLessThan`,
 * `isGreaterThan`) on @bufbuild/cel. A version is carried as a tagged string so that the
 * comparison methods, which the quantity library also defines on strings, can tell the two
 * apart. Parsing is strict Semantic Versioning 2.0.0 (no `v` prefix, no leading zeros);
 * `normalize` first drops a `v` prefix, fills a missing minor or patch with 0 and removes
 * leading zeros, as Kubernetes does. Build metadata never affects comparison.
 */
import { celFunc, celMethod, CelScalar, type CelFunc } from '@bufbuild/cel';

const { INT, STRING, BOOL } = CelScalar;

/** Marks a string as a parsed version (never produced by user data: it starts with a control character). */
export const SEMVER_TAG = '\u0001semver:';

interface Version {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly pre: readonly string[];
}

const NUM = '(0|[1-9]\\d*)';
const IDENT = '[0-9A-Za-z-]+';
const STRICT = new RegExp(`^${NUM}\\.${NUM}\\.${NUM}(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+(${IDENT}(?:\\.${IDENT})*))?$`);

function normalized(s: string): string {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(.*)$/.exec(s);
  if (!m) return s;
  const n = (x: string | undefined): string => String(BigInt(x ?? '0'));
  return `${n(m[1])}.${n(m[2])}.${n(m[3])}${m[4] ?? ''}`;
}

/** Parses a version; undefined when it is not one. */
export function parseSemver(s: string, normalize = false): Version | undefined {
  const m = STRICT.exec(normalize ? normalized(s) : s);
  if (!m) return undefined;
  const pre = m[4] ? m[4].split('.') : [];
  // Numeric pre-release identifiers must not have leading zeros either.
  if (pre.some((p) => /^0\d+$/.test(p))) return undefined;
  return { major: BigInt(m[1] ?? '0'), minor: BigInt(m[2] ?? '0'), patch: BigInt(m[3] ?? '0'), pre };
}

function cmpPre(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return a.length === b.length ? 0 : a.length ? -1 : 1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? '', y = b[i] ?? '';
    if (x === y) continue;
    const nx = /^\d+$/.test(x), ny = /^\d+$/.test(y);
    if (nx && ny) return BigInt(x) < BigInt(y) ? -1 : 1;
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Orders two versions: -1, 0 or 1. */
export function compareSemver(a: Version, b: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return cmpPre(a.pre, b.pre);
}

/** The version a tagged string carries (throws for anything else, as an overload mismatch). */
export function semverOf(tagged: string): Version {
  const v = tagged.startsWith(SEMVER_TAG) ? parseSemver(tagged.slice(SEMVER_TAG.length)) : undefined;
  if (!v) throw new Error('no such overload: expected a Semver');
  return v;
}

function make(s: string, normalize: boolean): string {
  const text = normalize ? normalized(s) : s;
  if (!parseSemver(text)) throw new Error(`could not parse ${JSON.stringify(s)} as semver`);
  return SEMVER_TAG + text;
}

/** Semver functions; the comparisons live with the quantity ones (see cel-library.ts). */
export const semverFuncs: CelFunc[] = [
  celFunc('isSemver', [STRING], BOOL, (s) => parseSemver(s) !== undefined),
  celFunc('isSemver', [STRING, BOOL], BOOL, (s, n) => parseSemver(s, n) !== undefined),
  celFunc('semver', [STRING], STRING, (s) => make(s, false)),
  celFunc('semver', [STRING, BOOL], STRING, (s, n) => make(s, n)),
  celMethod('major', STRING, [], INT, function () { return semverOf(this).major; }),
  celMethod('minor', STRING, [], INT, function () { return semverOf(this).minor; }),
  celMethod('patch', STRING, [], INT, function () { return semverOf(this).patch; }),
];
