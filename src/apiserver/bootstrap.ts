/**
 * @module The objects every cluster starts with, created (or left alone) at each start: the
 * namespaces default, kube-system, kube-public and kube-node-lease; the `kubernetes` Service in
 * default on the first IP of the service CIDR; and its Endpoints and EndpointSlice pointing at
 * this server (kube-apiserver's bootstrap controller and endpoint reconciler).
 */
import type { KubeObject } from '../api/meta/object.js';
import { StatusError } from '../api/status.js';
import { logger } from '../base/log.js';
import { systemContext } from './registry/rest/context.js';
import type { ResourceRegistry } from './registry/resources.js';

const log = logger('bootstrap');

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export interface BootstrapOptions {
  /** The first IP of the service CIDR. */
  readonly kubernetesServiceIP: string;
  /** The address this server advertises to the cluster (--advertise-address). */
  readonly advertiseAddress: string;
  /** The port kubectl reaches (--https-listen-port). */
  readonly securePort: number;
}

async function ensure(registry: ResourceRegistry, group: string, plural: string, namespace: string, obj: KubeObject): Promise<void> {
  const served = registry.get(group, 'v1', plural);
  if (!served) return;
  try {
    await served.store.get(systemContext(namespace), obj.metadata.name ?? '');
    return;
  } catch (e) {
    if (!(e instanceof StatusError && e.status.reason === 'NotFound')) throw e;
  }
  try {
    await served.store.create(systemContext(namespace), obj);
  } catch (e) {
    if (e instanceof StatusError && e.status.reason === 'AlreadyExists') return;
    throw e;
  }
}

/** Puts the endpoints of `kubernetes` to this server's address, replacing a stale one. */
async function reconcile(registry: ResourceRegistry, group: string, plural: string, obj: KubeObject): Promise<void> {
  const served = registry.get(group, 'v1', plural);
  if (!served) return;
  const ctx = systemContext('default');
  await served.store.update(ctx, obj.metadata.name ?? '', (prev) => {
    if (!prev) return obj;
    return { ...prev, ...obj, metadata: { ...prev.metadata, labels: obj.metadata.labels ?? {} } } as KubeObject;
  }, { forceAllowCreate: true });
}

export async function bootstrap(registry: ResourceRegistry, o: BootstrapOptions): Promise<void> {
  for (const name of SYSTEM_NAMESPACES) {
    await ensure(registry, '', 'namespaces', '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  await ensure(registry, 'networking.k8s.io', 'servicecidrs', '', {
    apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR', metadata: { name: 'kubernetes' }, spec: { cidrs: [] },
  });
  await ensure(registry, '', 'services', 'default', {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP', clusterIP: o.kubernetesServiceIP, clusterIPs: [o.kubernetesServiceIP], sessionAffinity: 'None',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: o.securePort }],
    },
  });
  await reconcile(registry, '', 'endpoints', {
    apiVersion: 'v1', kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: o.advertiseAddress }], ports: [{ name: 'https', port: o.securePort, protocol: 'TCP' }] }],
  });
  await reconcile(registry, 'discovery.k8s.io', 'endpointslices', {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [o.advertiseAddress], conditions: { ready: true } }],
    ports: [{ name: 'https', port: o.securePort, protocol: 'TCP' }],
  });
  log.v(2, `bootstrap objects in place (kubernetes service ${o.kubernetesServiceIP})`);
}
