import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta/object.js';
import { createErrors, statusErrors, updateErrors } from '../testing/validate.js';

type Obj = Record<string, unknown>;
const pod = (spec: Obj, meta: Obj = {}): KubeObject => ({ metadata: { name: 'p', ...meta }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });
const withContainer = (c: Obj, spec: Obj = {}): KubeObject => pod({ ...spec, containers: [{ name: 'c', image: 'nginx', ...c }] });

/** Each case: a pod and the errors upstream prints for it (in order). */
const CREATE_CASES: ReadonlyArray<readonly [string, KubeObject, readonly string[]]> = [
  ['valid pod', pod({}), []],
  ['no containers', pod({ containers: [] }), ['spec.containers: Required value']],
  ['container port out of range', withContainer({ ports: [{ containerPort: 80 }, { containerPort: 70000 }] }),
    ['spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
  ['duplicate port name', withContainer({ ports: [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }] }),
    ['spec.containers[0].ports[1].name: Duplicate value: "http"']],
  ['unknown protocol', withContainer({ ports: [{ containerPort: 80, protocol: 'HTTP' }] }),
    ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
  ['container name', withContainer({ name: 'Web_1' }),
    ["spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]],
  ['image required', withContainer({ image: '' }), ['spec.containers[0].image: Required value']],
  ['image whitespace', withContainer({ image: ' nginx' }), ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace']],
  ['pull policy', withContainer({ imagePullPolicy: 'Sometimes' }),
    ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"']],
  ['env name with =', withContainer({ env: [{ name: 'A=B', value: '1' }] }),
    ["spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='"]],
  ['env valueFrom two sources', withContainer({ env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' }, secretKeyRef: { name: 's', key: 'k' } } }] }),
    ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time']],
  ['env value and valueFrom', withContainer({ env: [{ name: 'A', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }),
    ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty']],
  ['env fieldRef unsupported', withContainer({ env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } }] }),
    ['spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.labels": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"']],
  ['envFrom without source', withContainer({ envFrom: [{ prefix: 'P_' }] }),
    ['spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`']],
  ['mount of unknown volume', withContainer({ volumeMounts: [{ name: 'data', mountPath: '/data' }] }),
    ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
  ['duplicate mount path', withContainer({ volumeMounts: [{ name: 'a', mountPath: '/d' }, { name: 'b', mountPath: '/d' }] }, { volumes: [{ name: 'a' }, { name: 'b' }] }),
    ['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/d": must be unique']],
  ['requests above limits', withContainer({ resources: { limits: { cpu: '1' }, requests: { cpu: '2' } } }),
    ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1']],
  ['negative quantity', withContainer({ resources: { requests: { memory: '-1Gi' } } }),
    ['spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0']],
  ['unknown resource name', withContainer({ resources: { limits: { gpu: '1' } } }),
    ['spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      // Pods default their requests from their limits, so the request is reported too.
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers']],
  ['extended resource requests differ from limits', withContainer({ resources: { limits: { 'example.com/gpu': '2' }, requests: { 'example.com/gpu': '1' } } }),
    ['spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2']],
  ['extended resource request without limit', withContainer({ resources: { requests: { 'example.com/gpu': '1' } } }),
    ['spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources']],
  ['hugepages need cpu or memory', withContainer({ resources: { limits: { 'hugepages-2Mi': '4Mi' } } }),
    ['spec.containers[0].resources: Forbidden: HugePages require cpu or memory']],
  ['hugepages multiple of page size', withContainer({ resources: { limits: { 'hugepages-2Mi': '3Mi', memory: '1Gi' } } }),
    ['spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi',
      'spec.containers[0].resources.requests[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi']],
  ['probe with two handlers', withContainer({ livenessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } }),
    ['spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type']],
  ['probe without handler', withContainer({ readinessProbe: { periodSeconds: 5 } }),
    ['spec.containers[0].readinessProbe: Required value: must specify a handler type']],
  ['liveness success threshold', withContainer({ livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } }),
    ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']],
  ['probe negative period', withContainer({ readinessProbe: { httpGet: { port: 80 }, periodSeconds: -1 } }),
    ['spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0']],
  ['lifecycle sleep beyond grace', withContainer({ lifecycle: { preStop: { sleep: { seconds: 60 } } } }),
    ['spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)']],
  ['runAsUser negative', withContainer({ securityContext: { runAsUser: -1 } }),
    ['spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive']],
  ['two volume sources', pod({ volumes: [{ name: 'v', emptyDir: {}, configMap: { name: 'c' } }] }),
    ['spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type']],
  ['duplicate volume name', pod({ volumes: [{ name: 'v' }, { name: 'v' }] }), ['spec.volumes[1].name: Duplicate value: "v"']],
  ['hostPath type', pod({ volumes: [{ name: 'v', hostPath: { path: '/d', type: 'Dir' } }] }),
    ['spec.volumes[0].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"']],
  ['configMap item path absolute', pod({ volumes: [{ name: 'v', configMap: { name: 'c', items: [{ key: 'k', path: '/etc/x' }] } }] }),
    ['spec.volumes[0].configMap.items[0].path: Invalid value: "/etc/x": must be a relative path']],
  ['secret volume needs a name', pod({ volumes: [{ name: 'v', secret: {} }] }), ['spec.volumes[0].secret.secretName: Required value']],
  ['pvc claim name', pod({ volumes: [{ name: 'v', persistentVolumeClaim: { claimName: '' } }] }), ['spec.volumes[0].persistentVolumeClaim.claimName: Required value']],
  ['emptyDir negative size', pod({ volumes: [{ name: 'v', emptyDir: { sizeLimit: '-1' } }] }),
    ['spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity']],
  ['projected token path', pod({ serviceAccountName: 'sa', volumes: [{ name: 'v', projected: { sources: [{ serviceAccountToken: { path: '../t' } }] } }] }),
    ["spec.volumes[0].projected.path: Invalid value: \"../t\": must not contain '..'"]],
  ['restart policy', pod({ restartPolicy: 'Sometimes' }),
    ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
  ['dnsPolicy None needs a config', pod({ dnsPolicy: 'None' }),
    ['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None']],
  ['dnsConfig nameserver', pod({ dnsConfig: { nameservers: ['1.2.3.4.5'] } }),
    ['spec.dnsConfig.nameservers[0]: Invalid value: "1.2.3.4.5": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
  ['activeDeadlineSeconds', pod({ activeDeadlineSeconds: 0 }),
    ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive']],
  ['hostname', pod({ hostname: 'a.b' }), ['spec.hostname: Invalid value: "a.b": must not contain dots']],
  ['toleration Exists with value', pod({ tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] }),
    ["spec.tolerations[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'"]],
  ['tolerationSeconds needs NoExecute', pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }] }),
    ["spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"]],
  ['toleration effect', pod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'Never' }] }),
    ['spec.tolerations[0].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"']],
  ['affinity weight', pod({ affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: { topologyKey: 'zone' } }] } } }),
    ['spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100']],
  ['node affinity operator', pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1', '2'] }] }] } } } }),
    ["spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'"]],
  ['topology spread', pod({ topologySpreadConstraints: [{ maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'Maybe' }] }),
    ['spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      'spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Maybe": supported values: "DoNotSchedule", "ScheduleAnyway"']],
  ['init container probes', pod({ initContainers: [{ name: 'i', image: 'x', livenessProbe: { exec: { command: ['true'] } } }] }),
    ['spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always']],
  ['names unique across init and regular', pod({ initContainers: [{ name: 'c', image: 'x' }] }), ['spec.initContainers[0].name: Duplicate value: "c"']],
  ['host port conflict', pod({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] }, { name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 8080 }] }] }),
    ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"']],
  ['ephemeral containers on create', pod({ ephemeralContainers: [{ name: 'e', image: 'x' }] }), ['spec.ephemeralContainers: Forbidden: cannot be set on create']],
  ['scheduling gates and nodeName', pod({ nodeName: 'n', schedulingGates: [{ name: 'example.com/gate' }] }),
    ['spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared']],
  ['nodeSelector value', pod({ nodeSelector: { disk: 'ssd!' } }),
    ["spec.nodeSelector: Invalid value: \"ssd!\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]],
  ['deletion cost annotation', pod({}, { annotations: { 'controller.kubernetes.io/pod-deletion-cost': 'x' } }),
    ['metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "x": must be a 32bit integer']],
];

test('pod validation reports what kube-apiserver reports, worded as kubectl prints it', () => {
  const wrong = CREATE_CASES.map(([name, p, want]) => ({ name, want, got: createErrors('pods', p) })).filter((c) => JSON.stringify(c.got) !== JSON.stringify(c.want));
  assert.deepEqual(wrong, []);
});

test('several pod errors are reported together', () => {
  const errs = createErrors('pods', pod({ restartPolicy: 'X', containers: [{ name: '', image: '' }] }));
  assert.deepEqual(errs, ['spec.containers[0].name: Required value', 'spec.containers[0].image: Required value',
    'spec.restartPolicy: Unsupported value: "X": supported values: "Always", "OnFailure", "Never"']);
});

test('pod updates may change only images, deadlines, added tolerations and removed gates', () => {
  const base = pod({ activeDeadlineSeconds: 100, tolerations: [{ key: 'a', operator: 'Exists' }], schedulingGates: [{ name: 'example.com/g' }] });
  assert.deepEqual(updateErrors('pods', base, (p) => {
    const s = p['spec'] as Obj;
    (s['containers'] as Obj[])[0]!['image'] = 'nginx:2';
    s['activeDeadlineSeconds'] = 50;
    s['tolerations'] = [{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'Exists' }];
    s['schedulingGates'] = [];
  }), []);
  assert.deepEqual(updateErrors('pods', base, (p) => { (p['spec'] as Obj)['activeDeadlineSeconds'] = 200; }),
    ['spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value']);
  assert.deepEqual(updateErrors('pods', base, (p) => { (p['spec'] as Obj)['tolerations'] = []; }),
    ['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']);
  assert.deepEqual(updateErrors('pods', base, (p) => { (p['spec'] as Obj)['schedulingGates'] = [{ name: 'example.com/g' }, { name: 'example.com/h' }]; }),
    ["spec.schedulingGates[1].name: Forbidden: only deletion is allowed, but found new scheduling gate 'example.com/h'"]);
  assert.deepEqual(updateErrors('pods', base, (p) => { (p['spec'] as Obj)['containers'] = []; }),
    ['spec.containers: Required value', 'spec.containers: Forbidden: pod updates may not add or remove containers']);
  const changed = updateErrors('pods', base, (p) => { (p['spec'] as Obj)['restartPolicy'] = 'Never'; });
  assert.equal(changed.length, 1);
  assert.match(changed[0] ?? '', /^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/);
  assert.match(changed[0] ?? '', /- \tRestartPolicy: "Always",\n\+ \tRestartPolicy: "Never",/);
  // A gated pod may gain node selector entries.
  assert.deepEqual(updateErrors('pods', base, (p) => { (p['spec'] as Obj)['nodeSelector'] = { disk: 'ssd' }; }), []);
});

test('pod /status writes keep the QoS class and container states', () => {
  assert.deepEqual(statusErrors('pods', pod({}), { phase: 'Pending', qosClass: 'BestEffort' }, (p) => { (p['status'] as Obj)['qosClass'] = 'Guaranteed'; }),
    ['status.qosClass: Invalid value: "Guaranteed": field is immutable']);
  const done = { phase: 'Running', qosClass: 'BestEffort', containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 0 } } }] };
  assert.deepEqual(statusErrors('pods', pod({ restartPolicy: 'Never' }), done, (p) => {
    (p['status'] as Obj)['containerStatuses'] = [{ name: 'c', state: { running: {} } }];
  }), ['status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state']);
  assert.deepEqual(statusErrors('pods', pod({}), { phase: 'Running', qosClass: 'BestEffort' }, (p) => {
    (p['status'] as Obj)['podIPs'] = [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }];
  }), ['status.podIPs: Invalid value: []core.PodIP{core.PodIP{IP:"10.0.0.1"}, core.PodIP{IP:"10.0.0.2"}}: may specify no more than one IP for each IP family']);
});
