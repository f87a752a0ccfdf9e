/**
 * @module One node with the aggregates of the pods on it (framework.NodeInfo): requested and
 * scoring ("non-zero") resources, pod count, host ports in use, the pods carrying affinity
 * terms. Kept current incrementally by the cache, so a filter is a few comparisons.
 */
import type { Node, Taint } from '../client/kinds/core.js';
import type { HostPort, PodInfo } from './pod-info.js';
import { addResources, emptyResources, nodeAllocatable, type Resources } from './resources.js';

const ALL_IPS = '0.0.0.0';

/** Host ports in use on a node, by IP (HostPortInfo). */
export class HostPortSet {
  private readonly byIp = new Map<string, Map<string, number>>();

  add(p: HostPort, delta = 1): void {
    const k = `${p.protocol}/${p.port}`;
    let m = this.byIp.get(p.ip);
    if (!m) this.byIp.set(p.ip, (m = new Map()));
    const n = (m.get(k) ?? 0) + delta;
    if (n <= 0) m.delete(k);
    else m.set(k, n);
    if (m.size === 0) this.byIp.delete(p.ip);
  }

  /** A port conflicts when the same protocol/port is bound on the same IP or on 0.0.0.0 (either side). */
  conflicts(p: HostPort): boolean {
    const k = `${p.protocol}/${p.port}`;
    if (p.ip === ALL_IPS) {
      for (const m of this.byIp.values()) if (m.has(k)) return true;
      return false;
    }
    return (this.byIp.get(ALL_IPS)?.has(k) ?? false) || (this.byIp.get(p.ip)?.has(k) ?? false);
  }

  get size(): number {
    let n = 0;
    for (const m of this.byIp.values()) n += m.size;
    return n;
  }

  clone(): HostPortSet {
    const c = new HostPortSet();
    for (const [ip, m] of this.byIp) c.byIp.set(ip, new Map(m));
    return c;
  }
}

let generation = 0;

/** A node and its pods' aggregates. Mutated only by the cache (and by preemption on a clone). */
export class NodeInfo {
  node: Node;
  allocatable: Resources;
  readonly requested: Resources = emptyResources();
  readonly nonZeroRequested = { milliCPU: 0, memory: 0 };
  readonly pods = new Map<string, PodInfo>();
  readonly podsWithAffinity = new Set<PodInfo>();
  readonly podsWithRequiredAntiAffinity = new Set<PodInfo>();
  usedPorts = new HostPortSet();
  /** Bumped on every change (preemption and tests compare it). */
  generation = ++generation;

  constructor(node: Node) {
    this.node = node;
    this.allocatable = nodeAllocatable(node);
  }

  get name(): string {
    return this.node.metadata.name ?? '';
  }

  get labels(): Readonly<Record<string, string>> {
    return this.node.metadata.labels ?? {};
  }

  get taints(): readonly Taint[] {
    return this.node.spec?.taints ?? [];
  }

  setNode(node: Node): void {
    this.node = node;
    this.allocatable = nodeAllocatable(node);
    this.generation = ++generation;
  }

  addPod(pi: PodInfo): void {
    this.update(pi, 1);
    this.pods.set(pi.key, pi);
    if (pi.hasAffinity) this.podsWithAffinity.add(pi);
    if (pi.requiredAntiAffinity.length) this.podsWithRequiredAntiAffinity.add(pi);
  }

  /** Removes the pod stored under `key`; returns it. */
  removePod(key: string): PodInfo | undefined {
    const pi = this.pods.get(key);
    if (!pi) return undefined;
    this.update(pi, -1);
    this.pods.delete(key);
    this.podsWithAffinity.delete(pi);
    this.podsWithRequiredAntiAffinity.delete(pi);
    return pi;
  }

  private update(pi: PodInfo, sign: 1 | -1): void {
    addResources(this.requested, pi.requests, sign);
    this.nonZeroRequested.milliCPU += sign * pi.nonZero.milliCPU;
    this.nonZeroRequested.memory += sign * pi.nonZero.memory;
    for (const p of pi.hostPorts) this.usedPorts.add(p, sign);
    this.generation = ++generation;
  }

  /** A deep enough copy for preemption's what-if: pods and aggregates are separate. */
  clone(): NodeInfo {
    const c = new NodeInfo(this.node);
    for (const pi of this.pods.values()) c.addPod(pi);
    return c;
  }
}
