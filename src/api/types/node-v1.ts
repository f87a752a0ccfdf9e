/**
 * @module Types of io.k8s.api.node.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as coreV1 from './core-v1.js';
import type * as metaV1 from './meta-v1.js';
import type * as resource from './resource.js';

/** Resources a runtime consumes per pod on top of its containers. */
export interface Overhead {
  /** Fixed amount of each resource added to every pod of the runtime class. */
  podFixed?: { [key: string]: resource.Quantity };
}

/** Names a container runtime configuration pods can choose, with its overhead and node constraints. */
export interface RuntimeClass {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'node.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'RuntimeClass';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The CRI runtime handler that runs the pods; a DNS label, immutable. */
  handler: string;
  /** Per-pod resource overhead of this runtime. */
  overhead?: Overhead;
  /** Constraints putting pods on nodes that support this runtime. */
  scheduling?: Scheduling;
}

/** A page of RuntimeClass objects. */
export interface RuntimeClassList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'node.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'RuntimeClassList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The runtime classes returned. */
  items: RuntimeClass[];
}

/** Where pods of a runtime class may be placed. */
export interface Scheduling {
  /** Labels nodes must carry; merged into each pod's node selector. */
  nodeSelector?: { [key: string]: string };
  /** Tolerations added to each pod of the runtime class. */
  tolerations?: coreV1.Toleration[];
}
