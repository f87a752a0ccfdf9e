/**
 * @module The HTTPS (or plain HTTP, for tests) transport: one keep-alive agent, the server's CA,
 * a client certificate or bearer token, AbortSignal on every request and body stream.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { AbortedError, messageOf } from '../base/errors.js';
import { TransportError } from './errors.js';
import type { Transport, TransportRequest, TransportRequestOptions, TransportResponse } from './transport.js';

/** Where and how to connect; what a kubeconfig context resolves to. */
export interface ConnectionConfig {
  /** `https://host:port` (an `http://` URL is allowed for tests). */
  readonly server: string;
  /** PEM CA bundle that signs the server's certificate. */
  readonly ca?: string | Buffer;
  /** PEM client certificate and key (mutual TLS). */
  readonly cert?: string | Buffer;
  readonly key?: string | Buffer;
  /** Bearer token (service accounts, bootstrap tokens). */
  readonly token?: string;
  /** Skip server certificate verification (kubeconfig `insecure-skip-tls-verify`). */
  readonly insecureSkipTlsVerify?: boolean;
  /** SNI / verification name, when it differs from the URL's host. */
  readonly tlsServerName?: string;
}

/** Talks to an API server over a socket. */
export class HttpsTransport implements Transport {
  private readonly url: URL;
  private readonly agent: http.Agent;
  private readonly mod: typeof http | typeof https;
  private closed = false;

  constructor(private readonly conn: ConnectionConfig) {
    this.url = new URL(conn.server);
    const secure = this.url.protocol === 'https:';
    if (!secure && this.url.protocol !== 'http:') throw new TransportError(`unsupported server URL ${conn.server}: want https://`);
    this.mod = secure ? https : http;
    this.agent = secure
      ? new https.Agent({
        keepAlive: true,
        ...(conn.ca !== undefined ? { ca: conn.ca } : {}),
        ...(conn.cert !== undefined ? { cert: conn.cert } : {}),
        ...(conn.key !== undefined ? { key: conn.key } : {}),
        ...(conn.tlsServerName !== undefined ? { servername: conn.tlsServerName } : {}),
        rejectUnauthorized: !conn.insecureSkipTlsVerify,
      })
      : new http.Agent({ keepAlive: true });
  }

  request(req: TransportRequest, opts: TransportRequestOptions = {}): Promise<TransportResponse> {
    if (this.closed) return Promise.reject(new TransportError('transport is closed'));
    const signal = opts.signal;
    if (signal?.aborted) return Promise.reject(new AbortedError());
    const headers: Record<string, string | number> = { ...req.headers };
    if (this.conn.token) headers['authorization'] = `Bearer ${this.conn.token}`;
    if (req.body) headers['content-length'] = req.body.byteLength;
    const basePath = this.url.pathname.replace(/\/$/, '');
    return new Promise((resolve, reject) => {
      const r = this.mod.request({
        protocol: this.url.protocol,
        hostname: this.url.hostname.replace(/^\[|\]$/g, ''),
        port: this.url.port || (this.url.protocol === 'https:' ? 443 : 80),
        method: req.method,
        path: basePath + req.path,
        headers,
        agent: this.agent,
        ...(signal ? { signal } : {}),
      }, (res) => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers: out, body: streamOf(res, signal) });
      });
      r.on('error', (err) => {
        if (signal?.aborted) reject(new AbortedError());
        else reject(new TransportError(`${req.method} ${this.url.origin}${req.path}: ${messageOf(err)}`, { cause: err }));
      });
      r.end(req.body);
    });
  }

  close(): void {
    this.closed = true;
    this.agent.destroy();
  }
}

async function* streamOf(res: http.IncomingMessage, signal: AbortSignal | undefined): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of res) yield chunk as Buffer;
  } catch (err) {
    if (signal?.aborted) throw new AbortedError();
    throw new TransportError(`reading response: ${messageOf(err)}`, { cause: err });
  } finally {
    if (!res.complete) res.destroy();
  }
}
