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
import { type Cidr, cidrContains, cidrIndexedIp, formatIp, parseCidr, parseIp } from '../../../base/cidr.js';

const encoder = new TextEncoder();

export interface Owner {
  readonly namespace: string;
  readonly name: string;
}

/** An allocation failure; `message` is the detail Kubernetes puts in the 422. */
export class AllocationError extends Error {}

/** A service CIDR: usable addresses are offsets 1 .. size-2 (not the network or broadcast address). */
export class ServiceIpRange {
  readonly size: number;
  private readonly net: Cidr;
  constructor(readonly cidr: string) {
    const c = parseCidr(cidr);
    const hostBits = c ? c.base.length * 8 - c.prefix : 0;
    if (!c || hostBits < 2) throw new Error(`service CIDR ${cidr} is not a network with room for services`);
    this.net = c;
    // Kubernetes caps service ranges at 2^20 addresses on IPv6; the offset space is what matters here.
    this.size = 2 ** Math.min(hostBits, 20);
  }
  get family(): 'IPv4' | 'IPv6' {
    return this.net.family === 4 ? 'IPv4' : 'IPv6';
  }
  contains(ip: string): boolean {
    const p = parseIp(ip);
    if (!p || !cidrContains(this.net, p)) return false;
    const first = cidrIndexedIp(this.net, 0);
    const last = cidrIndexedIp(this.net, this.size - 1);
    return ip !== (first && formatIp(first)) && ip !== (last && formatIp(last));
  }
  at(offset: number): string {
    const ip = cidrIndexedIp(this.net, offset);
    if (!ip) throw new Error(`offset ${offset} is outside ${this.cidr}`);
    return formatIp(ip);
  }
}

/** True when `ip` is an IPv4 or IPv6 literal. */
export function isIp(ip: string): boolean {
  return parseIp(ip) !== undefined;
}

export class ClusterIpAllocator {
  readonly range: ServiceIpRange;
  private readonly prefix = '/registry/ipaddresses/';

  constructor(private readonly backend: Backend, cidr: string) {
    this.range = new ServiceIpRange(cidr);
  }

  private value(ip: string, owner: Owner): Uint8Array {
    return encoder.encode(JSON.stringify({
      apiVersion: 'networking.k8s.io/v1', kind: 'IPAddress',
      metadata: { name: ip, uid: crypto.randomUUID(), creationTimestamp: nowTimestamp(),
        labels: { 'ipaddress.kubernetes.io/ip-family': this.range.family, 'ipaddress.kubernetes.io/managed-by': 'ipallocator.k8s.io' } },
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
