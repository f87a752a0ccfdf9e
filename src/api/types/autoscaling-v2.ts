/**
 * @module Types of io.k8s.api.autoscaling.v2, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';
import type * as resource from './resource.js';

/** A per-container resource target (CPU or memory of one container in each pod). */
export interface ContainerResourceMetricSource {
  /** Resource measured. */
  name: string;
  /** The value to hold it at. */
  target: MetricTarget;
  /** Container whose usage counts. */
  container: string;
}

/** Current per-container resource usage seen by the autoscaler. */
export interface ContainerResourceMetricStatus {
  /** Resource measured. */
  name: string;
  /** The observed value. */
  current: MetricValueStatus;
  /** Container whose usage was measured. */
  container: string;
}

/** Names the scalable object an autoscaler drives, in any API version. */
export interface CrossVersionObjectReference {
  /** Kind of the target, e.g. Deployment. */
  kind: string;
  /** Name of the target, in the autoscaler's namespace. */
  name: string;
  /** API version of the target. */
  apiVersion?: string;
}

/** A target on a metric that comes from outside the cluster. */
export interface ExternalMetricSource {
  /** Which external metric. */
  metric: MetricIdentifier;
  /** The value to hold it at. */
  target: MetricTarget;
}

/** Current value of an external metric seen by the autoscaler. */
export interface ExternalMetricStatus {
  /** Which external metric. */
  metric: MetricIdentifier;
  /** The observed value. */
  current: MetricValueStatus;
}

/** One bound on how fast the replica count may change. */
export interface HPAScalingPolicy {
  /** Pods (an absolute change) or Percent (relative to the current count). */
  type: string;
  /** Size of the allowed change; must be positive. */
  value: number;
  /** Window, in seconds, over which the change is measured. */
  periodSeconds: number;
}

/** How scaling in one direction is damped and limited. */
export interface HPAScalingRules {
  /** Seconds of past recommendations considered before acting. */
  stabilizationWindowSeconds?: number;
  /** Which policy wins when several apply: Max, Min or Disabled. */
  selectPolicy?: string;
  /** The allowed rates of change. */
  policies?: HPAScalingPolicy[];
  /** Relative metric difference ignored before scaling (alpha field). */
  tolerance?: resource.Quantity;
}

/** Scales a workload between bounds to hold its metrics at targets. */
export interface HorizontalPodAutoscaler {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'autoscaling/v2';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'HorizontalPodAutoscaler';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The target, metrics, bounds and behaviour. */
  spec?: HorizontalPodAutoscalerSpec;
  /** What the autoscaler last observed; read-only. */
  status?: HorizontalPodAutoscalerStatus;
}

/** Separate scaling rules for growing and shrinking. */
export interface HorizontalPodAutoscalerBehavior {
  /** Rules for adding replicas. */
  scaleUp?: HPAScalingRules;
  /** Rules for removing replicas. */
  scaleDown?: HPAScalingRules;
}

/** One aspect of an autoscaler's state at a point in time. */
export interface HorizontalPodAutoscalerCondition {
  /** Which aspect this condition describes (AbleToScale, ScalingActive, ScalingLimited). */
  type: string;
  /** Whether the condition holds: True, False or Unknown. */
  status: string;
  /** When the status last flipped. */
  lastTransitionTime?: metaV1.Time;
  /** One-word CamelCase cause of the last transition. */
  reason?: string;
  /** Free-form explanation of the most recent status change. */
  message?: string;
}

/** A page of HorizontalPodAutoscaler objects. */
export interface HorizontalPodAutoscalerList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'autoscaling/v2';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'HorizontalPodAutoscalerList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The autoscalers returned. */
  items: HorizontalPodAutoscaler[];
}

/** The desired behaviour of a v2 autoscaler. */
export interface HorizontalPodAutoscalerSpec {
  /** The object whose scale subresource is adjusted. */
  scaleTargetRef: CrossVersionObjectReference;
  /** Fewest replicas the autoscaler may set; 1 when unset. */
  minReplicas?: number;
  /** Most replicas the autoscaler may set. */
  maxReplicas: number;
  /** Metrics whose targets decide the count; the largest proposal wins. */
  metrics?: MetricSpec[];
  /** Rate limits and stabilization for scaling up and down. */
  behavior?: HorizontalPodAutoscalerBehavior;
}

/** What a v2 autoscaler last saw and did. */
export interface HorizontalPodAutoscalerStatus {
  /** The spec generation last acted on. */
  observedGeneration?: number;
  /** When the replica count was last changed. */
  lastScaleTime?: metaV1.Time;
  /** Replicas the target had when last observed. */
  currentReplicas?: number;
  /** Replicas the autoscaler last asked for. */
  desiredReplicas: number;
  /** The last values read for each configured metric. */
  currentMetrics?: MetricStatus[];
  /** The latest observations of the autoscaler's state. */
  conditions?: HorizontalPodAutoscalerCondition[];
}

/** Names a metric, optionally narrowed by labels. */
export interface MetricIdentifier {
  /** The metric name. */
  name: string;
  /** Labels narrowing which series of the metric count. */
  selector?: metaV1.LabelSelector;
}

/** One metric the autoscaler scales on; exactly one source matching type is set. */
export interface MetricSpec {
  /** Which source is set: ContainerResource, External, Object, Pods or Resource. */
  type: string;
  /** A metric of a single other object. */
  object?: ObjectMetricSource;
  /** A metric averaged over the target's pods. */
  pods?: PodsMetricSource;
  /** CPU or memory of the target's pods, as known to the scheduler. */
  resource?: ResourceMetricSource;
  /** CPU or memory of one container in each pod. */
  containerResource?: ContainerResourceMetricSource;
  /** A metric from outside the cluster. */
  external?: ExternalMetricSource;
}

/** The last value read for one metric; the source matching type is set. */
export interface MetricStatus {
  /** Which source is set: ContainerResource, External, Object, Pods or Resource. */
  type: string;
  /** Reading of a single-object metric. */
  object?: ObjectMetricStatus;
  /** Reading of a per-pod metric. */
  pods?: PodsMetricStatus;
  /** Reading of a pod resource metric. */
  resource?: ResourceMetricStatus;
  /** Reading of a per-container resource metric. */
  containerResource?: ContainerResourceMetricStatus;
  /** Reading of an external metric. */
  external?: ExternalMetricStatus;
}

/** The value a metric should be held at, in one of three forms. */
export interface MetricTarget {
  /** Utilization, Value or AverageValue. */
  type: string;
  /** Target total value. */
  value?: resource.Quantity;
  /** Target value per pod. */
  averageValue?: resource.Quantity;
  /** Target average use as a percentage of requests (resource metrics only). */
  averageUtilization?: number;
}

/** An observed metric value, in the forms that apply. */
export interface MetricValueStatus {
  /** Observed total value. */
  value?: resource.Quantity;
  /** Observed value per pod. */
  averageValue?: resource.Quantity;
  /** Observed average use as a percentage of requests. */
  averageUtilization?: number;
}

/** A target on a metric describing one Kubernetes object. */
export interface ObjectMetricSource {
  /** The object the metric describes. */
  describedObject: CrossVersionObjectReference;
  /** The value to hold it at. */
  target: MetricTarget;
  /** Which metric. */
  metric: MetricIdentifier;
}

/** Current value of a single-object metric. */
export interface ObjectMetricStatus {
  /** Which metric. */
  metric: MetricIdentifier;
  /** The observed value. */
  current: MetricValueStatus;
  /** The object the metric describes. */
  describedObject: CrossVersionObjectReference;
}

/** A target on a custom metric averaged over the target's pods. */
export interface PodsMetricSource {
  /** Which metric. */
  metric: MetricIdentifier;
  /** The average value to hold it at. */
  target: MetricTarget;
}

/** Current average of a per-pod metric. */
export interface PodsMetricStatus {
  /** Which metric. */
  metric: MetricIdentifier;
  /** The observed value. */
  current: MetricValueStatus;
}

/** A target on a standard resource (CPU, memory) of the target's pods. */
export interface ResourceMetricSource {
  /** Resource measured. */
  name: string;
  /** The value to hold it at. */
  target: MetricTarget;
}

/** Current usage of a standard pod resource. */
export interface ResourceMetricStatus {
  /** Resource measured. */
  name: string;
  /** The observed value. */
  current: MetricValueStatus;
}
