/**
 * @module Types of io.k8s.metrics.pkg.apis.metrics.v1beta1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';
import type * as resource from './resource.js';

/** Resource use of one container of a pod. */
export interface ContainerMetrics {
  /** Name of the container, as in the pod spec. */
  name: string;
  /** Use per resource: cpu in cores, memory as the working set in bytes. */
  usage: { [key: string]: resource.Quantity };
}

/** Resource use of one node, averaged over a recent window. */
export interface NodeMetrics {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'metrics.k8s.io/v1beta1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'NodeMetrics';
  /** Metadata; the name is the node name. */
  metadata?: metaV1.ObjectMeta;
  /** End of the window the usage was measured over. */
  timestamp: metaV1.Time;
  /** Length of the measurement window, e.g. 10s. */
  window: metaV1.Duration;
  /** Use per resource: cpu in cores, memory as the working set in bytes. */
  usage: { [key: string]: resource.Quantity };
}

/** A list of NodeMetrics. */
export interface NodeMetricsList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'metrics.k8s.io/v1beta1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'NodeMetricsList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The node metrics returned. */
  items: NodeMetrics[];
}

/** Resource use of one pod's containers, averaged over a recent window. */
export interface PodMetrics {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'metrics.k8s.io/v1beta1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PodMetrics';
  /** Metadata; name and namespace are the pod's. */
  metadata?: metaV1.ObjectMeta;
  /** End of the window the usage was measured over. */
  timestamp: metaV1.Time;
  /** Length of the measurement window, e.g. 10s. */
  window: metaV1.Duration;
  /** Use of each running container. */
  containers: ContainerMetrics[];
}

/** A list of PodMetrics. */
export interface PodMetricsList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'metrics.k8s.io/v1beta1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PodMetricsList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The pod metrics returned. */
  items: PodMetrics[];
}
