/** @module coordination.k8s.io/v1: Leases, for leader election and node heartbeats. */
import { defineGroup } from '../../dsl.js';

export const coordinationV1 = defineGroup({ prefix: 'io.k8s.api.coordination.v1', group: 'coordination.k8s.io', version: 'v1' }, (g) => {
  g.kind('Lease', 'A lock with a holder and an expiry, used for leader election and node heartbeats.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['LeaseSpec', 2, 'The current holder and timing.'],
  });
  g.kind('LeaseList', 'A page of Lease objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]Lease', 2, 'The leases returned.', { required: true }],
  });
  g.struct('LeaseSpec', 'Who holds a lease and until when.', {
    holderIdentity: ['string', 1, 'Identity of the current holder.', { ptr: true }],
    leaseDurationSeconds: ['int32', 2, 'Seconds after renewTime that candidates wait before taking the lease over.', { ptr: true }],
    acquireTime: ['MicroTime', 3, 'When the current holder acquired the lease.', { ptr: true }],
    renewTime: ['MicroTime', 4, 'When the holder last renewed the lease.', { ptr: true }],
    leaseTransitions: ['int32', 5, 'How many times the lease has changed hands.', { ptr: true }],
    strategy: ['string', 6, 'How a coordinated leader election picks the holder (with the CoordinatedLeaderElection feature).', { ptr: true }],
    preferredHolder: ['string', 7, 'A candidate the current holder should hand over to (with the CoordinatedLeaderElection feature).', { ptr: true }],
  });

  g.resource('leases', { kind: 'Lease' });
});
