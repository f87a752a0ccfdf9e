/**
 * @module Kubernetes's IP and CIDR CEL libraries (`ip()`, `cidr()`, `isIP`, `isCIDR`,
 * `ip.isCanonical`, the address predicates, containment) on @bufbuild/cel. The library has no
 * opaque types outside protobuf messages, so an IP is carried as its canonical text (Go's
 * netip form: dotted IPv4, RFC 5952 IPv6) and a CIDR as `<canonical ip>/<bits>` with the
 * address as written (unmasked, as netip.Prefix keeps it); equality of two ip() or two cidr()
 * values is then equality of the texts, as in Kubernetes. Parsing follows netip: no leading
 * zeros in IPv4 octets, no zones, and IPv4-mapped IPv6 addresses are refused.
 */
import { isIPv6 } from 'node:net';
import { celFunc, celMethod, CelScalar, type CelFunc } from '@bufbuild/cel';
import { type Ip, formatIp, parseIp } from '../../base/cidr.js';

const { INT, STRING, BOOL } = CelScalar;

const V4 = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/** Parses an address as netip.ParseAddr does, with Kubernetes's extra refusals; a reason when it is not one. */
export function parseCelIp(text: string): Ip | string {
  if (text.includes('%')) return `IP address ${JSON.stringify(text)} with zone value is not allowed`;
  const v4 = V4.exec(text);
  if (v4) {
    const bytes = v4.slice(1).map(Number);
    if (bytes.some((b) => b > 255)) return `IP Address ${JSON.stringify(text)} parse error: IPv4 field has value >255`;
    return { family: 4, bytes: Uint8Array.from(bytes) };
  }
  if (!isIPv6(text)) return `IP Address ${JSON.stringify(text)} parse error during conversion from string`;
  const ip = parseIp(text);
  if (!ip) return `IP Address ${JSON.stringify(text)} parse error during conversion from string`;
  const b = ip.bytes;
  if (b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff) return `IPv4-mapped IPv6 address ${JSON.stringify(text)} is not allowed`;
  return ip;
}

interface CelCidr {
  readonly ip: Ip;
  readonly bits: number;
}

/** Parses `addr/bits` as netip.ParsePrefix does (the address keeps its host bits). */
export function parseCelCidr(text: string): CelCidr | string {
  const slash = text.indexOf('/');
  const bad = `network address ${JSON.stringify(text)} parse error during conversion from string`;
  if (slash < 0) return bad;
  const ip = parseCelIp(text.slice(0, slash));
  const bits = text.slice(slash + 1);
  if (typeof ip === 'string' || !/^(0|[1-9]\d{0,2})$/.test(bits) || Number(bits) > ip.bytes.length * 8) return bad;
  return { ip, bits: Number(bits) };
}

function ipOf(s: string): Ip {
  const ip = parseCelIp(s);
  if (typeof ip === 'string') throw new Error(ip);
  return ip;
}

function cidrOf(s: string): CelCidr {
  const c = parseCelCidr(s);
  if (typeof c === 'string') throw new Error(c);
  return c;
}

function inPrefix(ip: Ip, base: Ip, bits: number): boolean {
  if (ip.family !== base.family) return false;
  for (let bit = 0; bit < bits; bit++) {
    const m = 0x80 >> (bit & 7);
    if (((ip.bytes[bit >> 3] ?? 0) & m) !== ((base.bytes[bit >> 3] ?? 0) & m)) return false;
  }
  return true;
}

function masked(c: CelCidr): Ip {
  const bytes = Uint8Array.from(c.ip.bytes);
  for (let bit = c.bits; bit < bytes.length * 8; bit++) bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) & ~(0x80 >> (bit & 7));
  return { family: c.ip.family, bytes };
}

const b = (ip: Ip, i: number): number => ip.bytes[i] ?? 0;
const isUnspecified = (ip: Ip): boolean => ip.bytes.every((x) => x === 0);
const isLoopback = (ip: Ip): boolean => (ip.family === 4 ? b(ip, 0) === 127 : ip.bytes.slice(0, 15).every((x) => x === 0) && b(ip, 15) === 1);
const isMulticast = (ip: Ip): boolean => (ip.family === 4 ? (b(ip, 0) & 0xf0) === 0xe0 : b(ip, 0) === 0xff);
const isLinkLocalUnicast = (ip: Ip): boolean => (ip.family === 4 ? b(ip, 0) === 169 && b(ip, 1) === 254 : b(ip, 0) === 0xfe && (b(ip, 1) & 0xc0) === 0x80);
const isLinkLocalMulticast = (ip: Ip): boolean => (ip.family === 4 ? b(ip, 0) === 224 && b(ip, 1) === 0 && b(ip, 2) === 0 : b(ip, 0) === 0xff && (b(ip, 1) & 0x0f) === 0x02);
const isBroadcast = (ip: Ip): boolean => ip.family === 4 && ip.bytes.every((x) => x === 255);

const ipText = (ip: Ip): string => formatIp(ip);
const cidrText = (c: CelCidr): string => `${ipText(c.ip)}/${c.bits}`;

/** The IP and CIDR functions, for the CEL environment of validation rules. */
export const netFuncs: CelFunc[] = [
  celFunc('isIP', [STRING], BOOL, (s) => typeof parseCelIp(s) !== 'string'),
  celFunc('ip', [STRING], STRING, (s) => ipText(ipOf(s))),
  celFunc('ip.isCanonical', [STRING], BOOL, (s) => ipText(ipOf(s)) === s),
  celMethod('family', STRING, [], INT, function () { return BigInt(ipOf(this).family); }),
  celMethod('isUnspecified', STRING, [], BOOL, function () { return isUnspecified(ipOf(this)); }),
  celMethod('isLoopback', STRING, [], BOOL, function () { return isLoopback(ipOf(this)); }),
  celMethod('isLinkLocalMulticast', STRING, [], BOOL, function () { return isLinkLocalMulticast(ipOf(this)); }),
  celMethod('isLinkLocalUnicast', STRING, [], BOOL, function () { return isLinkLocalUnicast(ipOf(this)); }),
  celMethod('isGlobalUnicast', STRING, [], BOOL, function () {
    const ip = ipOf(this);
    return !isUnspecified(ip) && !isLoopback(ip) && !isMulticast(ip) && !isLinkLocalUnicast(ip) && !isBroadcast(ip);
  }),
  celFunc('isCIDR', [STRING], BOOL, (s) => typeof parseCelCidr(s) !== 'string'),
  celFunc('cidr', [STRING], STRING, (s) => cidrText(cidrOf(s))),
  celMethod('containsIP', STRING, [STRING], BOOL, function (s) {
    const c = cidrOf(this);
    return inPrefix(ipOf(s), c.ip, c.bits);
  }),
  celMethod('containsCIDR', STRING, [STRING], BOOL, function (s) {
    const c = cidrOf(this), o = cidrOf(s);
    return o.bits >= c.bits && inPrefix(o.ip, c.ip, c.bits);
  }),
  celMethod('ip', STRING, [], STRING, function () { return ipText(cidrOf(this).ip); }),
  celMethod('masked', STRING, [], STRING, function () { const c = cidrOf(this); return cidrText({ ip: masked(c), bits: c.bits }); }),
  celMethod('prefixLength', STRING, [], INT, function () { return BigInt(cidrOf(this).bits); }),
];
