/**
 * @module Typed errors for API responses. A non-2xx answer (or a watch ERROR event) becomes one
 * of these StatusError subclasses, chosen by reason and then by HTTP code, so callers write
 * `err instanceof NotFoundError` (or `isNotFound(err)`) instead of comparing numbers.
 */
import { K3tsError } from '../base/errors.js';
import { StatusError, failure, type Status, type StatusReason } from '../api/status.js';

export class BadRequestError extends StatusError {}
export class UnauthorizedError extends StatusError {}
export class ForbiddenError extends StatusError {}
export class NotFoundError extends StatusError {}
export class MethodNotAllowedError extends StatusError {}
export class AlreadyExistsError extends StatusError {}
export class ConflictError extends StatusError {}
/** 410: the resourceVersion or continue token is too old (reason Expired or Gone). */
export class ExpiredError extends StatusError {}
export class InvalidError extends StatusError {}
export class TooManyRequestsError extends StatusError {}
export class InternalServerError extends StatusError {}
export class ServiceUnavailableError extends StatusError {}
export class ServerTimeoutError extends StatusError {}

/** The request never got an HTTP answer (connection refused, reset, TLS failure). */
export class TransportError extends K3tsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_TRANSPORT', message, options);
  }
}

type StatusErrorClass = new (status: Status, options?: { cause?: unknown }) => StatusError;

const BY_REASON: Partial<Record<StatusReason, StatusErrorClass>> = {
  BadRequest: BadRequestError,
  Unauthorized: UnauthorizedError,
  Forbidden: ForbiddenError,
  NotFound: NotFoundError,
  MethodNotAllowed: MethodNotAllowedError,
  AlreadyExists: AlreadyExistsError,
  Conflict: ConflictError,
  Expired: ExpiredError,
  Gone: ExpiredError,
  Invalid: InvalidError,
  TooManyRequests: TooManyRequestsError,
  InternalError: InternalServerError,
  ServiceUnavailable: ServiceUnavailableError,
  Timeout: ServerTimeoutError,
  ServerTimeout: ServerTimeoutError,
};

const BY_CODE: Readonly<Record<number, StatusErrorClass>> = {
  400: BadRequestError, 401: UnauthorizedError, 403: ForbiddenError, 404: NotFoundError,
  405: MethodNotAllowedError, 409: ConflictError, 410: ExpiredError, 422: InvalidError,
  429: TooManyRequestsError, 500: InternalServerError, 503: ServiceUnavailableError, 504: ServerTimeoutError,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A Status object read from a response body, or undefined when `body` is not one. */
export function asStatus(body: unknown): Status | undefined {
  if (!isRecord(body) || body['kind'] !== 'Status') return undefined;
  const code = body['code'];
  return typeof code === 'number' ? (body as unknown as Status) : undefined;
}

/** The typed error for a Status (reason first, then the HTTP code). */
export function errorFromStatus(status: Status): StatusError {
  const cls = (status.reason ? BY_REASON[status.reason] : undefined) ?? BY_CODE[status.code] ?? StatusError;
  return new cls(status);
}

/**
 * The typed error for an HTTP answer whose body may or may not be a Status. Bodies that are not
 * a Status get the message kubectl would print for them.
 */
export function errorFromResponse(code: number, bodyText: string): StatusError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  const st = asStatus(parsed);
  if (st) return errorFromStatus(st.code ? st : { ...st, code });
  const reason = reasonForCode(code);
  const text = bodyText.trim().slice(0, 300);
  const msg = code === 404 ? 'the server could not find the requested resource' : text || `unexpected HTTP status ${code}`;
  return errorFromStatus(failure(code, reason, msg));
}

function reasonForCode(code: number): StatusReason {
  const table: Readonly<Record<number, StatusReason>> = {
    400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed',
    409: 'Conflict', 410: 'Expired', 422: 'Invalid', 429: 'TooManyRequests', 500: 'InternalError',
    503: 'ServiceUnavailable', 504: 'Timeout',
  };
  return table[code] ?? '';
}

const codeOf = (err: unknown): number | undefined => (err instanceof StatusError ? err.status.code : undefined);

export const isNotFound = (err: unknown): boolean => err instanceof NotFoundError || codeOf(err) === 404;
export const isAlreadyExists = (err: unknown): boolean => err instanceof AlreadyExistsError;
export const isConflict = (err: unknown): boolean => err instanceof ConflictError;
export const isExpired = (err: unknown): boolean => err instanceof ExpiredError || codeOf(err) === 410;
export const isInvalid = (err: unknown): boolean => err instanceof InvalidError || codeOf(err) === 422;
export const isForbidden = (err: unknown): boolean => err instanceof ForbiddenError || codeOf(err) === 403;
