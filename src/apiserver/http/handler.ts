/**
 * @module The contract between the HTTPS listener and the API server: the listener has
 * authenticated the caller and hands every request it does not serve itself to an ApiHandler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { statusErrors } from '../../api/status.js';
import type { UserInfo } from '../auth/authenticator.js';
import { writeError } from './respond.js';

/**
 * Serves API requests for an authenticated user. Called once per request; it must answer
 * (or destroy) `res`. `signal` aborts when the client goes away or the server shuts down,
 * so long-running answers (watches) end then. A thrown error becomes a 500 Status.
 */
export interface ApiHandler {
  handle(req: IncomingMessage, res: ServerResponse, user: UserInfo, signal: AbortSignal): Promise<void> | void;
  /**
   * Takes over a connection that asked to switch protocols (`Upgrade: SPDY/3.1` or
   * `websocket`, for exec, attach and port-forward). Optional: without it such requests get
   * a 404 Status. It owns `socket` from then on; `head` is the first packet of the new protocol.
   */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer, user: UserInfo, signal: AbortSignal): Promise<void> | void;
}

/** The handler used until the API server is plugged in: every path is 404 NotFound, as Kubernetes answers unknown paths. */
export const notFoundHandler: ApiHandler = {
  handle(_req, res) {
    writeError(res, statusErrors.pathNotFound());
  },
};
