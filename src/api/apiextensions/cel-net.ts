/**
 * @module The Kubernetes IP and CIDR CEL libraries (apiserver library/ip.go and cidr.go): ip(),
 * isIP(), ip.isCanonical(), family(), the is*() address classes, cidr(), isCIDR(), containsIP(),
 * containsCIDR(), ip() of a CIDR, masked(), prefixLength() and string(). Parsing follows Go's
 * net/netip (no leading zeros in IPv4 octets, no zones, IPv4-mapped IPv6 refused); values are
 * the opaque types of cel-opaque.ts carrying netip's canonical text.
 */
import { celFunc, celMethod, CelScalar, type CelFunc } from '@bufbuild/cel';
import { CIDR_TYPE, IP_TYPE, textOf } from './cel-opaque.js';

const { INT, STRING, BOOL, DYN } = CelScalar;

/** An address as its bytes (4 or 16). */
type Addr = number[];

function parseV4(s: string): Addr | string {
  const parts = s.split('.');
  if (parts.length !== 4) return parts.length < 4 ? 'IPv4 address too short' : 'IPv4 address too long';
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return p === '' ? 'IPv4 field must have at least one digit' : 'unexpected character';
    if (p.length > 1 && p.startsWith('0')) return 'IPv4 field has octet with leading zero';
    if (Number(p) > 255) return 'IPv4 field has value >255';
    out.push(Number(p));
  }
  return out;
}

function parseV6(s: string): Addr | string {
  const halves = s.split('::');
  if (halves.length > 2) return 'multiple :: in address';
  const groups = (h: string): number[] | string => {
    if (h === '') return [];
    const out: number[] = [];
    const fields = h.split(':');
    for (const [i, f] of fields.entries()) {
      if (i === fields.length - 1 && f.includes('.')) {
        const v4 = parseV4(f);
        if (typeof v4 === 'string') return v4;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(f)) out.push(parseInt(f, 16));
      else return f === '' ? 'colon must be followed by more characters' : 'each colon-separated field must have at most 4 hex digits';
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (typeof head === 'string') return head;
  if (typeof tail === 'string') return tail;
  const n = head.length + tail.length;
  if (halves.length === 1 && n !== 8) return n < 8 ? 'address string too short' : 'trailing garbage after address';
  if (halves.length === 2 && n > 7) return 'the :: must expand to at least one field of zeros';
  const words = [...head, ...new Array<number>(8 - n).fill(0), ...tail];
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

/** Parses `s` as Kubernetes's CEL ip() does; returns the bytes or the error message. */
export function parseIP(s: string): Addr | string {
  const go = (why: string) => `IP Address ${JSON.stringify(s)} parse error during conversion from string: ParseAddr(${JSON.stringify(s)}): ${why}`;
  if (s.includes(':')) {
    if (s.includes('%')) {
      const a = parseV6(s.slice(0, s.indexOf('%')));
      return typeof a === 'string' ? go(a) : `IP address ${JSON.stringify(s)} with zone value is not allowed`;
    }
    const a = parseV6(s);
    if (typeof a === 'string') return go(a);
    if (a.slice(0, 10).every((b) => b === 0) && a[10] === 0xff && a[11] === 0xff) return `IPv4-mapped IPv6 address ${JSON.stringify(s)} is not allowed`;
    return a;
  }
  const a = s === '' ? 'unable to parse IP' : parseV4(s);
  return typeof a === 'string' ? go(a) : a;
}

/** netip's text of an address: dotted IPv4, or RFC 5952 IPv6 (longest zero run as `::`). */
export function formatIP(a: Addr): string {
  if (a.length === 4) return a.join('.');
  const words = Array.from({ length: 8 }, (_, i) => (a[2 * i]! << 8) | a[2 * i + 1]!);
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  return best < 0 ? hex(words) : `${hex(words.slice(0, best))}::${hex(words.slice(best + bestLen))}`;
}

interface Prefix { readonly addr: Addr; readonly bits: number }

/** Parses `s` as Kubernetes's CEL cidr() does; returns the prefix or the error message. */
export function parseCIDR(s: string): Prefix | string {
  const go = (why: string) => `network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(s)}): ${why}`;
  const slash = s.lastIndexOf('/');
  if (slash < 0) return go('no \'/\'');
  const ipText = s.slice(0, slash);
  if (ipText.includes('%')) return go('IPv6 zones cannot be present in a prefix');
  const addr = parseIP(ipText);
  if (typeof addr === 'string') {
    return addr.startsWith('IPv4-mapped') ? `network address parse error during conversion from string: IPv4-mapped IPv6 address ${JSON.stringify(s)} is not allowed` : go(addr.replace(/^.*?ParseAddr/, 'ParseAddr'));
  }
  const bitsText = s.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(bitsText)) return go(`bad bits after slash: ${JSON.stringify(bitsText)}`);
  const bits = Number(bitsText);
  if (bits > addr.length * 8) return go(`prefix length out of range`);
  return { addr, bits };
}

function mask(a: Addr, bits: number): Addr {
  return a.map((b, i) => (i * 8 >= bits ? 0 : i * 8 + 8 <= bits ? b : b & (0xff << (8 - (bits - i * 8))) & 0xff));
}

const same = (a: Addr, b: Addr): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function must<T>(r: T | string): T {
  if (typeof r === 'string') throw new Error(r);
  return r;
}

const ipOf = (v: Parameters<typeof textOf>[1]): Addr => must(parseIP(textOf(IP_TYPE, v)));
const cidrOf = (v: Parameters<typeof textOf>[1]): Prefix => must(parseCIDR(textOf(CIDR_TYPE, v)));
const cidrValue = (p: Prefix) => CIDR_TYPE.of(`${formatIP(p.addr)}/${p.bits}`);
const inPrefix = (p: Prefix, a: Addr): boolean => p.addr.length === a.length && same(mask(p.addr, p.bits), mask(a, p.bits));
const v4In = (a: Addr, first: number, second?: number) => a.length === 4 && a[0] === first && (second === undefined || a[1] === second);

function addrClass(name: string, v4: (a: Addr) => boolean, v6: (a: Addr) => boolean): CelFunc {
  return celMethod(name, IP_TYPE.type, [], BOOL, function () {
    const a = ipOf(this);
    return a.length === 4 ? v4(a) : v6(a);
  });
}

const zero = (a: Addr) => a.every((b) => b === 0);
const loop6 = (a: Addr) => a.slice(0, 15).every((b) => b === 0) && a[15] === 1;
const linkLocal6 = (a: Addr) => a[0] === 0xfe && (a[1]! & 0xc0) === 0x80;

/** The IP and CIDR functions. */
export const netFuncs: CelFunc[] = [
  celFunc('ip', [STRING], IP_TYPE.type, (s) => IP_TYPE.of(formatIP(must(parseIP(s))))),
  celFunc('isIP', [STRING], BOOL, (s) => typeof parseIP(s) !== 'string'),
  celFunc('ip.isCanonical', [STRING], BOOL, (s) => formatIP(must(parseIP(s))) === s),
  celFunc('string', [IP_TYPE.type], STRING, (v) => textOf(IP_TYPE, v)),
  celMethod('family', IP_TYPE.type, [], INT, function () { return ipOf(this).length === 4 ? 4n : 6n; }),
  addrClass('isUnspecified', zero, zero),
  addrClass('isLoopback', (a) => v4In(a, 127), loop6),
  addrClass('isLinkLocalMulticast', (a) => v4In(a, 224, 0) && a[2] === 0, (a) => a[0] === 0xff && (a[1]! & 0x0f) === 0x02),
  addrClass('isLinkLocalUnicast', (a) => v4In(a, 169, 254), linkLocal6),
  addrClass('isGlobalUnicast',
    (a) => !zero(a) && !a.every((b) => b === 255) && a[0] !== 127 && (a[0]! & 0xf0) !== 224 && !v4In(a, 169, 254),
    (a) => !zero(a) && !loop6(a) && a[0] !== 0xff && !linkLocal6(a)),
  celFunc('cidr', [STRING], CIDR_TYPE.type, (s) => cidrValue(must(parseCIDR(s)))),
  celFunc('isCIDR', [STRING], BOOL, (s) => typeof parseCIDR(s) !== 'string'),
  celFunc('string', [CIDR_TYPE.type], STRING, (v) => textOf(CIDR_TYPE, v)),
  celMethod('containsIP', CIDR_TYPE.type, [DYN], BOOL, function (x) {
    return inPrefix(cidrOf(this), typeof x === 'string' ? must(parseIP(x)) : ipOf(x));
  }),
  celMethod('containsCIDR', CIDR_TYPE.type, [DYN], BOOL, function (x) {
    const outer = cidrOf(this);
    const inner = typeof x === 'string' ? must(parseCIDR(x)) : cidrOf(x);
    // Kubernetes masks both sides to the outer length (fixed for v1.33 by kubernetes#130450).
    return inner.bits >= outer.bits && inPrefix(outer, inner.addr);
  }),
  celMethod('ip', CIDR_TYPE.type, [], IP_TYPE.type, function () { return IP_TYPE.of(formatIP(cidrOf(this).addr)); }),
  celMethod('masked', CIDR_TYPE.type, [], CIDR_TYPE.type, function () {
    const p = cidrOf(this);
    return cidrValue({ addr: mask(p.addr, p.bits), bits: p.bits });
  }),
  celMethod('prefixLength', CIDR_TYPE.type, [], INT, function () { return BigInt(cidrOf(this).bits); }),
];
