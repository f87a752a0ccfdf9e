/**
 * @module The RBAC objects every Kubernetes cluster starts with (the facts of kube-apiserver's
 * bootstrap policy, written here as data): user-facing roles (cluster-admin, admin/edit/view by
 * aggregation), discovery and self-review roles, the node, proxy, scheduler and controller-manager
 * roles, one `system:controller:<name>` role per controller bound to its service account, and the
 * namespaced leader-election and signer roles in kube-system and kube-public.
 */
import type { PolicyRule } from './rules.js';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const READ_WRITE = [...READ, ...WRITE];
const READ_UPDATE = [...READ, 'update', 'patch'];

/** A resource rule: verbs on resources of groups, optionally limited to names. */
function r(verbs: readonly string[], groups: readonly string[], resources: readonly string[], names?: readonly string[]): PolicyRule {
  return names ? { verbs, apiGroups: groups, resources, resourceNames: names } : { verbs, apiGroups: groups, resources };
}

/** A non-resource rule. */
function urls(verbs: readonly string[], paths: readonly string[]): PolicyRule {
  return { verbs, nonResourceURLs: paths };
}

const CORE = [''];
const events = (): PolicyRule => r(['create', 'update', 'patch'], ['', 'events.k8s.io'], ['events']);

export interface BootstrapRole {
  readonly name: string;
  readonly rules: readonly PolicyRule[];
  readonly labels?: Readonly<Record<string, string>>;
  /** Label selectors (matchLabels) whose cluster roles are aggregated into this one. */
  readonly aggregateFrom?: readonly Readonly<Record<string, string>>[];
}

export interface Subject {
  readonly kind: 'User' | 'Group' | 'ServiceAccount';
  readonly name: string;
  readonly namespace?: string;
}

export interface BootstrapBinding {
  readonly name: string;
  readonly role: string;
  readonly roleKind: 'ClusterRole' | 'Role';
  readonly subjects: readonly Subject[];
}

const user = (name: string): Subject => ({ kind: 'User', name });
const group = (name: string): Subject => ({ kind: 'Group', name });
const sa = (namespace: string, name: string): Subject => ({ kind: 'ServiceAccount', namespace, name });

const AGG_ADMIN = 'rbac.authorization.k8s.io/aggregate-to-admin';
const AGG_EDIT = 'rbac.authorization.k8s.io/aggregate-to-edit';
const AGG_VIEW = 'rbac.authorization.k8s.io/aggregate-to-view';

/** What a kubelet (group system:nodes) may do; the Node authorizer narrows it to its own objects. */
export const NODE_RULES: readonly PolicyRule[] = [
  r(['create'], ['authentication.k8s.io'], ['tokenreviews']),
  r(['create'], ['authorization.k8s.io'], ['subjectaccessreviews', 'localsubjectaccessreviews']),
  r(READ, CORE, ['services']),
  r(['create', 'get', 'list', 'watch'], CORE, ['nodes']),
  r(['update', 'patch'], CORE, ['nodes/status']),
  r(['update', 'patch'], CORE, ['nodes']),
  r(['create', 'update', 'patch'], CORE, ['events']),
  r(READ, CORE, ['pods']),
  r(['create', 'delete'], CORE, ['pods']),
  r(['update', 'patch'], CORE, ['pods/status']),
  r(['create'], CORE, ['pods/eviction']),
  r(['get', 'list', 'watch'], CORE, ['secrets', 'configmaps']),
  r(['get'], CORE, ['persistentvolumeclaims', 'persistentvolumes']),
  r(['get'], CORE, ['endpoints']),
  r(['create', 'get', 'list', 'watch'], ['certificates.k8s.io'], ['certificatesigningrequests']),
  r(['get', 'create', 'update', 'patch', 'delete'], ['coordination.k8s.io'], ['leases']),
  r(['get'], ['storage.k8s.io'], ['volumeattachments']),
  r(['create'], CORE, ['serviceaccounts/token']),
  r(['get', 'update', 'patch'], CORE, ['persistentvolumeclaims/status']),
  r(['get', 'watch', 'list'], ['storage.k8s.io'], ['csidrivers']),
  r(['get', 'create', 'update', 'patch', 'delete'], ['storage.k8s.io'], ['csinodes']),
  r(['get', 'list', 'watch'], ['node.k8s.io'], ['runtimeclasses']),
];

const USER_FACING: readonly BootstrapRole[] = [
  { name: 'cluster-admin', rules: [r(['*'], ['*'], ['*']), urls(['*'], ['*'])] },
  { name: 'system:discovery', rules: [urls(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/', '/openapi', '/openapi/*', '/api', '/api/*', '/apis', '/apis/*'])] },
  { name: 'system:monitoring', rules: [urls(['get'], ['/metrics', '/metrics/slis', '/livez', '/readyz', '/healthz', '/livez/*', '/readyz/*', '/healthz/*'])] },
  {
    name: 'system:basic-user',
    rules: [r(['create'], ['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews']), r(['create'], ['authentication.k8s.io'], ['selfsubjectreviews'])],
  },
  { name: 'system:public-info-viewer', rules: [urls(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/'])] },
  { name: 'admin', rules: [], aggregateFrom: [{ [AGG_ADMIN]: 'true' }] },
  { name: 'edit', rules: [], labels: { [AGG_ADMIN]: 'true' }, aggregateFrom: [{ [AGG_EDIT]: 'true' }] },
  { name: 'view', rules: [], labels: { [AGG_EDIT]: 'true' }, aggregateFrom: [{ [AGG_VIEW]: 'true' }] },
  {
    name: 'system:aggregate-to-admin', labels: { [AGG_ADMIN]: 'true' },
    rules: [r(['create'], ['authorization.k8s.io'], ['localsubjectaccessreviews']), r(READ_WRITE, ['rbac.authorization.k8s.io'], ['roles', 'rolebindings'])],
  },
  {
    name: 'system:aggregate-to-edit', labels: { [AGG_EDIT]: 'true' },
    rules: [
      r(READ, CORE, ['pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward', 'secrets', 'services/proxy']),
      r(['impersonate'], CORE, ['serviceaccounts']),
      r(WRITE, CORE, ['pods', 'pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward']),
      r(['create'], CORE, ['pods/eviction']),
      r(WRITE, CORE, ['replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/proxy', 'persistentvolumeclaims', 'configmaps', 'secrets', 'events']),
      r(['create'], CORE, ['serviceaccounts/token']),
      r(WRITE, ['apps'], ['statefulsets', 'statefulsets/scale', 'daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'replicasets', 'replicasets/scale']),
      r(WRITE, ['autoscaling'], ['horizontalpodautoscalers']),
      r(WRITE, ['batch'], ['jobs', 'cronjobs']),
      r(WRITE, ['extensions'], ['daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'ingresses', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale', 'networkpolicies']),
      r(WRITE, ['policy'], ['poddisruptionbudgets']),
      r(WRITE, ['networking.k8s.io'], ['networkpolicies', 'ingresses']),
      r(READ_WRITE, ['coordination.k8s.io'], ['leases']),
    ],
  },
  {
    name: 'system:aggregate-to-view', labels: { [AGG_VIEW]: 'true' },
    rules: [
      r(READ, CORE, ['pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'configmaps']),
      r(READ, CORE, ['limitranges', 'resourcequotas', 'bindings', 'events', 'pods/status', 'resourcequotas/status', 'namespaces/status', 'replicationcontrollers/status', 'pods/log']),
      r(READ, CORE, ['namespaces']),
      r(READ, ['discovery.k8s.io'], ['endpointslices']),
      r(READ, ['apps'], ['controllerrevisions', 'statefulsets', 'statefulsets/status', 'statefulsets/scale', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/status', 'deployments/scale', 'replicasets', 'replicasets/status', 'replicasets/scale']),
      r(READ, ['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
      r(READ, ['batch'], ['jobs', 'cronjobs', 'cronjobs/status', 'jobs/status']),
      r(READ, ['extensions'], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale', 'networkpolicies']),
      r(READ, ['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
      r(READ, ['networking.k8s.io'], ['networkpolicies', 'ingresses', 'ingresses/status']),
    ],
  },
];

const SYSTEM: readonly BootstrapRole[] = [
  { name: 'system:heapster', rules: [r(READ, CORE, ['events', 'pods', 'nodes', 'namespaces']), r(READ, ['extensions'], ['deployments'])] },
  { name: 'system:node', rules: NODE_RULES },
  { name: 'system:node-problem-detector', rules: [r(['get'], CORE, ['nodes']), r(['patch'], CORE, ['nodes/status']), events()] },
  { name: 'system:node-bootstrapper', rules: [r(['create', 'get', 'list', 'watch'], ['certificates.k8s.io'], ['certificatesigningrequests'])] },
  { name: 'system:auth-delegator', rules: [r(['create'], ['authentication.k8s.io'], ['tokenreviews']), r(['create'], ['authorization.k8s.io'], ['subjectaccessreviews'])] },
  { name: 'system:kube-aggregator', rules: [r(READ, CORE, ['services', 'endpoints'])] },
  {
    name: 'system:kube-controller-manager',
    rules: [
      events(),
      r(['create'], ['coordination.k8s.io'], ['leases']),
      r(['get', 'update'], ['coordination.k8s.io'], ['leases'], ['kube-controller-manager']),
      r(['create'], CORE, ['secrets', 'serviceaccounts']),
      r(['delete'], CORE, ['secrets']),
      r(['get'], CORE, ['namespaces', 'secrets', 'serviceaccounts', 'configmaps']),
      r(['update'], CORE, ['secrets', 'serviceaccounts']),
      r(['create'], ['authentication.k8s.io'], ['tokenreviews']),
      r(['create'], ['authorization.k8s.io'], ['subjectaccessreviews']),
      r(['list', 'watch'], ['*'], ['*']),
      r(['create'], CORE, ['serviceaccounts/token']),
    ],
  },
  { name: 'system:kube-dns', rules: [r(['list', 'watch'], CORE, ['endpoints', 'services'])] },
  {
    name: 'system:persistent-volume-provisioner',
    rules: [
      r(['get', 'list', 'watch', 'create', 'delete'], CORE, ['persistentvolumes']),
      r(['get', 'list', 'watch', 'update'], CORE, ['persistentvolumeclaims']),
      r(READ, ['storage.k8s.io'], ['storageclasses']),
      r(['watch'], CORE, ['events']),
      events(),
    ],
  },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', rules: [r(['create'], ['certificates.k8s.io'], ['certificatesigningrequests/nodeclient'])] },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', rules: [r(['create'], ['certificates.k8s.io'], ['certificatesigningrequests/selfnodeclient'])] },
  {
    name: 'system:volume-scheduler',
    rules: [r(READ_UPDATE, CORE, ['persistentvolumes']), r(READ, ['storage.k8s.io'], ['storageclasses']), r(READ_UPDATE, CORE, ['persistentvolumeclaims'])],
  },
  { name: 'system:certificates.k8s.io:legacy-unknown-approver', rules: [r(['approve'], ['certificates.k8s.io'], ['signers'], ['kubernetes.io/legacy-unknown'])] },
  { name: 'system:certificates.k8s.io:kubelet-serving-approver', rules: [r(['approve'], ['certificates.k8s.io'], ['signers'], ['kubernetes.io/kubelet-serving'])] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-approver', rules: [r(['approve'], ['certificates.k8s.io'], ['signers'], ['kubernetes.io/kube-apiserver-client'])] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', rules: [r(['approve'], ['certificates.k8s.io'], ['signers'], ['kubernetes.io/kube-apiserver-client-kubelet'])] },
  { name: 'system:service-account-issuer-discovery', rules: [urls(['get'], ['/.well-known/openid-configuration', '/.well-known/openid-configuration/', '/openid/v1/jwks', '/openid/v1/jwks/'])] },
  {
    name: 'system:kubelet-api-admin',
    rules: [r(['get', 'list', 'watch'], CORE, ['nodes']), r(['proxy'], CORE, ['nodes']), r(['*'], CORE, ['nodes/proxy', 'nodes/metrics', 'nodes/stats', 'nodes/log'])],
  },
  {
    name: 'system:node-proxier',
    rules: [r(['list', 'watch'], CORE, ['services', 'endpoints']), r(['get', 'list', 'watch'], CORE, ['nodes']), events(), r(['list', 'watch'], ['discovery.k8s.io'], ['endpointslices'])],
  },
  {
    name: 'system:kube-scheduler',
    rules: [
      events(),
      r(['create'], ['coordination.k8s.io'], ['leases']),
      r(['get', 'update', 'list', 'watch'], ['coordination.k8s.io'], ['leases'], ['kube-scheduler']),
      r(READ_WRITE, ['coordination.k8s.io'], ['leasecandidates']),
      r(READ, CORE, ['nodes']),
      r(['get', 'list', 'watch', 'delete'], CORE, ['pods']),
      r(['create'], CORE, ['pods/binding', 'bindings']),
      r(['patch', 'update'], CORE, ['pods/status']),
      r(READ, CORE, ['services', 'replicationcontrollers']),
      r(READ, ['apps', 'extensions'], ['replicasets']),
      r(READ, ['apps'], ['statefulsets']),
      r(READ, ['policy'], ['poddisruptionbudgets']),
      r(READ, CORE, ['persistentvolumeclaims', 'persistentvolumes']),
      r(['create'], ['authentication.k8s.io'], ['tokenreviews']),
      r(['create'], ['authorization.k8s.io'], ['subjectaccessreviews']),
      r(READ, ['storage.k8s.io'], ['csinodes']),
      r(['get', 'list', 'watch'], ['storage.k8s.io'], ['volumeattachments']),
      r(READ, CORE, ['namespaces']),
      r(READ, ['storage.k8s.io'], ['csidrivers']),
      r(READ, ['storage.k8s.io'], ['csistoragecapacities']),
    ],
  },
];

/** The controller-manager's controllers: one cluster role each, bound to kube-system/<name>. */
const CONTROLLERS: Readonly<Record<string, readonly PolicyRule[]>> = {
  'attachdetach-controller': [
    r(['list', 'watch'], CORE, ['persistentvolumes', 'persistentvolumeclaims']), r(['get', 'list', 'watch'], CORE, ['nodes']),
    r(['patch', 'update'], CORE, ['nodes/status']), r(['list', 'watch'], CORE, ['pods']), events(),
    r(['get', 'create', 'delete', 'list', 'watch'], ['storage.k8s.io'], ['volumeattachments']),
    r(['get', 'watch', 'list'], ['storage.k8s.io'], ['csidrivers']), r(['get', 'watch', 'list'], ['storage.k8s.io'], ['csinodes']),
  ],
  'clusterrole-aggregation-controller': [r(['escalate', 'get', 'list', 'watch', 'update', 'patch'], ['rbac.authorization.k8s.io'], ['clusterroles'])],
  'cronjob-controller': [
    r(['get', 'list', 'watch', 'update'], ['batch'], ['cronjobs']), r(['get', 'list', 'watch', 'create', 'update', 'delete', 'patch'], ['batch'], ['jobs']),
    r(['update'], ['batch'], ['cronjobs/status']), r(['update'], ['batch'], ['cronjobs/finalizers']), r(['list', 'delete'], CORE, ['pods']), events(),
  ],
  'daemon-set-controller': [
    r(READ, ['extensions', 'apps'], ['daemonsets']), r(['update'], ['extensions', 'apps'], ['daemonsets/status']),
    r(['update'], ['extensions', 'apps'], ['daemonsets/finalizers']), r(['list', 'watch'], CORE, ['nodes']),
    r(['list', 'watch', 'create', 'delete', 'patch'], CORE, ['pods']), r(['create'], CORE, ['pods/binding']),
    r(['get', 'list', 'watch', 'create', 'delete', 'update', 'patch'], ['apps'], ['controllerrevisions']), events(),
  ],
  'deployment-controller': [
    r(['get', 'list', 'watch', 'update'], ['extensions', 'apps'], ['deployments']), r(['update'], ['extensions', 'apps'], ['deployments/status']),
    r(['update'], ['extensions', 'apps'], ['deployments/finalizers']),
    r(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'], ['apps', 'extensions'], ['replicasets']),
    r(['get', 'list', 'watch', 'update'], CORE, ['pods']), events(),
  ],
  'disruption-controller': [
    r(READ, ['extensions', 'apps'], ['deployments']), r(READ, ['apps', 'extensions'], ['replicasets']), r(READ, CORE, ['replicationcontrollers']),
    r(READ, ['policy'], ['poddisruptionbudgets']), r(READ, ['apps'], ['statefulsets']), r(['update'], ['policy'], ['poddisruptionbudgets/status']),
    r(['get'], ['*'], ['*/scale']), events(),
  ],
  'endpoint-controller': [
    r(READ, CORE, ['services', 'pods']), r(['get', 'list', 'create', 'update', 'delete'], CORE, ['endpoints']),
    r(['create'], CORE, ['endpoints/restricted']), events(),
  ],
  'endpointslice-controller': [
    r(READ, CORE, ['services', 'pods', 'nodes']), r(['update'], CORE, ['services/finalizers']),
    r(['get', 'list', 'create', 'update', 'delete'], ['discovery.k8s.io'], ['endpointslices']), events(),
  ],
  'endpointslicemirroring-controller': [
    r(READ, CORE, ['services', 'endpoints']), r(['update'], CORE, ['services/finalizers']), r(['update'], CORE, ['endpoints/finalizers']),
    r(['get', 'list', 'create', 'update', 'delete'], ['discovery.k8s.io'], ['endpointslices']), events(),
  ],
  'expand-controller': [
    r(['get', 'list', 'watch', 'update', 'patch'], CORE, ['persistentvolumes']), r(['update', 'patch'], CORE, ['persistentvolumeclaims/status']),
    r(READ, CORE, ['persistentvolumeclaims']), r(READ, ['storage.k8s.io'], ['storageclasses']), r(['get'], CORE, ['services', 'endpoints']),
    r(['get'], CORE, ['secrets']), events(),
  ],
  'ephemeral-volume-controller': [
    r(READ, CORE, ['pods']), r(['update'], CORE, ['pods/finalizers']), r(['get', 'list', 'watch', 'create'], CORE, ['persistentvolumeclaims']), events(),
  ],
  'generic-garbage-collector': [r(['get', 'list', 'watch', 'patch', 'update', 'delete'], ['*'], ['*']), events()],
  'horizontal-pod-autoscaler': [
    r(READ, ['autoscaling'], ['horizontalpodautoscalers']), r(['update'], ['autoscaling'], ['horizontalpodautoscalers/status']),
    r(['get', 'update'], ['*'], ['*/scale']), r(['list'], CORE, ['pods']), r(['list'], ['metrics.k8s.io'], ['pods']),
    r(['get', 'list'], ['custom.metrics.k8s.io'], ['*']), r(['get', 'list'], ['external.metrics.k8s.io'], ['*']), events(),
  ],
  'job-controller': [
    r(['get', 'list', 'watch', 'update', 'patch'], ['batch'], ['jobs']), r(['update'], ['batch'], ['jobs/status']),
    r(['update'], ['batch'], ['jobs/finalizers']), r(['list', 'watch', 'create', 'delete', 'patch'], CORE, ['pods']), events(),
  ],
  'namespace-controller': [
    r(['get', 'list', 'watch', 'delete'], CORE, ['namespaces']), r(['update'], CORE, ['namespaces/finalize', 'namespaces/status']),
    r(['get', 'list', 'delete', 'deletecollection'], ['*'], ['*']),
  ],
  'node-controller': [
    r(['get', 'list', 'update', 'delete', 'patch'], CORE, ['nodes']), r(['patch', 'update'], CORE, ['nodes/status']),
    r(['update', 'patch'], CORE, ['pods/status']), r(['get', 'list', 'delete'], CORE, ['pods']), events(),
  ],
  'persistent-volume-binder': [
    r(['get', 'list', 'watch', 'update', 'create', 'delete'], CORE, ['persistentvolumes']), r(['update'], CORE, ['persistentvolumes/status']),
    r(['get', 'list', 'watch', 'update'], CORE, ['persistentvolumeclaims']), r(['update'], CORE, ['persistentvolumeclaims/status']),
    r(['list', 'watch', 'get', 'create', 'delete'], CORE, ['pods']), r(READ, ['storage.k8s.io'], ['storageclasses']),
    r(['get', 'create', 'update', 'delete'], CORE, ['endpoints']), r(['get', 'create', 'delete'], CORE, ['services']),
    r(['get'], CORE, ['secrets']), r(['get', 'list'], CORE, ['nodes']), r(['watch'], CORE, ['events']), events(),
  ],
  'pod-garbage-collector': [r(['list', 'watch', 'delete'], CORE, ['pods']), r(['get', 'list'], CORE, ['nodes']), r(['patch'], CORE, ['pods/status'])],
  'replicaset-controller': [
    r(['get', 'list', 'watch', 'update'], ['apps', 'extensions'], ['replicasets']), r(['update'], ['apps', 'extensions'], ['replicasets/status']),
    r(['update'], ['apps', 'extensions'], ['replicasets/finalizers']), r(['list', 'watch', 'patch', 'create', 'delete'], CORE, ['pods']), events(),
  ],
  'replication-controller': [
    r(['get', 'list', 'watch', 'update'], CORE, ['replicationcontrollers']), r(['update'], CORE, ['replicationcontrollers/status']),
    r(['update'], CORE, ['replicationcontrollers/finalizers']), r(['list', 'watch', 'patch', 'create', 'delete'], CORE, ['pods']), events(),
  ],
  'resourcequota-controller': [r(['list', 'watch'], ['*'], ['*']), r(['update'], CORE, ['resourcequotas/status']), events()],
  'route-controller': [r(['list', 'watch'], CORE, ['nodes']), r(['patch'], CORE, ['nodes/status']), events()],
  'service-account-controller': [r(['create'], CORE, ['serviceaccounts']), events()],
  'service-controller': [r(READ, CORE, ['services']), r(['patch', 'update'], CORE, ['services/status']), r(['list', 'watch'], CORE, ['nodes']), events()],
  'statefulset-controller': [
    r(['list', 'watch'], CORE, ['pods']), r(READ, ['apps'], ['statefulsets']), r(['update'], ['apps'], ['statefulsets/status']),
    r(['update'], ['apps'], ['statefulsets/finalizers']), r(['get', 'create', 'delete', 'update', 'patch'], CORE, ['pods']),
    r(['get', 'create', 'delete', 'update', 'patch', 'list', 'watch'], ['apps'], ['controllerrevisions']),
    r(['get', 'create'], CORE, ['persistentvolumeclaims']), r(['update'], CORE, ['persistentvolumeclaims']), events(),
  ],
  'ttl-controller': [r(['update', 'patch', 'list', 'watch'], CORE, ['nodes']), events()],
  'certificate-controller': [
    r(['get', 'list', 'watch', 'delete'], ['certificates.k8s.io'], ['certificatesigningrequests']),
    r(['update'], ['certificates.k8s.io'], ['certificatesigningrequests/status', 'certificatesigningrequests/approval']),
    r(['approve'], ['certificates.k8s.io'], ['signers'], ['kubernetes.io/kube-apiserver-client-kubelet']),
    r(['sign'], ['certificates.k8s.io'], ['signers'], ['kubernetes.io/legacy-unknown', 'kubernetes.io/kube-apiserver-client', 'kubernetes.io/kube-apiserver-client-kubelet', 'kubernetes.io/kubelet-serving']),
    r(['create'], ['authorization.k8s.io'], ['subjectaccessreviews']), events(),
  ],
  'pvc-protection-controller': [r(['get', 'list', 'watch', 'update'], CORE, ['persistentvolumeclaims']), r(['list', 'watch', 'get'], CORE, ['pods']), events()],
  'pv-protection-controller': [r(['get', 'list', 'watch', 'update'], CORE, ['persistentvolumes']), events()],
  'ttl-after-finished-controller': [r(['get', 'list', 'watch', 'delete'], ['batch'], ['jobs']), events()],
  'root-ca-cert-publisher': [r(['create', 'update'], CORE, ['configmaps']), events()],
  'legacy-service-account-token-cleaner': [r(['get'], CORE, ['configmaps'], ['kube-apiserver-legacy-service-account-token-tracking']), r(['patch', 'delete'], CORE, ['secrets']), events()],
};

/** Every bootstrap cluster role. */
export function bootstrapClusterRoles(): BootstrapRole[] {
  const controllers = Object.entries(CONTROLLERS).map(([name, rules]) => ({ name: `system:controller:${name}`, rules }));
  return [...USER_FACING, ...SYSTEM, ...controllers];
}

/** Every bootstrap cluster role binding. */
export function bootstrapClusterRoleBindings(): BootstrapBinding[] {
  const b = (name: string, subjects: Subject[], role = name): BootstrapBinding => ({ name, role, roleKind: 'ClusterRole', subjects });
  return [
    b('cluster-admin', [group('system:masters')]),
    b('system:monitoring', [group('system:monitoring')]),
    b('system:discovery', [group('system:authenticated')]),
    b('system:basic-user', [group('system:authenticated')]),
    b('system:public-info-viewer', [group('system:authenticated'), group('system:unauthenticated')]),
    b('system:node-proxier', [user('system:kube-proxy')]),
    b('system:kube-controller-manager', [user('system:kube-controller-manager')]),
    b('system:kube-dns', [sa('kube-system', 'kube-dns')]),
    b('system:kube-scheduler', [user('system:kube-scheduler')]),
    b('system:volume-scheduler', [user('system:kube-scheduler')]),
    // Kept without subjects: nodes get their permissions from the Node authorizer.
    b('system:node', []),
    b('system:service-account-issuer-discovery', [group('system:serviceaccounts')]),
    ...Object.keys(CONTROLLERS).map((name) => b(`system:controller:${name}`, [sa('kube-system', name)])),
  ];
}

/** Namespaced bootstrap roles, by namespace. */
export function bootstrapRoles(): Record<string, BootstrapRole[]> {
  return {
    'kube-system': [
      { name: 'extension-apiserver-authentication-reader', rules: [r(READ, CORE, ['configmaps'], ['extension-apiserver-authentication'])] },
      { name: 'system::leader-locking-kube-controller-manager', rules: [r(['watch'], CORE, ['configmaps']), r(['get', 'update'], CORE, ['configmaps'], ['kube-controller-manager'])] },
      { name: 'system::leader-locking-kube-scheduler', rules: [r(['watch'], CORE, ['configmaps']), r(['get', 'update'], CORE, ['configmaps'], ['kube-scheduler'])] },
      { name: 'system:controller:bootstrap-signer', rules: [r(READ, CORE, ['secrets'])] },
      { name: 'system:controller:cloud-provider', rules: [r(['create', 'get', 'list', 'watch'], CORE, ['configmaps'])] },
      { name: 'system:controller:token-cleaner', rules: [r(['delete', 'get', 'list', 'watch'], CORE, ['secrets']), events()] },
    ],
    'kube-public': [
      { name: 'system:controller:bootstrap-signer', rules: [r(READ, CORE, ['configmaps']), r(['update'], CORE, ['configmaps'], ['cluster-info']), events()] },
    ],
  };
}

/** Namespaced bootstrap role bindings, by namespace. */
export function bootstrapRoleBindings(): Record<string, BootstrapBinding[]> {
  const b = (name: string, subjects: Subject[], role = name): BootstrapBinding => ({ name, role, roleKind: 'Role', subjects });
  return {
    'kube-system': [
      b('system::extension-apiserver-authentication-reader', [user('system:kube-controller-manager'), user('system:kube-scheduler')], 'extension-apiserver-authentication-reader'),
      b('system::leader-locking-kube-controller-manager', [user('system:kube-controller-manager'), sa('kube-system', 'kube-controller-manager')]),
      b('system::leader-locking-kube-scheduler', [user('system:kube-scheduler'), sa('kube-system', 'kube-scheduler')]),
      b('system:controller:bootstrap-signer', [sa('kube-system', 'bootstrap-signer')]),
      b('system:controller:cloud-provider', [sa('kube-system', 'cloud-provider')]),
      b('system:controller:token-cleaner', [sa('kube-system', 'token-cleaner')]),
    ],
    'kube-public': [b('system:controller:bootstrap-signer', [sa('kube-system', 'bootstrap-signer')])],
  };
}
