/**
 * @module The error admission plugins reject with (admission.NewForbidden): 403 Forbidden,
 * `<resource> "<name>" is forbidden: <reason>`, the resource qualified by its group and the
 * name left out when the object has none yet (generateName).
 */
import { StatusError, statusErrors } from '../../../api/status.js';
import type { AdmissionAttributes } from '../admission.js';

export function forbidden(a: AdmissionAttributes, reason: string): StatusError {
  const name = a.name || a.object?.metadata.name || a.oldObject?.metadata.name || '';
  return statusErrors.forbidden({ resource: a.resource, group: a.group }, name, reason);
}
