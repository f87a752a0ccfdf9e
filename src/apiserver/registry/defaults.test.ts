import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/meta/object.js';
import { created } from './testing/validate.js';

type Obj = Record<string, unknown>;
const container = { name: 'c', image: 'nginx:1.27' };
/** What Kubernetes v1.33 makes of `container` (SetDefaults_Container and friends). */
const defaultedContainer = { ...container, imagePullPolicy: 'IfNotPresent', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' };
const podSpecDefaults = { dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30 };
const template = (labels: Obj) => ({ metadata: { labels }, spec: { containers: [container] } });
const defaultedTemplate = (labels: Obj, extra: Obj = {}) => ({ metadata: { creationTimestamp: null, labels }, spec: { containers: [defaultedContainer], ...podSpecDefaults, ...extra } });
const specOf = (o: KubeObject) => o['spec'] as Obj;

test('pods are defaulted as Kubernetes v1.33 defaults them', () => {
  const p = created('pods', { metadata: { name: 'p' }, spec: {
    containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '0.5', memory: '128Mi' } },
      livenessProbe: { httpGet: { port: 80 } }, env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'L', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }] }],
    volumes: [{ name: 'scratch' }, { name: 'cm', configMap: { name: 'c' } }, { name: 'tok', projected: { sources: [{ serviceAccountToken: { path: 't' } }] } }],
  } });
  assert.deepEqual(p['spec'], {
    containers: [{
      name: 'c', image: 'nginx', imagePullPolicy: 'Always', ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } },
      livenessProbe: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      env: [{ name: 'N', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }, { name: 'L', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } }],
      terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
    }],
    volumes: [{ name: 'scratch', emptyDir: {} }, { name: 'cm', configMap: { name: 'c', defaultMode: 420 } },
      { name: 'tok', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 3600 } }] } }],
    ...podSpecDefaults, enableServiceLinks: true,
  });
  assert.deepEqual(p['status'], { phase: 'Pending', qosClass: 'Guaranteed' });
  const hostNet = created('pods', { metadata: { name: 'h' }, spec: { hostNetwork: true, containers: [{ ...container, ports: [{ containerPort: 53 }] }] } });
  assert.deepEqual((specOf(hostNet)['containers'] as Obj[])[0]!['ports'], [{ containerPort: 53, hostPort: 53, protocol: 'TCP' }]);
});

test('quantities are stored in canonical form, resource lists rounded up to milli precision', () => {
  const p = created('pods', { metadata: { name: 'p' }, spec: { containers: [{ ...container,
    resources: { requests: { cpu: '1000m', memory: '1024Mi', 'ephemeral-storage': 1000, 'example.com/x': '0.0001' }, limits: { memory: '1.5Gi' } } }],
  volumes: [{ name: 'v', emptyDir: { sizeLimit: '0.5' } }] } });
  const c = (specOf(p)['containers'] as Obj[])[0]!;
  assert.deepEqual(c['resources'], { requests: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '1k', 'example.com/x': '1m' }, limits: { memory: '1536Mi' } });
  assert.deepEqual(((specOf(p)['volumes'] as Obj[])[0]!['emptyDir'] as Obj)['sizeLimit'], '500m');
  const pv = created('persistentvolumes', { metadata: { name: 'pv' }, spec: { capacity: { storage: '1048576Ki' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/d' } } });
  assert.deepEqual(pv['spec'], { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/d', type: '' }, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
  assert.deepEqual(pv['status'], { phase: 'Pending' });
});

test('apps workloads get their strategies, limits and template defaults', () => {
  const sel = { matchLabels: { app: 'a' } };
  const d = created('deployments', { metadata: { name: 'd' }, spec: { selector: sel, template: template({ app: 'a' }) } }, 'apps');
  assert.deepEqual(d['spec'], { selector: sel, replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, template: defaultedTemplate({ app: 'a' }) });
  const ds = created('daemonsets', { metadata: { name: 'd' }, spec: { selector: sel, template: template({ app: 'a' }) } }, 'apps');
  assert.deepEqual(ds['spec'], { selector: sel, revisionHistoryLimit: 10,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }, template: defaultedTemplate({ app: 'a' }) });
  const sts = created('statefulsets', { metadata: { name: 's' }, spec: { selector: sel, serviceName: 's', template: template({ app: 'a' }),
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] } }, 'apps');
  assert.deepEqual(sts['spec'], { selector: sel, serviceName: 's', replicas: 1, revisionHistoryLimit: 10, podManagementPolicy: 'OrderedReady',
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    template: defaultedTemplate({ app: 'a' }),
    volumeClaimTemplates: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', creationTimestamp: null },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }] });
});

test('jobs get counts, policies, generated selector and labels; cron jobs their history limits', () => {
  const j = created('jobs', { metadata: { name: 'j', uid: 'u-1' }, spec: { template: { spec: { containers: [container], restartPolicy: 'Never' } } } }, 'batch');
  const labels = { 'batch.kubernetes.io/controller-uid': 'u-1', 'batch.kubernetes.io/job-name': 'j', 'controller-uid': 'u-1', 'job-name': 'j' };
  assert.deepEqual(j['spec'], { completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed',
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } }, template: defaultedTemplate(labels, { restartPolicy: 'Never' }) });
  assert.deepEqual(j.metadata.labels, labels);
  const cj = created('cronjobs', { metadata: { name: 'c' }, spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { containers: [container], restartPolicy: 'OnFailure' } } } } } }, 'batch');
  assert.deepEqual(cj['spec'], { schedule: '@daily', concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
    jobTemplate: { metadata: { creationTimestamp: null }, spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [defaultedContainer], ...podSpecDefaults, restartPolicy: 'OnFailure' } } } } });
  const rc = created('replicationcontrollers', { metadata: { name: 'r' }, spec: { template: template({ app: 'r' }) } });
  assert.deepEqual(rc['spec'], { replicas: 1, selector: { app: 'r' }, template: defaultedTemplate({ app: 'r' }) });
  assert.deepEqual(rc.metadata.labels, { app: 'r' });
});

test('services, policies, classes, webhooks and slices get their defaults', () => {
  const s = created('services', { metadata: { name: 's' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }], sessionAffinity: 'ClientIP' } });
  assert.deepEqual(s['spec'], { type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], sessionAffinity: 'ClientIP',
    sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } }, externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true });
  const np = created('networkpolicies', { metadata: { name: 'n' }, spec: { egress: [{ ports: [{ port: 53 }] }] } }, 'networking.k8s.io');
  assert.deepEqual(np['spec'], { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }] });
  const sc = created('storageclasses', { metadata: { name: 'sc' }, provisioner: 'rancher.io/local-path' }, 'storage.k8s.io');
  assert.equal(sc['reclaimPolicy'], 'Delete');
  assert.equal(sc['volumeBindingMode'], 'Immediate');
  assert.equal(created('priorityclasses', { metadata: { name: 'p' }, value: 10 }, 'scheduling.k8s.io')['preemptionPolicy'], 'PreemptLowerPriority');
  const hpa = created('horizontalpodautoscalers', { metadata: { name: 'h' }, spec: { maxReplicas: 3, scaleTargetRef: { kind: 'Deployment', name: 'd' }, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } }, 'autoscaling', 'v2');
  assert.deepEqual(hpa['spec'], { maxReplicas: 3, minReplicas: 1, scaleTargetRef: { kind: 'Deployment', name: 'd' },
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    behavior: {
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    } });
  const wh = created('mutatingwebhookconfigurations', { metadata: { name: 'w' }, webhooks: [{ name: 'a.b.c', clientConfig: { service: { name: 's', namespace: 'n' } },
    rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }], sideEffects: 'None', admissionReviewVersions: ['v1'] }] }, 'admissionregistration.k8s.io');
  assert.deepEqual(wh['webhooks'], [{ name: 'a.b.c', clientConfig: { service: { name: 's', namespace: 'n', port: 443 } },
    rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], scope: '*' }], sideEffects: 'None', admissionReviewVersions: ['v1'],
    failurePolicy: 'Fail', matchPolicy: 'Equivalent', namespaceSelector: {}, objectSelector: {}, timeoutSeconds: 10, reinvocationPolicy: 'Never' }]);
  const rb = created('rolebindings', { metadata: { name: 'r' }, roleRef: { kind: 'Role', name: 'x' }, subjects: [{ kind: 'User', name: 'me' }, { kind: 'ServiceAccount', name: 'sa' }] }, 'rbac.authorization.k8s.io');
  assert.deepEqual(rb['roleRef'], { kind: 'Role', name: 'x', apiGroup: 'rbac.authorization.k8s.io' });
  assert.deepEqual(rb['subjects'], [{ kind: 'User', name: 'me', apiGroup: 'rbac.authorization.k8s.io' }, { kind: 'ServiceAccount', name: 'sa' }]);
  const es = created('endpointslices', { metadata: { name: 'e' }, addressType: 'IPv4', endpoints: [], ports: [{ port: 80 }] }, 'discovery.k8s.io');
  assert.deepEqual(es['ports'], [{ port: 80, name: '', protocol: 'TCP' }]);
  assert.equal(created('secrets', { metadata: { name: 's' } })['type'], 'Opaque');
  const lr = created('limitranges', { metadata: { name: 'l' }, spec: { limits: [{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' } }] } });
  assert.deepEqual(lr['spec'], { limits: [{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' }, default: { cpu: '2' }, defaultRequest: { cpu: '2', memory: '64Mi' } }] });
});
