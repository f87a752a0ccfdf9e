/**
 * @module core/v1 scheduling constraints: node and pod affinity, node selectors, taints and
 * tolerations, topology spread and topology selectors.
 */
import { defineGroup } from '../../dsl.js';
import { CORE_V1 } from './core-v1.js';

const TAINT_EFFECTS = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];
const INCLUSION_POLICIES = ['Honor', 'Ignore'];

export const coreScheduling = defineGroup(CORE_V1, (g) => {
  g.struct('Affinity', 'Where a pod prefers or needs to run, relative to nodes and to other pods.', {
    nodeAffinity: ['NodeAffinity', 1, 'Rules about node labels.', { ptr: true }],
    podAffinity: ['PodAffinity', 2, 'Rules for running near certain pods.', { ptr: true }],
    podAntiAffinity: ['PodAntiAffinity', 3, 'Rules for staying away from certain pods.', { ptr: true }],
  });

  g.struct('NodeAffinity', 'Hard and soft placement rules based on node labels.', {
    requiredDuringSchedulingIgnoredDuringExecution: ['NodeSelector', 1, 'Nodes that do not match are never chosen; later label changes are ignored.', { ptr: true }],
    preferredDuringSchedulingIgnoredDuringExecution: ['[]PreferredSchedulingTerm', 2, 'Weighted preferences added to a node\'s score when they match.', { list: 'atomic' }],
  });

  g.struct('PodAffinity', 'Rules for co-locating a pod with other pods in a topology domain.', {
    requiredDuringSchedulingIgnoredDuringExecution: ['[]PodAffinityTerm', 1, 'Terms every candidate node\'s domain must satisfy.', { list: 'atomic' }],
    preferredDuringSchedulingIgnoredDuringExecution: ['[]WeightedPodAffinityTerm', 2, 'Weighted terms that raise the score of domains satisfying them.', { list: 'atomic' }],
  });

  g.struct('PodAntiAffinity', 'Rules for keeping a pod out of topology domains that hold certain pods.', {
    requiredDuringSchedulingIgnoredDuringExecution: ['[]PodAffinityTerm', 1, 'Terms no candidate node\'s domain may satisfy.', { list: 'atomic' }],
    preferredDuringSchedulingIgnoredDuringExecution: ['[]WeightedPodAffinityTerm', 2, 'Weighted terms that lower the score of domains satisfying them.', { list: 'atomic' }],
  });

  g.struct('PodAffinityTerm', 'A set of pods, and the topology key that defines "near" them.', {
    labelSelector: ['LabelSelector', 1, 'Labels of the pods this term is about.', { ptr: true }],
    namespaces: ['[]string', 2, 'Namespaces searched for those pods; the pod\'s own when empty.', { list: 'atomic' }],
    topologyKey: ['string', 3, 'Node label whose value defines a domain, e.g. kubernetes.io/hostname.', { required: true }],
    namespaceSelector: ['LabelSelector', 4, 'Labels of further namespaces to search; empty selects all.', { ptr: true }],
    matchLabelKeys: ['[]string', 5, 'Label keys whose values are copied from the incoming pod into the selector.', { list: 'atomic' }],
    mismatchLabelKeys: ['[]string', 6, 'Label keys whose incoming pod values the matched pods must not share.', { list: 'atomic' }],
  });

  g.struct('WeightedPodAffinityTerm', 'A pod affinity term with a weight.', {
    weight: ['int32', 1, 'Score added when the term matches, 1 to 100.', { required: true }],
    podAffinityTerm: ['PodAffinityTerm', 2, 'The term.', { required: true }],
  });

  g.struct('NodeSelector', 'A node filter: it matches when any of its terms does.', {
    nodeSelectorTerms: ['[]NodeSelectorTerm', 1, 'Alternatives, combined with OR.', { required: true, list: 'atomic' }],
  }, { mapType: 'atomic' });

  g.struct('NodeSelectorTerm', 'Requirements on a node that must all hold; an empty term matches nothing.', {
    matchExpressions: ['[]NodeSelectorRequirement', 1, 'Requirements on node labels.', { list: 'atomic' }],
    matchFields: ['[]NodeSelectorRequirement', 2, 'Requirements on node fields (only metadata.name).', { list: 'atomic' }],
  }, { mapType: 'atomic' });

  g.struct('NodeSelectorRequirement', 'One test of a node label or field against values.', {
    key: ['string', 1, 'The label key or field path.', { required: true }],
    operator: ['string', 2, 'In, NotIn, Exists, DoesNotExist, Gt or Lt.', { required: true, enum: ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'] }],
    values: ['[]string', 3, 'Values to compare with; a single integer for Gt and Lt, none for the existence tests.', { list: 'atomic' }],
  });

  g.struct('PreferredSchedulingTerm', 'A node selector term with a weight.', {
    weight: ['int32', 1, 'Score added when the term matches, 1 to 100.', { required: true }],
    preference: ['NodeSelectorTerm', 2, 'The term.', { required: true }],
  });

  g.struct('Toleration', 'Lets a pod be placed on (or stay on) nodes with a matching taint.', {
    key: ['string', 1, 'Taint key it tolerates; empty with Exists tolerates every taint.'],
    operator: ['string', 2, 'Equal (values must match) or Exists (any value).', { enum: ['Equal', 'Exists'] }],
    value: ['string', 3, 'Taint value to match with Equal.'],
    effect: ['string', 4, 'Taint effect it tolerates; every effect when empty.', { enum: TAINT_EFFECTS }],
    tolerationSeconds: ['int64', 5, 'For NoExecute: how long the pod may stay after the taint appears.', { ptr: true }],
  });

  g.struct('Taint', 'A mark on a node that repels pods which do not tolerate it.', {
    key: ['string', 1, 'Taint key.', { required: true }],
    value: ['string', 2, 'Taint value.'],
    effect: ['string', 3, 'NoSchedule, PreferNoSchedule or NoExecute.', { required: true, enum: TAINT_EFFECTS }],
    timeAdded: ['Time', 4, 'When a NoExecute taint was added.', { ptr: true }],
  });

  g.struct('TopologySpreadConstraint', 'How evenly matching pods must be spread over a topology.', {
    maxSkew: ['int32', 1, 'Largest allowed difference in matching pod counts between domains.', { required: true }],
    topologyKey: ['string', 2, 'Node label whose values define the domains.', { required: true }],
    whenUnsatisfiable: ['string', 3, 'DoNotSchedule to refuse, ScheduleAnyway to only prefer.', { required: true, enum: ['DoNotSchedule', 'ScheduleAnyway'] }],
    labelSelector: ['LabelSelector', 4, 'Which pods are counted.', { ptr: true }],
    minDomains: ['int32', 5, 'Minimum number of eligible domains assumed when computing skew.', { ptr: true }],
    nodeAffinityPolicy: ['string', 6, 'Whether the pod\'s node affinity limits the domains counted: Honor or Ignore.', { ptr: true, enum: INCLUSION_POLICIES }],
    nodeTaintsPolicy: ['string', 7, 'Whether node taints limit the domains counted: Honor or Ignore.', { ptr: true, enum: INCLUSION_POLICIES }],
    matchLabelKeys: ['[]string', 8, 'Label keys whose values are copied from the incoming pod into the selector.', { list: 'atomic' }],
  });

  g.struct('TopologySelectorTerm', 'A topology filter; its requirements must all hold.', {
    matchLabelExpressions: ['[]TopologySelectorLabelRequirement', 1, 'Requirements on topology labels.', { list: 'atomic' }],
  }, { mapType: 'atomic' });

  g.struct('TopologySelectorLabelRequirement', 'A topology label and the values it may take.', {
    key: ['string', 1, 'The label key.', { required: true }],
    values: ['[]string', 2, 'Accepted values.', { required: true, list: 'atomic' }],
  });
});
