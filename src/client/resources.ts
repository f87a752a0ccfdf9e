/**
 * @module The built-in resources components use, as ResourceType constants. (The schema catalog
 * knows every resource; components only need these handles to address the API.)
 */
import type { ResourceType } from './resource-type.js';

const core = (resource: string, kind: string, namespaced = true): ResourceType => ({ group: '', version: 'v1', resource, kind, namespaced });
const rt = (group: string, version: string, resource: string, kind: string, namespaced = true): ResourceType =>
  ({ group, version, resource, kind, namespaced });

export const resources = {
  namespaces: core('namespaces', 'Namespace', false),
  nodes: core('nodes', 'Node', false),
  pods: core('pods', 'Pod'),
  services: core('services', 'Service'),
  endpoints: core('endpoints', 'Endpoints'),
  configmaps: core('configmaps', 'ConfigMap'),
  secrets: core('secrets', 'Secret'),
  serviceaccounts: core('serviceaccounts', 'ServiceAccount'),
  events: core('events', 'Event'),
  persistentvolumes: core('persistentvolumes', 'PersistentVolume', false),
  persistentvolumeclaims: core('persistentvolumeclaims', 'PersistentVolumeClaim'),
  replicationcontrollers: core('replicationcontrollers', 'ReplicationController'),
  resourcequotas: core('resourcequotas', 'ResourceQuota'),
  limitranges: core('limitranges', 'LimitRange'),
  podtemplates: core('podtemplates', 'PodTemplate'),
  deployments: rt('apps', 'v1', 'deployments', 'Deployment'),
  replicasets: rt('apps', 'v1', 'replicasets', 'ReplicaSet'),
  statefulsets: rt('apps', 'v1', 'statefulsets', 'StatefulSet'),
  daemonsets: rt('apps', 'v1', 'daemonsets', 'DaemonSet'),
  controllerrevisions: rt('apps', 'v1', 'controllerrevisions', 'ControllerRevision'),
  jobs: rt('batch', 'v1', 'jobs', 'Job'),
  cronjobs: rt('batch', 'v1', 'cronjobs', 'CronJob'),
  leases: rt('coordination.k8s.io', 'v1', 'leases', 'Lease'),
  endpointslices: rt('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice'),
  poddisruptionbudgets: rt('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget'),
  horizontalpodautoscalers: rt('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler'),
  priorityclasses: rt('scheduling.k8s.io', 'v1', 'priorityclasses', 'PriorityClass', false),
  storageclasses: rt('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false),
  csinodes: rt('storage.k8s.io', 'v1', 'csinodes', 'CSINode', false),
  certificatesigningrequests: rt('certificates.k8s.io', 'v1', 'certificatesigningrequests', 'CertificateSigningRequest', false),
  eventsV1: rt('events.k8s.io', 'v1', 'events', 'Event'),
} as const satisfies Record<string, ResourceType>;
