/**
 * @module The Node and Lease a simulated node registers: capacity, labels, conditions, node
 * info, and a heartbeat Lease in kube-node-lease, the way a kubelet writes them.
 */
import { microTime, type Lease } from '../../client/kinds/coordination.js';
import type { Condition, Node, ResourceList, Taint } from '../../client/kinds/core.js';
import { GIT_VERSION } from '../../base/version.js';

/** The Kubernetes version simulated kubelets report. */
export const KUBELET_VERSION = GIT_VERSION;

export interface SimulatedNodeSpec {
  readonly name: string;
  readonly index: number;
  readonly capacity: ResourceList;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
}

/** The node's address, in 172.16.0.0/12: outside the default cluster and service ranges. */
export function nodeAddress(index: number): string {
  return `172.${16 + ((index >> 16) & 15)}.${(index >> 8) & 255}.${index & 255}`;
}

/** The simulated pod range of node `index`: a /24 in 10.128.0.0/9. */
export function podCidr(index: number): string {
  return `10.${128 + ((index >> 8) & 127)}.${index & 255}.0/24`;
}

const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export function readyConditions(): Condition[] {
  const t = now();
  const c = (type: string, status: 'True' | 'False', reason: string, message: string): Condition => ({ type, status, reason, message, lastHeartbeatTime: t, lastTransitionTime: t });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

export function nodeObject(s: SimulatedNodeSpec): Node {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: {
      name: s.name,
      labels: {
        'kubernetes.io/hostname': s.name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux', 'beta.kubernetes.io/arch': 'amd64', 'node.kubernetes.io/instance-type': 'k3ts-simulated',
        'k3ts.io/simulated': 'true', ...s.labels,
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'k3ts.io/simulated': 'true' },
    },
    spec: { podCIDR: podCidr(s.index), podCIDRs: [podCidr(s.index)], providerID: `k3ts-sim://${s.name}`, ...(s.taints.length ? { taints: [...s.taints] } : {}) },
    status: {
      capacity: { ...s.capacity }, allocatable: { ...s.capacity },
      conditions: readyConditions(),
      addresses: [{ type: 'InternalIP', address: nodeAddress(s.index) }, { type: 'Hostname', address: s.name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: '', systemUUID: '', bootID: '', kernelVersion: 'simulated', osImage: 'k3ts simulated node',
        containerRuntimeVersion: 'simulated://1.0', kubeletVersion: KUBELET_VERSION, kubeProxyVersion: '',
        operatingSystem: 'linux', architecture: 'amd64',
      },
    },
  };
}

/** The heartbeat lease (kubelet: 40 s duration, renewed every 10 s). */
export function leaseObject(node: Node): Lease {
  return {
    apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
    metadata: {
      name: node.metadata.name ?? '', namespace: 'kube-node-lease',
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name ?? '', uid: node.metadata.uid ?? '' }],
    },
    spec: { holderIdentity: node.metadata.name ?? '', leaseDurationSeconds: 40, renewTime: microTime() },
  };
}
