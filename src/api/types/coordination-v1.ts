/**
 * @module Types of io.k8s.api.coordination.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';

/** A lock with a holder and an expiry, used for leader election and node heartbeats. */
export interface Lease {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'coordination.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Lease';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The current holder and timing. */
  spec?: LeaseSpec;
}

/** A page of Lease objects. */
export interface LeaseList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'coordination.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'LeaseList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The leases returned. */
  items: Lease[];
}

/** Who holds a lease and until when. */
export interface LeaseSpec {
  /** Identity of the current holder. */
  holderIdentity?: string;
  /** Seconds after renewTime that candidates wait before taking the lease over. */
  leaseDurationSeconds?: number;
  /** When the current holder acquired the lease. */
  acquireTime?: metaV1.MicroTime;
  /** When the holder last renewed the lease. */
  renewTime?: metaV1.MicroTime;
  /** How many times the lease has changed hands. */
  leaseTransitions?: number;
  /** How a coordinated leader election picks the holder (with the CoordinatedLeaderElection feature). */
  strategy?: string;
  /** A candidate the current holder should hand over to (with the CoordinatedLeaderElection feature). */
  preferredHolder?: string;
}
