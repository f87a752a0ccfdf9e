/**
 * @module A transport that hands requests straight to the API server's request handler in the
 * same process: no sockets, no TLS, the same bytes and status codes as over HTTPS. The server
 * assembly connects a {@link LocalHandler} (an adapter around the API server's handler) and
 * names the user the requests run as.
 */
import { AbortedError, messageOf } from '../base/errors.js';
import { StatusError } from '../api/status.js';
import { TransportError } from './errors.js';
import type { Transport, TransportRequest, TransportRequestOptions, TransportResponse } from './transport.js';

/** The identity in-process requests carry (authentication already happened by construction). */
export interface LocalUser {
  readonly name: string;
  readonly groups: readonly string[];
  readonly uid?: string;
}

export interface LocalRequest extends TransportRequest {
  /** Aborted when the caller aborts or stops reading the response body. */
  readonly signal: AbortSignal;
  readonly user: LocalUser | undefined;
}

export interface LocalResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** A whole body, or a stream (a watch) that ends when the handler is done or the signal aborts. */
  readonly body: Uint8Array | AsyncIterable<Uint8Array>;
}

/**
 * What the API server offers in-process callers. It may throw a StatusError instead of
 * answering with one; any other exception is reported as a TransportError.
 */
export type LocalHandler = (req: LocalRequest) => Promise<LocalResponse>;

export interface InProcessTransportOptions {
  readonly user?: LocalUser;
}

/** Calls a {@link LocalHandler} directly. */
export class InProcessTransport implements Transport {
  private closed = false;
  private readonly user: LocalUser | undefined;

  constructor(private readonly handler: LocalHandler, opts: InProcessTransportOptions = {}) {
    this.user = opts.user;
  }

  async request(req: TransportRequest, opts: TransportRequestOptions = {}): Promise<TransportResponse> {
    if (this.closed) throw new TransportError('in-process transport is closed');
    const outer = opts.signal;
    if (outer?.aborted) throw new AbortedError();
    // One controller per request so the handler learns when the reader goes away, not only when
    // the caller's own signal aborts (a watch consumer that simply stops iterating).
    const ctl = new AbortController();
    const onAbort = (): void => ctl.abort();
    outer?.addEventListener('abort', onAbort, { once: true });
    const release = (): void => {
      outer?.removeEventListener('abort', onAbort);
      ctl.abort();
    };
    let res: LocalResponse;
    try {
      res = await this.handler({ ...req, signal: ctl.signal, user: this.user });
    } catch (err) {
      release();
      if (err instanceof StatusError) return statusResponse(err);
      if (outer?.aborted) throw new AbortedError();
      throw new TransportError(`in-process request ${req.method} ${req.path} failed: ${messageOf(err)}`, { cause: err });
    }
    const body = res.body;
    if (body instanceof Uint8Array) {
      release();
      return { status: res.status, headers: res.headers, body: once(body) };
    }
    return { status: res.status, headers: res.headers, body: guarded(body, ctl.signal, release) };
  }

  close(): void {
    this.closed = true;
  }
}

async function* once(data: Uint8Array): AsyncIterable<Uint8Array> {
  if (data.byteLength > 0) yield data;
}

/**
 * Streams `body`, turning an abort into AbortedError (even while the handler has nothing to
 * send) and always releasing the request when the reader stops.
 */
async function* guarded(body: AsyncIterable<Uint8Array>, signal: AbortSignal, release: () => void): AsyncIterable<Uint8Array> {
  const it = body[Symbol.asyncIterator]();
  let onAbort: (() => void) | undefined;
  const abortedP = new Promise<never>((_, reject) => {
    onAbort = () => reject(new AbortedError());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  abortedP.catch(() => undefined);
  try {
    for (;;) {
      const r = await Promise.race([it.next(), abortedP]);
      if (r.done) return;
      yield r.value;
    }
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
    release();
    // Let the handler's generator run its cleanup; it may be parked on an event, so do not wait.
    void it.return?.()?.catch(() => undefined);
  }
}

function statusResponse(err: StatusError): TransportResponse {
  const data = Buffer.from(JSON.stringify(err.status));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const retry = err.status.details?.retryAfterSeconds;
  if (retry !== undefined) headers['retry-after'] = String(retry);
  return { status: err.status.code, headers, body: once(data) };
}
