/** @module coordination.k8s.io/v1 Lease: leader election and node heartbeats. */
import type { KubeObject } from '../types.js';

export interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  /** MicroTime (RFC 3339 with microseconds). */
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
  [field: string]: unknown;
}

export interface Lease extends KubeObject {
  spec?: LeaseSpec;
}

/** A MicroTime string for `ms` (RFC 3339 with six fraction digits, as Kubernetes writes them). */
export function microTime(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}
