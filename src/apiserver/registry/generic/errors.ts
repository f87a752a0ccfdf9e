/**
 * @module The one place datastore errors become Kubernetes Status errors (storeerr in
 * kube-apiserver): key exists → 409 AlreadyExists, revision mismatch → 409 Conflict (or 404 when
 * the key is gone), compacted → 410 Expired, future revision → 504, unavailable → 503.
 */
import type { ResourceDef } from '../../../api/schema/types.js';
import { StatusError, statusErrors } from '../../../api/status.js';
import {
  CompactedError, DatastoreUnavailableError, FutureRevisionError, KeyExistsError, RevisionMismatchError,
} from '../../../datastore/backend.js';

export const MODIFIED_MESSAGE = 'the object has been modified; please apply your changes to the latest version and try again';

/** Translates any error from the storage layer into a StatusError (Status errors pass through). */
export function interpretError(err: unknown, r: Pick<ResourceDef, 'plural' | 'group'>, name: string): StatusError {
  const res = { resource: r.plural, group: r.group };
  if (err instanceof StatusError) return err;
  if (err instanceof KeyExistsError) return statusErrors.alreadyExists(res, name);
  if (err instanceof RevisionMismatchError) return err.current ? statusErrors.conflict(res, name, MODIFIED_MESSAGE) : statusErrors.notFound(res, name);
  if (err instanceof CompactedError) return statusErrors.expired(`too old resource version: ${err.requested} (${err.compactRevision})`);
  if (err instanceof FutureRevisionError) {
    const e = statusErrors.timeout(`Too large resource version: ${err.requested}, current: ${err.current}`, 1);
    return new StatusError({ ...e.status, details: { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 } });
  }
  if (err instanceof DatastoreUnavailableError) return statusErrors.unavailable(`storage is unavailable: ${err.message}`, err.retryAfterSeconds);
  return statusErrors.internal(err instanceof Error ? err.message : String(err), err);
}
