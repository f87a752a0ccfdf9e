/**
 * @module autoscaling/v2: the HorizontalPodAutoscaler with resource, pod, object and external
 * metrics and tunable scaling behaviour.
 */
import { defineGroup } from '../../dsl.js';

export const autoscalingV2 = defineGroup({ prefix: 'io.k8s.api.autoscaling.v2', group: 'autoscaling', version: 'v2' }, (g) => {
  g.struct('ContainerResourceMetricSource', 'A per-container resource target (CPU or memory of one container in each pod).', {
    name: ['string', 1, 'Resource measured.', { required: true }],
    target: ['MetricTarget', 2, 'The value to hold it at.', { required: true }],
    container: ['string', 3, 'Container whose usage counts.', { required: true }],
  });
  g.struct('ContainerResourceMetricStatus', 'Current per-container resource usage seen by the autoscaler.', {
    name: ['string', 1, 'Resource measured.', { required: true }],
    current: ['MetricValueStatus', 2, 'The observed value.', { required: true }],
    container: ['string', 3, 'Container whose usage was measured.', { required: true }],
  });
  g.struct('CrossVersionObjectReference', 'Names the scalable object an autoscaler drives, in any API version.', {
    kind: ['string', 1, 'Kind of the target, e.g. Deployment.', { required: true }],
    name: ['string', 2, 'Name of the target, in the autoscaler\'s namespace.', { required: true }],
    apiVersion: ['string', 3, 'API version of the target.'],
  });
  g.struct('ExternalMetricSource', 'A target on a metric that comes from outside the cluster.', {
    metric: ['MetricIdentifier', 1, 'Which external metric.', { required: true }],
    target: ['MetricTarget', 2, 'The value to hold it at.', { required: true }],
  });
  g.struct('ExternalMetricStatus', 'Current value of an external metric seen by the autoscaler.', {
    metric: ['MetricIdentifier', 1, 'Which external metric.', { required: true }],
    current: ['MetricValueStatus', 2, 'The observed value.', { required: true }],
  });
  g.struct('HPAScalingPolicy', 'One bound on how fast the replica count may change.', {
    type: ['string', 1, 'Pods (an absolute change) or Percent (relative to the current count).', { required: true }],
    value: ['int32', 2, 'Size of the allowed change; must be positive.', { required: true }],
    periodSeconds: ['int32', 3, 'Window, in seconds, over which the change is measured.', { required: true }],
  });
  g.struct('HPAScalingRules', 'How scaling in one direction is damped and limited.', {
    stabilizationWindowSeconds: ['int32', 3, 'Seconds of past recommendations considered before acting.', { ptr: true }],
    selectPolicy: ['string', 1, 'Which policy wins when several apply: Max, Min or Disabled.', { ptr: true }],
    policies: ['[]HPAScalingPolicy', 2, 'The allowed rates of change.', { list: 'atomic' }],
    tolerance: ['Quantity', 4, 'Relative metric difference ignored before scaling (alpha field).', { ptr: true }],
  });

  g.kind('HorizontalPodAutoscaler', 'Scales a workload between bounds to hold its metrics at targets.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['HorizontalPodAutoscalerSpec', 2, 'The target, metrics, bounds and behaviour.'],
    status: ['HorizontalPodAutoscalerStatus', 3, 'What the autoscaler last observed; read-only.'],
  });
  g.struct('HorizontalPodAutoscalerBehavior', 'Separate scaling rules for growing and shrinking.', {
    scaleUp: ['HPAScalingRules', 1, 'Rules for adding replicas.', { ptr: true }],
    scaleDown: ['HPAScalingRules', 2, 'Rules for removing replicas.', { ptr: true }],
  });
  g.struct('HorizontalPodAutoscalerCondition', 'One aspect of an autoscaler\'s state at a point in time.', {
    type: ['string', 1, 'Which aspect this condition describes (AbleToScale, ScalingActive, ScalingLimited).', { required: true }],
    status: ['string', 2, 'Whether the condition holds: True, False or Unknown.', { required: true }],
    lastTransitionTime: ['Time', 3, 'When the status last flipped.'],
    reason: ['string', 4, 'One-word CamelCase cause of the last transition.'],
    message: ['string', 5, 'Free-form explanation of the most recent status change.'],
  });
  g.kind('HorizontalPodAutoscalerList', 'A page of HorizontalPodAutoscaler objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]HorizontalPodAutoscaler', 2, 'The autoscalers returned.', { required: true }],
  });
  g.struct('HorizontalPodAutoscalerSpec', 'The desired behaviour of a v2 autoscaler.', {
    scaleTargetRef: ['CrossVersionObjectReference', 1, 'The object whose scale subresource is adjusted.', { required: true }],
    minReplicas: ['int32', 2, 'Fewest replicas the autoscaler may set; 1 when unset.', { ptr: true }],
    maxReplicas: ['int32', 3, 'Most replicas the autoscaler may set.', { required: true }],
    metrics: ['[]MetricSpec', 4, 'Metrics whose targets decide the count; the largest proposal wins.', { list: 'atomic' }],
    behavior: ['HorizontalPodAutoscalerBehavior', 5, 'Rate limits and stabilization for scaling up and down.', { ptr: true }],
  });
  g.struct('HorizontalPodAutoscalerStatus', 'What a v2 autoscaler last saw and did.', {
    observedGeneration: ['int64', 1, 'The spec generation last acted on.', { ptr: true }],
    lastScaleTime: ['Time', 2, 'When the replica count was last changed.', { ptr: true }],
    currentReplicas: ['int32', 3, 'Replicas the target had when last observed.'],
    desiredReplicas: ['int32', 4, 'Replicas the autoscaler last asked for.', { required: true }],
    currentMetrics: ['[]MetricStatus', 5, 'The last values read for each configured metric.', { list: 'atomic' }],
    conditions: ['[]HorizontalPodAutoscalerCondition', 6, 'The latest observations of the autoscaler\'s state.', { list: 'map', keys: ['type'], patch: 'merge', mergeKey: 'type' }],
  });

  g.struct('MetricIdentifier', 'Names a metric, optionally narrowed by labels.', {
    name: ['string', 1, 'The metric name.', { required: true }],
    selector: ['LabelSelector', 2, 'Labels narrowing which series of the metric count.', { ptr: true }],
  });
  g.struct('MetricSpec', 'One metric the autoscaler scales on; exactly one source matching type is set.', {
    type: ['string', 1, 'Which source is set: ContainerResource, External, Object, Pods or Resource.', { required: true }],
    object: ['ObjectMetricSource', 2, 'A metric of a single other object.', { ptr: true }],
    pods: ['PodsMetricSource', 3, 'A metric averaged over the target\'s pods.', { ptr: true }],
    resource: ['ResourceMetricSource', 4, 'CPU or memory of the target\'s pods, as known to the scheduler.', { ptr: true }],
    containerResource: ['ContainerResourceMetricSource', 7, 'CPU or memory of one container in each pod.', { ptr: true }],
    external: ['ExternalMetricSource', 5, 'A metric from outside the cluster.', { ptr: true }],
  });
  g.struct('MetricStatus', 'The last value read for one metric; the source matching type is set.', {
    type: ['string', 1, 'Which source is set: ContainerResource, External, Object, Pods or Resource.', { required: true }],
    object: ['ObjectMetricStatus', 2, 'Reading of a single-object metric.', { ptr: true }],
    pods: ['PodsMetricStatus', 3, 'Reading of a per-pod metric.', { ptr: true }],
    resource: ['ResourceMetricStatus', 4, 'Reading of a pod resource metric.', { ptr: true }],
    containerResource: ['ContainerResourceMetricStatus', 7, 'Reading of a per-container resource metric.', { ptr: true }],
    external: ['ExternalMetricStatus', 5, 'Reading of an external metric.', { ptr: true }],
  });
  g.struct('MetricTarget', 'The value a metric should be held at, in one of three forms.', {
    type: ['string', 1, 'Utilization, Value or AverageValue.', { required: true }],
    value: ['Quantity', 2, 'Target total value.', { ptr: true }],
    averageValue: ['Quantity', 3, 'Target value per pod.', { ptr: true }],
    averageUtilization: ['int32', 4, 'Target average use as a percentage of requests (resource metrics only).', { ptr: true }],
  });
  g.struct('MetricValueStatus', 'An observed metric value, in the forms that apply.', {
    value: ['Quantity', 1, 'Observed total value.', { ptr: true }],
    averageValue: ['Quantity', 2, 'Observed value per pod.', { ptr: true }],
    averageUtilization: ['int32', 3, 'Observed average use as a percentage of requests.', { ptr: true }],
  });
  g.struct('ObjectMetricSource', 'A target on a metric describing one Kubernetes object.', {
    describedObject: ['CrossVersionObjectReference', 1, 'The object the metric describes.', { required: true }],
    target: ['MetricTarget', 2, 'The value to hold it at.', { required: true }],
    metric: ['MetricIdentifier', 3, 'Which metric.', { required: true }],
  });
  g.struct('ObjectMetricStatus', 'Current value of a single-object metric.', {
    metric: ['MetricIdentifier', 1, 'Which metric.', { required: true }],
    current: ['MetricValueStatus', 2, 'The observed value.', { required: true }],
    describedObject: ['CrossVersionObjectReference', 3, 'The object the metric describes.', { required: true }],
  });
  g.struct('PodsMetricSource', 'A target on a custom metric averaged over the target\'s pods.', {
    metric: ['MetricIdentifier', 1, 'Which metric.', { required: true }],
    target: ['MetricTarget', 2, 'The average value to hold it at.', { required: true }],
  });
  g.struct('PodsMetricStatus', 'Current average of a per-pod metric.', {
    metric: ['MetricIdentifier', 1, 'Which metric.', { required: true }],
    current: ['MetricValueStatus', 2, 'The observed value.', { required: true }],
  });
  g.struct('ResourceMetricSource', 'A target on a standard resource (CPU, memory) of the target\'s pods.', {
    name: ['string', 1, 'Resource measured.', { required: true }],
    target: ['MetricTarget', 2, 'The value to hold it at.', { required: true }],
  });
  g.struct('ResourceMetricStatus', 'Current usage of a standard pod resource.', {
    name: ['string', 1, 'Resource measured.', { required: true }],
    current: ['MetricValueStatus', 2, 'The observed value.', { required: true }],
  });

  g.resource('horizontalpodautoscalers', { kind: 'HorizontalPodAutoscaler', shortNames: ['hpa'], categories: ['all'], sub: { status: ['get', 'patch', 'update'] } });
});
