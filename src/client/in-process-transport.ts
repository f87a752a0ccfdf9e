/**
 * @module A transport that hands requests to the API server's request handler in the same
 * process, with no sockets and no TLS: each request gets an in-memory stream pair, node's own
 * HTTP machinery frames it on both ends, and the handler sees a genuine IncomingMessage and
 * ServerResponse plus the identity the requests run as. Status codes, headers, streamed
 * watches and aborts behave exactly as over HTTPS.
 */
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { AbortedError, messageOf } from '../base/errors.js';
import { TransportError } from './errors.js';
import { memorySocketPair, type MemorySocket } from './memory-socket.js';
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

/** Calls a {@link LocalHandler} through in-memory connections. */
export class InProcessTransport implements Transport {
  private closed = false;
  private readonly server: http.Server;
  private readonly contexts = new WeakMap<object, LocalRequestContext>();
  private readonly defaultUser: LocalUser;

  constructor(private readonly handler: LocalHandler, opts: InProcessTransportOptions = {}) {
    const user = opts.user ?? LOOPBACK_USER;
    this.server = http.createServer((req, res) => {
      const ctx = this.contexts.get(req.socket) ?? { user, signal: AbortSignal.abort() };
      Promise.resolve()
        .then(() => this.handler.handle(req, res, ctx))
        .catch((err: unknown) => {
          if (res.headersSent) res.destroy();
          else res.writeHead(500, { 'content-type': 'text/plain' }).end(`in-process handler failed: ${messageOf(err)}`);
        });
    });
    this.defaultUser = user;
  }

  request(req: TransportRequest, opts: TransportRequestOptions = {}): Promise<TransportResponse> {
    if (this.closed) return Promise.reject(new TransportError('in-process transport is closed'));
    const signal = opts.signal;
    if (signal?.aborted) return Promise.reject(new AbortedError());
    const [clientEnd, serverEnd] = memorySocketPair();
    // The handler's signal aborts when the caller closes its end (abort, or stopped reading).
    const ctl = new AbortController();
    serverEnd.once('close', () => ctl.abort());
    this.contexts.set(serverEnd, { user: this.defaultUser, signal: ctl.signal });
    this.server.emit('connection', serverEnd);
    const headers: Record<string, string | number> = { ...req.headers, host: 'in-process', connection: 'close' };
    if (req.body) headers['content-length'] = req.body.byteLength;
    return new Promise((resolve, reject) => {
      const r = http.request({
        method: req.method, path: req.path, headers,
        createConnection: () => clientEnd as unknown as Socket,
        ...(signal ? { signal } : {}),
      }, (res) => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers: out, body: streamOf(res, clientEnd, signal) });
      });
      r.on('error', (err) => {
        clientEnd.destroy();
        if (signal?.aborted) reject(new AbortedError());
        else reject(new TransportError(`in-process ${req.method} ${req.path}: ${messageOf(err)}`, { cause: err }));
      });
      r.end(req.body);
    });
  }

  close(): void {
    this.closed = true;
    this.server.close();
  }
}

async function* streamOf(res: http.IncomingMessage, end: MemorySocket, signal: AbortSignal | undefined): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of res) yield chunk as Buffer;
  } catch (err) {
    if (signal?.aborted) throw new AbortedError();
    throw new TransportError(`reading in-process response: ${messageOf(err)}`, { cause: err });
  } finally {
    end.destroy();
  }
}
