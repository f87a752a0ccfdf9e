/**
 * @module Where a Service-addressed webhook answers: a ready endpoint of the service behind the
 * requested service port (its EndpointSlices), as kube-apiserver resolves webhook services when
 * k3s runs it with `--enable-aggregator-routing`.
 */
import { arrayAt, isPlainObject, objectAt } from '../../api/meta/object.js';
import type { ServiceResolver } from '../admission/webhooks/client.js';
import type { ResourceRegistry } from '../registry/resources.js';
import { ObjectView } from './object-view.js';

export function endpointServiceResolver(registry: ResourceRegistry): ServiceResolver {
  const services = ObjectView.of(registry, '', 'v1', 'services');
  const slices = ObjectView.of(registry, 'discovery.k8s.io', 'v1', 'endpointslices');
  return async (namespace, name, port) => {
    if (!services || !slices) return undefined;
    const svc = await services.get(namespace, name);
    if (!svc) return undefined;
    const svcPort = (arrayAt(objectAt(svc, 'spec'), 'ports') ?? []).filter(isPlainObject).find((p) => p['port'] === port);
    if (!svcPort) return undefined;
    const portName = typeof svcPort['name'] === 'string' ? svcPort['name'] : '';
    await slices.ready();
    for (const slice of slices.list(namespace)) {
      if (slice.metadata.labels?.['kubernetes.io/service-name'] !== name) continue;
      const sp = (arrayAt(slice, 'ports') ?? []).filter(isPlainObject).find((p) => (p['name'] ?? '') === portName);
      if (!sp || typeof sp['port'] !== 'number') continue;
      for (const ep of (arrayAt(slice, 'endpoints') ?? []).filter(isPlainObject)) {
        if (objectAt(ep, 'conditions')?.['ready'] === false) continue;
        const addr = (arrayAt(ep, 'addresses') ?? [])[0];
        if (typeof addr === 'string') return { host: addr, port: sp['port'] };
      }
    }
    return undefined;
  };
}
