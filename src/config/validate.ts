/**
 * @module Value checks shared by the server and agent configuration: addresses, CIDRs, ports,
 * port ranges, file modes, DNS names, node labels and taints. Each returns the parsed value or
 * throws a ConfigError naming the flag and where its value came from.
 */
import { formatCidr, formatIp, parseCidr, parseIp } from '../base/cidr.js';
import type { NodeLabel, NodeTaint, PortRange } from '../server/config.js';
import { badValue, type ListSetting, type ScalarSetting } from './settings.js';




const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** True for a DNS-1123 subdomain (`cluster.local`). */
export function isDnsSubdomain(s: string): boolean {
  return s.length > 0 && s.length <= 253 && s.split('.').every((l) => l.length <= 63 && DNS1123_LABEL.test(l));
}

/** A list of IPs, canonical form, at most one per family when `perFamily` (dual-stack flags). */
export function ipList(name: string, list: ListSetting, opts: { perFamily: boolean }): string[] {
  const seen = new Set<number>();
  return list.items.map((it) => {
    const ip = parseIp(it.value);
    if (!ip) throw badValue({ name, source: it.source }, `"${it.value}" is not an IPv4 or IPv6 address`);
    if (opts.perFamily && seen.has(ip.family)) throw badValue({ name, source: it.source }, `at most one IPv${ip.family} address may be given`);
    seen.add(ip.family);
    return formatIp(ip);
  });
}

/** A list of CIDRs (at most one IPv4 and one IPv6, as dual-stack Kubernetes allows), canonical form. */
export function cidrList(name: string, list: ListSetting): string[] {
  const seen = new Set<number>();
  return list.items.map((it) => {
    const c = parseCidr(it.value);
    if (!c) throw badValue({ name, source: it.source }, `"${it.value}" is not a CIDR such as 10.42.0.0/16`);
    if (seen.has(c.family)) throw badValue({ name, source: it.source }, `at most one IPv${c.family} CIDR may be given (one per address family)`);
    seen.add(c.family);
    return formatCidr(c);
  });
}

/** A single IP address. */
export function ip(name: string, s: ScalarSetting<string>): string {
  const v = parseIp(s.value);
  if (!v) throw badValue({ name, source: s.source }, `"${s.value}" is not an IPv4 or IPv6 address`);
  return formatIp(v);
}

/** A TCP port; 0 (any free port) only when `allowZero`. */
export function port(name: string, s: ScalarSetting<number>, opts: { allowZero: boolean }): number {
  const min = opts.allowZero ? 0 : 1;
  if (s.value < min || s.value > 65535) throw badValue({ name, source: s.source }, `${s.value} is not a port number (${min}-65535)`);
  return s.value;
}

/** `30000-32767` or Kubernetes's `base+size` form. */
export function portRange(name: string, s: ScalarSetting<string>): PortRange {
  const m = /^(\d+)([-+])(\d+)$/.exec(s.value.trim());
  const a = Number(m?.[1]), b = Number(m?.[3]);
  const range = m?.[2] === '+' ? { min: a, max: a + b - 1 } : { min: a, max: b };
  if (!m || range.min < 1 || range.max > 65535 || range.min > range.max) {
    throw badValue({ name, source: s.source }, `"${s.value}" is not a port range such as 30000-32767`);
  }
  return range;
}

/** An octal file mode such as `0644` or `600` (k3s parses it base 8). */
export function fileMode(name: string, s: ScalarSetting<string>): number {
  if (!/^0?[0-7]{3}$/.test(s.value.trim())) throw badValue({ name, source: s.source }, `"${s.value}" is not an octal file mode such as 0600 or 644`);
  return parseInt(s.value.trim(), 8);
}

/** One of the allowed words. */
export function oneOf<T extends string>(name: string, s: ScalarSetting<string>, opts: { allowed: readonly T[] }): T {
  if (!(opts.allowed as readonly string[]).includes(s.value)) throw badValue({ name, source: s.source }, `"${s.value}" is not one of ${opts.allowed.join(', ')}`);
  return s.value as T;
}

function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const nm = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && !isDnsSubdomain(prefix)) return `prefix "${prefix}" must be a DNS subdomain`;
  if (nm.length === 0 || nm.length > 63 || !LABEL_NAME.test(nm)) return `name "${nm}" must be 1-63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric`;
  return undefined;
}

/** `key=value` node labels (registered on the Node by the agent). */
export function nodeLabels(name: string, list: ListSetting): NodeLabel[] {
  return list.items.map((it) => {
    const eq = it.value.indexOf('=');
    if (eq < 0) throw badValue({ name, source: it.source }, `"${it.value}" is not key=value`);
    const key = it.value.slice(0, eq), value = it.value.slice(eq + 1);
    const why = labelKeyProblem(key) ?? (value.length > 63 || (value !== '' && !LABEL_NAME.test(value)) ? `value "${value}" is not a valid label value` : undefined);
    if (why) throw badValue({ name, source: it.source }, `"${it.value}": ${why}`);
    return { key, value };
  });
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** `key=value:Effect` or `key:Effect` node taints, as kubelet's --register-with-taints takes them. */
export function nodeTaints(name: string, list: ListSetting): NodeTaint[] {
  return list.items.map((it) => {
    const colon = it.value.lastIndexOf(':');
    const effect = it.value.slice(colon + 1);
    if (colon < 0 || !(EFFECTS as readonly string[]).includes(effect)) {
      throw badValue({ name, source: it.source }, `"${it.value}" is not key=value:Effect with Effect one of ${EFFECTS.join(', ')}`);
    }
    const kv = it.value.slice(0, colon);
    const eq = kv.indexOf('=');
    const key = eq < 0 ? kv : kv.slice(0, eq), value = eq < 0 ? '' : kv.slice(eq + 1);
    const why = labelKeyProblem(key) ?? (value.length > 63 || (value !== '' && !LABEL_NAME.test(value)) ? `value "${value}" is not a valid taint value` : undefined);
    if (why) throw badValue({ name, source: it.source }, `"${it.value}": ${why}`);
    return { key, value, effect: effect as NodeTaint['effect'] };
  });
}
