/**
 * @module core/v1 namespace policy and the legacy controller: LimitRange, ResourceQuota with its
 * scope selectors, and ReplicationController.
 */
import { defineGroup } from '../../dsl.js';
import { CORE_V1, listKind } from './core-v1.js';

export const corePolicy = defineGroup(CORE_V1, (g) => {
  g.kind('LimitRange', 'Per-object resource bounds and defaults for a namespace.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['LimitRangeSpec', 2, 'The bounds and defaults.'],
  });
  listKind(g, 'LimitRange', 'limit ranges');

  g.struct('LimitRangeSpec', 'The limits a LimitRange enforces.', {
    limits: ['[]LimitRangeItem', 1, 'One entry per kind of object limited.', { required: true, list: 'atomic' }],
  });

  g.struct('LimitRangeItem', 'Bounds and defaults for one kind of object.', {
    type: ['string', 1, 'What is limited: Pod, Container or PersistentVolumeClaim.', { required: true, enum: ['Container', 'PersistentVolumeClaim', 'Pod'] }],
    max: ['map[string]Quantity', 2, 'Largest amount of each resource allowed.'],
    min: ['map[string]Quantity', 3, 'Smallest amount of each resource allowed.'],
    default: ['map[string]Quantity', 4, 'Limit applied when a container sets none.'],
    defaultRequest: ['map[string]Quantity', 5, 'Request applied when a container sets none.'],
    maxLimitRequestRatio: ['map[string]Quantity', 6, 'Largest allowed ratio of limit to request.'],
  });

  g.kind('ResourceQuota', 'Caps on the total resources and object counts of a namespace.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['ResourceQuotaSpec', 2, 'The caps.'],
    status: ['ResourceQuotaStatus', 3, 'The caps in force and current usage.'],
  });
  listKind(g, 'ResourceQuota', 'resource quotas');

  g.struct('ResourceQuotaSpec', 'What a quota limits, and which objects it counts.', {
    hard: ['map[string]Quantity', 1, 'Cap per resource name.'],
    scopes: ['[]string', 2, 'Scopes an object must match to be counted.', { list: 'atomic' }],
    scopeSelector: ['ScopeSelector', 3, 'Expression form of scopes; both must match.', { ptr: true }],
  });

  g.struct('ResourceQuotaStatus', 'Enforced caps and observed usage.', {
    hard: ['map[string]Quantity', 1, 'Caps currently enforced.'],
    used: ['map[string]Quantity', 2, 'Usage currently counted.'],
  });

  g.struct('ScopeSelector', 'Scope expressions a quota uses to choose the objects it counts.', {
    matchExpressions: ['[]ScopedResourceSelectorRequirement', 1, 'Expressions that must all hold.', { list: 'atomic' }],
  }, { mapType: 'atomic' });

  g.struct('ScopedResourceSelectorRequirement', 'One scope test.', {
    scopeName: ['string', 1, 'The scope, e.g. Terminating, BestEffort or PriorityClass.', {
      required: true, enum: ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating', 'VolumeAttributesClass'],
    }],
    operator: ['string', 2, 'In, NotIn, Exists or DoesNotExist.', { required: true, enum: ['DoesNotExist', 'Exists', 'In', 'NotIn'] }],
    values: ['[]string', 3, 'Values for In and NotIn.', { list: 'atomic' }],
  });

  g.kind('ReplicationController', 'Legacy controller that keeps a number of identical pods running.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['ReplicationControllerSpec', 2, 'How many pods, and from which template.'],
    status: ['ReplicationControllerStatus', 3, 'Replica counts last observed.'],
  });
  listKind(g, 'ReplicationController', 'replication controllers');

  g.struct('ReplicationControllerSpec', 'The desired state of a replication controller.', {
    replicas: ['int32', 1, 'Pods wanted; 1 when unset.', { ptr: true }],
    minReadySeconds: ['int32', 4, 'Seconds a new pod must stay ready to count as available.'],
    selector: ['map[string]string', 2, 'Labels of the managed pods; the template labels when empty.', { mapType: 'atomic' }],
    template: ['PodTemplateSpec', 3, 'Template for new pods.', { ptr: true }],
  });

  g.struct('ReplicationControllerStatus', 'Replica counts of a replication controller.', {
    replicas: ['int32', 1, 'Pods that currently exist.', { required: true }],
    fullyLabeledReplicas: ['int32', 2, 'Pods whose labels match the template\'s.'],
    readyReplicas: ['int32', 4, 'Pods that are ready.'],
    availableReplicas: ['int32', 5, 'Pods that have stayed ready for minReadySeconds or longer.'],
    observedGeneration: ['int64', 3, 'Generation the counts were computed for.'],
    conditions: ['[]ReplicationControllerCondition', 6, 'Problems the controller hit.', { list: 'map', keys: ['type'], patch: 'merge', mergeKey: 'type' }],
  });

  g.struct('ReplicationControllerCondition', 'One aspect of a replication controller\'s state.', {
    type: ['string', 1, 'Which aspect, e.g. ReplicaFailure.', { required: true }],
    status: ['string', 2, 'True, False or Unknown.', { required: true }],
    lastTransitionTime: ['Time', 3, 'When the status last changed.'],
    reason: ['string', 4, 'CamelCase reason for the last change.'],
    message: ['string', 5, 'Human-readable details.'],
  });
});
