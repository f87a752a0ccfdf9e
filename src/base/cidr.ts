/**
 * @module IP address and CIDR math for IPv4 and IPv6 on byte arrays: parse, format, the n-th
 * address of a network (the first service IP, the cluster DNS IP), containment.
 */
import { isIPv4, isIPv6 } from 'node:net';

export type IpFamily = 4 | 6;

/** An IP address as bytes (4 or 16). */
export interface Ip {
  readonly family: IpFamily;
  readonly bytes: Uint8Array;
}

/** A network: its (masked) base address and prefix length. */
export interface Cidr {
  readonly family: IpFamily;
  readonly base: Uint8Array;
  readonly prefix: number;
}

/** Parses an IPv4 or IPv6 literal; undefined when it is not one. */
export function parseIp(text: string): Ip | undefined {
  if (isIPv4(text)) return { family: 4, bytes: Uint8Array.from(text.split('.').map(Number)) };
  if (!isIPv6(text)) return undefined;
  let s = text;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4?.[1]) {
    const b = v4[1].split('.').map(Number);
    s = s.slice(0, -v4[1].length) + `${(((b[0] ?? 0) << 8) | (b[1] ?? 0)).toString(16)}:${(((b[2] ?? 0) << 8) | (b[3] ?? 0)).toString(16)}`;
  }
  const [head = '', tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = parseInt(g, 16);
    bytes[i * 2] = v >> 8;
    bytes[i * 2 + 1] = v & 0xff;
  });
  return { family: 6, bytes };
}

/** Formats an address the canonical way (IPv6 compressed, lower case). */
export function formatIp(ip: Ip): string {
  if (ip.family === 4) return Array.from(ip.bytes).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip.bytes[i] ?? 0) << 8) | (ip.bytes[i + 1] ?? 0));
  // Compress the longest run of two or more zero groups (RFC 5952).
  let best = -1, bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** Parses `a.b.c.d/n` or `x::/n`; host bits are cleared, as Go's net.ParseCIDR does. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const p = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(p)) return undefined;
  const prefix = Number(p);
  if (prefix > ip.bytes.length * 8) return undefined;
  const base = Uint8Array.from(ip.bytes);
  for (let bit = prefix; bit < base.length * 8; bit++) base[bit >> 3] = (base[bit >> 3] ?? 0) & ~(0x80 >> (bit & 7));
  return { family: ip.family, base, prefix };
}

export function formatCidr(c: Cidr): string {
  return `${formatIp({ family: c.family, bytes: c.base })}/${c.prefix}`;
}

function toBig(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function fromBig(v: bigint, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** The address `index` places after the network base (index 1 = first usable); undefined past the end. */
export function cidrIndexedIp(c: Cidr, index: number): Ip | undefined {
  const size = 1n << BigInt(c.base.length * 8 - c.prefix);
  const i = BigInt(index);
  if (i < 0n || i >= size) return undefined;
  return { family: c.family, bytes: fromBig(toBig(c.base) + i, c.base.length) };
}

/** True when `ip` lies inside `c`. */
export function cidrContains(c: Cidr, ip: Ip): boolean {
  if (ip.family !== c.family) return false;
  for (let bit = 0; bit < c.prefix; bit++) {
    const m = 0x80 >> (bit & 7);
    if (((c.base[bit >> 3] ?? 0) & m) !== ((ip.bytes[bit >> 3] ?? 0) & m)) return false;
  }
  return true;
}
