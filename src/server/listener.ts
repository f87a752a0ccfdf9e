/**
 * @module The HTTPS listener on --bind-address:--https-listen-port, k3s's supervisor port:
 * `/cacerts` and `/ping` without authentication; `/version` and the health endpoints for
 * anyone; every other request authenticated and handed to the ApiHandler (401 Status without
 * credentials). A failing handler becomes a 500 Status; the server never crashes on input.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { statusErrors } from '../api/status.js';
import { messageOf } from '../base/errors.js';
import { logger } from '../base/log.js';
import type { Authenticator } from '../apiserver/auth/authenticator.js';
import type { HealthRegistry } from '../apiserver/endpoints/health.js';
import { handleVersion } from '../apiserver/endpoints/version.js';
import type { ApiHandler } from '../apiserver/http/handler.js';
import { writeError, writeStatusToSocket } from '../apiserver/http/respond.js';

const log = logger('listener');

/** What the listener serves with. */
export interface ListenerOptions {
  readonly bindAddress: string;
  readonly port: number;
  /** Serving certificate chain and key (PEM), and the client CA bundle requested from clients. */
  readonly certPem: string;
  readonly keyPem: string;
  readonly clientCaPem: string;
  /** The server CA bundle served at /cacerts. */
  readonly serverCaPem: string;
  readonly health: HealthRegistry;
  readonly authenticator: Authenticator;
  readonly api: ApiHandler;
}

/** A started listener. */
export interface Listener {
  readonly port: number;
  /** Stops accepting, aborts in-flight requests' signals, waits up to `graceMs`, then drops connections. */
  close(graceMs?: number): Promise<void>;
}

function plain(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Starts the HTTPS server; resolves once it listens. */
export async function startListener(opts: ListenerOptions): Promise<Listener> {
  const shutdown = new AbortController();
  const requestControllers = new Set<AbortController>();
  const inFlight = new Set<Promise<void>>();
  // Upgraded connections leave the HTTP server's bookkeeping; closeAllConnections() misses them.
  const upgraded = new Set<Duplex>();

  async function route(req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // k3s's supervisor serves these before any authentication (pkg/server/handlers/router.go).
    if (path === '/cacerts') return plain(res, opts.serverCaPem);
    if (path === '/ping') return plain(res, 'pong');
    if (path === '/version') return handleVersion(req, res);
    if (opts.health.matches(path)) return opts.health.handle(req, res);
    const user = await opts.authenticator.authenticate(req);
    if (!user) {
      opts.api.auditUnauthenticated?.(req, res);
      return writeError(res, statusErrors.unauthorized());
    }
    log.v(4, `${req.method ?? ''} ${path} user=${user.name}`);
    return opts.api.handle(req, res, { user, signal });
  }

  const server: Server = createServer({
    key: opts.keyPem, cert: opts.certPem, ca: opts.clientCaPem,
    // Ask for client certificates but let anonymous callers through to /version, /cacerts and the health endpoints.
    requestCert: true, rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
  }, (req, res) => {
    // One controller per request, aborted when the client goes away before the answer ends or
    // at shutdown. (AbortSignal.any and an abort of every finished request cost ~5% of a
    // request's CPU: an abort allocates a DOMException.)
    const ctl = new AbortController();
    const signal = ctl.signal;
    requestControllers.add(ctl);
    res.on('close', () => {
      requestControllers.delete(ctl);
      if (!res.writableFinished) ctl.abort();
    });
    const done = (async () => {
      try {
        await route(req, res, signal);
      } catch (err) {
        log.error(`${req.method ?? ''} ${req.url ?? ''}: ${messageOf(err)}`);
        if (!res.headersSent) writeError(res, err);
        else res.destroy();
      }
    })();
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  });
  // Protocol upgrades (exec, attach, port-forward) arrive here instead of as requests.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const ctl = new AbortController();
    upgraded.add(socket);
    socket.on('close', () => { upgraded.delete(socket); ctl.abort(); });
    socket.on('error', (err) => log.v(3, `upgraded connection: ${err.message}`));
    const signal = AbortSignal.any([ctl.signal, shutdown.signal]);
    const done = (async () => {
      try {
        const user = await opts.authenticator.authenticate(req);
        if (!user) return writeStatusToSocket(socket, statusErrors.unauthorized().status);
        if (!opts.api.upgrade) return writeStatusToSocket(socket, statusErrors.pathNotFound().status);
        await opts.api.upgrade(req, socket, { user, signal, head });
      } catch (err) {
        log.error(`upgrade ${req.url ?? ''}: ${messageOf(err)}`);
        socket.destroy();
      }
    })();
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  });
  server.on('tlsClientError', (err) => log.v(3, `TLS handshake failed: ${err.message}`));
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    log.v(3, `bad request: ${err.message}`);
    // Answer what can still be answered, as Go's server does (431 for oversized headers, else 400).
    if (!socket.writable || socket.destroyed || err.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.bindAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => log.error(`listener: ${err.message}`));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    async close(graceMs = 5000) {
      shutdown.abort();
      for (const c of requestControllers) c.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => { timer = setTimeout(r, graceMs); })]);
      clearTimeout(timer);
      server.closeAllConnections();
      for (const socket of upgraded) socket.destroy();
      await closed;
    },
  };
}
