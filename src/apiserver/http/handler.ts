/**
 * @module The contract between the HTTPS listener and the API server: the listener has
 * authenticated the caller and hands every request it does not serve itself to an ApiHandler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { statusErrors } from '../../api/status.js';
import type { UserInfo } from '../auth/authenticator.js';
import { writeError } from './respond.js';

/** What the listener knows about a request besides the request itself. */
export interface RequestContext {
  /** The authenticated caller. */
  readonly user: UserInfo;
  /** Aborts when the client goes away or the server shuts down, so long answers (watches) end then. */
  readonly signal: AbortSignal;
}

/**
 * Serves API requests for an authenticated user. Called once per request; it must answer
 * (or destroy) `res`. A thrown error becomes a 500 Status.
 */
export interface ApiHandler {
  handle(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> | void;
  /**
   * Takes over a connection that asked to switch protocols (`Upgrade: SPDY/3.1` or
   * `websocket`, for exec, attach and port-forward). Optional: without it such requests get
   * a 404 Status. It owns `socket` from then on; `ctx.head` is the first packet of the new protocol.
   */
  upgrade?(req: IncomingMessage, socket: Duplex, ctx: RequestContext & { readonly head: Buffer }): Promise<void> | void;
  /** Records a request the listener refused for want of credentials (the audit log's 401s). */
  auditUnauthenticated?(req: IncomingMessage, res: ServerResponse): void;
}

/** The handler used until the API server is plugged in: every path is 404 NotFound, as Kubernetes answers unknown paths. */
export const notFoundHandler: ApiHandler = {
  handle(_req, res) {
    writeError(res, statusErrors.pathNotFound());
  },
};
