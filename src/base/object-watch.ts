/**
 * @module The same-process shortcut for watches: a response object that can carry watch events
 * as objects instead of JSON lines. The API server's watch stream switches such a response to
 * objects before it sends headers; the in-process transport hands the objects to the caller's
 * informer as they are, so both sides share one copy and nothing is encoded or parsed between
 * them. The objects are shared: nobody may change them (`K3TS_CACHE_MUTATION_DETECTOR=true`
 * freezes them, as client-go's KUBE_CACHE_MUTATION_DETECTOR checks its caches).
 */

/** One watch event as an object (`type` ADDED, MODIFIED, DELETED, BOOKMARK or ERROR). */
export interface ObjectWatchEvent {
  readonly type: string;
  readonly object: unknown;
}

/** What a response offers when it can take events as objects. */
export interface ObjectWatchResponse {
  /** Switches the response to objects; called once, before anything is written. */
  startObjectWatch(): void;
  /** Queues one event; false when the reader is so far behind that the watch should end. */
  writeWatchObject(type: string, object: unknown): boolean;
}

/** `res` as an {@link ObjectWatchResponse} when it is one. */
export function objectWatchResponse(res: object): ObjectWatchResponse | undefined {
  const r = res as Partial<ObjectWatchResponse>;
  return typeof r.startObjectWatch === 'function' && typeof r.writeWatchObject === 'function' ? r as ObjectWatchResponse : undefined;
}

/** True when shared objects are frozen to catch changes (tests set it). */
export const cacheMutationDetector = process.env['K3TS_CACHE_MUTATION_DETECTOR'] === 'true';

/** Freezes a JSON value and everything in it. */
export function deepFreeze<T>(v: T): T {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return v;
  Object.freeze(v);
  for (const x of Object.values(v as object)) deepFreeze(x);
  return v;
}
