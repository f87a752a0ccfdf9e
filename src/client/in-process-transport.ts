/**
 * @module A transport that hands requests to the API server's request handler in the same
 * process, with no sockets, no TLS and no HTTP framing: the handler gets a small request object
 * (method, url, headers, a readable body) and a small response object with the part of
 * ServerResponse the API server uses (writeHead, setHeader, write, end, flushHeaders, destroy,
 * 'close'); the bytes it writes become the client's body stream. Status codes, headers,
 * streamed watches, slow-reader accounting and aborts behave as over HTTPS, at a fraction of
 * the cost of running node's HTTP parser on both ends of an in-memory socket.
 */
import { EventEmitter } from 'node:events';
import type * as http from 'node:http';
import { Readable } from 'node:stream';
import { AbortedError, messageOf } from '../base/errors.js';
import { type ObjectWatchEvent, type ObjectWatchResponse, cacheMutationDetector, deepFreeze } from '../base/object-watch.js';
import { TransportError } from './errors.js';
import type { Transport, TransportRequest, TransportRequestOptions, TransportResponse } from './transport.js';

/** The identity in-process requests carry (authentication happened by construction). */
export interface LocalUser {
  readonly name: string;
  readonly groups: readonly string[];
  readonly uid?: string;
}

/** What the handler learns besides the request: who asks, and when the caller went away. */
export interface LocalRequestContext {
  readonly user: LocalUser;
  readonly signal: AbortSignal;
}

/**
 * The API server's handler as the client needs it (the listener's ApiHandler has this shape).
 * It must answer or destroy `res`.
 */
export interface LocalHandler {
  handle(req: http.IncomingMessage, res: http.ServerResponse, ctx: LocalRequestContext): Promise<void> | void;
}

/** Who in-process requests run as unless told otherwise: the cluster admin. */
export const LOOPBACK_USER: LocalUser = { name: 'system:apiserver', groups: ['system:masters', 'system:authenticated'] };

export interface InProcessTransportOptions {
  readonly user?: LocalUser;
}

/** Calls a {@link LocalHandler} with in-memory request and response objects. */
export class InProcessTransport implements Transport {
  private closed = false;
  private readonly user: LocalUser;

  constructor(private readonly handler: LocalHandler, opts: InProcessTransportOptions = {}) {
    this.user = opts.user ?? LOOPBACK_USER;
  }

  request(req: TransportRequest, opts: TransportRequestOptions = {}): Promise<TransportResponse> {
    if (this.closed) return Promise.reject(new TransportError('in-process transport is closed'));
    const signal = opts.signal;
    if (signal?.aborted) return Promise.reject(new AbortedError());
    const ctl = new AbortController();
    const res = new LocalResponse(req, signal, ctl);
    const headers: Record<string, string> = { ...req.headers, host: 'in-process' };
    if (req.body) headers['content-length'] = String(req.body.byteLength);
    const local = new LocalRequest(req.method, req.path, headers, req.body);
    // The request and response objects carry the part of IncomingMessage and ServerResponse
    // that the API server's handlers use (see LocalRequest and LocalResponse).
    const nodeReq = local as unknown as http.IncomingMessage;
    const nodeRes = res as unknown as http.ServerResponse;
    Promise.resolve()
      .then(() => this.handler.handle(nodeReq, nodeRes, { user: this.user, signal: ctl.signal }))
      .catch((err: unknown) => {
        if (res.headersSent) res.destroy();
        else res.writeHead(500, { 'content-type': 'text/plain' }).end(`in-process handler failed: ${messageOf(err)}`);
      });
    return res.answer;
  }

  close(): void {
    this.closed = true;
  }
}

/** The request as the handler reads it: method, url, headers and the body as a stream. */
class LocalRequest extends Readable {
  readonly httpVersion = '1.1';
  readonly httpVersionMajor = 1;
  readonly httpVersionMinor = 1;
  readonly socket = { remoteAddress: '127.0.0.1', remotePort: 0, encrypted: false };
  private body: Uint8Array | undefined;

  constructor(readonly method: string, readonly url: string, readonly headers: Record<string, string>, body: Uint8Array | undefined) {
    super();
    this.body = body && body.byteLength > 0 ? body : undefined;
  }

  get headersDistinct(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(this.headers)) out[k] = [v];
    return out;
  }

  override _read(): void {
    const b = this.body;
    this.body = undefined;
    if (b) this.push(b);
    this.push(null);
  }
}

/** Bytes a watch may have unread before write() asks the writer to slow down (node's default). */
const HIGH_WATER_MARK = 16 * 1024;
/** Watch events (as objects) a caller may leave unread before the server ends its watch as too slow. */
const OBJECT_EVENT_LIMIT = 50_000;

/**
 * The response as the handler writes it. Headers count as sent at the first write, end or
 * flushHeaders; then the caller's promise resolves and the written chunks stream to its body.
 * 'close' is emitted once, after end (finished) or when either side destroys the exchange.
 */
class LocalResponse extends EventEmitter implements ObjectWatchResponse {
  statusCode = 200;
  statusMessage = '';
  headersSent = false;
  destroyed = false;
  writableEnded = false;
  writableFinished = false;
  /** Written bytes the caller has not read yet. */
  writableLength = 0;
  readonly answer: Promise<TransportResponse>;
  private readonly headers = new Map<string, string | string[]>();
  private readonly chunks: Buffer[] = [];
  /** Set once the handler switched to objects (a watch): events, not bytes, reach the caller. */
  private events: ObjectWatchEvent[] | undefined;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private settle: { resolve: (r: TransportResponse) => void; reject: (e: Error) => void } | undefined;
  private readonly onAbort: (() => void) | undefined;

  constructor(private readonly req: TransportRequest, private readonly signal: AbortSignal | undefined, private readonly ctl: AbortController) {
    super();
    this.answer = new Promise((resolve, reject) => { this.settle = { resolve, reject }; });
    if (signal) {
      this.onAbort = () => this.destroy(new AbortedError());
      signal.addEventListener('abort', this.onAbort, { once: true });
    }
  }

  setHeader(name: string, value: string | number | readonly string[]): this {
    this.headers.set(name.toLowerCase(), typeof value === 'number' ? String(value) : Array.isArray(value) ? [...value] as string[] : value as string);
    return this;
  }

  getHeader(name: string): string | string[] | undefined {
    return this.headers.get(name.toLowerCase());
  }

  hasHeader(name: string): boolean {
    return this.headers.has(name.toLowerCase());
  }

  removeHeader(name: string): void {
    this.headers.delete(name.toLowerCase());
  }

  writeHead(code: number, reasonOrHeaders?: string | http.OutgoingHttpHeaders | readonly (readonly [string, string])[], maybeHeaders?: http.OutgoingHttpHeaders): this {
    this.statusCode = code;
    const h = typeof reasonOrHeaders === 'string' ? maybeHeaders : reasonOrHeaders;
    if (Array.isArray(h)) {
      for (const [k, v] of h as readonly (readonly [string, string])[]) this.setHeader(k, v);
    } else if (h) {
      for (const [k, v] of Object.entries(h as http.OutgoingHttpHeaders)) if (v !== undefined) this.setHeader(k, v);
    }
    return this;
  }

  startObjectWatch(): void {
    if (!this.headersSent) this.events = [];
  }

  writeWatchObject(type: string, object: unknown): boolean {
    const q = this.events;
    if (!q || this.writableEnded || this.destroyed) return false;
    this.sendHeaders();
    q.push({ type, object: cacheMutationDetector ? deepFreeze(object) : object });
    this.wakeReader();
    return q.length < OBJECT_EVENT_LIMIT;
  }

  flushHeaders(): void {
    this.sendHeaders();
  }

  write(chunk: string | Uint8Array, encodingOrCb?: BufferEncoding | (() => void), cb?: () => void): boolean {
    if (typeof encodingOrCb === 'function') cb = encodingOrCb;
    if (this.writableEnded || this.destroyed) return false;
    this.sendHeaders();
    const b = typeof chunk === 'string' ? Buffer.from(chunk, typeof encodingOrCb === 'string' ? encodingOrCb : 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (b.length > 0) {
      this.chunks.push(b);
      this.writableLength += b.length;
      this.wakeReader();
    }
    if (cb) queueMicrotask(cb);
    return this.writableLength < HIGH_WATER_MARK;
  }

  end(chunk?: string | Uint8Array | (() => void), encodingOrCb?: BufferEncoding | (() => void), cb?: () => void): this {
    if (this.writableEnded || this.destroyed) return this;
    if (typeof encodingOrCb === 'function') cb = encodingOrCb;
    if (typeof chunk === 'function') cb = chunk;
    else if (chunk !== undefined) this.write(chunk, typeof encodingOrCb === 'string' ? encodingOrCb : undefined);
    this.sendHeaders();
    this.writableEnded = true;
    this.writableFinished = true;
    this.wakeReader();
    this.finish();
    if (cb) queueMicrotask(cb);
    this.emit('finish');
    this.emit('close');
    return this;
  }

  /** Ends the exchange early: the caller's answer (or its body stream) fails. */
  destroy(err?: Error): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    const aborted = this.signal?.aborted === true;
    this.failure = aborted ? new AbortedError() : new TransportError(`in-process ${this.req.method} ${this.req.path}: ${err ? messageOf(err) : 'response ended early'}`, err ? { cause: err } : undefined);
    if (this.settle) {
      this.settle.reject(this.failure);
      this.settle = undefined;
    }
    this.wakeReader();
    this.finish();
    // The handler learns that nobody listens any more (only when it had not finished).
    if (!this.writableFinished) this.ctl.abort();
    this.emit('close');
    return this;
  }

  private finish(): void {
    if (this.onAbort) this.signal?.removeEventListener('abort', this.onAbort);
  }

  private sendHeaders(): void {
    if (this.headersSent) return;
    this.headersSent = true;
    const headers: Record<string, string> = {};
    for (const [k, v] of this.headers) headers[k] = Array.isArray(v) ? v.join(', ') : v as string;
    const settle = this.settle;
    this.settle = undefined;
    settle?.resolve(this.events
      ? { status: this.statusCode, headers, body: this.body(), events: this.drain(reader(this.events)) }
      : { status: this.statusCode, headers, body: this.body() });
  }

  private wakeReader(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** The body: written chunks, as the caller reads them. */
  private body(): AsyncIterable<Uint8Array> {
    return this.drain(() => {
      const c = this.chunks.shift();
      if (c) this.writableLength -= c.length;
      return c;
    });
  }

  /** Yields what `next` takes until the exchange ends; a caller that stops reading ends it. */
  private async *drain<T>(next: () => T | undefined): AsyncIterable<T> {
    try {
      for (;;) {
        const v = next();
        if (v !== undefined) {
          yield v;
          continue;
        }
        if (this.failure) throw this.failure;
        if (this.writableEnded) return;
        await new Promise<void>((r) => { this.wake = r; });
      }
    } finally {
      if (!this.writableEnded) this.destroy();
    }
  }
}

/** Takes items off the front of `q`, dropping what was read now and then rather than shifting on every item. */
function reader<T>(q: T[]): () => T | undefined {
  let i = 0;
  return () => {
    if (i >= q.length) {
      q.length = 0;
      i = 0;
      return undefined;
    }
    const v = q[i++];
    if (i >= 1024) {
      q.splice(0, i);
      i = 0;
    }
    return v;
  };
}

