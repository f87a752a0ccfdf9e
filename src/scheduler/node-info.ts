/**
 * @module What the scheduler knows about one node: the Node, the pods on it (bound or assumed),
 * the resources they request, the host ports they use, and which of them carry affinity terms.
 */
import type { Node, Pod } from '../client/kinds/core.js';
import { objectKey } from '../client/types.js';
import { allocatable, nonzeroRequests, podRequests, type Resources } from './resources.js';

export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

/** Host ports a pod asks for. */
export function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const p of c.ports ?? []) {
      if (p.hostPort && p.hostPort > 0) out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  return out;
}

const hasAffinity = (p: Pod): boolean => !!(p.spec?.affinity?.podAffinity || p.spec?.affinity?.podAntiAffinity);
const hasRequiredAntiAffinity = (p: Pod): boolean => !!p.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length;

/** The scheduler's per-node aggregate; updated incrementally as pods come and go. */
export class NodeInfo {
  node: Node | undefined;
  allocatable: Resources = new Map();
  readonly pods = new Map<string, Pod>();
  readonly requested: Resources = new Map();
  nonzeroCpu = 0;
  nonzeroMemory = 0;
  readonly ports: HostPort[] = [];
  /** Pods with (anti-)affinity terms, for InterPodAffinity. */
  readonly affinityPods = new Set<string>();
  readonly antiAffinityPods = new Set<string>();
  /** Bumped on every change (snapshots compare it). */
  generation = 0;

  constructor(readonly name: string) {}

  setNode(node: Node): void {
    this.node = node;
    this.allocatable = allocatable(node.status?.allocatable ?? node.status?.capacity);
    this.generation++;
  }

  addPod(pod: Pod): void {
    const key = objectKey(pod);
    if (this.pods.has(key)) this.removePod(key);
    this.pods.set(key, pod);
    for (const [k, v] of podRequests(pod)) this.requested.set(k, (this.requested.get(k) ?? 0) + v);
    const nz = nonzeroRequests(pod);
    this.nonzeroCpu += nz.cpu;
    this.nonzeroMemory += nz.memory;
    this.ports.push(...hostPorts(pod));
    if (hasAffinity(pod)) this.affinityPods.add(key);
    if (hasRequiredAntiAffinity(pod)) this.antiAffinityPods.add(key);
    this.generation++;
  }

  removePod(key: string): Pod | undefined {
    const pod = this.pods.get(key);
    if (!pod) return undefined;
    this.pods.delete(key);
    for (const [k, v] of podRequests(pod)) this.requested.set(k, (this.requested.get(k) ?? 0) - v);
    const nz = nonzeroRequests(pod);
    this.nonzeroCpu -= nz.cpu;
    this.nonzeroMemory -= nz.memory;
    for (const hp of hostPorts(pod)) {
      const i = this.ports.findIndex((p) => p.ip === hp.ip && p.port === hp.port && p.protocol === hp.protocol);
      if (i >= 0) this.ports.splice(i, 1);
    }
    this.affinityPods.delete(key);
    this.antiAffinityPods.delete(key);
    this.generation++;
    return pod;
  }
}
