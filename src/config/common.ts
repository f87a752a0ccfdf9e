/**
 * @module Configuration parts shared by `server` and `agent`: logging, the data directory,
 * node identity (name, labels, taints, addresses) and join tokens, with k3s's defaults.
 */
import { isAbsolute, resolve } from 'node:path';
import { messageOf } from '../base/errors.js';
import { DEFAULTS } from './defaults.js';
import { parseToken, type ParsedToken } from '../pki/token.js';
import type { LogConfig, NodeConfig, SimulationConfig, TokenInput } from '../server/config.js';
import { isQuantity } from '../api/quantity.js';
import type { HostFacts } from './host.js';
import { badValue, describeSource, type FlagSettings, type ScalarSetting } from './settings.js';
import { ipList, nodeLabels, nodeTaints } from './validate.js';




/** Makes a path absolute against the working directory, as k3s does with filepath.Abs. */
export function absolutePath(host: HostFacts, p: string): string {
  return isAbsolute(p) ? p : resolve(host.cwd, p);
}

export function resolveLog(s: FlagSettings, host: HostFacts): LogConfig {
  const v = s.int('v');
  if (v && v.value < 0) throw badValue({ name: 'v', source: v.source }, `${v.value} is not a verbosity level (0 or more)`);
  const file = s.string('log')?.value;
  return {
    verbosity: v?.value ?? 0,
    debug: s.bool('debug')?.value ?? false,
    file: file ? absolutePath(host, file) : undefined,
    alsoToStderr: s.bool('alsologtostderr')?.value ?? false,
  };
}

/** --data-dir, else /var/lib/rancher/k3s for root and ~/.rancher/k3s otherwise (k3s's rule). */
export function resolveDataDir(s: FlagSettings, host: HostFacts): string {
  const d = s.string('data-dir')?.value;
  if (d) return absolutePath(host, d);
  return host.uid === 0 ? DEFAULTS.dataDirRoot : resolve(host.home, DEFAULTS.dataDirUser);
}

export function resolveNode(s: FlagSettings, host: HostFacts): NodeConfig {
  const name = (s.string('node-name')?.value || host.hostname).toLowerCase();
  const ips = ipList('node-ip', s.list('node-ip'), { perFamily: true });
  return {
    name,
    withNodeId: s.bool('with-node-id')?.value ?? false,
    labels: nodeLabels('node-label', s.list('node-label')),
    taints: nodeTaints('node-taint', s.list('node-taint')),
    ips: ips.length ? ips : host.addresses.slice(),
    externalIps: ipList('node-external-ip', s.list('node-external-ip'), { perFamily: true }),
  };
}

const NODE_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** The --simulate-* flags: node count, name prefix, capacity quantities, labels, taints, zones. */
export function resolveSimulation(s: FlagSettings): SimulationConfig {
  const count = s.int('simulate-nodes');
  if (count && (count.value < 0 || count.value > 100_000)) throw badValue({ name: 'simulate-nodes', source: count.source }, `${count.value} is not a node count from 0 to 100000`);
  const prefix = s.string('simulate-node-prefix');
  const namePrefix = prefix?.value ?? 'k3ts-sim-';
  if (!NODE_NAME.test(`${namePrefix}0`) || namePrefix.length > 200) {
    throw badValue({ name: 'simulate-node-prefix', source: prefix?.source ?? { kind: 'default' } }, `"${namePrefix}" does not make valid node names (lower-case alphanumerics, '-' and '.')`);
  }
  const capacity: Record<string, string> = {};
  for (const [flag, res, def] of [['simulate-node-cpu', 'cpu', '32'], ['simulate-node-memory', 'memory', '256Gi'], ['simulate-node-pods', 'pods', '110'],
    ['simulate-node-ephemeral-storage', 'ephemeral-storage', '100Gi']] as const) {
    const v = s.string(flag);
    if (v && (!isQuantity(v.value) || v.value.startsWith('-'))) throw badValue({ name: flag, source: v.source }, `"${v.value}" is not a quantity such as ${def}`);
    capacity[res] = v?.value ?? def;
  }
  for (const it of s.list('simulate-node-resource').items) {
    const eq = it.value.indexOf('=');
    const name = eq < 0 ? '' : it.value.slice(0, eq);
    const qty = it.value.slice(eq + 1);
    if (!name.includes('/') || !isQuantity(qty) || qty.startsWith('-')) {
      throw badValue({ name: 'simulate-node-resource', source: it.source }, `"${it.value}" is not <domain>/<name>=<quantity> such as example.com/gpu=4`);
    }
    capacity[name] = qty;
  }
  const zones = s.int('simulate-node-zones');
  if (zones && zones.value < 0) throw badValue({ name: 'simulate-node-zones', source: zones.source }, `${zones.value} is not a zone count (0 or more)`);
  return {
    nodes: count?.value ?? 0, namePrefix, capacity, zones: zones?.value ?? 0,
    labels: nodeLabels('simulate-node-label', s.list('simulate-node-label')),
    taints: nodeTaints('simulate-node-taint', s.list('simulate-node-taint')),
  };
}

/** A token from `--<flag>` or `--<flag>-file`; both at once is an error, as is an empty file. */
export function resolveToken(s: FlagSettings, host: HostFacts, opts: { flag: string }): TokenInput | undefined {
  const name = opts.flag;
  const direct = s.string(name);
  const file = s.string(`${name}-file`);
  const given = direct?.value ? direct : undefined;
  const path = file?.value ? file : undefined;
  if (given && path) {
    throw badValue({ name, source: given.source }, `${describeSource(`${name}-file`, path.source)} is also set; give the token one way only`);
  }
  if (given) return { parsed: parse(name, given), source: describeSource(name, given.source) };
  if (!path) return undefined;
  let text: string;
  try {
    text = host.readFile(absolutePath(host, path.value));
  } catch (err) {
    throw badValue({ name: `${name}-file`, source: path.source }, `cannot read ${path.value}: ${messageOf(err)}`);
  }
  const where = { value: text, source: path.source };
  return { parsed: parse(`${name}-file`, where), source: `the file ${path.value}` };
}

function parse(name: string, s: ScalarSetting<string>): ParsedToken {
  try {
    return parseToken(s.value);
  } catch (err) {
    throw badValue({ name, source: s.source }, messageOf(err));
  }
}

/** Freezes an object graph (configuration is immutable once resolved). */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}
