/**
 * @module TTLs on etcd: a key with a ttl is put with a lease. Like kube-apiserver's lease
 * manager, one lease is shared by the writes of the same TTL within a short window (5% of the
 * TTL, at most 60 s) and granted that much longer, so Events do not cost one lease each.
 * Also maps lease IDs back to the TTL asked for (KeyValue.lease is seconds, not an ID).
 */
import type { EtcdClient } from './client.js';
import { decodeLeaseGrantRes, decodeLeaseTimeToLiveRes, encodeLeaseGrant, encodeLeaseTimeToLive } from './messages.js';

interface Granted {
  readonly id: bigint;
  readonly until: number;
}

const MAX_KNOWN = 10_000;

export class EtcdLeases {
  private readonly reusable = new Map<number, Granted>();
  private readonly ttlOf = new Map<bigint, number>();
  private readonly pending = new Map<number, Promise<bigint>>();

  constructor(private readonly client: EtcdClient) {}

  /** A lease ID that keeps a key for at least `ttl` seconds. */
  async lease(ttl: number): Promise<bigint> {
    const now = Date.now();
    const g = this.reusable.get(ttl);
    if (g && g.until > now) return g.id;
    let p = this.pending.get(ttl);
    if (!p) {
      p = this.grant(ttl).finally(() => this.pending.delete(ttl));
      this.pending.set(ttl, p);
    }
    return p;
  }

  /** The TTL in seconds behind a lease ID (0 for none; asks etcd for leases we did not grant). */
  async ttl(id: bigint): Promise<number> {
    if (id === 0n) return 0;
    const known = this.ttlOf.get(id);
    if (known !== undefined) return known;
    try {
      const res = decodeLeaseTimeToLiveRes(await this.client.call('Lease', 'LeaseTimeToLive', encodeLeaseTimeToLive(id)));
      this.remember(id, Math.max(res.grantedTtl, 0));
      return Math.max(res.grantedTtl, 0);
    } catch {
      return 0;
    }
  }

  /** The cached TTL of a lease, if known (no round trip). */
  known(id: bigint): number | undefined {
    return id === 0n ? 0 : this.ttlOf.get(id);
  }

  private async grant(ttl: number): Promise<bigint> {
    const window = Math.min(60, Math.floor(ttl * 0.05));
    const res = decodeLeaseGrantRes(await this.client.call('Lease', 'LeaseGrant', encodeLeaseGrant(ttl + window)));
    if (res.error) throw new Error(`etcd refused a lease of ${ttl} s: ${res.error}`);
    this.remember(res.id, ttl);
    if (window > 0) this.reusable.set(ttl, { id: res.id, until: Date.now() + window * 1000 });
    return res.id;
  }

  private remember(id: bigint, ttl: number): void {
    if (this.ttlOf.size >= MAX_KNOWN) {
      const oldest = this.ttlOf.keys().next();
      if (!oldest.done) this.ttlOf.delete(oldest.value);
    }
    this.ttlOf.set(id, ttl);
  }
}
