/** @module node.k8s.io/v1: RuntimeClasses, which pick a container runtime configuration for pods. */
import { defineGroup } from '../../dsl.js';

export const nodeV1 = defineGroup({ prefix: 'io.k8s.api.node.v1', group: 'node.k8s.io', version: 'v1' }, (g) => {
  g.struct('Overhead', 'Resources a runtime consumes per pod on top of its containers.', {
    podFixed: ['map[string]Quantity', 1, 'Fixed amount of each resource added to every pod of the runtime class.'],
  });
  g.kind('RuntimeClass', 'Names a container runtime configuration pods can choose, with its overhead and node constraints.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    handler: ['string', 2, 'The CRI runtime handler that runs the pods; a DNS label, immutable.', { required: true }],
    overhead: ['Overhead', 3, 'Per-pod resource overhead of this runtime.', { ptr: true }],
    scheduling: ['Scheduling', 4, 'Constraints putting pods on nodes that support this runtime.', { ptr: true }],
  });
  g.kind('RuntimeClassList', 'A page of RuntimeClass objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]RuntimeClass', 2, 'The runtime classes returned.', { required: true }],
  });
  g.struct('Scheduling', 'Where pods of a runtime class may be placed.', {
    nodeSelector: ['map[string]string', 1, 'Labels nodes must carry; merged into each pod\'s node selector.', { mapType: 'atomic' }],
    tolerations: ['[]core.Toleration', 2, 'Tolerations added to each pod of the runtime class.', { list: 'atomic' }],
  });

  g.resource('runtimeclasses', { kind: 'RuntimeClass', namespaced: false });
});
