/**
 * @module flowcontrol.apiserver.k8s.io/v1: API Priority and Fairness (FlowSchemas classify
 * requests, PriorityLevelConfigurations share out the server's concurrency).
 */
import { defineGroup, type FieldTable } from '../../dsl.js';

const CONDITION: FieldTable = {
  type: ['string', 1, 'Which aspect this condition describes.'],
  status: ['string', 2, 'Whether the condition holds: True, False or Unknown.'],
  lastTransitionTime: ['Time', 3, 'When the status last flipped.'],
  reason: ['string', 4, 'One-word CamelCase cause of the last transition.'],
  message: ['string', 5, 'Free-form explanation of the most recent status change.'],
};
const CONDITIONS = { list: 'map', keys: ['type'], patch: 'merge', mergeKey: 'type' } as const;

export const flowcontrolV1 = defineGroup({ prefix: 'io.k8s.api.flowcontrol.v1', group: 'flowcontrol.apiserver.k8s.io', version: 'v1' }, (g) => {
  // FlowSchema
  g.struct('FlowDistinguisherMethod', 'How requests of a flow schema are split into flows.', {
    type: ['string', 1, 'ByUser or ByNamespace.', { required: true }],
  });
  g.kind('FlowSchema', 'Classifies requests into a priority level and into flows within it.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['FlowSchemaSpec', 2, 'Which requests match, and where they go.'],
    status: ['FlowSchemaStatus', 3, 'The schema\'s current state; read-only.'],
  });
  g.struct('FlowSchemaCondition', 'One aspect of a FlowSchema\'s state.', CONDITION);
  g.kind('FlowSchemaList', 'A page of FlowSchema objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]FlowSchema', 2, 'The flow schemas returned.', { required: true }],
  });
  g.struct('FlowSchemaSpec', 'The matching rules and target of a FlowSchema.', {
    priorityLevelConfiguration: ['PriorityLevelConfigurationReference', 1, 'The priority level matching requests are assigned to.', { required: true }],
    matchingPrecedence: ['int32', 2, 'Order in which schemas are tried, lowest first; 1000 when unset.'],
    distinguisherMethod: ['FlowDistinguisherMethod', 3, 'How matching requests are split into flows; one flow when unset.', { ptr: true }],
    rules: ['[]PolicyRulesWithSubjects', 4, 'Rules of which any one matching makes the request match.', { list: 'atomic' }],
  });
  g.struct('FlowSchemaStatus', 'The current state of a FlowSchema.', {
    conditions: ['[]FlowSchemaCondition', 1, 'The latest observations, such as Dangling.', CONDITIONS],
  });

  // Subjects and rules
  g.struct('GroupSubject', 'A user group as a flow schema subject.', {
    name: ['string', 1, 'Group name; "*" matches every group.', { required: true }],
  });
  g.struct('NonResourcePolicyRule', 'Matches requests on non-resource URLs by verb and path.', {
    verbs: ['[]string', 1, 'Verbs matched; "*" matches all.', { required: true, list: 'set' }],
    nonResourceURLs: ['[]string', 6, 'URL paths matched, with a trailing /* for prefixes; "*" matches all.', { required: true, list: 'set' }],
  });
  g.struct('PolicyRulesWithSubjects', 'Matches requests by who sent them and what they do.', {
    subjects: ['[]Subject', 1, 'Requesters matched; at least one is required.', { required: true, list: 'atomic' }],
    resourceRules: ['[]ResourcePolicyRule', 2, 'Resource requests matched.', { list: 'atomic' }],
    nonResourceRules: ['[]NonResourcePolicyRule', 3, 'Non-resource requests matched.', { list: 'atomic' }],
  });
  g.struct('ResourcePolicyRule', 'Matches resource requests by verb, group, resource and namespace.', {
    verbs: ['[]string', 1, 'Verbs matched; "*" matches all.', { required: true, list: 'set' }],
    apiGroups: ['[]string', 2, 'API groups matched; "*" matches all.', { required: true, list: 'set' }],
    resources: ['[]string', 3, 'Resources (and resource/subresource pairs) matched; "*" matches all.', { required: true, list: 'set' }],
    clusterScope: ['boolean', 4, 'Whether requests not tied to a namespace match.'],
    namespaces: ['[]string', 5, 'Namespaces matched; "*" matches every namespace.', { list: 'set' }],
  });
  g.struct('ServiceAccountSubject', 'A service account as a flow schema subject.', {
    namespace: ['string', 1, 'Namespace of the service account.', { required: true }],
    name: ['string', 2, 'Name of the service account; "*" matches all in the namespace.', { required: true }],
  });
  g.struct('Subject', 'A requester matched by a flow schema: a user, a group or a service account.', {
    kind: ['string', 1, 'User, Group or ServiceAccount.', { required: true }],
    user: ['UserSubject', 2, 'The user, when kind is User.', { ptr: true }],
    group: ['GroupSubject', 3, 'The group, when kind is Group.', { ptr: true }],
    serviceAccount: ['ServiceAccountSubject', 4, 'The service account, when kind is ServiceAccount.', { ptr: true }],
  });
  g.struct('UserSubject', 'A user as a flow schema subject.', {
    name: ['string', 1, 'User name; "*" matches every user.', { required: true }],
  });

  // PriorityLevelConfiguration
  g.struct('ExemptPriorityLevelConfiguration', 'Settings of the exempt priority level, whose requests are never queued.', {
    nominalConcurrencyShares: ['int32', 1, 'Share of the server\'s concurrency nominally reserved for this level.', { ptr: true }],
    lendablePercent: ['int32', 2, 'Percentage of this level\'s seats other levels may borrow.', { ptr: true }],
  });
  g.struct('LimitResponse', 'What happens to requests that cannot run at once.', {
    type: ['string', 1, 'Queue (hold them in queues) or Reject (fail them with 429).', { required: true }],
    queuing: ['QueuingConfiguration', 2, 'Queue settings, when type is Queue.', { ptr: true }],
  });
  g.struct('LimitedPriorityLevelConfiguration', 'Settings of a priority level whose concurrency is limited.', {
    nominalConcurrencyShares: ['int32', 1, 'Share of the server\'s concurrency nominally given to this level; 30 when unset.', { ptr: true }],
    limitResponse: ['LimitResponse', 2, 'What to do with requests beyond the limit.'],
    lendablePercent: ['int32', 3, 'Percentage of this level\'s seats other levels may borrow.', { ptr: true }],
    borrowingLimitPercent: ['int32', 4, 'Most seats this level may borrow, as a percentage of its own; unlimited when unset.', { ptr: true }],
  });
  g.kind('PriorityLevelConfiguration', 'A priority level of the API server, with its concurrency share and queueing.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['PriorityLevelConfigurationSpec', 2, 'How the level is limited.'],
    status: ['PriorityLevelConfigurationStatus', 3, 'The level\'s current state; read-only.'],
  });
  g.struct('PriorityLevelConfigurationCondition', 'One aspect of a priority level\'s state.', CONDITION);
  g.kind('PriorityLevelConfigurationList', 'A page of PriorityLevelConfiguration objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]PriorityLevelConfiguration', 2, 'The priority levels returned.', { required: true }],
  });
  g.struct('PriorityLevelConfigurationReference', 'Names the priority level a flow schema targets.', {
    name: ['string', 1, 'Name of the priority level.', { required: true }],
  });
  g.struct('PriorityLevelConfigurationSpec', 'Whether a priority level is limited, and how.', {
    type: ['string', 1, 'Exempt (never limited) or Limited.', { required: true }],
    limited: ['LimitedPriorityLevelConfiguration', 2, 'Settings when type is Limited.', { ptr: true }],
    exempt: ['ExemptPriorityLevelConfiguration', 3, 'Settings when type is Exempt.', { ptr: true }],
  });
  g.struct('PriorityLevelConfigurationStatus', 'The current state of a priority level.', {
    conditions: ['[]PriorityLevelConfigurationCondition', 1, 'The latest observations of the level.', CONDITIONS],
  });
  g.struct('QueuingConfiguration', 'How waiting requests are queued with shuffle sharding.', {
    queues: ['int32', 1, 'Number of queues; 64 when unset.'],
    handSize: ['int32', 2, 'Queues each flow is dealt, of which it uses the shortest; 8 when unset.'],
    queueLengthLimit: ['int32', 3, 'Requests a queue may hold before more are rejected; 50 when unset.'],
  });

  const status = { status: ['get', 'patch', 'update'] } as const;
  g.resource('flowschemas', { kind: 'FlowSchema', namespaced: false, sub: status });
  g.resource('prioritylevelconfigurations', { kind: 'PriorityLevelConfiguration', namespaced: false, sub: status });
});
