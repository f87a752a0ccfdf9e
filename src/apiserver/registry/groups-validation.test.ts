import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/meta/object.js';
import { createErrors, updateErrors } from './testing/validate.js';

type Obj = Record<string, unknown>;
type Case = readonly [name: string, group: string, plural: string, obj: KubeObject, want: readonly string[]];
const o = (fields: Obj, meta: Obj = {}): KubeObject => ({ metadata: { name: 'x', ...meta }, ...fields });
const tpl = (labels: Obj = { app: 'a' }, spec: Obj = {}) => ({ metadata: { labels }, spec: { containers: [{ name: 'c', image: 'x' }], ...spec } });
const workload = (spec: Obj) => o({ spec: { selector: { matchLabels: { app: 'a' } }, template: tpl(), ...spec } });
const job = (spec: Obj) => o({ spec: { template: tpl({}, { restartPolicy: 'Never' }), ...spec } });
const webhook = (w: Obj) => o({ webhooks: [{ name: 'check.example.com', clientConfig: { url: 'https://h/x' }, sideEffects: 'None', admissionReviewVersions: ['v1'], ...w }] });

const CASES: readonly Case[] = [
  ['valid deployment', 'apps', 'deployments', workload({}), []],
  ['deployment selector required', 'apps', 'deployments', o({ spec: { template: tpl() } }), ['spec.selector: Required value']],
  ['deployment empty selector', 'apps', 'deployments', workload({ selector: {} }),
    ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment']],
  ['deployment selector operator', 'apps', 'deployments', workload({ selector: { matchExpressions: [{ key: 'app', operator: 'Has' }] } }),
    ['spec.selector.matchExpressions[0].operator: Invalid value: "Has": not a valid selector operator',
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Has", Values:[]string(nil)}}}: invalid label selector']],
  ['deployment restart policy', 'apps', 'deployments', workload({ template: tpl({ app: 'a' }, { restartPolicy: 'OnFailure' }) }),
    ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']],
  ['deployment maxSurge percent', 'apps', 'deployments', workload({ strategy: { rollingUpdate: { maxSurge: '5x' } } }),
    ["spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"5x\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"]],
  ['deployment progress deadline', 'apps', 'deployments', workload({ minReadySeconds: 10, progressDeadlineSeconds: 5 }),
    ['spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds']],
  ['replica set activeDeadlineSeconds', 'apps', 'replicasets', workload({ template: tpl({ app: 'a' }, { activeDeadlineSeconds: 5 }) }),
    ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported']],
  ['daemon set surge and unavailable', 'apps', 'daemonsets', workload({ updateStrategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } }),
    ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero']],
  ['stateful set name is a label', 'apps', 'statefulsets', { ...workload({}), metadata: { name: 'a.b' } }, ['metadata.name: Invalid value: "a.b": must not contain dots']],
  ['stateful set policy', 'apps', 'statefulsets', workload({ podManagementPolicy: 'Random' }),
    ["spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'"]],
  ['stateful set retention', 'apps', 'statefulsets', workload({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep' } }),
    ['spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"']],
  ['valid job', 'batch', 'jobs', job({}), []],
  ['job restart policy', 'batch', 'jobs', job({ template: tpl({}) }), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
  ['job counts', 'batch', 'jobs', job({ parallelism: -1, backoffLimit: -2 }),
    ['spec.parallelism: Invalid value: -1: must be greater than or equal to 0', 'spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0']],
  ['indexed job needs completions', 'batch', 'jobs', job({ completionMode: 'Indexed', completions: null, parallelism: 2 }),
    ['spec.completions: Required value: when completion mode is Indexed']],
  ['backoff per index needs indexed mode', 'batch', 'jobs', job({ backoffLimitPerIndex: 1 }),
    ['spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode']],
  ['cron schedule', 'batch', 'cronjobs', o({ spec: { schedule: '* * *', jobTemplate: { spec: { template: tpl({}, { restartPolicy: 'OnFailure' }) } } } }),
    ['spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]']],
  ['cron time zone', 'batch', 'cronjobs', o({ spec: { schedule: '@daily', timeZone: 'Mars/Olympus', jobTemplate: { spec: { template: tpl({}, { restartPolicy: 'OnFailure' }) } } } }),
    ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']],
  ['cron TZ in schedule', 'batch', 'cronjobs', o({ spec: { schedule: 'TZ=UTC 0 * * * *', jobTemplate: { spec: { template: tpl({}, { restartPolicy: 'OnFailure' }) } } } }),
    ['spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']],
  ['cron name length', 'batch', 'cronjobs', o({ spec: { schedule: '@daily', jobTemplate: { spec: { template: tpl({}, { restartPolicy: 'OnFailure' }) } } } }, { name: 'c'.repeat(53) }),
    [`metadata.name: Invalid value: "${'c'.repeat(53)}": must be no more than 52 characters`]],
  ['pdb both set', 'policy', 'poddisruptionbudgets', o({ spec: { minAvailable: 1, maxUnavailable: 1 } }),
    ['spec: Invalid value: policy.PodDisruptionBudgetSpec{...}: minAvailable and maxUnavailable cannot be both set']],
  ['pdb percent', 'policy', 'poddisruptionbudgets', o({ spec: { minAvailable: '150%' } }),
    ['spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%']],
  ['role rule verbs', 'rbac.authorization.k8s.io', 'roles', o({ rules: [{ apiGroups: [''], resources: ['pods'] }] }),
    ['rules[0].verbs: Required value: verbs must contain at least one value']],
  ['namespaced non-resource URLs', 'rbac.authorization.k8s.io', 'roles', o({ rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }] }),
    ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs']],
  ['cluster role resource rule', 'rbac.authorization.k8s.io', 'clusterroles', o({ rules: [{ verbs: ['get'] }] }),
    ['rules[0].apiGroups: Required value: resource rules must supply at least one api group', 'rules[0].resources: Required value: resource rules must supply at least one resource']],
  ['cluster role binding kind', 'rbac.authorization.k8s.io', 'clusterrolebindings', o({ roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'Robot', name: 'r' }] }),
    ['roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"', 'subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"']],
  ['service account subject needs a namespace', 'rbac.authorization.k8s.io', 'clusterrolebindings', o({ roleRef: { kind: 'ClusterRole', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'sa' }] }),
    ['subjects[0].namespace: Required value']],
  ['ingress path type', 'networking.k8s.io', 'ingresses', o({ spec: { rules: [{ host: '*.example.com', http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }),
    ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']],
  ['ingress host is not an IP', 'networking.k8s.io', 'ingresses', o({ spec: { rules: [{ host: '10.0.0.1' }] } }),
    ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address']],
  ['ingress backend port', 'networking.k8s.io', 'ingresses', o({ spec: { defaultBackend: { service: { name: 'web', port: {} } } } }),
    ['spec.defaultBackend: Required value: port name or number is required']],
  ['ingress needs rules or a backend', 'networking.k8s.io', 'ingresses', o({ spec: {} }),
    ['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']],
  ['network policy ipBlock', 'networking.k8s.io', 'networkpolicies', o({ spec: { ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] } }] }] } }),
    ['spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`']],
  ['network policy peer', 'networking.k8s.io', 'networkpolicies', o({ spec: { egress: [{ to: [{}], ports: [{ port: 'http', endPort: 90 }] }] } }),
    ['spec.egress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric', 'spec.egress[0].to[0]: Required value: must specify a peer']],
  ['storage class binding mode', 'storage.k8s.io', 'storageclasses', o({ provisioner: 'example.com/p', volumeBindingMode: 'Later' }),
    ['volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"']],
  ['storage class provisioner', 'storage.k8s.io', 'storageclasses', o({}), ['provisioner: Required value']],
  ['priority class value', 'scheduling.k8s.io', 'priorityclasses', o({ value: 2000000000 }),
    ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']],
  ['runtime class handler', 'node.k8s.io', 'runtimeclasses', o({ handler: 'Run_C' }),
    ["handler: Invalid value: \"Run_C\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]],
  ['lease duration', 'coordination.k8s.io', 'leases', o({ spec: { leaseDurationSeconds: 0 } }), ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']],
  ['endpoint slice address type', 'discovery.k8s.io', 'endpointslices', o({ addressType: 'IPv4', endpoints: [{ addresses: ['fd00::1'] }] }),
    ['endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address']],
  ['endpoint slice type', 'discovery.k8s.io', 'endpointslices', o({ addressType: 'IP' }), ['addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"']],
  ['hpa replicas', 'autoscaling', 'horizontalpodautoscalers', o({ spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 3, maxReplicas: 2 } }),
    ['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`']],
  ['hpa metric source', 'autoscaling', 'horizontalpodautoscalers', o({ spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 2, metrics: [{ type: 'Pods', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] } }),
    ['spec.metrics[0].pods: Required value: must populate information for the given metric source']],
  ['hpa two metric sources', 'autoscaling', 'horizontalpodautoscalers', o({ spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 2, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } }, pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1' } } }] } }),
    ['spec.metrics[0].pods: Forbidden: must populate the given metric source only']],
  ['webhook name', 'admissionregistration.k8s.io', 'validatingwebhookconfigurations', webhook({ name: 'check' }),
    ['webhooks[0].name: Invalid value: "check": should be a domain with at least three segments separated by dots']],
  ['webhook side effects', 'admissionregistration.k8s.io', 'validatingwebhookconfigurations', webhook({ sideEffects: null }),
    ['webhooks[0].sideEffects: Required value: must specify one of None, NoneOnDryRun']],
  ['webhook client config', 'admissionregistration.k8s.io', 'mutatingwebhookconfigurations', webhook({ clientConfig: {} }),
    ['webhooks[0].clientConfig: Required value: exactly one of url or service is required']],
  ['webhook url scheme', 'admissionregistration.k8s.io', 'validatingwebhookconfigurations', webhook({ clientConfig: { url: 'http://h/x' } }),
    ["webhooks[0].clientConfig.url: Invalid value: \"http\": 'https' is the only allowed URL scheme; desired format: https://host[/path]"]],
  ['webhook review versions', 'admissionregistration.k8s.io', 'validatingwebhookconfigurations', webhook({ admissionReviewVersions: [] }),
    ['webhooks[0].admissionReviewVersions: Required value: must specify one of v1, v1beta1']],
  ['webhook timeout', 'admissionregistration.k8s.io', 'validatingwebhookconfigurations', webhook({ timeoutSeconds: 31 }),
    ['webhooks[0].timeoutSeconds: Invalid value: 31: the timeout value must be between 1 and 30 seconds']],
];

test('named-group objects are validated as kube-apiserver validates them', () => {
  const wrong = CASES.map(([name, group, plural, obj, want]) => ({ name, want, got: createErrors(plural, obj, group, group === 'autoscaling' ? 'v2' : 'v1') }))
    .filter((c) => JSON.stringify(c.got) !== JSON.stringify(c.want));
  assert.deepEqual(wrong, []);
});

test('workload selectors are immutable; stateful sets keep most of their spec', () => {
  assert.deepEqual(updateErrors('deployments', workload({}), (n) => {
    const s = n['spec'] as Obj;
    s['selector'] = { matchLabels: { app: 'b' } };
    s['template'] = tpl({ app: 'b' });
  }, 'apps'), ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable']);
  assert.deepEqual(updateErrors('statefulsets', workload({ serviceName: 'a' }), (n) => { (n['spec'] as Obj)['serviceName'] = 'b'; }, 'apps'),
    ["spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"]);
  assert.deepEqual(updateErrors('statefulsets', workload({}), (n) => { (n['spec'] as Obj)['replicas'] = 5; }, 'apps'), []);
});

test('jobs keep their template unless suspended; role bindings keep their roleRef', () => {
  const j = job({});
  assert.deepEqual(updateErrors('jobs', j, (n) => { (n['spec'] as Obj)['parallelism'] = 3; }, 'batch'), []);
  assert.deepEqual(updateErrors('jobs', j, (n) => { (((n['spec'] as Obj)['template'] as Obj)['spec'] as Obj)['activeDeadlineSeconds'] = 5; }, 'batch'),
    ['spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable']);
  const susp = job({ suspend: true });
  assert.deepEqual(updateErrors('jobs', susp, (n) => { (((n['spec'] as Obj)['template'] as Obj)['spec'] as Obj)['nodeSelector'] = { zone: 'a' }; }, 'batch'), []);
  const rb = o({ roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'User', name: 'me' }] });
  assert.deepEqual(updateErrors('rolebindings', rb, (n) => { (n['roleRef'] as Obj)['name'] = 'edit'; }, 'rbac.authorization.k8s.io'),
    ['roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef']);
  assert.deepEqual(updateErrors('storageclasses', o({ provisioner: 'example.com/p', parameters: { a: '1' } }), (n) => { n['parameters'] = { a: '2' }; }, 'storage.k8s.io'),
    ['parameters: Forbidden: updates to parameters are forbidden.']);
});
