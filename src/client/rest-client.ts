/**
 * @module The request pipeline under every typed call: headers, per-request timeout, retries
 * of 429/5xx answers and refused connections with backoff that honours `Retry-After`, and
 * mapping of error answers to typed errors. Bodies are JSON.
 */
import { AbortedError, messageOf } from '../base/errors.js';
import { sleep } from '../base/async.js';
import { Backoff } from './backoff.js';
import { errorFromResponse, ServerTimeoutError, TransportError } from './errors.js';
import { failure } from '../api/status.js';
import { readBody, type HttpMethod, type Transport, type TransportResponse } from './transport.js';

export interface RetryPolicy {
  /** Attempts after the first (default 5). */
  readonly maxRetries: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  /** Longest `Retry-After` honoured (ms); longer values are clamped (default 30 s). */
  readonly maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 5, initialBackoffMs: 200, maxBackoffMs: 5000, maxRetryAfterMs: 30_000 };

export interface RestClientOptions {
  /** Sent as User-Agent; names the component in server logs and managedFields. */
  readonly userAgent?: string;
  readonly retry?: Partial<RetryPolicy>;
  /** Deadline for one non-streaming attempt (default 60 s). */
  readonly requestTimeoutMs?: number;
}

export interface RawRequest {
  readonly method: HttpMethod;
  readonly path: string;
  readonly body?: unknown;
  /** Defaults to application/json when there is a body. */
  readonly contentType?: string;
  readonly signal?: AbortSignal | undefined;
  /** True for watches: no deadline on the stream, no retry after an answer arrived. */
  readonly stream?: boolean;
  /** Accept header (default application/json). */
  readonly accept?: string | undefined;
}

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);

/** Sends JSON requests through a Transport with retries and typed errors. */
export class RestClient {
  readonly userAgent: string;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;

  constructor(readonly transport: Transport, opts: RestClientOptions = {}) {
    this.userAgent = opts.userAgent ?? 'k3ts';
    this.retry = { ...defaultRetryPolicy, ...opts.retry };
    this.timeoutMs = opts.requestTimeoutMs ?? 60_000;
  }

  /** A copy that sends another User-Agent over the same transport. */
  withUserAgent(userAgent: string): RestClient {
    return new RestClient(this.transport, { userAgent, retry: this.retry, requestTimeoutMs: this.timeoutMs });
  }

  /** Sends a request and parses the JSON answer; throws a typed StatusError for error answers. */
  async json(req: RawRequest): Promise<unknown> {
    const { res, release } = await this.exchange(req);
    let text: string;
    try {
      text = (await readBody(res.body)).toString('utf8');
    } catch (err) {
      if (err instanceof AbortedError && !req.signal?.aborted) {
        throw new ServerTimeoutError(failure(504, 'Timeout', `${req.method} ${req.path}: response not read within ${this.timeoutMs} ms`));
      }
      throw err;
    } finally {
      release();
    }
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new TransportError(`${req.method} ${req.path}: response is not JSON: ${messageOf(err)}`, { cause: err });
    }
  }

  /**
   * Sends a request and returns the 2xx response with its body unread (watches stream it).
   * Retries what is safe to retry; the last error is thrown.
   */
  async send(req: RawRequest): Promise<TransportResponse> {
    return (await this.exchange({ ...req, stream: true })).res;
  }

  /**
   * The retry loop. Non-streaming attempts get a deadline linked to the caller's signal;
   * `release` ends that link once the body has been read.
   */
  private async exchange(req: RawRequest): Promise<{ res: TransportResponse; release: () => void }> {
    const headers: Record<string, string> = { accept: req.accept ?? 'application/json', 'user-agent': this.userAgent };
    let body: Uint8Array | undefined;
    if (req.body !== undefined) {
      body = Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body));
      headers['content-type'] = req.contentType ?? 'application/json';
    }
    const backoff = new Backoff({ initialMs: this.retry.initialBackoffMs, maxMs: this.retry.maxBackoffMs });
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= this.retry.maxRetries;
      let res: TransportResponse;
      const deadline = req.stream ? undefined : linkedDeadline(req.signal, this.timeoutMs);
      const signal = deadline ? deadline.signal : req.signal;
      try {
        res = await this.transport.request({ method: req.method, path: req.path, headers, ...(body ? { body } : {}) }, { signal });
      } catch (err) {
        deadline?.release();
        if (req.signal?.aborted) throw new AbortedError();
        if (deadline?.expired()) {
          if (!last && IDEMPOTENT.has(req.method)) { await sleep(backoff.next(), req.signal); continue; }
          throw new ServerTimeoutError(failure(504, 'Timeout', `${req.method} ${req.path}: no answer within ${this.timeoutMs} ms`));
        }
        // A refused connection never reached the server, so any method may be retried.
        if (!last && err instanceof TransportError && (IDEMPOTENT.has(req.method) || refused(err))) {
          await sleep(backoff.next(), req.signal);
          continue;
        }
        throw err;
      }
      if (res.status >= 200 && res.status < 300) {
        return { res, release: deadline ? deadline.release : noop };
      }
      const text = (await readBody(res.body).catch(() => Buffer.alloc(0))).toString('utf8');
      deadline?.release();
      const error = errorFromResponse(res.status, text);
      const retryAfter = retryAfterMs(res.headers['retry-after'], error.status.details?.retryAfterSeconds);
      const retriable = res.status === 429 || (res.status >= 500 && res.status !== 501 && (IDEMPOTENT.has(req.method) || retryAfter !== undefined));
      if (!retriable || last) throw error;
      const wait = retryAfter !== undefined ? Math.min(retryAfter, this.retry.maxRetryAfterMs) : backoff.next();
      await sleep(wait, req.signal);
    }
  }
}

function refused(err: TransportError): boolean {
  const cause = err.cause as { code?: unknown } | undefined;
  return cause?.code === 'ECONNREFUSED';
}

/** `Retry-After` (seconds) from the header, else from the Status details; undefined if neither. */
function retryAfterMs(header: string | undefined, detailSeconds: number | undefined): number | undefined {
  const h = header !== undefined ? Number.parseInt(header, 10) : Number.NaN;
  if (Number.isFinite(h) && h >= 0) return h * 1000;
  if (detailSeconds !== undefined && detailSeconds >= 0) return detailSeconds * 1000;
  return undefined;
}

const noop = (): void => undefined;

/**
 * A signal that aborts when `parent` does or after `ms`. Unlike AbortSignal.any it removes its
 * listener from the long-lived parent when released, so thousands of requests under one
 * component signal leave nothing behind.
 */
function linkedDeadline(parent: AbortSignal | undefined, ms: number): { signal: AbortSignal; expired(): boolean; release(): void } {
  const ctl = new AbortController();
  let timedOut = false;
  const onAbort = (): void => ctl.abort();
  parent?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => { timedOut = true; ctl.abort(); }, ms);
  return {
    signal: ctl.signal,
    expired: () => timedOut,
    release: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}
