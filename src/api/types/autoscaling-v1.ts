/**
 * @module Types of io.k8s.api.autoscaling.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';

/** Names the scalable object an autoscaler drives, in any API version. */
export interface CrossVersionObjectReference {
  /** Kind of the target, e.g. Deployment. */
  kind: string;
  /** Name of the target, in the autoscaler's namespace. */
  name: string;
  /** API version of the target. */
  apiVersion?: string;
}

/** Scales a workload between bounds to hold its average CPU use at a target. */
export interface HorizontalPodAutoscaler {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'autoscaling/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'HorizontalPodAutoscaler';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The target and the bounds. */
  spec?: HorizontalPodAutoscalerSpec;
  /** What the autoscaler last observed; read-only. */
  status?: HorizontalPodAutoscalerStatus;
}

/** A page of HorizontalPodAutoscaler objects. */
export interface HorizontalPodAutoscalerList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'autoscaling/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'HorizontalPodAutoscalerList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The autoscalers returned. */
  items: HorizontalPodAutoscaler[];
}

/** The desired behaviour of a v1 autoscaler. */
export interface HorizontalPodAutoscalerSpec {
  /** The object whose scale subresource is adjusted. */
  scaleTargetRef: CrossVersionObjectReference;
  /** Fewest replicas the autoscaler may set; 1 when unset. */
  minReplicas?: number;
  /** Most replicas the autoscaler may set. */
  maxReplicas: number;
  /** Wanted average CPU use as a percentage of requests. */
  targetCPUUtilizationPercentage?: number;
}

/** What a v1 autoscaler last saw and did. */
export interface HorizontalPodAutoscalerStatus {
  /** The spec generation last acted on. */
  observedGeneration?: number;
  /** When the replica count was last changed. */
  lastScaleTime?: metaV1.Time;
  /** Replicas the target had when last observed. */
  currentReplicas: number;
  /** Replicas the autoscaler last asked for. */
  desiredReplicas: number;
  /** Observed average CPU use as a percentage of requests. */
  currentCPUUtilizationPercentage?: number;
}

/** The replica count of a scalable resource, read and written through its scale subresource. */
export interface Scale {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'autoscaling/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Scale';
  /** Metadata of the scaled object. */
  metadata?: metaV1.ObjectMeta;
  /** The wanted replica count. */
  spec?: ScaleSpec;
  /** The observed replica count; read-only. */
  status?: ScaleStatus;
}

/** The wanted size of a scalable resource. */
export interface ScaleSpec {
  /** How many instances are wanted. */
  replicas?: number;
}

/** The observed size of a scalable resource. */
export interface ScaleStatus {
  /** How many instances were last observed. */
  replicas: number;
  /** Label query, in string form, matching the pods counted. */
  selector?: string;
}
