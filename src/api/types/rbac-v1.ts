/**
 * @module Types of io.k8s.api.rbac.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';

/** How a ClusterRole collects the rules of other cluster roles. */
export interface AggregationRule {
  /** Cluster roles whose rules are merged in; any selector matching suffices. */
  clusterRoleSelectors?: metaV1.LabelSelector[];
}

/** A cluster-wide set of permissions, granted by bindings. */
export interface ClusterRole {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'rbac.authorization.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ClusterRole';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The permissions the role grants. */
  rules?: PolicyRule[];
  /** When set, the controller fills rules from the selected roles. */
  aggregationRule?: AggregationRule;
}

/** Grants a ClusterRole to subjects across the whole cluster. */
export interface ClusterRoleBinding {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'rbac.authorization.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ClusterRoleBinding';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** Who receives the role. */
  subjects?: Subject[];
  /** The cluster role granted; immutable. */
  roleRef: RoleRef;
}

/** A page of ClusterRoleBinding objects. */
export interface ClusterRoleBindingList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'rbac.authorization.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ClusterRoleBindingList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The bindings returned. */
  items: ClusterRoleBinding[];
}

/** A page of ClusterRole objects. */
export interface ClusterRoleList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'rbac.authorization.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ClusterRoleList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The cluster roles returned. */
  items: ClusterRole[];
}

/** A set of allowed verbs on resources or on non-resource URLs. */
export interface PolicyRule {
  /** Allowed verbs; "*" means all. */
  verbs: string[];
  /** API groups of the resources; "" is the core group, "*" all groups. */
  apiGroups?: string[];
  /** Resources (and resource/subresource pairs) covered; "*" means all. */
  resources?: string[];
  /** Object names the rule is limited to; every name when empty. */
  resourceNames?: string[];
  /** URL paths (with an optional trailing *) covered; cluster roles only. */
  nonResourceURLs?: string[];
}

/** A namespaced set of permissions, granted by role bindings. */
export interface Role {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'rbac.authorization.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Role';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The permissions the role grants. */
  rules?: PolicyRule[];
}

/** Grants a Role or ClusterRole to subjects within one namespace. */
export interface RoleBinding {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'rbac.authorization.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'RoleBinding';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** Who receives the role. */
  subjects?: Subject[];
  /** The role granted, a Role in this namespace or a ClusterRole; immutable. */
  roleRef: RoleRef;
}

/** A page of RoleBinding objects. */
export interface RoleBindingList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'rbac.authorization.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'RoleBindingList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The bindings returned. */
  items: RoleBinding[];
}

/** A page of Role objects. */
export interface RoleList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'rbac.authorization.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'RoleList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The roles returned. */
  items: Role[];
}

/** Names the role a binding grants. */
export interface RoleRef {
  /** API group of the role, rbac.authorization.k8s.io. */
  apiGroup: string;
  /** Role or ClusterRole. */
  kind: string;
  /** Name of the role. */
  name: string;
}

/** Someone a binding grants a role to: a user, a group or a service account. */
export interface Subject {
  /** User, Group or ServiceAccount. */
  kind: string;
  /** rbac.authorization.k8s.io for users and groups; empty for service accounts. */
  apiGroup?: string;
  /** Name of the subject. */
  name: string;
  /** Namespace of a service account subject. */
  namespace?: string;
}
