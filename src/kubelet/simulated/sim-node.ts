/**
 * @module One simulated node's identity and objects: its name, pod CIDR (carved from the end of
 * the cluster CIDR so real nodes, allocated from the start, do not collide), a host-local style
 * IP pool, and the Node and Lease objects a kubelet would register and renew.
 */
import { hostname, release } from 'node:os';
import { createHash } from 'node:crypto';
import { ConfigError } from '../../base/errors.js';
import { GIT_VERSION, platform } from '../../base/version.js';
import type { Condition, Node, ResourceList, Taint } from '../../client/kinds/core.js';
import { microTime, type Lease } from '../../client/kinds/coordination.js';

/** What every simulated node looks like (from the --simulate-node-* flags). */
export interface NodeTemplate {
  /** Capacity and allocatable: cpu, memory, pods, ephemeral-storage and any extended resource. */
  readonly capacity: ResourceList;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  /** Spread nodes over this many zones (topology.kubernetes.io/zone=zone-<i>); 0: no zone label. */
  readonly zones: number;
}

/** KWOK-like defaults: 32 CPUs, 256 GiB, 110 pods, 100 GiB of ephemeral storage. */
export const DEFAULT_SIMULATED_CAPACITY: ResourceList = { cpu: '32', memory: '256Gi', pods: '110', 'ephemeral-storage': '100Gi' };

const ipToNum = (ip: string): number => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const numToIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/**
 * The per-node pod CIDRs for `count` nodes inside `clusterCidr` (IPv4): /24s when they fit,
 * otherwise the largest equal subnets that do, taken from the end of the range.
 */
export function nodePodCidrs(clusterCidr: string, count: number): string[] {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(clusterCidr);
  if (!m) throw new ConfigError(`simulated nodes need an IPv4 cluster CIDR, not ${clusterCidr}`);
  const prefix = Number(m[2]);
  const needBits = Math.ceil(Math.log2(Math.max(1, count)));
  const mask = prefix <= 24 && 2 ** (24 - prefix) >= count ? 24 : Math.max(24, prefix + needBits);
  if (mask > 30) throw new ConfigError(`--cluster-cidr ${clusterCidr} is too small for ${count} simulated nodes (each needs at least a /30)`);
  const base = ipToNum(m[1] as string) - (ipToNum(m[1] as string) % 2 ** (32 - prefix));
  const total = 2 ** (mask - prefix);
  const size = 2 ** (32 - mask);
  return Array.from({ length: count }, (_, i) => `${numToIp(base + (total - 1 - i) * size)}/${mask}`);
}

/** Pod IPs of one node: .2 up to the last but one address (.1 is the node's own). */
export class IpPool {
  private readonly free: number[] = [];
  private readonly used = new Map<string, number>();
  readonly gateway: string;

  constructor(cidr: string) {
    const [ip = '0.0.0.0', bits = '24'] = cidr.split('/');
    const base = ipToNum(ip);
    const size = 2 ** (32 - Number(bits));
    this.gateway = numToIp(base + 1);
    for (let i = size - 2; i >= 2; i--) this.free.push(base + i);
  }

  /** An address for `key` (the same one when asked again); undefined when the range is full. */
  allocate(key: string): string | undefined {
    const have = this.used.get(key);
    if (have !== undefined) return numToIp(have);
    const n = this.free.pop();
    if (n === undefined) return undefined;
    this.used.set(key, n);
    return numToIp(n);
  }

  /** Records an address found on a pod (after a restart); false when it is not this pool's or taken. */
  reserve(key: string, ip: string): boolean {
    const n = ipToNum(ip);
    const i = this.free.indexOf(n);
    if (i < 0) return this.used.get(key) === n;
    this.free.splice(i, 1);
    this.used.set(key, n);
    return true;
  }

  release(key: string): void {
    const n = this.used.get(key);
    if (n === undefined) return;
    this.used.delete(key);
    this.free.push(n);
  }

  get inUse(): number {
    return this.used.size;
  }
}

export interface SimNode {
  readonly name: string;
  readonly index: number;
  /** Undefined until node IPAM assigned one (nodes that wait for the controller manager). */
  podCidr: string | undefined;
  pool: IpPool | undefined;
  uid: string;
  lease: Lease | undefined;
  /** Next lease renewal and next full status report (ms since epoch). */
  leaseDue: number;
  statusDue: number;
}

const arch = (): string => platform().split('/')[1] ?? 'amd64';
const iso = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** The four node conditions a healthy kubelet reports. */
export function healthyConditions(prev: readonly Condition[] = []): Condition[] {
  const now = iso();
  const c = (type: string, status: 'True' | 'False', reason: string, message: string): Condition => {
    const p = prev.find((x) => x.type === type);
    return { type, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: p?.status === status ? p.lastTransitionTime ?? now : now };
  };
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

/**
 * Conditions of a kubelet whose network is not ready yet (no pod CIDR: the CNI plugin has no
 * configuration), as the kubelet reports them until then.
 */
export function networkNotReadyConditions(prev: readonly Condition[] = []): Condition[] {
  const was = prev.find((x) => x.type === 'Ready');
  return healthyConditions(prev).map((c): Condition => (c.type !== 'Ready' ? c : {
    ...c, status: 'False', reason: 'KubeletNotReady',
    message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
    ...(was?.status === 'False' && was.lastTransitionTime ? { lastTransitionTime: was.lastTransitionTime } : {}),
  }));
}

/** The node's addresses: its pod CIDR's first address stands for the host's (none before it has one). */
export function nodeAddresses(n: SimNode): { type: string; address: string }[] {
  return [...(n.pool ? [{ type: 'InternalIP', address: n.pool.gateway }] : []), { type: 'Hostname', address: n.name }];
}

/** The Node object a kubelet registers, with its status. */
export function nodeObject(n: SimNode, t: NodeTemplate): Node {
  const a = arch();
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': a, 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': a, 'kubernetes.io/os': 'linux',
    'kubernetes.io/hostname': n.name, 'node.kubernetes.io/instance-type': 'k3s', 'k3ts.io/simulated': 'true',
    ...(t.zones > 0 ? { 'topology.kubernetes.io/zone': `zone-${n.index % t.zones}` } : {}),
    ...t.labels,
  };
  const resources = { ...t.capacity };
  const id = createHash('sha256').update(`${hostname()}/${n.name}`).digest('hex');
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: n.name, labels, annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } },
    spec: { ...(n.podCidr ? { podCIDR: n.podCidr, podCIDRs: [n.podCidr] } : {}), providerID: `k3s://${n.name}`, ...(t.taints.length ? { taints: [...t.taints] } : {}) },
    status: {
      capacity: resources, allocatable: resources, conditions: n.pool ? healthyConditions() : networkNotReadyConditions(),
      addresses: nodeAddresses(n),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: id.slice(0, 32), systemUUID: id.slice(32, 64), bootID: id.slice(0, 32), kernelVersion: release(), osImage: 'k3ts simulated node',
        containerRuntimeVersion: 'sim://k3ts', kubeletVersion: GIT_VERSION, kubeProxyVersion: GIT_VERSION, operatingSystem: 'linux', architecture: a,
      },
    },
  };
}

/** The node's Lease in kube-node-lease, owned by the Node (so it goes when the node goes). */
export function leaseObject(n: SimNode): Lease {
  return {
    apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
    metadata: { name: n.name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: n.name, uid: n.uid }] },
    spec: { holderIdentity: n.name, leaseDurationSeconds: 40, renewTime: microTime() },
  };
}
