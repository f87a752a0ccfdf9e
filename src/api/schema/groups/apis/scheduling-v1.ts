/** @module scheduling.k8s.io/v1: PriorityClasses, which give pods a scheduling priority. */
import { defineGroup } from '../../dsl.js';

export const schedulingV1 = defineGroup({ prefix: 'io.k8s.api.scheduling.v1', group: 'scheduling.k8s.io', version: 'v1' }, (g) => {
  g.kind('PriorityClass', 'Maps a priority class name to the integer priority of pods that use it.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    value: ['int32', 2, 'The priority; higher values are scheduled first and may preempt lower ones.', { required: true }],
    globalDefault: ['boolean', 3, 'Whether pods without a priority class get this one; at most one class may say so.'],
    description: ['string', 4, 'Free text on when to use this class.'],
    preemptionPolicy: ['string', 5, 'Whether pods of this class may evict lower-priority pods: PreemptLowerPriority (the default) or Never.', { ptr: true, enum: ['Never', 'PreemptLowerPriority'] }],
  });
  g.kind('PriorityClassList', 'A page of PriorityClass objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]PriorityClass', 2, 'The priority classes returned.', { required: true }],
  });

  g.resource('priorityclasses', { kind: 'PriorityClass', namespaced: false, shortNames: ['pc'] });
});
