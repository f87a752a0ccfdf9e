/**
 * @module The datastore key layout, as kube-apiserver writes etcd: `/registry/<resource>/<ns>/<name>`
 * for namespaced objects and `/registry/<resource>/<name>` for cluster-scoped ones, with
 * Kubernetes's historical exceptions (nodes under `minions`, services under `services/specs`,
 * endpoints under `services/endpoints`, ingresses under `ingress`) and custom resources under
 * `/registry/<group>/<plural>`. Resources served in two groups (events, HPAs) share one prefix.
 */

const BUILTIN_GROUPS = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'discovery.k8s.io', 'rbac.authorization.k8s.io',
  'storage.k8s.io', 'coordination.k8s.io', 'scheduling.k8s.io', 'node.k8s.io', 'certificates.k8s.io', 'events.k8s.io',
  'admissionregistration.k8s.io', 'flowcontrol.apiserver.k8s.io', 'resource.k8s.io', 'storagemigration.k8s.io',
]);

const OVERRIDES: Readonly<Record<string, string>> = {
  '/nodes': 'minions',
  '/services': 'services/specs',
  '/endpoints': 'services/endpoints',
  'networking.k8s.io/ingresses': 'ingress',
  'apiextensions.k8s.io/customresourcedefinitions': 'apiextensions.k8s.io/customresourcedefinitions',
  'apiregistration.k8s.io/apiservices': 'apiregistration.k8s.io/apiservices',
};

/** `/registry/<segment>` for a resource: where its objects live. */
export function resourcePrefix(group: string, plural: string): string {
  const o = OVERRIDES[`${group}/${plural}`];
  if (o) return `/registry/${o}`;
  return BUILTIN_GROUPS.has(group) ? `/registry/${plural}` : `/registry/${group}/${plural}`;
}

/** The key of one object. */
export function objectKey(prefix: string, namespace: string, name: string): string {
  return namespace ? `${prefix}/${namespace}/${name}` : `${prefix}/${name}`;
}

/** The prefix a list or watch reads: one namespace, or every object of the resource. */
export function listPrefix(prefix: string, namespace?: string): string {
  return namespace ? `${prefix}/${namespace}/` : `${prefix}/`;
}

/** Namespace and name of a key under `prefix` (`''` namespace for cluster-scoped). */
export function splitKey(prefix: string, key: string): { namespace: string; name: string } {
  const rest = key.slice(prefix.length + 1);
  const i = rest.indexOf('/');
  return i < 0 ? { namespace: '', name: rest } : { namespace: rest.slice(0, i), name: rest.slice(i + 1) };
}
