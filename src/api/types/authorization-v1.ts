/**
 * @module Types of io.k8s.api.authorization.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';

/** A field selector limiting a reviewed list or watch, raw or parsed. */
export interface FieldSelectorAttributes {
  /** The selector as given in a query string; exclusive with requirements. */
  rawSelector?: string;
  /** The selector in parsed form. */
  requirements?: metaV1.FieldSelectorRequirement[];
}

/** A label selector limiting a reviewed list or watch, raw or parsed. */
export interface LabelSelectorAttributes {
  /** The selector as given in a query string; exclusive with requirements. */
  rawSelector?: string;
  /** The selector in parsed form. */
  requirements?: metaV1.LabelSelectorRequirement[];
}

/** Asks whether a user may act in one namespace; creatable by namespace admins. */
export interface LocalSubjectAccessReview {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'authorization.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'LocalSubjectAccessReview';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The user and action; the namespace must match the review's. */
  spec: SubjectAccessReviewSpec;
  /** The decision, filled in by the server. */
  status?: SubjectAccessReviewStatus;
}

/** A request on a URL path that is not a resource. */
export interface NonResourceAttributes {
  /** The URL path. */
  path?: string;
  /** The HTTP verb in lower case. */
  verb?: string;
}

/** Verbs allowed on non-resource URLs. */
export interface NonResourceRule {
  /** Allowed verbs; "*" means all. */
  verbs: string[];
  /** URL paths (with an optional trailing *) covered. */
  nonResourceURLs?: string[];
}

/** A request on a resource, as an authorizer sees it. */
export interface ResourceAttributes {
  /** Namespace of the action; empty means all namespaces for namespaced resources. */
  namespace?: string;
  /** API verb such as get, list, watch or create; "*" means all. */
  verb?: string;
  /** API group of the resource; "*" means all. */
  group?: string;
  /** API version of the resource; "*" means all. */
  version?: string;
  /** Resource (plural) acted on; "*" means all. */
  resource?: string;
  /** Subresource acted on; "" means none. */
  subresource?: string;
  /** Name of the object; empty means all. */
  name?: string;
  /** Field selector of a list or watch being authorized. */
  fieldSelector?: FieldSelectorAttributes;
  /** Label selector of a list or watch being authorized. */
  labelSelector?: LabelSelectorAttributes;
}

/** Verbs allowed on resources; a possibly incomplete listing. */
export interface ResourceRule {
  /** Allowed verbs; "*" means all. */
  verbs: string[];
  /** API groups covered; "*" means all. */
  apiGroups?: string[];
  /** Resources covered; "*" means all. */
  resources?: string[];
  /** Object names the rule is limited to; all when empty. */
  resourceNames?: string[];
}

/** Asks whether the caller may perform an action. */
export interface SelfSubjectAccessReview {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'authorization.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'SelfSubjectAccessReview';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The action to check. */
  spec: SelfSubjectAccessReviewSpec;
  /** The decision, filled in by the server. */
  status?: SubjectAccessReviewStatus;
}

/** The action of a self review; exactly one attribute set is given. */
export interface SelfSubjectAccessReviewSpec {
  /** A resource action. */
  resourceAttributes?: ResourceAttributes;
  /** A non-resource action. */
  nonResourceAttributes?: NonResourceAttributes;
}

/** Lists what the caller may do in a namespace, as far as the authorizers can tell. */
export interface SelfSubjectRulesReview {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'authorization.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'SelfSubjectRulesReview';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The namespace to list rules for. */
  spec: SelfSubjectRulesReviewSpec;
  /** The rules, filled in by the server. */
  status?: SubjectRulesReviewStatus;
}

/** The scope of a rules review. */
export interface SelfSubjectRulesReviewSpec {
  /** Namespace whose rules are listed. */
  namespace?: string;
}

/** Asks whether any given user may perform an action. */
export interface SubjectAccessReview {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'authorization.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'SubjectAccessReview';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The user and the action. */
  spec: SubjectAccessReviewSpec;
  /** The decision, filled in by the server. */
  status?: SubjectAccessReviewStatus;
}

/** A user and an action; exactly one attribute set is given. */
export interface SubjectAccessReviewSpec {
  /** A resource action. */
  resourceAttributes?: ResourceAttributes;
  /** A non-resource action. */
  nonResourceAttributes?: NonResourceAttributes;
  /** The user to check. */
  user?: string;
  /** Groups of the user. */
  groups?: string[];
  /** Further user attributes from the authenticator. */
  extra?: { [key: string]: string[] };
  /** UID of the user. */
  uid?: string;
}

/** An authorization decision. */
export interface SubjectAccessReviewStatus {
  /** True when the action is allowed. */
  allowed: boolean;
  /** True when an authorizer explicitly denied the action; never true with allowed. */
  denied?: boolean;
  /** Why the decision was made. */
  reason?: string;
  /** A problem met while deciding; the decision may still stand. */
  evaluationError?: string;
}

/** The rules a subject has in a namespace. */
export interface SubjectRulesReviewStatus {
  /** Allowed resource actions. */
  resourceRules: ResourceRule[];
  /** Allowed non-resource actions. */
  nonResourceRules: NonResourceRule[];
  /** True when an authorizer could not list its rules, so the answer is partial. */
  incomplete: boolean;
  /** A problem met while listing rules. */
  evaluationError?: string;
}
