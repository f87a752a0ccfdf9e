/**
 * @module autoscaling/v1: the CPU-only HorizontalPodAutoscaler and Scale, the kind every `scale`
 * subresource speaks.
 */
import { defineGroup } from '../../dsl.js';

export const autoscalingV1 = defineGroup({ prefix: 'io.k8s.api.autoscaling.v1', group: 'autoscaling', version: 'v1' }, (g) => {
  g.struct('CrossVersionObjectReference', 'Names the scalable object an autoscaler drives, in any API version.', {
    kind: ['string', 1, 'Kind of the target, e.g. Deployment.', { required: true }],
    name: ['string', 2, 'Name of the target, in the autoscaler\'s namespace.', { required: true }],
    apiVersion: ['string', 3, 'API version of the target.'],
  }, { mapType: 'atomic' });

  g.kind('HorizontalPodAutoscaler', 'Scales a workload between bounds to hold its average CPU use at a target.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['HorizontalPodAutoscalerSpec', 2, 'The target and the bounds.'],
    status: ['HorizontalPodAutoscalerStatus', 3, 'What the autoscaler last observed; read-only.'],
  });
  g.kind('HorizontalPodAutoscalerList', 'A page of HorizontalPodAutoscaler objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]HorizontalPodAutoscaler', 2, 'The autoscalers returned.', { required: true }],
  });
  g.struct('HorizontalPodAutoscalerSpec', 'The desired behaviour of a v1 autoscaler.', {
    scaleTargetRef: ['CrossVersionObjectReference', 1, 'The object whose scale subresource is adjusted.', { required: true }],
    minReplicas: ['int32', 2, 'Fewest replicas the autoscaler may set; 1 when unset.', { ptr: true }],
    maxReplicas: ['int32', 3, 'Most replicas the autoscaler may set.', { required: true }],
    targetCPUUtilizationPercentage: ['int32', 4, 'Wanted average CPU use as a percentage of requests.', { ptr: true }],
  });
  g.struct('HorizontalPodAutoscalerStatus', 'What a v1 autoscaler last saw and did.', {
    observedGeneration: ['int64', 1, 'The spec generation last acted on.', { ptr: true }],
    lastScaleTime: ['Time', 2, 'When the replica count was last changed.', { ptr: true }],
    currentReplicas: ['int32', 3, 'Replicas the target had when last observed.', { required: true }],
    desiredReplicas: ['int32', 4, 'Replicas the autoscaler last asked for.', { required: true }],
    currentCPUUtilizationPercentage: ['int32', 5, 'Observed average CPU use as a percentage of requests.', { ptr: true }],
  });

  g.kind('Scale', 'The replica count of a scalable resource, read and written through its scale subresource.', {
    metadata: ['ObjectMeta', 1, 'Metadata of the scaled object.'],
    spec: ['ScaleSpec', 2, 'The wanted replica count.'],
    status: ['ScaleStatus', 3, 'The observed replica count; read-only.'],
  });
  g.struct('ScaleSpec', 'The wanted size of a scalable resource.', {
    replicas: ['int32', 1, 'How many instances are wanted.'],
  });
  g.struct('ScaleStatus', 'The observed size of a scalable resource.', {
    replicas: ['int32', 1, 'How many instances were last observed.', { required: true }],
    selector: ['string', 2, 'Label query, in string form, matching the pods counted.'],
  });

  g.resource('horizontalpodautoscalers', { kind: 'HorizontalPodAutoscaler', shortNames: ['hpa'], categories: ['all'], sub: { status: ['get', 'patch', 'update'] } });
});
