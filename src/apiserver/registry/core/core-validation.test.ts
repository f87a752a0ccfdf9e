import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta/object.js';
import { createErrors, statusErrors, updateErrors } from '../testing/validate.js';

type Obj = Record<string, unknown>;
type Case = readonly [name: string, plural: string, obj: KubeObject, want: readonly string[]];
const o = (fields: Obj, meta: Obj = {}): KubeObject => ({ metadata: { name: 'x', ...meta }, ...fields });
const svc = (spec: Obj) => o({ spec: { ports: [{ port: 80 }], selector: { app: 'web' }, ...spec } });
const b64 = (s: string) => Buffer.from(s).toString('base64');

const CASES: readonly Case[] = [
  ['valid service', 'services', svc({}), []],
  ['service name is a DNS-1035 label', 'services', { ...svc({}), metadata: { name: '1web' } },
    ["metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"]],
  ['service ports required', 'services', svc({ ports: [] }), ['spec.ports: Required value']],
  ['service port range and duplicate', 'services', svc({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }, { name: 'c', port: 0 }] }),
    ['spec.ports[2].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      // targetPort defaults to port, so it is out of range too.
      'spec.ports[2].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}']],
  ['service port names required when several', 'services', svc({ ports: [{ port: 80 }, { name: 'b', port: 81 }] }), ['spec.ports[0].name: Required value']],
  ['nodePort on ClusterIP', 'services', svc({ ports: [{ port: 80, nodePort: 30001 }] }), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
  ['service type', 'services', svc({ type: 'Cluster' }),
    ['spec.type: Unsupported value: "Cluster": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
  ['external name required', 'services', svc({ type: 'ExternalName' }), ['spec.externalName: Required value']],
  ['external name is a DNS name', 'services', svc({ type: 'ExternalName', externalName: 'bad_name.' }),
    ["spec.externalName: Invalid value: \"bad_name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]],
  ['cluster IP form', 'services', svc({ clusterIP: '10.0.0.256' }),
    ['spec.clusterIPs[0]: Invalid value: "10.0.0.256": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
  ['session affinity', 'services', svc({ sessionAffinity: 'Sticky' }), ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']],
  ['externalTrafficPolicy on a ClusterIP service', 'services', svc({ externalTrafficPolicy: 'Local' }),
    ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services']],
  ['loadBalancerSourceRanges', 'services', svc({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/33'] }),
    ['spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
  ['valid config map', 'configmaps', o({ data: { 'a.b': '1' } }), []],
  ['config map key', 'configmaps', o({ data: { 'a b': '1' } }),
    ["data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]],
  ['config map key in both maps', 'configmaps', o({ data: { k: '1' }, binaryData: { k: b64('1') } }), ['data[k]: Invalid value: "k": duplicate of key present in binaryData']],
  ['config map size', 'configmaps', o({ data: { k: 'x'.repeat(1024 * 1024 + 1) } }), [': Too long: may not be more than 1048576 bytes']],
  ['tls secret keys', 'secrets', o({ type: 'kubernetes.io/tls', data: { 'tls.crt': b64('c') } }), ['data[tls.key]: Required value']],
  ['dockerconfigjson is JSON', 'secrets', o({ type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64('nope') } }),
    ["data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": invalid character 'o' in literal null (expecting 'u')"]],
  ['basic auth needs a username or password', 'secrets', o({ type: 'kubernetes.io/basic-auth', data: {} }), ['data[username]: Required value', 'data[password]: Required value']],
  ['ssh auth', 'secrets', o({ type: 'kubernetes.io/ssh-auth', data: { 'ssh-privatekey': '' } }), ['data[ssh-privatekey]: Required value']],
  ['service account token secret', 'secrets', o({ type: 'kubernetes.io/service-account-token' }), ['metadata.annotations[kubernetes.io/service-account.name]: Required value']],
  ['namespace name is a label', 'namespaces', o({}, { name: 'a.b' }), ['metadata.name: Invalid value: "a.b": must not contain dots']],
  ['namespace finalizer', 'namespaces', o({ spec: { finalizers: ['custom'] } }),
    ['spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified']],
  ['metadata finalizer', 'configmaps', o({}, { finalizers: ['mine'] }), ['metadata.finalizers[0]: Invalid value: "mine": name is neither a standard finalizer name nor is it fully qualified']],
  ['node taints', 'nodes', o({ spec: { taints: [{ key: 'k', effect: 'NoSchedule' }, { key: 'k', effect: 'NoSchedule' }, { key: 'j', effect: 'Never' }] } }),
    ['metadata.taints[1]: Duplicate value: core.Taint{Key:"k", Value:"", Effect:"NoSchedule", TimeAdded:<nil>}: taints must be unique by key and effect pair',
      'metadata.taints[2].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"']],
  ['node pod CIDR', 'nodes', o({ spec: { podCIDRs: ['10.42.0.0/33'] } }), ['spec.podCIDRs[0]: Invalid value: "10.42.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
  ['pvc access modes and storage', 'persistentvolumeclaims', o({ spec: {} }),
    ['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value']],
  ['pvc access mode', 'persistentvolumeclaims', o({ spec: { accessModes: ['ReadWriteSometimes'], resources: { requests: { storage: '1Gi' } } } }),
    ['spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"']],
  ['pv capacity and source', 'persistentvolumes', o({ spec: { accessModes: ['ReadWriteOnce'] } }),
    ['spec.capacity: Required value', 'spec.capacity: Unsupported value: core.ResourceList{...}: supported values: "storage"', 'spec: Required value: must specify a volume type']],
  ['local pv needs node affinity', 'persistentvolumes', o({ spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, local: { path: '/d' } } }),
    ['spec.nodeAffinity: Required value: Local volume requires node affinity']],
  ['endpoints addresses', 'endpoints', o({ subsets: [{ ports: [{ port: 80 }] }] }), ['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`']],
  ['endpoints loopback', 'endpoints', o({ subsets: [{ addresses: [{ ip: '127.0.0.1' }] }] }),
    ['subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']],
  ['limit range order', 'limitranges', o({ spec: { limits: [{ type: 'Container', min: { cpu: '2' }, max: { cpu: '1' } }] } }),
    ['spec.limits[0].min[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:2, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"2", Format:"DecimalSI"}: min value 2 is greater than max value 1',
      // The container defaults (default from max, default request from default) then fail the same order.
      'spec.limits[0].defaultRequest[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1", Format:"DecimalSI"}: min value 2 is greater than default request value 1',
      'spec.limits[0].default[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:2, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"2", Format:"DecimalSI"}: min value 2 is greater than default value 1']],
  ['quota resource name', 'resourcequotas', o({ spec: { hard: { widgets: '1' } } }),
    ['spec.hard[widgets]: Invalid value: "widgets": must be a standard resource type or fully qualified', 'spec.hard[widgets]: Invalid value: "widgets": must be a standard resource for quota']],
  ['quota conflicting scopes', 'resourcequotas', o({ spec: { hard: { pods: '1' }, scopes: ['Terminating', 'NotTerminating'] } }),
    ['spec.scopes: Invalid value: []core.ResourceQuotaScope{"Terminating", "NotTerminating"}: conflicting scopes']],
  ['replication controller selector', 'replicationcontrollers', o({ spec: { selector: { app: 'a' }, template: { metadata: { labels: { app: 'b' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } } }),
    ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"b"}: `selector` does not match template `labels`']],
  ['pod template', 'podtemplates', o({ template: { spec: { containers: [] } } }), ['template.spec.containers: Required value']],
  ['event namespace', 'events', o({ involvedObject: { namespace: 'other' } }), ['involvedObject.namespace: Invalid value: "other": does not match event.namespace']],
];

test('core/v1 objects are validated as kube-apiserver validates them', () => {
  const wrong = CASES.map(([name, plural, obj, want]) => ({ name, want, got: createErrors(plural, obj) })).filter((c) => JSON.stringify(c.got) !== JSON.stringify(c.want));
  assert.deepEqual(wrong, []);
});

test('service updates keep cluster IPs; node ports go with NodePort', () => {
  const s = svc({ clusterIP: '10.43.0.10' });
  assert.deepEqual(updateErrors('services', s, (n) => { (n['spec'] as Obj)['clusterIP'] = '10.43.0.11'; (n['spec'] as Obj)['clusterIPs'] = ['10.43.0.11']; }),
    ['spec.clusterIPs[0]: Invalid value: []string{"10.43.0.11"}: may not change once set']);
  assert.deepEqual(updateErrors('services', s, (n) => { (n['spec'] as Obj)['type'] = 'NodePort'; }), []);
});

test('immutable config maps and secrets keep their data', () => {
  assert.deepEqual(updateErrors('configmaps', o({ data: { a: '1' }, immutable: true }), (n) => { n['data'] = { a: '2' }; }),
    ['data: Forbidden: field is immutable when `immutable` is set']);
  assert.deepEqual(updateErrors('configmaps', o({ data: { a: '1' }, immutable: true }), (n) => { n['immutable'] = false; }),
    ['immutable: Forbidden: field is immutable when `immutable` is set']);
  assert.deepEqual(updateErrors('secrets', o({ data: { a: b64('1') } }), (n) => { n['type'] = 'kubernetes.io/basic-auth'; }),
    ['type: Invalid value: "kubernetes.io/basic-auth": field is immutable', 'data[username]: Required value', 'data[password]: Required value']);
});

test('claims are frozen but for a bound claim growing', () => {
  const claim = o({ spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
  const grow = (n: KubeObject) => { ((n['spec'] as Obj)['resources'] as Obj)['requests'] = { storage: '2Gi' }; };
  const unbound = updateErrors('persistentvolumeclaims', claim, grow);
  assert.match(unbound[0] ?? '', /^spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n/);
  assert.deepEqual(updateErrors('persistentvolumeclaims', claim, grow, '', 'v1', { phase: 'Bound' }), []);
  assert.deepEqual(updateErrors('persistentvolumeclaims', claim, (n) => { (n['spec'] as Obj)['volumeName'] = 'pv-1'; }), []);
});

test('namespace and node status writes are checked', () => {
  assert.deepEqual(statusErrors('namespaces', o({}), { phase: 'Active' }, (n) => { n['status'] = { phase: 'Terminating' }; }),
    ["status.Phase: Invalid value: \"Terminating\": may only be 'Active' if `deletionTimestamp` is empty"]);
  assert.deepEqual(statusErrors('nodes', o({}), {}, (n) => { n['status'] = { capacity: { pods: '1.5' } }; }),
    ['status.capacity.pods: Invalid value: resource.Quantity{i:resource.int64Amount{value:1500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1500m", Format:"DecimalSI"}: must be an integer',
      // Allocatable defaults to capacity (SetDefaults_NodeStatus).
      'status.allocatable.pods: Invalid value: resource.Quantity{i:resource.int64Amount{value:1500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1500m", Format:"DecimalSI"}: must be an integer']);
});
