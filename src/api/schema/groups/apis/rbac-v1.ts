/** @module rbac.authorization.k8s.io/v1: roles, cluster roles and the bindings that grant them. */
import { defineGroup } from '../../dsl.js';

export const rbacV1 = defineGroup({ prefix: 'io.k8s.api.rbac.v1', group: 'rbac.authorization.k8s.io', version: 'v1' }, (g) => {
  g.struct('AggregationRule', 'How a ClusterRole collects the rules of other cluster roles.', {
    clusterRoleSelectors: ['[]LabelSelector', 1, 'Cluster roles whose rules are merged in; any selector matching suffices.', { list: 'atomic' }],
  });
  g.kind('ClusterRole', 'A cluster-wide set of permissions, granted by bindings.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    rules: ['[]PolicyRule', 2, 'The permissions the role grants.', { list: 'atomic' }],
    aggregationRule: ['AggregationRule', 3, 'When set, the controller fills rules from the selected roles.', { ptr: true }],
  });
  g.kind('ClusterRoleBinding', 'Grants a ClusterRole to subjects across the whole cluster.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    subjects: ['[]Subject', 2, 'Who receives the role.', { list: 'atomic' }],
    roleRef: ['RoleRef', 3, 'The cluster role granted; immutable.', { required: true }],
  });
  g.kind('ClusterRoleBindingList', 'A page of ClusterRoleBinding objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]ClusterRoleBinding', 2, 'The bindings returned.', { required: true }],
  });
  g.kind('ClusterRoleList', 'A page of ClusterRole objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]ClusterRole', 2, 'The cluster roles returned.', { required: true }],
  });
  g.struct('PolicyRule', 'A set of allowed verbs on resources or on non-resource URLs.', {
    verbs: ['[]string', 1, 'Allowed verbs; "*" means all.', { required: true, list: 'atomic' }],
    apiGroups: ['[]string', 2, 'API groups of the resources; "" is the core group, "*" all groups.', { list: 'atomic' }],
    resources: ['[]string', 3, 'Resources (and resource/subresource pairs) covered; "*" means all.', { list: 'atomic' }],
    resourceNames: ['[]string', 4, 'Object names the rule is limited to; every name when empty.', { list: 'atomic' }],
    nonResourceURLs: ['[]string', 5, 'URL paths (with an optional trailing *) covered; cluster roles only.', { list: 'atomic' }],
  });
  g.kind('Role', 'A namespaced set of permissions, granted by role bindings.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    rules: ['[]PolicyRule', 2, 'The permissions the role grants.', { list: 'atomic' }],
  });
  g.kind('RoleBinding', 'Grants a Role or ClusterRole to subjects within one namespace.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    subjects: ['[]Subject', 2, 'Who receives the role.', { list: 'atomic' }],
    roleRef: ['RoleRef', 3, 'The role granted, a Role in this namespace or a ClusterRole; immutable.', { required: true }],
  });
  g.kind('RoleBindingList', 'A page of RoleBinding objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]RoleBinding', 2, 'The bindings returned.', { required: true }],
  });
  g.kind('RoleList', 'A page of Role objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]Role', 2, 'The roles returned.', { required: true }],
  });
  g.struct('RoleRef', 'Names the role a binding grants.', {
    apiGroup: ['string', 1, 'API group of the role, rbac.authorization.k8s.io.', { required: true }],
    kind: ['string', 2, 'Role or ClusterRole.', { required: true }],
    name: ['string', 3, 'Name of the role.', { required: true }],
  }, { mapType: 'atomic' });
  g.struct('Subject', 'Someone a binding grants a role to: a user, a group or a service account.', {
    kind: ['string', 1, 'User, Group or ServiceAccount.', { required: true }],
    apiGroup: ['string', 2, 'rbac.authorization.k8s.io for users and groups; empty for service accounts.'],
    name: ['string', 3, 'Name of the subject.', { required: true }],
    namespace: ['string', 4, 'Namespace of a service account subject.'],
  }, { mapType: 'atomic' });

  g.resource('clusterrolebindings', { kind: 'ClusterRoleBinding', namespaced: false });
  g.resource('clusterroles', { kind: 'ClusterRole', namespaced: false });
  g.resource('rolebindings', { kind: 'RoleBinding' });
  g.resource('roles', { kind: 'Role' });
});
