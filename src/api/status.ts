/**
 * @module Kubernetes `Status` objects and the StatusError that carries one. Every API error
 * leaves the server as a Status with the code, reason and message form kubectl prints
 * (`Error from server (<reason>): <message>`).
 */
import { K3tsError } from '../base/errors.js';

export type StatusReason =
  | 'BadRequest' | 'Unauthorized' | 'Forbidden' | 'NotFound' | 'AlreadyExists' | 'Conflict'
  | 'Gone' | 'Expired' | 'Invalid' | 'MethodNotAllowed' | 'NotAcceptable'
  | 'UnsupportedMediaType' | 'RequestEntityTooLarge' | 'TooManyRequests' | 'InternalError'
  | 'ServiceUnavailable' | 'Timeout' | 'ServerTimeout' | '';

export interface StatusCause {
  readonly reason?: string;
  readonly message?: string;
  readonly field?: string;
}

export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly uid?: string;
  readonly causes?: readonly StatusCause[];
  readonly retryAfterSeconds?: number;
}

export interface Status {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: { readonly resourceVersion?: string; readonly continue?: string };
  readonly status: 'Success' | 'Failure';
  readonly message?: string;
  readonly reason?: StatusReason;
  readonly details?: StatusDetails;
  readonly code: number;
}

/** An error that becomes exactly this Status on the wire. */
export class StatusError extends K3tsError {
  constructor(readonly status: Status, options?: { cause?: unknown }) {
    super(`ERR_STATUS_${status.reason || status.code}`, status.message ?? `status ${status.code}`, options);
  }
}

/** Builds a Failure status. */
export function failure(code: number, reason: StatusReason, message: string, details?: StatusDetails): Status {
  const s: { -readonly [K in keyof Status]?: Status[K] } = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) s.details = details;
  return s as Status;
}

/** `deployments.apps` for a named group, `pods` for core. */
export function qualifiedResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

function err(code: number, reason: StatusReason, message: string, details?: StatusDetails): StatusError {
  return new StatusError(failure(code, reason, message, details));
}

/** A resource in a group, as error messages name it. */
export interface ResourceName {
  readonly resource: string;
  readonly group: string;
}

const det = (r: ResourceName, name: string): StatusDetails => (r.group ? { name, group: r.group, kind: r.resource } : { name, kind: r.resource });

export const statusErrors = {
  badRequest: (message: string, causes?: readonly StatusCause[]) => err(400, 'BadRequest', message, causes ? { causes } : undefined),
  unauthorized: (message = 'Unauthorized') => err(401, 'Unauthorized', message),
  forbidden: (r: ResourceName, name: string, message: string) =>
    err(403, 'Forbidden', name ? `${qualifiedResource(r.resource, r.group)} "${name}" is forbidden: ${message}` : `${qualifiedResource(r.resource, r.group)} is forbidden: ${message}`, det(r, name)),
  notFound: (r: ResourceName, name: string) => err(404, 'NotFound', `${qualifiedResource(r.resource, r.group)} "${name}" not found`, det(r, name)),
  /** The generic 404 for paths the server does not serve. */
  pathNotFound: () => err(404, 'NotFound', 'the server could not find the requested resource', {}),
  alreadyExists: (r: ResourceName, name: string) => err(409, 'AlreadyExists', `${qualifiedResource(r.resource, r.group)} "${name}" already exists`, det(r, name)),
  conflict: (r: ResourceName, name: string, why: string) =>
    err(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(r.resource, r.group)} "${name}": ${why}`, det(r, name)),
  gone: (message: string) => err(410, 'Gone', message),
  expired: (message: string) => err(410, 'Expired', message),
  /** 422 with one cause per field error; `kind` is the Kind with its group (`Deployment.apps`). */
  invalid: (qualifiedKind: string, name: string, causes: readonly StatusCause[], group = '') => {
    const list = causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : c.message ?? '')).join(', ');
    const msg = `${qualifiedKind} "${name}" is invalid: ${causes.length > 1 ? `[${list}]` : list}`;
    const kind = qualifiedKind.split('.')[0] ?? qualifiedKind;
    return err(422, 'Invalid', msg, group ? { name, group, kind, causes } : { name, kind, causes });
  },
  methodNotAllowed: (message = 'the server does not allow this method on the requested resource') => err(405, 'MethodNotAllowed', message),
  notAcceptable: (message: string) => err(406, 'NotAcceptable', message),
  unsupportedMediaType: (contentType: string) => err(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf${contentType ? ` (got ${contentType})` : ''}`),
  tooLarge: (message = 'Request entity too large: limit is 3145728') => err(413, 'RequestEntityTooLarge', message),
  tooManyRequests: (message: string, retryAfterSeconds = 1) => err(429, 'TooManyRequests', message, { retryAfterSeconds }),
  internal: (message: string, cause?: unknown) => new StatusError(failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] }), { cause }),
  unavailable: (message: string, retryAfterSeconds = 1) => err(503, 'ServiceUnavailable', message, { retryAfterSeconds }),
  timeout: (message: string, retryAfterSeconds = 1) => err(504, 'Timeout', message, { retryAfterSeconds }),
};
