/**
 * @module Types of io.k8s.api.admissionregistration.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';

/** A CEL expression a request must satisfy for a webhook or policy to apply. */
export interface MatchCondition {
  /** Identifier of the condition, unique in its list. */
  name: string;
  /** CEL expression that must return true; it sees the object, oldObject, request and authorizer. */
  expression: string;
}

/** Which requests a policy applies to, by namespace, object and resource. */
export interface MatchResources {
  /** Labels of the namespace the object is in (or is); every namespace when empty. */
  namespaceSelector?: metaV1.LabelSelector;
  /** Labels of the object itself; every object when empty. */
  objectSelector?: metaV1.LabelSelector;
  /** Operations and resources matched. */
  resourceRules?: NamedRuleWithOperations[];
  /** Operations and resources excluded even if matched. */
  excludeResourceRules?: NamedRuleWithOperations[];
  /** Exact, or Equivalent (the default) to also match the same resource through other versions. */
  matchPolicy?: 'Equivalent' | 'Exact';
}

/** Operations and resources matched, optionally limited to object names. */
export interface NamedRuleWithOperations {
  /** Object names matched; every name when empty. */
  resourceNames?: string[];
  /** Operations matched: CREATE, UPDATE, DELETE, CONNECT or "*". */
  operations?: string[];
  /** API groups matched; "*" matches all. */
  apiGroups?: string[];
  /** API versions matched; "*" matches all. */
  apiVersions?: string[];
  /** Resources matched, with "/" for subresources and "*" wildcards. */
  resources?: string[];
  /** Cluster, Namespaced or "*" (the default): which scopes of resource match. */
  scope?: '*' | 'Cluster' | 'Namespaced';
}

/** Operations and resources a webhook is called for. */
export interface RuleWithOperations {
  /** Operations matched: CREATE, UPDATE, DELETE, CONNECT or "*". */
  operations?: string[];
  /** API groups matched; "*" matches all. */
  apiGroups?: string[];
  /** API versions matched; "*" matches all. */
  apiVersions?: string[];
  /** Resources matched, with "/" for subresources and "*" wildcards. */
  resources?: string[];
  /** Cluster, Namespaced or "*" (the default): which scopes of resource match. */
  scope?: '*' | 'Cluster' | 'Namespaced';
}

/** An in-cluster service that serves a webhook. */
export interface ServiceReference {
  /** Namespace of the service. */
  namespace: string;
  /** Name of the service. */
  name: string;
  /** URL path the webhook is posted to. */
  path?: string;
  /** Service port to call; 443 when unset. */
  port?: number;
}

/** How to reach a webhook over TLS: a URL or a service. */
export interface WebhookClientConfig {
  /** Location of the webhook as an https URL; exclusive with service. */
  url?: string;
  /** An in-cluster service; exclusive with url. */
  service?: ServiceReference;
  /** PEM CA bundle to verify the webhook's certificate; the system roots when empty. */
  caBundle?: string;
}

/** One mutating admission webhook and when it is called. */
export interface MutatingWebhook {
  /** Fully qualified name of the webhook, unique in its configuration. */
  name: string;
  /** How to call the webhook. */
  clientConfig: WebhookClientConfig;
  /** Operations and resources the webhook is called for. */
  rules?: RuleWithOperations[];
  /** Fail (the default) or Ignore when the call errors. */
  failurePolicy?: 'Fail' | 'Ignore';
  /** Exact, or Equivalent (the default) to also call for the same resource through other versions. */
  matchPolicy?: 'Equivalent' | 'Exact';
  /** Labels of the namespace the object is in (or is); every namespace when empty. */
  namespaceSelector?: metaV1.LabelSelector;
  /** Labels of the object itself; every object when empty. */
  objectSelector?: metaV1.LabelSelector;
  /** Whether the webhook changes anything outside the request: None or NoneOnDryRun (Some and Unknown are v1beta1 only). */
  sideEffects: 'None' | 'NoneOnDryRun' | 'Some' | 'Unknown';
  /** Seconds to wait for the webhook, 1 to 30; 10 when unset. */
  timeoutSeconds?: number;
  /** AdmissionReview versions the webhook accepts, in order of preference. */
  admissionReviewVersions: string[];
  /** Never (the default) or IfNeeded to call again after later mutations. */
  reinvocationPolicy?: 'IfNeeded' | 'Never';
  /** CEL conditions that must all hold for the webhook to be called. */
  matchConditions?: MatchCondition[];
}

/** A set of webhooks that may change objects as they are admitted. */
export interface MutatingWebhookConfiguration {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'admissionregistration.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'MutatingWebhookConfiguration';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The webhooks, called in order. */
  webhooks?: MutatingWebhook[];
}

/** A page of MutatingWebhookConfiguration objects. */
export interface MutatingWebhookConfigurationList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'admissionregistration.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'MutatingWebhookConfigurationList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The configurations returned. */
  items: MutatingWebhookConfiguration[];
}

/** One validating admission webhook and when it is called. */
export interface ValidatingWebhook {
  /** Fully qualified name of the webhook, unique in its configuration. */
  name: string;
  /** How to call the webhook. */
  clientConfig: WebhookClientConfig;
  /** Operations and resources the webhook is called for. */
  rules?: RuleWithOperations[];
  /** Fail (the default) or Ignore when the call errors. */
  failurePolicy?: 'Fail' | 'Ignore';
  /** Exact, or Equivalent (the default) to also call for the same resource through other versions. */
  matchPolicy?: 'Equivalent' | 'Exact';
  /** Labels of the namespace the object is in (or is); every namespace when empty. */
  namespaceSelector?: metaV1.LabelSelector;
  /** Labels of the object itself; every object when empty. */
  objectSelector?: metaV1.LabelSelector;
  /** Whether the webhook changes anything outside the request: None or NoneOnDryRun (Some and Unknown are v1beta1 only). */
  sideEffects: 'None' | 'NoneOnDryRun' | 'Some' | 'Unknown';
  /** Seconds to wait for the webhook, 1 to 30; 10 when unset. */
  timeoutSeconds?: number;
  /** AdmissionReview versions the webhook accepts, in order of preference. */
  admissionReviewVersions: string[];
  /** CEL conditions that must all hold for the webhook to be called. */
  matchConditions?: MatchCondition[];
}

/** A set of webhooks that may reject objects as they are admitted. */
export interface ValidatingWebhookConfiguration {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'admissionregistration.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ValidatingWebhookConfiguration';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The webhooks, called in parallel. */
  webhooks?: ValidatingWebhook[];
}

/** A page of ValidatingWebhookConfiguration objects. */
export interface ValidatingWebhookConfigurationList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'admissionregistration.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ValidatingWebhookConfigurationList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The configurations returned. */
  items: ValidatingWebhookConfiguration[];
}

/** An audit annotation a policy adds, computed by CEL. */
export interface AuditAnnotation {
  /** Annotation key, prefixed with the policy name in the audit event. */
  key: string;
  /** CEL expression producing the value, or null to skip the annotation. */
  valueExpression: string;
}

/** A type-checking problem found in one policy expression. */
export interface ExpressionWarning {
  /** Path to the expression, e.g. spec.validations[0].expression. */
  fieldRef: string;
  /** What the type checker reported. */
  warning: string;
}

/** The kind of object that parameterizes a policy. */
export interface ParamKind {
  /** API group and version of the parameter kind. */
  apiVersion?: string;
  /** Kind of the parameter objects. */
  kind?: string;
}

/** How a binding finds the parameter object(s) for its policy. */
export interface ParamRef {
  /** Name of a single parameter object; exclusive with selector. */
  name?: string;
  /** Namespace of the parameters; the request's namespace when unset for namespaced kinds. */
  namespace?: string;
  /** Labels selecting parameter objects; the policy runs once per match. */
  selector?: metaV1.LabelSelector;
  /** Allow or Deny when no parameter object is found. */
  parameterNotFoundAction?: string;
}

/** Results of type checking a policy's expressions. */
export interface TypeChecking {
  /** Problems found, one per expression. */
  expressionWarnings?: ExpressionWarning[];
}

/** Validates requests in-process with CEL expressions, without a webhook. */
export interface ValidatingAdmissionPolicy {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'admissionregistration.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ValidatingAdmissionPolicy';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The checks and what they apply to. */
  spec?: ValidatingAdmissionPolicySpec;
  /** Type-checking results and conditions; read-only. */
  status?: ValidatingAdmissionPolicyStatus;
}

/** Puts a ValidatingAdmissionPolicy into effect for some resources, with parameters. */
export interface ValidatingAdmissionPolicyBinding {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'admissionregistration.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ValidatingAdmissionPolicyBinding';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The policy, parameters, scope and actions. */
  spec?: ValidatingAdmissionPolicyBindingSpec;
}

/** A page of ValidatingAdmissionPolicyBinding objects. */
export interface ValidatingAdmissionPolicyBindingList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'admissionregistration.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ValidatingAdmissionPolicyBindingList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The bindings returned. */
  items: ValidatingAdmissionPolicyBinding[];
}

/** What a policy binding puts into effect. */
export interface ValidatingAdmissionPolicyBindingSpec {
  /** Name of the bound policy. */
  policyName?: string;
  /** Where the policy's parameters come from. */
  paramRef?: ParamRef;
  /** Further limits on which requests are checked. */
  matchResources?: MatchResources;
  /** What a failed check does: Deny, Warn and/or Audit. */
  validationActions?: string[];
}

/** A page of ValidatingAdmissionPolicy objects. */
export interface ValidatingAdmissionPolicyList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'admissionregistration.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ValidatingAdmissionPolicyList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The policies returned. */
  items: ValidatingAdmissionPolicy[];
}

/** The checks of a validating admission policy. */
export interface ValidatingAdmissionPolicySpec {
  /** Kind of the parameter objects; none when unset. */
  paramKind?: ParamKind;
  /** Resources the policy can apply to; bindings may narrow it further. */
  matchConstraints?: MatchResources;
  /** CEL checks that must all pass. */
  validations?: Validation[];
  /** Fail (the default) or Ignore when the policy is misconfigured or errors. */
  failurePolicy?: 'Fail' | 'Ignore';
  /** Annotations added to the audit event of checked requests. */
  auditAnnotations?: AuditAnnotation[];
  /** CEL conditions that must all hold for the policy to run. */
  matchConditions?: MatchCondition[];
  /** Named CEL values the other expressions can use, computed lazily. */
  variables?: Variable[];
}

/** The observed state of a policy. */
export interface ValidatingAdmissionPolicyStatus {
  /** The spec generation that was type checked. */
  observedGeneration?: number;
  /** Type-checking results. */
  typeChecking?: TypeChecking;
  /** The latest observations of the policy. */
  conditions?: metaV1.Condition[];
}

/** One CEL check of a policy. */
export interface Validation {
  /** CEL expression that must return true for the request to pass. */
  expression: string;
  /** Message returned when the check fails. */
  message?: string;
  /** HTTP reason returned when the check fails: Unauthorized, Forbidden (the default), Invalid or RequestEntityTooLarge. */
  reason?: string;
  /** CEL expression producing the failure message. */
  messageExpression?: string;
}

/** A named CEL value available to a policy's other expressions. */
export interface Variable {
  /** Name, used as variables.<name> in expressions. */
  name: string;
  /** CEL expression computing the value. */
  expression: string;
}
