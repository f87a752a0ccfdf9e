/** @module policy/v1: PodDisruptionBudgets and the Eviction request that honours them. */
import { defineGroup } from '../../dsl.js';

export const policyV1 = defineGroup({ prefix: 'io.k8s.api.policy.v1', group: 'policy', version: 'v1' }, (g) => {
  g.kind('Eviction', 'A request, posted to a pod\'s eviction subresource, to delete the pod within its disruption budget.', {
    metadata: ['ObjectMeta', 1, 'Names the pod to evict.'],
    deleteOptions: ['meta.DeleteOptions', 2, 'Options for the resulting deletion.', { ptr: true }],
  });

  g.kind('PodDisruptionBudget', 'Limits how many pods of a set may be voluntarily disrupted at once.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['PodDisruptionBudgetSpec', 2, 'The pods covered and the budget.'],
    status: ['PodDisruptionBudgetStatus', 3, 'What the disruption controller last computed; read-only.'],
  });
  g.kind('PodDisruptionBudgetList', 'A page of PodDisruptionBudget objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]PodDisruptionBudget', 2, 'The budgets returned.', { required: true }],
  });
  g.struct('PodDisruptionBudgetSpec', 'The pods a budget covers and how many must stay up.', {
    minAvailable: ['IntOrString', 1, 'Pods that must remain available after an eviction, as a count or percentage.', { ptr: true }],
    selector: ['LabelSelector', 2, 'Labels identifying the covered pods; an empty selector covers every pod in the namespace.', { ptr: true, patch: 'replace' }],
    maxUnavailable: ['IntOrString', 3, 'Pods that may be unavailable after an eviction, as a count or percentage.', { ptr: true }],
    unhealthyPodEvictionPolicy: ['string', 4, 'When running-but-unready pods may be evicted: IfHealthyBudget or AlwaysAllow.', { ptr: true, enum: ['AlwaysAllow', 'IfHealthyBudget'] }],
  });
  g.struct('PodDisruptionBudgetStatus', 'The current state of a disruption budget.', {
    observedGeneration: ['int64', 1, 'The spec generation this status reflects.'],
    disruptedPods: ['map[string]Time', 2, 'Pods whose eviction was granted but not yet seen by the controller, with the time it was granted.'],
    disruptionsAllowed: ['int32', 3, 'Pod disruptions currently permitted.', { required: true }],
    currentHealthy: ['int32', 4, 'Covered pods that are healthy now.', { required: true }],
    desiredHealthy: ['int32', 5, 'Healthy pods the budget requires.', { required: true }],
    expectedPods: ['int32', 6, 'Total pods the budget counts.', { required: true }],
    conditions: ['[]Condition', 7, 'The latest observations, such as DisruptionAllowed.', { list: 'map', keys: ['type'], patch: 'merge', mergeKey: 'type' }],
  });

  g.resource('poddisruptionbudgets', { kind: 'PodDisruptionBudget', shortNames: ['pdb'], sub: { status: ['get', 'patch', 'update'] } });
});
