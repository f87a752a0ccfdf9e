/** @module discovery.k8s.io/v1: EndpointSlices, the scalable successor of core Endpoints. */
import { defineGroup } from '../../dsl.js';

export const discoveryV1 = defineGroup({ prefix: 'io.k8s.api.discovery.v1', group: 'discovery.k8s.io', version: 'v1' }, (g) => {
  g.struct('Endpoint', 'One backend of a service: its addresses, readiness and location.', {
    addresses: ['[]string', 1, 'Addresses of this backend, all of the slice\'s address type; consumers use the first.', { required: true, list: 'set' }],
    conditions: ['EndpointConditions', 2, 'Readiness, serving and terminating state.'],
    hostname: ['string', 3, 'DNS label for this backend, unique within the slice.', { ptr: true }],
    targetRef: ['core.ObjectReference', 4, 'The object (usually a pod) behind this backend.', { ptr: true }],
    deprecatedTopology: ['map[string]string', 5, 'Old topology labels kept for v1beta1 round trips; superseded by nodeName and zone.'],
    nodeName: ['string', 6, 'Node hosting this backend.', { ptr: true }],
    zone: ['string', 7, 'Zone this backend runs in.', { ptr: true }],
    hints: ['EndpointHints', 8, 'Suggestions for topology-aware routing.', { ptr: true }],
  });
  g.struct('EndpointConditions', 'The current state of one backend.', {
    ready: ['boolean', 1, 'The backend should receive traffic; unknown when unset, which consumers treat as ready.', { ptr: true }],
    serving: ['boolean', 2, 'The backend answers requests, even while terminating.', { ptr: true }],
    terminating: ['boolean', 3, 'The backend is shutting down.', { ptr: true }],
  });
  g.struct('EndpointHints', 'Where a backend should preferably be used from.', {
    forZones: ['[]ForZone', 1, 'Zones whose clients should use this backend.', { list: 'atomic' }],
    forNodes: ['[]ForNode', 2, 'Nodes whose clients should use this backend.', { list: 'atomic' }],
  });
  g.struct('EndpointPort', 'A port the backends of a slice listen on.', {
    name: ['string', 1, 'Port name, matching the service port name; may be empty.', { ptr: true }],
    protocol: ['string', 2, 'TCP (the default), UDP or SCTP.', { ptr: true, enum: ['SCTP', 'TCP', 'UDP'] }],
    port: ['int32', 3, 'Port number; all ports when unset.', { ptr: true }],
    appProtocol: ['string', 4, 'Application protocol spoken on the port, e.g. kubernetes.io/h2c.', { ptr: true }],
  }, { mapType: 'atomic' });
  g.kind('EndpointSlice', 'A subset of a service\'s backends and their ports.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    addressType: ['string', 4, 'Kind of address the slice holds: IPv4, IPv6 or FQDN; immutable.', { required: true, enum: ['FQDN', 'IPv4', 'IPv6'] }],
    endpoints: ['[]Endpoint', 2, 'The backends, at most 1000.', { required: true, list: 'atomic' }],
    ports: ['[]EndpointPort', 3, 'Ports every backend in the slice exposes.', { list: 'atomic' }],
  });
  g.kind('EndpointSliceList', 'A page of EndpointSlice objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]EndpointSlice', 2, 'The slices returned.', { required: true }],
  });
  g.struct('ForNode', 'A node a backend should serve.', {
    name: ['string', 1, 'Name of the node.', { required: true }],
  });
  g.struct('ForZone', 'A zone a backend should serve.', {
    name: ['string', 1, 'Name of the zone.', { required: true }],
  });

  g.resource('endpointslices', { kind: 'EndpointSlice' });
});
