/**
 * @module The resources kube-apiserver v1.33 serves under /api/v1, as discovery and
 * `kubectl api-resources` describe them: names, scope, short names, categories, verbs and
 * subresources (with the kind each subresource speaks).
 */
import { defineGroup } from '../../dsl.js';
import type { Verb } from '../../types.js';
import { CORE_V1 } from './core-v1.js';

const STATUS: readonly Verb[] = ['get', 'patch', 'update'];
// Connect subresources: discovery lists the verbs of the HTTP methods they accept.
const STREAM: readonly Verb[] = ['create', 'get'];
const PROXY: readonly Verb[] = ['create', 'delete', 'get', 'patch', 'update'];

export const coreResources = defineGroup(CORE_V1, (g) => {
  g.resource('bindings', { kind: 'Binding', verbs: ['create'], listKind: null });
  g.resource('componentstatuses', { kind: 'ComponentStatus', namespaced: false, verbs: ['get', 'list'], shortNames: ['cs'] });
  g.resource('configmaps', { kind: 'ConfigMap', shortNames: ['cm'] });
  g.resource('endpoints', { kind: 'Endpoints', shortNames: ['ep'] });
  g.resource('events', { kind: 'Event', shortNames: ['ev'] });
  g.resource('limitranges', { kind: 'LimitRange', shortNames: ['limits'] });
  g.resource('namespaces', {
    kind: 'Namespace', namespaced: false, shortNames: ['ns'],
    // Namespaces cannot be deleted as a collection.
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    sub: { finalize: ['update'], status: STATUS },
  });
  g.resource('nodes', {
    kind: 'Node', namespaced: false, shortNames: ['no'],
    sub: { proxy: [PROXY, 'v1/NodeProxyOptions'], status: STATUS },
  });
  g.resource('persistentvolumeclaims', { kind: 'PersistentVolumeClaim', shortNames: ['pvc'], sub: { status: STATUS } });
  g.resource('persistentvolumes', { kind: 'PersistentVolume', namespaced: false, shortNames: ['pv'], sub: { status: STATUS } });
  g.resource('pods', {
    kind: 'Pod', shortNames: ['po'], categories: ['all'],
    sub: {
      attach: [STREAM, 'v1/PodAttachOptions'],
      binding: [['create'], 'v1/Binding'],
      ephemeralcontainers: STATUS,
      eviction: [['create'], 'policy/v1/Eviction'],
      exec: [STREAM, 'v1/PodExecOptions'],
      log: ['get'],
      portforward: [STREAM, 'v1/PodPortForwardOptions'],
      proxy: [PROXY, 'v1/PodProxyOptions'],
      resize: STATUS,
      status: STATUS,
    },
  });
  g.resource('podtemplates', { kind: 'PodTemplate' });
  g.resource('replicationcontrollers', {
    kind: 'ReplicationController', shortNames: ['rc'], categories: ['all'],
    sub: { scale: [STATUS, 'autoscaling/v1/Scale'], status: STATUS },
  });
  g.resource('resourcequotas', { kind: 'ResourceQuota', shortNames: ['quota'], sub: { status: STATUS } });
  g.resource('secrets', { kind: 'Secret' });
  g.resource('serviceaccounts', {
    kind: 'ServiceAccount', shortNames: ['sa'],
    sub: { token: [['create'], 'authentication.k8s.io/v1/TokenRequest'] },
  });
  g.resource('services', {
    kind: 'Service', shortNames: ['svc'], categories: ['all'],
    sub: { proxy: [PROXY, 'v1/ServiceProxyOptions'], status: STATUS },
  });
});
