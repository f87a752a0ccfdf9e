/**
 * @module ClusterIP and NodePort allocation, persisted in the datastore so that a restart (or
 * another server) never hands out an address in use: each allocated IP is an IPAddress object
 * (networking.k8s.io/v1, as Kubernetes 1.33's allocator records them) and each node port a key
 * under /registry/ranges/servicenodeports/. Creating the key is the allocation; a key that
 * exists is a port or IP in use. Dynamic IPs come from the upper part of the range, leaving the
 * lower band for requested ones (ServiceIPStaticSubrange).
 */
import { type Backend, KeyExistsError } from '../../../datastore/backend.js';
import { nowTimestamp } from '../rest/meta.js';

const encoder = new TextEncoder();

export interface Owner {
  readonly namespace: string;
  readonly name: string;
}

/** An allocation failure; `message` is the detail Kubernetes puts in the 422. */
export class AllocationError extends Error {}

/** Minimal IPv4 range math for a service CIDR. */
export class Ipv4Range {
  readonly base: number;
  readonly size: number;
  constructor(readonly cidr: string) {
    const [addr, bitsText] = cidr.split('/');
    const bits = Number(bitsText);
    const n = ipv4ToNumber(addr ?? '');
    if (n === undefined || !Number.isInteger(bits) || bits < 0 || bits > 30) throw new Error(`service CIDR ${cidr} is not an IPv4 CIDR of /30 or larger`);
    this.size = 2 ** (32 - bits);
    this.base = n - (n % this.size);
  }
  /** Usable offsets are 1 .. size-2 (not the network or broadcast address). */
  contains(ip: string): boolean {
    const n = ipv4ToNumber(ip);
    return n !== undefined && n > this.base && n < this.base + this.size - 1;
  }
  at(offset: number): string {
    return numberToIpv4(this.base + offset);
  }
  offsetOf(ip: string): number {
    return (ipv4ToNumber(ip) ?? 0) - this.base;
  }
}

export function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

export class ClusterIpAllocator {
  readonly range: Ipv4Range;
  private readonly prefix = '/registry/ipaddresses/';

  constructor(private readonly backend: Backend, cidr: string) {
    this.range = new Ipv4Range(cidr);
  }

  private value(ip: string, owner: Owner): Uint8Array {
    return encoder.encode(JSON.stringify({
      apiVersion: 'networking.k8s.io/v1', kind: 'IPAddress',
      metadata: { name: ip, uid: crypto.randomUUID(), creationTimestamp: nowTimestamp(),
        labels: { 'ipaddress.kubernetes.io/ip-family': 'IPv4', 'ipaddress.kubernetes.io/managed-by': 'ipallocator.k8s.io' } },
      spec: { parentRef: { group: '', resource: 'services', namespace: owner.namespace, name: owner.name } },
    }));
  }

  /** Allocates the requested `ip`; AllocationError when outside the range or taken. */
  async allocate(ip: string, owner: Owner, dryRun: boolean): Promise<void> {
    if (!this.range.contains(ip)) {
      throw new AllocationError(`failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.range.cidr}`);
    }
    if (dryRun) {
      const r = await this.backend.get(this.prefix + ip);
      if (r.kv) throw new AllocationError(`failed to allocate IP ${ip}: provided IP is already allocated`);
      return;
    }
    try {
      await this.backend.create(this.prefix + ip, this.value(ip, owner));
    } catch (e) {
      if (e instanceof KeyExistsError) throw new AllocationError(`failed to allocate IP ${ip}: provided IP is already allocated`);
      throw e;
    }
  }

  /** Allocates a free IP from the dynamic band (then the static one). */
  async allocateNext(owner: Owner, dryRun: boolean): Promise<string> {
    const usable = this.range.size - 2;
    const band = Math.min(Math.max(16, Math.floor(this.range.size / 16)), 256);
    const used = new Set((await this.backend.list(this.prefix)).items.map((kv) => kv.key.slice(this.prefix.length)));
    const tryBand = async (lo: number, hi: number): Promise<string | undefined> => {
      const span = hi - lo;
      if (span <= 0) return undefined;
      const start = Math.floor(Math.random() * span);
      for (let i = 0; i < span; i++) {
        const ip = this.range.at(lo + ((start + i) % span));
        if (used.has(ip)) continue;
        if (dryRun) return ip;
        try {
          await this.backend.create(this.prefix + ip, this.value(ip, owner));
          return ip;
        } catch (e) {
          if (!(e instanceof KeyExistsError)) throw e;
          used.add(ip);
        }
      }
      return undefined;
    };
    const ip = (usable > band ? await tryBand(band + 1, usable + 1) : undefined) ?? await tryBand(1, Math.min(band + 1, usable + 1));
    if (!ip) throw new AllocationError(`failed to allocate a serviceIP: range is full`);
    return ip;
  }

  async release(ip: string): Promise<void> {
    try {
      await this.backend.delete(this.prefix + ip);
    } catch {
      // Already released (or never allocated): nothing to do.
    }
  }
}

export class NodePortAllocator {
  private readonly prefix = '/registry/ranges/servicenodeports/';

  constructor(private readonly backend: Backend, readonly base: number, readonly size: number) {}

  get rangeText(): string {
    return `${this.base}-${this.base + this.size - 1}`;
  }

  contains(port: number): boolean {
    return port >= this.base && port < this.base + this.size;
  }

  async allocate(port: number, owner: Owner, dryRun: boolean): Promise<void> {
    if (!this.contains(port)) throw new AllocationError(`provided port is not in the valid range. The range of valid ports is ${this.rangeText}`);
    if (dryRun) {
      if ((await this.backend.get(this.prefix + port)).kv) throw new AllocationError('provided port is already allocated');
      return;
    }
    try {
      await this.backend.create(this.prefix + port, encoder.encode(JSON.stringify(owner)));
    } catch (e) {
      if (e instanceof KeyExistsError) throw new AllocationError('provided port is already allocated');
      throw e;
    }
  }

  async allocateNext(owner: Owner, dryRun: boolean): Promise<number> {
    const used = new Set((await this.backend.list(this.prefix)).items.map((kv) => Number(kv.key.slice(this.prefix.length))));
    const start = Math.floor(Math.random() * this.size);
    for (let i = 0; i < this.size; i++) {
      const port = this.base + ((start + i) % this.size);
      if (used.has(port)) continue;
      if (dryRun) return port;
      try {
        await this.backend.create(this.prefix + port, encoder.encode(JSON.stringify(owner)));
        return port;
      } catch (e) {
        if (!(e instanceof KeyExistsError)) throw e;
      }
    }
    throw new AllocationError('range is full');
  }

  async release(port: number): Promise<void> {
    try {
      await this.backend.delete(this.prefix + port);
    } catch {
      // Already released.
    }
  }
}
