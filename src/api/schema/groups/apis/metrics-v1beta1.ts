/**
 * @module metrics.k8s.io/v1beta1: the resource metrics API metrics-server serves (CPU and memory
 * use of nodes and pods, read by `kubectl top` and the HPA). Not part of the v1.33 reference:
 * written from metrics-server's API (k8s.io/metrics), whose resources only support get and list.
 */
import { defineGroup } from '../../dsl.js';

export const metricsV1beta1 = defineGroup({ prefix: 'io.k8s.metrics.pkg.apis.metrics.v1beta1', group: 'metrics.k8s.io', version: 'v1beta1' }, (g) => {
  g.struct('ContainerMetrics', 'Resource use of one container of a pod.', {
    name: ['string', 1, 'Name of the container, as in the pod spec.', { required: true }],
    usage: ['map[string]Quantity', 2, 'Use per resource: cpu in cores, memory as the working set in bytes.', { required: true }],
  });
  g.kind('NodeMetrics', 'Resource use of one node, averaged over a recent window.', {
    metadata: ['ObjectMeta', 1, 'Metadata; the name is the node name.'],
    timestamp: ['Time', 2, 'End of the window the usage was measured over.', { required: true }],
    window: ['meta.Duration', 3, 'Length of the measurement window, e.g. 10s.', { required: true }],
    usage: ['map[string]Quantity', 4, 'Use per resource: cpu in cores, memory as the working set in bytes.', { required: true }],
  });
  g.kind('NodeMetricsList', 'A list of NodeMetrics.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]NodeMetrics', 2, 'The node metrics returned.', { required: true }],
  });
  g.kind('PodMetrics', 'Resource use of one pod\'s containers, averaged over a recent window.', {
    metadata: ['ObjectMeta', 1, 'Metadata; name and namespace are the pod\'s.'],
    timestamp: ['Time', 2, 'End of the window the usage was measured over.', { required: true }],
    window: ['meta.Duration', 3, 'Length of the measurement window, e.g. 10s.', { required: true }],
    containers: ['[]ContainerMetrics', 4, 'Use of each running container.', { required: true }],
  });
  g.kind('PodMetricsList', 'A list of PodMetrics.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]PodMetrics', 2, 'The pod metrics returned.', { required: true }],
  });

  // metrics-server names these resources after the objects they measure and gives no singular.
  const readOnly = { singular: '', verbs: ['get', 'list'] } as const;
  g.resource('nodes', { kind: 'NodeMetrics', namespaced: false, ...readOnly });
  g.resource('pods', { kind: 'PodMetrics', ...readOnly });
});
