/**
 * @module Disruption zones, as the node lifecycle controller judges them: nodes grouped by
 * region and zone labels; a zone with no Ready node is fully disrupted, one where at least
 * --unhealthy-zone-threshold (55 %) of its nodes, and more than two, are not Ready is partially
 * disrupted. The rate at which nodes get NoExecute taints follows the zone's state
 * (--node-eviction-rate 0.1 nodes/s; in a partially disrupted zone
 * --secondary-node-eviction-rate 0.01 when it has more than --large-cluster-size-threshold (50)
 * nodes, else none), one token bucket (burst 1) per zone. When every zone is fully disrupted
 * the problem is more likely the control plane's own view than the nodes: no NoExecute taints.
 */
import type { Node } from '../../client/kinds/core.js';

export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

export interface EvictionRates {
  /** --node-eviction-rate (nodes per second per zone). */
  readonly evictionRate: number;
  /** --secondary-node-eviction-rate. */
  readonly secondaryEvictionRate: number;
  /** --unhealthy-zone-threshold. */
  readonly unhealthyZoneThreshold: number;
  /** --large-cluster-size-threshold. */
  readonly largeClusterThreshold: number;
}

export const DEFAULT_EVICTION_RATES: EvictionRates = { evictionRate: 0.1, secondaryEvictionRate: 0.01, unhealthyZoneThreshold: 0.55, largeClusterThreshold: 50 };

/** The zone key of a node: its region and zone labels (the GA ones, else the beta ones). */
export function zoneOf(node: Node): string {
  const l = node.metadata.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return `${region}:\u0000:${zone}`;
}

/** True when the node's Ready condition is True. */
export function isReady(node: Node): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
}

/** A zone's state from how many of its nodes are Ready. */
export function zoneState(ready: number, notReady: number, threshold: number): ZoneState {
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / (notReady + ready) >= threshold) return 'PartialDisruption';
  return 'Normal';
}

/** NoExecute taints per second a zone may get in `state`. */
export function zoneRate(state: ZoneState, size: number, r: EvictionRates): number {
  if (state === 'PartialDisruption') return size > r.largeClusterThreshold ? r.secondaryEvictionRate : 0;
  return r.evictionRate;
}

/** Zone states of `nodes`, with each zone's size. */
export function zoneStates(nodes: readonly Node[], threshold: number): Map<string, { state: ZoneState; size: number }> {
  const counts = new Map<string, { ready: number; notReady: number }>();
  for (const n of nodes) {
    const k = zoneOf(n);
    const c = counts.get(k) ?? { ready: 0, notReady: 0 };
    if (isReady(n)) c.ready++;
    else c.notReady++;
    counts.set(k, c);
  }
  const out = new Map<string, { state: ZoneState; size: number }>();
  for (const [k, c] of counts) out.set(k, { state: zoneState(c.ready, c.notReady, threshold), size: c.ready + c.notReady });
  return out;
}

/** A token bucket with a burst of one (the NoExecute tainter's limiter); starts full. */
export class TokenBucket {
  private tokens = 1;
  private at: number;

  constructor(now: number) {
    this.at = now;
  }

  /** Takes a token at `now` with the refill `rate` (per second); false when none is left. */
  take(now: number, rate: number): boolean {
    if (rate <= 0) return false;
    this.tokens = Math.min(1, this.tokens + (Math.max(0, now - this.at) / 1000) * rate);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
