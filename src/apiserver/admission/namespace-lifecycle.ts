/**
 * @module The NamespaceLifecycle admission plugin (plugin/pkg/admission/namespace/lifecycle):
 * objects can only be created in a namespace that exists and is not terminating, and the
 * namespaces default, kube-system and kube-public can never be deleted. Part of the default
 * chain; the security issue's chain includes it in Kubernetes's order.
 */
import { getPath } from '../../api/meta/object.js';
import { StatusError, failure, qualifiedResource, statusErrors } from '../../api/status.js';
import { systemContext } from '../registry/rest/context.js';
import type { ResourceRegistry } from '../registry/resources.js';
import type { AdmissionAttributes, Operation, ValidatingPlugin } from './admission.js';

export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/** Review resources are answered, never stored: they may name any namespace. */
const EXEMPT = new Set(['authorization.k8s.io/localsubjectaccessreviews', 'authorization.k8s.io/subjectaccessreviews', 'authorization.k8s.io/selfsubjectaccessreviews']);

export function namespaceLifecycle(registry: ResourceRegistry): ValidatingPlugin {
  return {
    name: 'NamespaceLifecycle',
    handles: (op: Operation) => op === 'CREATE' || op === 'DELETE',
    async validate(a: AdmissionAttributes) {
      if (a.operation === 'DELETE') {
        if (a.group === '' && a.resource === 'namespaces' && IMMORTAL_NAMESPACES.includes(a.name)) {
          throw statusErrors.forbidden({ resource: 'namespaces', group: '' }, a.name, 'this namespace may not be deleted');
        }
        return;
      }
      if (!a.namespace || (a.group === '' && a.resource === 'namespaces') || EXEMPT.has(`${a.group}/${a.resource}`)) return;
      const ns = registry.get('', 'v1', 'namespaces');
      if (!ns) return;
      let phase: unknown;
      try {
        phase = getPath(await ns.store.get(systemContext(), a.namespace, ns.store.cacheStarted ? { resourceVersion: '0' } : {}), ['status', 'phase']);
      } catch (e) {
        if (e instanceof StatusError && e.status.code === 404) {
          // The cache may lag a namespace created a moment ago: check the datastore before refusing.
          try {
            phase = getPath(await ns.store.get(systemContext(), a.namespace), ['status', 'phase']);
          } catch {
            throw statusErrors.notFound({ resource: 'namespaces', group: '' }, a.namespace);
          }
        } else {
          throw e;
        }
      }
      if (phase === 'Terminating') {
        const subject = qualifiedResource(a.resource, a.group);
        const msg = `${a.name ? `${subject} ${JSON.stringify(a.name)}` : subject} is forbidden: unable to create new content in namespace ${a.namespace} because it is being terminated`;
        throw new StatusError(failure(403, 'Forbidden', msg, {
          name: a.name, kind: a.resource, ...(a.group ? { group: a.group } : {}),
          causes: [{ reason: 'NamespaceTerminating', message: `namespace ${a.namespace} is being terminated`, field: 'metadata.namespace' }],
        }));
      }
    },
  };
}
