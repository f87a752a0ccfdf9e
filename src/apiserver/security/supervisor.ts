/**
 * @module The k3s supervisor endpoints this server has, in front of the Kubernetes API on the
 * same port: `GET /v1-k3s/encrypt/status` and `PUT /v1-k3s/encrypt/config` for
 * `k3s secrets-encrypt`, open only to the role `k3s:server` (the server token's basic-auth user),
 * and the agent join endpoints (agent-endpoints.ts) for agents, nodes and bootstrap tokens.
 * Other `/v1-k3s/` paths are 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { StatusError, failure, statusErrors } from '../../api/status.js';
import { SUPERVISOR_PREFIX } from '../auth/basic.js';
import type { ApiHandler, RequestContext } from '../http/handler.js';
import { readBody, writeError, writeJson, writeStatusToSocket } from '../http/respond.js';
import { AGENT_ROLES, AgentEndpoints } from './agent-endpoints.js';
import { EncryptionRequestError, type EncryptionRequest, type SecretsEncryption } from '../storage/encryption/secrets-encryption.js';

export const SERVER_ROLE = 'k3s:server';

function parseRequest(bytes: Buffer): EncryptionRequest {
  let v: unknown;
  try {
    v = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw statusErrors.badRequest('the request body is not JSON');
  }
  if (typeof v !== 'object' || v === null) throw statusErrors.badRequest('the request body is not an object');
  const o = v as Record<string, unknown>;
  return {
    ...(typeof o['stage'] === 'string' ? { stage: o['stage'] } : {}), ...(typeof o['enable'] === 'boolean' ? { enable: o['enable'] } : {}),
    force: o['force'] === true, skip: o['skip'] === true,
  };
}

const forbidden = (user: string, path: string): StatusError =>
  new StatusError(failure(403, 'Forbidden', `forbidden: User ${JSON.stringify(user)} cannot use the ${path} supervisor endpoint`));

export class SupervisorHandler implements ApiHandler {
  constructor(private readonly inner: ApiHandler, private readonly o: { encryption?: SecretsEncryption | undefined; agents?: AgentEndpoints | undefined } = {}) {}

  async handle(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith(SUPERVISOR_PREFIX)) return this.inner.handle(req, res, ctx);
    try {
      const rest = path.slice(SUPERVISOR_PREFIX.length);
      if (this.o.agents && AgentEndpoints.handles(rest)) {
        if (!ctx.user.groups.some((g) => AGENT_ROLES.includes(g))) throw forbidden(ctx.user.name, path);
        await this.o.agents.serve(rest, req, res, ctx);
        return;
      }
      if (!ctx.user.groups.includes(SERVER_ROLE)) throw forbidden(ctx.user.name, path);
      const encryption = this.o.encryption;
      if (rest === 'encrypt/status' && encryption) {
        if (req.method !== 'GET') throw statusErrors.methodNotAllowed();
        writeJson(res, await encryption.status());
        return;
      }
      if (rest === 'encrypt/config' && encryption) {
        if (req.method !== 'PUT') throw statusErrors.badRequest('use PUT');
        try {
          await encryption.request(parseRequest(await readBody(req, { limit: 64 * 1024 })));
        } catch (e) {
          if (e instanceof EncryptionRequestError) throw statusErrors.badRequest(e.message);
          throw e;
        }
        writeJson(res, {});
        return;
      }
      throw statusErrors.pathNotFound();
    } catch (e) {
      writeError(res, e);
    }
  }

  upgrade(req: IncomingMessage, socket: Duplex, ctx: RequestContext & { readonly head: Buffer }): Promise<void> | void {
    if (!this.inner.upgrade) return writeStatusToSocket(socket, statusErrors.pathNotFound().status);
    return this.inner.upgrade(req, socket, ctx);
  }

  auditUnauthenticated(req: IncomingMessage, res: ServerResponse): void {
    this.inner.auditUnauthenticated?.(req, res);
  }
}
