/**
 * @module Writing a controller's status: PUT to /status from the cached object, and on a
 * conflict read the object fresh and try once more (as kube-controller-manager's status
 * updaters do), skipping the write when nothing changed.
 */
import { isConflict, isNotFound } from '../../client/errors.js';
import type { ResourceClient } from '../../client/resource-client.js';
import type { KubeObject } from '../../client/types.js';

/** Canonical JSON (sorted keys) for change detection. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      const o = val as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    }
    return val;
  });
}

/**
 * Sets `status` on `obj` through the status subresource. Returns the stored object, or the
 * input when the status was already equal; undefined when the object is gone.
 */
export async function writeStatus<T extends KubeObject & { status?: unknown }>(client: ResourceClient<T>, obj: T, status: T['status'], signal?: AbortSignal): Promise<T | undefined> {
  if (canonical(obj.status) === canonical(status)) return obj;
  const ns = obj.metadata.namespace;
  try {
    return await client.updateStatus({ ...obj, status }, { namespace: ns, signal });
  } catch (err) {
    if (isNotFound(err)) return undefined;
    if (!isConflict(err)) throw err;
  }
  let fresh: T;
  try {
    fresh = await client.get(obj.metadata.name ?? '', { namespace: ns, signal });
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
  if (fresh.metadata.uid !== obj.metadata.uid) return undefined;
  return client.updateStatus({ ...fresh, status }, { namespace: ns, signal });
}
