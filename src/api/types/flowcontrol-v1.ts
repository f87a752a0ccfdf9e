/**
 * @module Types of io.k8s.api.flowcontrol.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';

/** How requests of a flow schema are split into flows. */
export interface FlowDistinguisherMethod {
  /** ByUser or ByNamespace. */
  type: string;
}

/** Classifies requests into a priority level and into flows within it. */
export interface FlowSchema {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'flowcontrol.apiserver.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'FlowSchema';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** Which requests match, and where they go. */
  spec?: FlowSchemaSpec;
  /** The schema's current state; read-only. */
  status?: FlowSchemaStatus;
}

/** One aspect of a FlowSchema's state. */
export interface FlowSchemaCondition {
  /** Which aspect this condition describes. */
  type?: string;
  /** Whether the condition holds: True, False or Unknown. */
  status?: string;
  /** When the status last flipped. */
  lastTransitionTime?: metaV1.Time;
  /** One-word CamelCase cause of the last transition. */
  reason?: string;
  /** Free-form explanation of the most recent status change. */
  message?: string;
}

/** A page of FlowSchema objects. */
export interface FlowSchemaList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'flowcontrol.apiserver.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'FlowSchemaList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The flow schemas returned. */
  items: FlowSchema[];
}

/** The matching rules and target of a FlowSchema. */
export interface FlowSchemaSpec {
  /** The priority level matching requests are assigned to. */
  priorityLevelConfiguration: PriorityLevelConfigurationReference;
  /** Order in which schemas are tried, lowest first; 1000 when unset. */
  matchingPrecedence?: number;
  /** How matching requests are split into flows; one flow when unset. */
  distinguisherMethod?: FlowDistinguisherMethod;
  /** Rules of which any one matching makes the request match. */
  rules?: PolicyRulesWithSubjects[];
}

/** The current state of a FlowSchema. */
export interface FlowSchemaStatus {
  /** The latest observations, such as Dangling. */
  conditions?: FlowSchemaCondition[];
}

/** A user group as a flow schema subject. */
export interface GroupSubject {
  /** Group name; "*" matches every group. */
  name: string;
}

/** Matches requests on non-resource URLs by verb and path. */
export interface NonResourcePolicyRule {
  /** Verbs matched; "*" matches all. */
  verbs: string[];
  /** URL paths matched, with a trailing /* for prefixes; "*" matches all. */
  nonResourceURLs: string[];
}

/** Matches requests by who sent them and what they do. */
export interface PolicyRulesWithSubjects {
  /** Requesters matched; at least one is required. */
  subjects: Subject[];
  /** Resource requests matched. */
  resourceRules?: ResourcePolicyRule[];
  /** Non-resource requests matched. */
  nonResourceRules?: NonResourcePolicyRule[];
}

/** Matches resource requests by verb, group, resource and namespace. */
export interface ResourcePolicyRule {
  /** Verbs matched; "*" matches all. */
  verbs: string[];
  /** API groups matched; "*" matches all. */
  apiGroups: string[];
  /** Resources (and resource/subresource pairs) matched; "*" matches all. */
  resources: string[];
  /** Whether requests not tied to a namespace match. */
  clusterScope?: boolean;
  /** Namespaces matched; "*" matches every namespace. */
  namespaces?: string[];
}

/** A service account as a flow schema subject. */
export interface ServiceAccountSubject {
  /** Namespace of the service account. */
  namespace: string;
  /** Name of the service account; "*" matches all in the namespace. */
  name: string;
}

/** A requester matched by a flow schema: a user, a group or a service account. */
export interface Subject {
  /** User, Group or ServiceAccount. */
  kind: string;
  /** The user, when kind is User. */
  user?: UserSubject;
  /** The group, when kind is Group. */
  group?: GroupSubject;
  /** The service account, when kind is ServiceAccount. */
  serviceAccount?: ServiceAccountSubject;
}

/** A user as a flow schema subject. */
export interface UserSubject {
  /** User name; "*" matches every user. */
  name: string;
}

/** Settings of the exempt priority level, whose requests are never queued. */
export interface ExemptPriorityLevelConfiguration {
  /** Share of the server's concurrency nominally reserved for this level. */
  nominalConcurrencyShares?: number;
  /** Percentage of this level's seats other levels may borrow. */
  lendablePercent?: number;
}

/** What happens to requests that cannot run at once. */
export interface LimitResponse {
  /** Queue (hold them in queues) or Reject (fail them with 429). */
  type: string;
  /** Queue settings, when type is Queue. */
  queuing?: QueuingConfiguration;
}

/** Settings of a priority level whose concurrency is limited. */
export interface LimitedPriorityLevelConfiguration {
  /** Share of the server's concurrency nominally given to this level; 30 when unset. */
  nominalConcurrencyShares?: number;
  /** What to do with requests beyond the limit. */
  limitResponse?: LimitResponse;
  /** Percentage of this level's seats other levels may borrow. */
  lendablePercent?: number;
  /** Most seats this level may borrow, as a percentage of its own; unlimited when unset. */
  borrowingLimitPercent?: number;
}

/** A priority level of the API server, with its concurrency share and queueing. */
export interface PriorityLevelConfiguration {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'flowcontrol.apiserver.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PriorityLevelConfiguration';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** How the level is limited. */
  spec?: PriorityLevelConfigurationSpec;
  /** The level's current state; read-only. */
  status?: PriorityLevelConfigurationStatus;
}

/** One aspect of a priority level's state. */
export interface PriorityLevelConfigurationCondition {
  /** Which aspect this condition describes. */
  type?: string;
  /** Whether the condition holds: True, False or Unknown. */
  status?: string;
  /** When the status last flipped. */
  lastTransitionTime?: metaV1.Time;
  /** One-word CamelCase cause of the last transition. */
  reason?: string;
  /** Free-form explanation of the most recent status change. */
  message?: string;
}

/** A page of PriorityLevelConfiguration objects. */
export interface PriorityLevelConfigurationList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'flowcontrol.apiserver.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PriorityLevelConfigurationList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The priority levels returned. */
  items: PriorityLevelConfiguration[];
}

/** Names the priority level a flow schema targets. */
export interface PriorityLevelConfigurationReference {
  /** Name of the priority level. */
  name: string;
}

/** Whether a priority level is limited, and how. */
export interface PriorityLevelConfigurationSpec {
  /** Exempt (never limited) or Limited. */
  type: string;
  /** Settings when type is Limited. */
  limited?: LimitedPriorityLevelConfiguration;
  /** Settings when type is Exempt. */
  exempt?: ExemptPriorityLevelConfiguration;
}

/** The current state of a priority level. */
export interface PriorityLevelConfigurationStatus {
  /** The latest observations of the level. */
  conditions?: PriorityLevelConfigurationCondition[];
}

/** How waiting requests are queued with shuffle sharding. */
export interface QueuingConfiguration {
  /** Number of queues; 64 when unset. */
  queues?: number;
  /** Queues each flow is dealt, of which it uses the shortest; 8 when unset. */
  handSize?: number;
  /** Requests a queue may hold before more are rejected; 50 when unset. */
  queueLengthLimit?: number;
}
