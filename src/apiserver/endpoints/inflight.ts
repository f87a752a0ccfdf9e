/**
 * @module kube-apiserver's max-in-flight filter: at most --max-requests-inflight (400) reading
 * and --max-mutating-requests-inflight (200) writing requests at once; past that, 429
 * TooManyRequests with Retry-After 1, which client-go and kubectl retry by themselves. Watches
 * and other long-running requests are not counted.
 */
import { StatusError, failure } from '../../api/status.js';

export class InflightLimiter {
  private reading = 0;
  private mutating = 0;

  constructor(readonly maxReading = 400, readonly maxMutating = 200) {}

  /** Takes a slot for a request with `method`, or throws 429; returns the release function. */
  acquire(method: string): () => void {
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
