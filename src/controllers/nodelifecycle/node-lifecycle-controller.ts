/**
 * @module The node lifecycle controller: watches node heartbeats (Leases in kube-node-lease and
 * the Ready condition), marks a node's conditions Unknown when neither moved for the node
 * monitor grace period (50 s), keeps the not-ready/unreachable/unschedulable taints in step,
 * marks the pods of an unresponsive node not ready, and evicts pods from nodes with NoExecute
 * taints once their tolerationSeconds have run out. New NoExecute taints are rate-limited per
 * zone by the zone's disruption state, and none are set while every zone is fully disrupted
 * (zones.ts).
 */
import { sleep } from '../../base/async.js';
import { messageOf } from '../../base/errors.js';
import { logger } from '../../base/log.js';
import type { EventSink } from '../../client/event-recorder.js';
import { isConflict, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Lease } from '../../client/kinds/coordination.js';
import type { Node, Pod } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { objectKey } from '../../client/types.js';
import { nowTime } from '../common/conditions.js';
import { indexedInformer, type Controller, type ControllerContext } from '../common/context.js';
import { disruptionConditions } from '../common/pods.js';
import { conditionTaintKey, evictionDelayMs, hasConditionNoExecute, mergeTaints, sameTaints, unknownConditions, wantedTaints } from './taints.js';
import { DEFAULT_EVICTION_RATES, type EvictionRates, TokenBucket, type ZoneState, zoneOf, zoneRate, zoneStates } from './zones.js';

const log = logger('node-lifecycle-controller');

export interface NodeLifecycleOptions {
  /** --node-monitor-grace-period (default 50 s in v1.33). */
  readonly gracePeriodMs?: number;
  /** --node-startup-grace-period: how long a node that never reported may stay silent (60 s). */
  readonly startupGracePeriodMs?: number;
  /** --node-monitor-period (default 5 s). */
  readonly monitorPeriodMs?: number;
  /** --node-eviction-rate, --secondary-node-eviction-rate, --unhealthy-zone-threshold, --large-cluster-size-threshold. */
  readonly rates?: Partial<EvictionRates>;
}

interface Seen {
  leaseRenew: string;
  readyHeartbeat: string;
  at: number;
}

export class NodeLifecycleController implements Controller {
  readonly name = 'node-lifecycle-controller';
  private readonly nodes: SharedInformer<Node>;
  private readonly leases: SharedInformer<Lease>;
  private readonly pods: SharedInformer<Pod>;
  private readonly nodeClient: ResourceClient<Node>;
  private readonly podClient: ResourceClient<Pod>;
  private readonly events: EventSink;
  private readonly seen = new Map<string, Seen>();
  private readonly evicting = new Set<string>();
  /** Per zone, the limiter of new NoExecute taints. */
  private readonly tainters = new Map<string, TokenBucket>();
  /** True while every zone is fully disrupted (no NoExecute taints then). */
  private allDisrupted = false;
  private readonly rates: EvictionRates;

  constructor(ctx: ControllerContext, private readonly opts: NodeLifecycleOptions = {}) {
    const client = ctx.clientFor('node-controller');
    this.nodeClient = client.resource<Node>(resources.nodes);
    this.podClient = client.resource<Pod>(resources.pods);
    this.events = ctx.events('node-controller');
    this.nodes = ctx.informers.informer<Node>(resources.nodes);
    this.leases = ctx.informers.informer<Lease>(resources.leases, { namespace: 'kube-node-lease' });
    this.pods = indexedInformer<Pod>(ctx, resources.pods);
    this.rates = { ...DEFAULT_EVICTION_RATES, ...opts.rates };
  }

  async run(signal: AbortSignal): Promise<void> {
    await this.leases.waitForSync(signal).catch(() => undefined);
    for (;;) {
      try {
        await this.monitor(signal);
        await sleep(this.opts.monitorPeriodMs ?? 5000, signal);
      } catch (err) {
        if (signal.aborted) return;
        log.warn(`monitoring nodes: ${messageOf(err)}`);
      }
    }
  }

  /** One pass over every node (monitorNodeHealth, then the zones' NoExecute tainting and evictions). */
  async monitor(signal: AbortSignal): Promise<void> {
    const now = Date.now();
    const grace = this.opts.gracePeriodMs ?? 50_000;
    const startupGrace = this.opts.startupGracePeriodMs ?? 60_000;
    const nodes: Node[] = [];
    for (const cached of this.nodes.store.list()) {
      const name = cached.metadata.name ?? '';
      let node = cached;
      const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
      const lease = this.leases.store.get(`kube-node-lease/${name}`);
      const probe = { leaseRenew: lease?.spec?.renewTime ?? '', readyHeartbeat: ready?.lastHeartbeatTime ?? '' };
      const prev = this.seen.get(name);
      // Judge heartbeats by when we saw them change, not by their timestamps (clock skew).
      if (!prev || prev.leaseRenew !== probe.leaseRenew || prev.readyHeartbeat !== probe.readyHeartbeat) this.seen.set(name, { ...probe, at: now });
      const seenAt = this.seen.get(name)?.at ?? now;
      // A node whose kubelet never reported gets the longer startup grace period.
      const allowed = ready ? grace : startupGrace;
      try {
        if (now - seenAt > allowed && ready?.status !== 'Unknown') node = await this.markUnknown(node, signal);
      } catch (err) {
        if (!isNotFound(err) && !isConflict(err)) throw err;
      }
      nodes.push(node);
    }
    for (const n of this.seen.keys()) if (!this.nodes.store.has(n)) this.seen.delete(n);
    const zones = zoneStates(nodes, this.rates.unhealthyZoneThreshold);
    const allDisrupted = zones.size > 0 && [...zones.values()].every((z) => z.state === 'FullDisruption');
    if (allDisrupted !== this.allDisrupted) {
      this.allDisrupted = allDisrupted;
      log.info(allDisrupted
        ? 'every node is not Ready: entering disruption mode, no NoExecute taints and no evictions until a node is Ready again'
        : 'a node is Ready again: leaving disruption mode');
      // Coming back, every node gets a full grace period again (its heartbeats may have been lost with ours).
      if (!allDisrupted) for (const s of this.seen.values()) s.at = now;
    }
    for (let node of nodes) {
      const zone = zoneOf(node);
      const z = zones.get(zone);
      try {
        node = await this.syncTaints(node, this.noExecuteAllowed(node, zone, z, now), signal);
        await this.evict(node, now, signal);
      } catch (err) {
        if (!isNotFound(err) && !isConflict(err)) throw err;
      }
    }
    for (const k of this.tainters.keys()) if (!zones.has(k)) this.tainters.delete(k);
  }

  /** Whether the node may carry its not-ready/unreachable NoExecute taint now. */
  private noExecuteAllowed(node: Node, zone: string, z: { state: ZoneState; size: number } | undefined, now: number): boolean {
    if (this.allDisrupted || !conditionTaintKey(node)) return false;
    // Already tainted (or swapping not-ready for unreachable): no new token needed.
    if (hasConditionNoExecute(node)) return true;
    let bucket = this.tainters.get(zone);
    if (!bucket) this.tainters.set(zone, (bucket = new TokenBucket(now)));
    return bucket.take(now, zoneRate(z?.state ?? 'Normal', z?.size ?? 0, this.rates));
  }

  private async markUnknown(node: Node, signal: AbortSignal): Promise<Node> {
    const name = node.metadata.name ?? '';
    log.info(`node ${name} hasn't been updated for longer than the grace period: marking it Unknown`);
    const updated = await this.nodeClient.updateStatus({ ...node, status: { ...node.status, conditions: unknownConditions(node.status?.conditions, nowTime()) } }, { signal });
    this.events.event(updated, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, { apiVersion: 'v1', kind: 'Node' });
    // The kubelet cannot report its pods any more: they are not ready (MarkPodsNotReady).
    for (const p of this.pods.store.byIndex('nodeName', name)) {
      const conds = p.status?.conditions ?? [];
      if (!conds.some((c) => c.type === 'Ready' && c.status === 'True')) continue;
      const next = conds.map((c) => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False' as const, lastTransitionTime: nowTime() } : c));
      await this.podClient.updateStatus({ ...p, status: { ...p.status, conditions: next } }, { signal }).catch((e: unknown) => { if (!isNotFound(e) && !isConflict(e)) throw e; });
    }
    return updated;
  }

  private async syncTaints(node: Node, noExecute: boolean, signal: AbortSignal): Promise<Node> {
    const next = mergeTaints(node.spec?.taints, wantedTaints(node, nowTime(), noExecute));
    if (sameTaints(next, node.spec?.taints)) return node;
    return this.nodeClient.update({ ...node, spec: { ...node.spec, taints: next } }, { signal });
  }

  /** Deletes pods that may no longer stay on a node with NoExecute taints. */
  private async evict(node: Node, now: number, signal: AbortSignal): Promise<void> {
    const taints = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
    if (taints.length === 0) return;
    for (const p of this.pods.store.byIndex('nodeName', node.metadata.name ?? '')) {
      if (p.metadata.deletionTimestamp || this.evicting.has(objectKey(p))) continue;
      const delay = evictionDelayMs(p, taints, now);
      if (delay === undefined || delay > 0) continue;
      this.evicting.add(objectKey(p));
      try {
        this.events.event(p, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${objectKey(p)}`, { apiVersion: 'v1', kind: 'Pod' });
        // As the taint eviction controller does: say why before deleting (Job pod failure policies read it).
        const conditions = disruptionConditions(p, 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint');
        await this.podClient.updateStatus({ ...p, status: { ...p.status, conditions } }, { signal }).catch((err: unknown) => {
          if (!isNotFound(err) && !isConflict(err)) throw err;
        });
        await this.podClient.delete(p.metadata.name ?? '', { namespace: p.metadata.namespace, signal });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      } finally {
        this.evicting.delete(objectKey(p));
      }
    }
  }
}
