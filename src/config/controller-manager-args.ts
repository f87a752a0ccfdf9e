/**
 * @module `--kube-controller-manager-arg` (k3s's pass-through to kube-controller-manager): the
 * keys k3ts's in-process controller manager honours, read as kube-controller-manager reads them
 * (Go durations, int32s; `_` and `-` alike; the last of repeated keys wins) into a
 * ControllerManagerConfig. Any other key is refused, naming it.
 */
import { parseDuration } from '../api/schema/scalars.js';
import { parseCidr } from '../base/cidr.js';
import type { ControllerManagerConfig } from '../server/config.js';
import { badValue, type FlagSettings, type ScalarSetting, type ValueOrigin, splitPassthroughArg } from './settings.js';

const FLAG = 'kube-controller-manager-arg';
/** k3s's hidden, older spelling of the same flag. */
const ALIAS = 'kube-controller-arg';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Draft = Mutable<Omit<ControllerManagerConfig, 'workers'>> & { workers: Record<string, number> };
/** Refuses a value: the message names the flag, where it was set, and the key. */
type Fail = (problem: string) => never;
type Apply = (d: Draft, value: string, fail: Fail) => void;

const MS_PER_NS = 1e-6;

/** A positive Go duration ("20s", "1m30s"), in ms. */
function duration(value: string, fail: Fail): number {
  const ns = parseDuration(value);
  if (ns === undefined) fail(`"${value}" is not a duration such as 40s or 1m30s`);
  if (ns <= 0) fail(`"${value}" must be longer than zero`);
  return ns * MS_PER_NS;
}

/** An int32, as pflag's Int32Var parses it. */
function int32(value: string, fail: Fail): number {
  const n = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) fail(`"${value}" is not an integer`);
  return n;
}

/** A float, as Go's ParseFloat reads plain decimal and exponent forms. */
function float(value: string, fail: Fail): number {
  const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) fail(`"${value}" is not a number`);
  return n;
}

const rate = (key: 'evictionRate' | 'secondaryEvictionRate'): Apply => (d, v, fail) => {
  const n = float(v, fail);
  if (n < 0) fail(`${v}: a rate may not be negative`);
  d[key] = n;
};

const workers = (controller: string): Apply => (d, v, fail) => {
  const n = int32(v, fail);
  if (n < 1) fail(`${n} workers: must be at least 1`);
  d.workers[controller] = n;
};

const maskSize: Apply = (d, v, fail) => {
  const n = int32(v, fail);
  if (n < 1 || n > 32) fail(`${n} is not an IPv4 prefix length (1-32)`);
  d.nodeCidrMaskSize = n;
};

/**
 * kube-controller-manager's controller names (v1.33): each canonical `...-controller` name with
 * the older short alias it still accepts. `--controllers` takes either; k3ts keeps the alias.
 */
const CONTROLLER_ALIASES: Readonly<Record<string, string>> = {
  'serviceaccount-token-controller': 'serviceaccount-token', 'endpoints-controller': 'endpoint',
  'endpointslice-controller': 'endpointslice', 'endpointslice-mirroring-controller': 'endpointslicemirroring',
  'replicationcontroller-controller': 'replicationcontroller', 'pod-garbage-collector-controller': 'podgc',
  'resourcequota-controller': 'resourcequota', 'namespace-controller': 'namespace', 'serviceaccount-controller': 'serviceaccount',
  'garbage-collector-controller': 'garbagecollector', 'daemonset-controller': 'daemonset', 'job-controller': 'job',
  'deployment-controller': 'deployment', 'replicaset-controller': 'replicaset',
  'horizontal-pod-autoscaler-controller': 'horizontalpodautoscaling', 'disruption-controller': 'disruption',
  'statefulset-controller': 'statefulset', 'cronjob-controller': 'cronjob',
  'certificatesigningrequest-signing-controller': 'csrsigning', 'certificatesigningrequest-approving-controller': 'csrapproving',
  'certificatesigningrequest-cleaner-controller': 'csrcleaner', 'ttl-controller': 'ttl', 'bootstrap-signer-controller': 'bootstrapsigner',
  'token-cleaner-controller': 'tokencleaner', 'node-ipam-controller': 'nodeipam', 'node-lifecycle-controller': 'nodelifecycle',
  'service-lb-controller': 'service', 'node-route-controller': 'route', 'cloud-node-lifecycle-controller': 'cloud-node-lifecycle',
  'persistentvolume-binder-controller': 'persistentvolume-binder', 'persistentvolume-attach-detach-controller': 'attachdetach',
  'persistentvolume-expander-controller': 'persistentvolume-expander', 'clusterrole-aggregation-controller': 'clusterrole-aggregation',
  'persistentvolumeclaim-protection-controller': 'pvc-protection', 'persistentvolume-protection-controller': 'pv-protection',
  'ttl-after-finished-controller': 'ttl-after-finished', 'root-ca-certificate-publisher-controller': 'root-ca-cert-publisher',
  'service-ca-certificate-publisher-controller': 'service-ca-cert-publisher', 'ephemeral-volume-controller': 'ephemeral-volume',
  'storageversion-garbage-collector-controller': 'storage-version-gc', 'resourceclaim-controller': 'resource-claim-controller',
  'legacy-serviceaccount-token-cleaner-controller': 'legacy-service-account-token-cleaner',
  'validatingadmissionpolicy-status-controller': 'validatingadmissionpolicy-status-controller',
};
const KNOWN_CONTROLLERS: ReadonlySet<string> = new Set(Object.values(CONTROLLER_ALIASES));

/** `controllers=*,foo,-bar`: each name checked against kube-controller-manager's and kept by its short alias. */
const controllers: Apply = (d, v, fail) => {
  const out: string[] = [];
  for (const raw of v.split(',')) {
    const item = raw.trim();
    if (item === '*') {
      out.push(item);
      continue;
    }
    const off = item.startsWith('-');
    const name = off ? item.slice(1) : item;
    const alias = CONTROLLER_ALIASES[name] ?? (KNOWN_CONTROLLERS.has(name) ? name : undefined);
    if (!alias) return fail(`"${name}" is not in the list of known controllers`);
    out.push(off ? `-${alias}` : alias);
  }
  d.controllers = out;
};

/** The keys k3ts honours, by kube-controller-manager flag name. */
const KEYS: Readonly<Record<string, Apply>> = {
  controllers,
  'node-monitor-grace-period': (d, v, f) => { d.nodeMonitorGracePeriodMs = duration(v, f); },
  'node-monitor-period': (d, v, f) => { d.nodeMonitorPeriodMs = duration(v, f); },
  'node-startup-grace-period': (d, v, f) => { d.nodeStartupGracePeriodMs = duration(v, f); },
  'node-eviction-rate': rate('evictionRate'),
  'secondary-node-eviction-rate': rate('secondaryEvictionRate'),
  'unhealthy-zone-threshold': (d, v, f) => {
    const n = float(v, f);
    if (!(n > 0 && n <= 1)) f(`${v}: a share of a zone's nodes, more than 0 and at most 1`);
    d.unhealthyZoneThreshold = n;
  },
  'large-cluster-size-threshold': (d, v, f) => {
    const n = int32(v, f);
    if (n < 0) f(`${n}: may not be negative`);
    d.largeClusterSizeThreshold = n;
  },
  'terminated-pod-gc-threshold': (d, v, f) => { d.terminatedPodGcThreshold = int32(v, f); },
  'node-cidr-mask-size': maskSize,
  'node-cidr-mask-size-ipv4': maskSize,
  'leader-elect-lease-duration': (d, v, f) => { d.leaseDurationMs = duration(v, f); },
  'leader-elect-renew-deadline': (d, v, f) => { d.renewDeadlineMs = duration(v, f); },
  'leader-elect-retry-period': (d, v, f) => { d.retryPeriodMs = duration(v, f); },
  'concurrent-deployment-syncs': workers('deployment'),
  'concurrent-replicaset-syncs': workers('replicaset'),
  'concurrent-rc-syncs': workers('replicationcontroller'),
  'concurrent-statefulset-syncs': workers('statefulset'),
  'concurrent-daemonset-syncs': workers('daemonset'),
  'concurrent-job-syncs': workers('job'),
  'concurrent-cron-job-syncs': workers('cronjob'),
  'concurrent-endpoint-syncs': workers('endpoint'),
  'concurrent-service-endpoint-syncs': workers('endpointslice'),
  'concurrent-gc-syncs': workers('garbagecollector'),
  'concurrent-namespace-syncs': workers('namespace'),
  'concurrent-ttl-after-finished-syncs': workers('ttl-after-finished'),
  'concurrent-horizontal-pod-autoscaler-syncs': workers('horizontalpodautoscaling'),
};

/** The keys `--kube-controller-manager-arg` accepts, sorted (for messages and help). */
export const CONTROLLER_MANAGER_KEYS: readonly string[] = Object.keys(KEYS).sort();

/** Reads --kube-controller-manager-arg (and its alias) into the controller manager's settings. */
export function resolveControllerManagerArgs(s: FlagSettings, clusterCidrs: readonly string[]): ControllerManagerConfig {
  const d: Draft = {
    nodeMonitorGracePeriodMs: undefined, nodeMonitorPeriodMs: undefined, terminatedPodGcThreshold: undefined, nodeCidrMaskSize: undefined,
    workers: {}, leaseDurationMs: undefined, renewDeadlineMs: undefined, retryPeriodMs: undefined, controllers: undefined,
    nodeStartupGracePeriodMs: undefined, evictionRate: undefined, secondaryEvictionRate: undefined, unhealthyZoneThreshold: undefined,
    largeClusterSizeThreshold: undefined,
  };
  const seen = new Map<string, ScalarSetting<string>>();
  for (const [name, list] of [[FLAG, s.list(FLAG)], [ALIAS, s.list(ALIAS)]] as const) {
    for (const it of list.items) {
      const { key, value } = splitPassthroughArg(it.value.trim());
      const apply = KEYS[key];
      const origin = { name, source: it.source };
      if (!apply) {
        throw badValue(origin, `"${it.value}": k3ts's controller manager does not take ${key ? `--${key}` : 'an empty flag'}; it takes ${CONTROLLER_MANAGER_KEYS.join(', ')}`);
      }
      apply(d, value, (problem) => { throw badValue(origin, `${key}: ${problem}`); });
      seen.set(key, it);
    }
  }
  checkMaskSize(d, seen, clusterCidrs);
  checkLeaderElection(d, seen);
  return d;
}

function checkMaskSize(d: Draft, seen: ReadonlyMap<string, ScalarSetting<string>>, clusterCidrs: readonly string[]): void {
  const plain = seen.get('node-cidr-mask-size');
  // kube-controller-manager's rules: the plain flag is for single-stack clusters only, and not with the per-family one.
  if (plain && seen.has('node-cidr-mask-size-ipv4')) throw badValue({ name: FLAG, source: plain.source }, 'node-cidr-mask-size and node-cidr-mask-size-ipv4 may not both be given');
  if (plain && clusterCidrs.length > 1) throw badValue({ name: FLAG, source: plain.source }, 'node-cidr-mask-size is not allowed with a dual-stack --cluster-cidr; use node-cidr-mask-size-ipv4');
  const given = plain ?? seen.get('node-cidr-mask-size-ipv4');
  const v4 = clusterCidrs.map(parseCidr).find((c) => c?.family === 4);
  if (given && d.nodeCidrMaskSize !== undefined && v4 && d.nodeCidrMaskSize < v4.prefix) {
    throw badValue({ name: FLAG, source: given.source }, `node CIDR mask size ${d.nodeCidrMaskSize} is shorter than the cluster CIDR's /${v4.prefix}`);
  }
}

function checkLeaderElection(d: Draft, seen: ReadonlyMap<string, ScalarSetting<string>>): void {
  const lease = d.leaseDurationMs ?? 15_000, renew = d.renewDeadlineMs ?? 10_000, retry = d.retryPeriodMs ?? 2_000;
  const at = (key: string): ValueOrigin => ({ name: FLAG, source: (seen.get(key) ?? seen.get('leader-elect-lease-duration') ?? seen.get('leader-elect-renew-deadline') ?? seen.get('leader-elect-retry-period'))?.source ?? { kind: 'default' } });
  // client-go's leader election refuses these combinations.
  if (lease <= renew) throw badValue(at('leader-elect-lease-duration'), `leader-elect-lease-duration (${lease} ms) must be longer than leader-elect-renew-deadline (${renew} ms)`);
  if (renew <= retry * 1.2) throw badValue(at('leader-elect-renew-deadline'), `leader-elect-renew-deadline (${renew} ms) must be longer than 1.2 × leader-elect-retry-period (${retry} ms)`);
}
