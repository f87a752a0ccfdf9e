/**
 * @module The one coded error hierarchy. Each layer translates the errors of the layer below
 * once, at its edge (driver error → datastore error → Kubernetes Status), keeping the original
 * as `cause`. Messages say what failed; they never carry credentials.
 */

/** Every error k3ts raises on purpose; `code` is stable and safe to switch on. */
export class K3tsError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Bad configuration: a flag, a config file key, an environment variable. Names the source. */
export class ConfigError extends K3tsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_CONFIG', message, options);
  }
}

/** A flag, key or feature k3s has but k3ts has not implemented yet; never silently accepted. */
export class UnsupportedError extends K3tsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_UNSUPPORTED', message, options);
  }
}

/** Certificates, keys and tokens: unreadable, malformed, or not matching each other. */
export class PkiError extends K3tsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_PKI', message, options);
  }
}

/** A startup step failed; the message says which step, the cause says why. */
export class StartupError extends K3tsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_STARTUP', message, options);
  }
}

/** The scheduler could not place or bind a pod (volumes not bound in time, a volume taken). */
export class SchedulingError extends K3tsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_SCHEDULING', message, options);
  }
}

/** Joining a server failed: the supervisor refused (`status` 401/403) or answered nonsense. */
export class JoinError extends K3tsError {
  readonly status: number | undefined;
  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super('ERR_JOIN', message, options);
    this.status = options?.status;
  }
}

/** The operation was cancelled through its AbortSignal. */
export class AbortedError extends K3tsError {
  constructor(message = 'operation aborted', options?: { cause?: unknown }) {
    super('ERR_ABORTED', message, options);
  }
}

/** True when `err` is a K3tsError with the given code. */
export function hasCode(err: unknown, code: string): boolean {
  return err instanceof K3tsError && err.code === code;
}

/** A readable one-line message for any thrown value. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
