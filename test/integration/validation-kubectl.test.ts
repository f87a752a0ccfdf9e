// Real kubectl (1.27 and 1.33) against `k3ts server`: invalid objects are refused with the
// errors kube-apiserver v1.33 gives (as kubectl prints them: one line, or a bulleted list), and
// valid objects of each group come back with the defaults Kubernetes v1.33 fills in.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runKubectl } from '../../src/apiserver/testing/kubectl.js';
import { startTestServer, type TestServer } from '../../src/server/testing/fixture.js';
import { kubectlPath } from './harness.js';

type Obj = Record<string, unknown>;

/** Manifests and the exact stderr kubectl prints when creating them. */
const INVALID: ReadonlyArray<readonly [string, string, string]> = [
  ['pod-port', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx, ports: [{containerPort: 80}, {containerPort: 70000}]}]\n',
    'The Pod "p" is invalid: spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n'],
  ['deploy-multi', [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: bad}', 'spec:', '  replicas: -1', '  selector: {matchLabels: {app: web}}',
    '  template:', '    metadata: {labels: {app: other}}', '    spec: {restartPolicy: Never, containers: [{name: c, image: nginx}]}', ''].join('\n'),
    'The Deployment "bad" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n'
    + '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n'
    + '* spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"\n'],
  ['svc-type', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: Cluster, ports: [{port: 80}]}\n',
    'The Service "s" is invalid: spec.type: Unsupported value: "Cluster": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n'],
  ['job-restart', 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec: {restartPolicy: Always, containers: [{name: c, image: busybox}]}\n',
    'The Job "j" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n'],
  ['secret-tls', 'apiVersion: v1\nkind: Secret\nmetadata: {name: t}\ntype: kubernetes.io/tls\nstringData: {tls.crt: x}\n',
    'The Secret "t" is invalid: data[tls.key]: Required value\n'],
  ['ingress-path', [
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: i}', 'spec:', '  rules:', '  - host: "*.example.com"',
    '    http: {paths: [{path: /, backend: {service: {name: web, port: {number: 80}}}}]}', ''].join('\n'),
    'The Ingress "i" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified\n'],
  ['rb-kind', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\n',
    'The ClusterRoleBinding "b" is invalid: roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"\n'],
  ['cron-schedule', [
    'apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "61 * * * *"',
    '  jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: [{name: c, image: busybox}]}}}}', ''].join('\n'),
    'The CronJob "c" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61\n'],
];

/** Valid objects of each group; `pick` selects what to compare with what Kubernetes v1.33 returns. */
const VALID: ReadonlyArray<readonly [name: string, yaml: string, resource: string, pick: (o: Obj) => unknown, want: unknown]> = [
  ['service', 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n', 'service/web',
    (o) => { const s = { ...(o['spec'] as Obj) }; delete s['clusterIP']; delete s['clusterIPs']; return s; },
    { selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], type: 'ClusterIP', sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' }],
  ['pvc', 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1024Mi}}}\n',
    'pvc/data', (o) => [o['spec'], o['status']],
    [{ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' }, { phase: 'Pending' }]],
  ['storage class', 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: example.com/fast\n',
    'storageclass/fast', (o) => [o['reclaimPolicy'], o['volumeBindingMode']], ['Delete', 'Immediate']],
  ['network policy', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec: {ingress: [{ports: [{port: 80}]}]}\n',
    'networkpolicy/np', (o) => o['spec'], { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 80, protocol: 'TCP' }] }] }],
  ['priority class', 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n',
    'priorityclass/high', (o) => o['preemptionPolicy'], 'PreemptLowerPriority'],
  ['hpa', 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec: {maxReplicas: 3, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}}\n',
    'hpa.v2.autoscaling/h', (o) => [(o['spec'] as Obj)['minReplicas'], (o['spec'] as Obj)['metrics']],
    [1, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]]],
  ['daemon set', [
    'apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: ds}', 'spec:', '  selector: {matchLabels: {app: ds}}',
    '  template: {metadata: {labels: {app: ds}}, spec: {containers: [{name: c, image: "busybox:1.36", resources: {limits: {cpu: "0.5"}}}]}}', ''].join('\n'),
    // The daemon set controller may already have observed it: observedGeneration is not a default.
    'ds/ds', (o) => { const st = { ...(o['status'] as Obj) }; delete st['observedGeneration'];
      return [(o['spec'] as Obj)['updateStrategy'], (((o['spec'] as Obj)['template'] as Obj)['spec'] as Obj)['containers'], st]; },
    [{ type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      [{ name: 'c', image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent', resources: { limits: { cpu: '500m' } },
        terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
      { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 }]],
];

for (const minor of [27, 33]) {
  const bin = kubectlPath(minor);
  describe(`kubectl 1.${minor}: validation and defaults`, { skip: bin ? false : `kubectl.1.${minor} is not installed next to kubectl` }, () => {
    let ts: TestServer;
    let dir: string;
    const cleanups: Array<() => unknown> = [];
    const k = (...args: string[]) => runKubectl(bin as string, { kubeconfig: ts.kubeconfig, dir }, args);
    const file = (name: string, text: string) => {
      const p = join(dir, `${name}.yaml`);
      writeFileSync(p, text);
      return p;
    };
    before(async () => {
      ts = await startTestServer({ after: (fn) => { cleanups.push(fn); } });
      dir = dirname(ts.kubeconfig);
    });
    after(async () => { for (const fn of cleanups.reverse()) await fn(); });

    test('invalid objects are refused with kube-apiserver\'s errors', async () => {
      for (const [name, yaml, want] of INVALID) {
        const r = await k('create', '-f', file(name, yaml));
        assert.notEqual(r.code, 0, name);
        assert.equal(r.stderr, want, name);
      }
    });

    test('generators and updates report field errors too', async () => {
      const neg = await k('create', 'deployment', 'neg', '--image=nginx', '--replicas=-1');
      assert.equal(neg.stderr, 'error: failed to create deployment: Deployment.apps "neg" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
      const ok = await k('create', 'deployment', 'web', '--image=nginx:1.27');
      assert.equal(ok.code, 0, ok.stderr);
      const sel = await k('patch', 'deployment', 'web', '--type', 'merge', '-p', '{"spec":{"selector":{"matchLabels":{"app":"x"}},"template":{"metadata":{"labels":{"app":"x"}}}}}');
      assert.equal(sel.stderr, 'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n');
      const cm = await k('create', 'configmap', 'frozen', '--from-literal=a=1');
      assert.equal(cm.code, 0, cm.stderr);
      assert.equal((await k('patch', 'configmap', 'frozen', '--type', 'merge', '-p', '{"immutable":true}')).code, 0);
      const frozen = await k('patch', 'configmap', 'frozen', '--type', 'merge', '-p', '{"data":{"a":"2"}}');
      assert.equal(frozen.stderr, 'The ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set\n');
    });

    test('a v2 HPA replaced through autoscaling/v1 keeps its behavior', async () => {
      const made = await k('create', '-f', file('hpa-behavior', [
        'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: hb}',
        'spec: {maxReplicas: 3, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web},',
        '  behavior: {scaleDown: {stabilizationWindowSeconds: 60, policies: [{type: Pods, value: 1, periodSeconds: 30}]}}}', ''].join('\n')));
      assert.equal(made.code, 0, made.stderr);
      const v1 = await k('get', 'horizontalpodautoscalers.v1.autoscaling', 'hb', '-o', 'json');
      assert.equal(v1.code, 0, v1.stderr);
      const obj = JSON.parse(v1.stdout) as Obj;
      assert.equal(obj['apiVersion'], 'autoscaling/v1');
      (obj['spec'] as Obj)['maxReplicas'] = 4;
      const replaced = await k('replace', '-f', file('hpa-behavior-v1', JSON.stringify(obj)));
      assert.equal(replaced.code, 0, replaced.stderr);
      const v2 = await k('get', 'horizontalpodautoscalers.v2.autoscaling', 'hb', '-o', 'jsonpath={.spec.maxReplicas} {.spec.behavior.scaleDown.stabilizationWindowSeconds} {.metadata.annotations}');
      assert.equal(v2.stdout, '4 60 ');
    });

    test('valid objects come back with Kubernetes v1.33 defaults', async () => {
      for (const [name, yaml, resource, pick, want] of VALID) {
        const r = await k('create', '-f', file(`ok-${name.replace(/ /g, '-')}`, yaml));
        assert.equal(r.code, 0, `${name}: ${r.stderr}`);
        const got = await k('get', resource, '-o', 'json');
        assert.equal(got.code, 0, `${name}: ${got.stderr}`);
        assert.deepEqual(pick(JSON.parse(got.stdout) as Obj), want, name);
      }
    });
  });
}
