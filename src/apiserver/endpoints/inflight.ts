/**
 * @module kube-apiserver's max-in-flight filter: at most --max-requests-inflight (400) reading
 * and --max-mutating-requests-inflight (200) writing requests at once; past that, 429
 * TooManyRequests with Retry-After 1, which client-go and kubectl retry by themselves. Watches
 * and other long-running requests are not counted. Members of system:masters are exempt, as
 * the `exempt` priority level of Kubernetes's API Priority and Fairness bootstrap configuration
 * makes them: an administrator can always reach an overloaded server.
 */
import { StatusError, failure } from '../../api/status.js';

const NO_SLOT = (): void => undefined;

export class InflightLimiter {
  private reading = 0;
  private mutating = 0;

  constructor(readonly maxReading = 400, readonly maxMutating = 200) {}

  /** Takes a slot for a request with `method` by a user in `groups`, or throws 429; returns the release function. */
  acquire(method: string, groups: readonly string[]): () => void {
    if (groups.includes('system:masters')) return NO_SLOT;
    const mutating = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
    if (mutating ? this.mutating >= this.maxMutating : this.reading >= this.maxReading) {
      throw new StatusError(failure(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds: 1 }));
    }
    if (mutating) this.mutating++;
    else this.reading++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (mutating) this.mutating--;
      else this.reading--;
    };
  }
}
