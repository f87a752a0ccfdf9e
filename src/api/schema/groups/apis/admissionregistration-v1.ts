/**
 * @module admissionregistration.k8s.io/v1: mutating and validating webhook configurations and the
 * CEL-based ValidatingAdmissionPolicy with its bindings.
 */
import { defineGroup, embedded, type FieldTable } from '../../dsl.js';

const FAILURE_POLICIES = ['Fail', 'Ignore'];
const MATCH_POLICIES = ['Equivalent', 'Exact'];
const BY_NAME = { list: 'map', keys: ['name'], patch: 'merge', mergeKey: 'name' } as const;

/** Go's Rule, which RuleWithOperations embeds (a nested message in protobuf). */
const RULE: FieldTable = {
  apiGroups: ['[]string', 1, 'API groups matched; "*" matches all.', { list: 'atomic' }],
  apiVersions: ['[]string', 2, 'API versions matched; "*" matches all.', { list: 'atomic' }],
  resources: ['[]string', 3, 'Resources matched, with "/" for subresources and "*" wildcards.', { list: 'atomic' }],
  scope: ['string', 4, 'Cluster, Namespaced or "*" (the default): which scopes of resource match.', { ptr: true, enum: ['*', 'Cluster', 'Namespaced'] }],
};
/** Go's RuleWithOperations: operations plus the embedded Rule (field 2). */
const RULE_WITH_OPERATIONS: FieldTable = {
  operations: ['[]string', 1, 'Operations matched: CREATE, UPDATE, DELETE, CONNECT or "*".', { list: 'atomic', enum: ['*', 'CONNECT', 'CREATE', 'DELETE', 'UPDATE'] }],
  ...embedded([2], RULE),
};

export const admissionregistrationV1 = defineGroup({ prefix: 'io.k8s.api.admissionregistration.v1', group: 'admissionregistration.k8s.io', version: 'v1' }, (g) => {
  // Shared matching pieces
  g.struct('MatchCondition', 'A CEL expression a request must satisfy for a webhook or policy to apply.', {
    name: ['string', 1, 'Identifier of the condition, unique in its list.', { required: true }],
    expression: ['string', 2, 'CEL expression that must return true; it sees the object, oldObject, request and authorizer.', { required: true }],
  });
  g.struct('MatchResources', 'Which requests a policy applies to, by namespace, object and resource.', {
    namespaceSelector: ['LabelSelector', 1, 'Labels of the namespace the object is in (or is); every namespace when empty.', { ptr: true }],
    objectSelector: ['LabelSelector', 2, 'Labels of the object itself; every object when empty.', { ptr: true }],
    resourceRules: ['[]NamedRuleWithOperations', 3, 'Operations and resources matched.', { list: 'atomic' }],
    excludeResourceRules: ['[]NamedRuleWithOperations', 4, 'Operations and resources excluded even if matched.', { list: 'atomic' }],
    matchPolicy: ['string', 7, 'Exact, or Equivalent (the default) to also match the same resource through other versions.', { ptr: true, enum: MATCH_POLICIES }],
  }, { mapType: 'atomic' });
  g.struct('NamedRuleWithOperations', 'Operations and resources matched, optionally limited to object names.', {
    resourceNames: ['[]string', 1, 'Object names matched; every name when empty.', { list: 'atomic' }],
    ...embedded([2], RULE_WITH_OPERATIONS),
  }, { mapType: 'atomic' });
  g.struct('RuleWithOperations', 'Operations and resources a webhook is called for.', RULE_WITH_OPERATIONS);
  g.struct('ServiceReference', 'An in-cluster service that serves a webhook.', {
    namespace: ['string', 1, 'Namespace of the service.', { required: true }],
    name: ['string', 2, 'Name of the service.', { required: true }],
    path: ['string', 3, 'URL path the webhook is posted to.', { ptr: true }],
    port: ['int32', 4, 'Service port to call; 443 when unset.', { ptr: true }],
  });
  g.struct('WebhookClientConfig', 'How to reach a webhook over TLS: a URL or a service.', {
    url: ['string', 3, 'Location of the webhook as an https URL; exclusive with service.', { ptr: true }],
    service: ['ServiceReference', 1, 'An in-cluster service; exclusive with url.', { ptr: true }],
    caBundle: ['bytes', 2, 'PEM CA bundle to verify the webhook\'s certificate; the system roots when empty.'],
  });

  // Webhook configurations
  const webhook = (kind: 'mutating' | 'validating'): FieldTable => ({
    name: ['string', 1, 'Fully qualified name of the webhook, unique in its configuration.', { required: true }],
    clientConfig: ['WebhookClientConfig', 2, 'How to call the webhook.', { required: true }],
    rules: ['[]RuleWithOperations', 3, 'Operations and resources the webhook is called for.', { list: 'atomic' }],
    failurePolicy: ['string', 4, 'Fail (the default) or Ignore when the call errors.', { ptr: true, enum: FAILURE_POLICIES }],
    matchPolicy: ['string', 9, 'Exact, or Equivalent (the default) to also call for the same resource through other versions.', { ptr: true, enum: MATCH_POLICIES }],
    namespaceSelector: ['LabelSelector', 5, 'Labels of the namespace the object is in (or is); every namespace when empty.', { ptr: true }],
    objectSelector: ['LabelSelector', kind === 'mutating' ? 11 : 10, 'Labels of the object itself; every object when empty.', { ptr: true }],
    sideEffects: ['string', 6, 'Whether the webhook changes anything outside the request: None or NoneOnDryRun (Some and Unknown are v1beta1 only).', { required: true, ptr: true, enum: ['None', 'NoneOnDryRun', 'Some', 'Unknown'] }],
    timeoutSeconds: ['int32', 7, 'Seconds to wait for the webhook, 1 to 30; 10 when unset.', { ptr: true }],
    admissionReviewVersions: ['[]string', 8, 'AdmissionReview versions the webhook accepts, in order of preference.', { required: true, list: 'atomic' }],
    ...(kind === 'mutating' ? {
      reinvocationPolicy: ['string', 10, 'Never (the default) or IfNeeded to call again after later mutations.', { ptr: true, enum: ['IfNeeded', 'Never'] }],
    } satisfies FieldTable : {}),
    matchConditions: ['[]MatchCondition', kind === 'mutating' ? 12 : 11, 'CEL conditions that must all hold for the webhook to be called.', BY_NAME],
  });
  g.struct('MutatingWebhook', 'One mutating admission webhook and when it is called.', webhook('mutating'));
  g.kind('MutatingWebhookConfiguration', 'A set of webhooks that may change objects as they are admitted.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    webhooks: ['[]MutatingWebhook', 2, 'The webhooks, called in order.', BY_NAME],
  });
  g.kind('MutatingWebhookConfigurationList', 'A page of MutatingWebhookConfiguration objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]MutatingWebhookConfiguration', 2, 'The configurations returned.', { required: true }],
  });
  g.struct('ValidatingWebhook', 'One validating admission webhook and when it is called.', webhook('validating'));
  g.kind('ValidatingWebhookConfiguration', 'A set of webhooks that may reject objects as they are admitted.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    webhooks: ['[]ValidatingWebhook', 2, 'The webhooks, called in parallel.', BY_NAME],
  });
  g.kind('ValidatingWebhookConfigurationList', 'A page of ValidatingWebhookConfiguration objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]ValidatingWebhookConfiguration', 2, 'The configurations returned.', { required: true }],
  });

  // ValidatingAdmissionPolicy
  g.struct('AuditAnnotation', 'An audit annotation a policy adds, computed by CEL.', {
    key: ['string', 1, 'Annotation key, prefixed with the policy name in the audit event.', { required: true }],
    valueExpression: ['string', 2, 'CEL expression producing the value, or null to skip the annotation.', { required: true }],
  });
  g.struct('ExpressionWarning', 'A type-checking problem found in one policy expression.', {
    fieldRef: ['string', 2, 'Path to the expression, e.g. spec.validations[0].expression.', { required: true }],
    warning: ['string', 3, 'What the type checker reported.', { required: true }],
  });
  g.struct('ParamKind', 'The kind of object that parameterizes a policy.', {
    apiVersion: ['string', 1, 'API group and version of the parameter kind.'],
    kind: ['string', 2, 'Kind of the parameter objects.'],
  }, { mapType: 'atomic' });
  g.struct('ParamRef', 'How a binding finds the parameter object(s) for its policy.', {
    name: ['string', 1, 'Name of a single parameter object; exclusive with selector.'],
    namespace: ['string', 2, 'Namespace of the parameters; the request\'s namespace when unset for namespaced kinds.'],
    selector: ['LabelSelector', 3, 'Labels selecting parameter objects; the policy runs once per match.', { ptr: true }],
    parameterNotFoundAction: ['string', 4, 'Allow or Deny when no parameter object is found.', { ptr: true }],
  }, { mapType: 'atomic' });
  g.struct('TypeChecking', 'Results of type checking a policy\'s expressions.', {
    expressionWarnings: ['[]ExpressionWarning', 1, 'Problems found, one per expression.', { list: 'atomic' }],
  });
  g.kind('ValidatingAdmissionPolicy', 'Validates requests in-process with CEL expressions, without a webhook.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['ValidatingAdmissionPolicySpec', 2, 'The checks and what they apply to.'],
    status: ['ValidatingAdmissionPolicyStatus', 3, 'Type-checking results and conditions; read-only.'],
  });
  g.kind('ValidatingAdmissionPolicyBinding', 'Puts a ValidatingAdmissionPolicy into effect for some resources, with parameters.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['ValidatingAdmissionPolicyBindingSpec', 2, 'The policy, parameters, scope and actions.'],
  });
  g.kind('ValidatingAdmissionPolicyBindingList', 'A page of ValidatingAdmissionPolicyBinding objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]ValidatingAdmissionPolicyBinding', 2, 'The bindings returned.', { required: true }],
  });
  g.struct('ValidatingAdmissionPolicyBindingSpec', 'What a policy binding puts into effect.', {
    policyName: ['string', 1, 'Name of the bound policy.'],
    paramRef: ['ParamRef', 2, 'Where the policy\'s parameters come from.', { ptr: true }],
    matchResources: ['MatchResources', 3, 'Further limits on which requests are checked.', { ptr: true }],
    validationActions: ['[]string', 4, 'What a failed check does: Deny, Warn and/or Audit.', { list: 'set', enum: ['Audit', 'Deny', 'Warn'] }],
  });
  g.kind('ValidatingAdmissionPolicyList', 'A page of ValidatingAdmissionPolicy objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]ValidatingAdmissionPolicy', 2, 'The policies returned.', { required: true }],
  });
  g.struct('ValidatingAdmissionPolicySpec', 'The checks of a validating admission policy.', {
    paramKind: ['ParamKind', 1, 'Kind of the parameter objects; none when unset.', { ptr: true }],
    matchConstraints: ['MatchResources', 2, 'Resources the policy can apply to; bindings may narrow it further.', { ptr: true }],
    validations: ['[]Validation', 3, 'CEL checks that must all pass.', { list: 'atomic' }],
    failurePolicy: ['string', 4, 'Fail (the default) or Ignore when the policy is misconfigured or errors.', { ptr: true, enum: FAILURE_POLICIES }],
    auditAnnotations: ['[]AuditAnnotation', 5, 'Annotations added to the audit event of checked requests.', { list: 'atomic' }],
    matchConditions: ['[]MatchCondition', 6, 'CEL conditions that must all hold for the policy to run.', BY_NAME],
    variables: ['[]Variable', 7, 'Named CEL values the other expressions can use, computed lazily.', BY_NAME],
  });
  g.struct('ValidatingAdmissionPolicyStatus', 'The observed state of a policy.', {
    observedGeneration: ['int64', 1, 'The spec generation that was type checked.'],
    typeChecking: ['TypeChecking', 2, 'Type-checking results.', { ptr: true }],
    conditions: ['[]Condition', 3, 'The latest observations of the policy.', { list: 'map', keys: ['type'] }],
  });
  g.struct('Validation', 'One CEL check of a policy.', {
    expression: ['string', 1, 'CEL expression that must return true for the request to pass.', { required: true }],
    message: ['string', 2, 'Message returned when the check fails.'],
    reason: ['string', 3, 'HTTP reason returned when the check fails: Unauthorized, Forbidden (the default), Invalid or RequestEntityTooLarge.', { ptr: true }],
    messageExpression: ['string', 4, 'CEL expression producing the failure message.'],
  });
  g.struct('Variable', 'A named CEL value available to a policy\'s other expressions.', {
    name: ['string', 1, 'Name, used as variables.<name> in expressions.', { required: true }],
    expression: ['string', 2, 'CEL expression computing the value.', { required: true }],
  }, { mapType: 'atomic' });

  const cluster = { namespaced: false, categories: ['api-extensions'] } as const;
  g.resource('mutatingwebhookconfigurations', { kind: 'MutatingWebhookConfiguration', ...cluster });
  g.resource('validatingadmissionpolicies', { kind: 'ValidatingAdmissionPolicy', ...cluster, sub: { status: ['get', 'patch', 'update'] } });
  g.resource('validatingadmissionpolicybindings', { kind: 'ValidatingAdmissionPolicyBinding', ...cluster });
  g.resource('validatingwebhookconfigurations', { kind: 'ValidatingWebhookConfiguration', ...cluster });
});
