/**
 * @module Types of io.k8s.api.discovery.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as coreV1 from './core-v1.js';
import type * as metaV1 from './meta-v1.js';

/** One backend of a service: its addresses, readiness and location. */
export interface Endpoint {
  /** Addresses of this backend, all of the slice's address type; consumers use the first. */
  addresses: string[];
  /** Readiness, serving and terminating state. */
  conditions?: EndpointConditions;
  /** DNS label for this backend, unique within the slice. */
  hostname?: string;
  /** The object (usually a pod) behind this backend. */
  targetRef?: coreV1.ObjectReference;
  /** Old topology labels kept for v1beta1 round trips; superseded by nodeName and zone. */
  deprecatedTopology?: { [key: string]: string };
  /** Node hosting this backend. */
  nodeName?: string;
  /** Zone this backend runs in. */
  zone?: string;
  /** Suggestions for topology-aware routing. */
  hints?: EndpointHints;
}

/** The current state of one backend. */
export interface EndpointConditions {
  /** The backend should receive traffic; unknown when unset, which consumers treat as ready. */
  ready?: boolean;
  /** The backend answers requests, even while terminating. */
  serving?: boolean;
  /** The backend is shutting down. */
  terminating?: boolean;
}

/** Where a backend should preferably be used from. */
export interface EndpointHints {
  /** Zones whose clients should use this backend. */
  forZones?: ForZone[];
  /** Nodes whose clients should use this backend. */
  forNodes?: ForNode[];
}

/** A port the backends of a slice listen on. */
export interface EndpointPort {
  /** Port name, matching the service port name; may be empty. */
  name?: string;
  /** TCP (the default), UDP or SCTP. */
  protocol?: 'SCTP' | 'TCP' | 'UDP';
  /** Port number; all ports when unset. */
  port?: number;
  /** Application protocol spoken on the port, e.g. kubernetes.io/h2c. */
  appProtocol?: string;
}

/** A subset of a service's backends and their ports. */
export interface EndpointSlice {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'discovery.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'EndpointSlice';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** Kind of address the slice holds: IPv4, IPv6 or FQDN; immutable. */
  addressType: 'FQDN' | 'IPv4' | 'IPv6';
  /** The backends, at most 1000. */
  endpoints: Endpoint[];
  /** Ports every backend in the slice exposes. */
  ports?: EndpointPort[];
}

/** A page of EndpointSlice objects. */
export interface EndpointSliceList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'discovery.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'EndpointSliceList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The slices returned. */
  items: EndpointSlice[];
}

/** A node a backend should serve. */
export interface ForNode {
  /** Name of the node. */
  name: string;
}

/** A zone a backend should serve. */
export interface ForZone {
  /** Name of the zone. */
  name: string;
}
