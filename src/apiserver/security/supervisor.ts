/**
 * @module The k3s supervisor endpoints this server has, in front of the Kubernetes API on the
 * same port: `GET /v1-k3s/encrypt/status` and `PUT /v1-k3s/encrypt/config` for
 * `k3s secrets-encrypt`, open only to the role `k3s:server` (the server token's basic-auth user).
 * Other `/v1-k3s/` paths are 404 until the agent join protocol exists.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { StatusError, failure, statusErrors } from '../../api/status.js';
import { SUPERVISOR_PREFIX } from '../auth/basic.js';
import type { ApiHandler, RequestContext } from '../http/handler.js';
import { readBody, writeError, writeJson, writeStatusToSocket } from '../http/respond.js';
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

export class SupervisorHandler implements ApiHandler {
  constructor(private readonly inner: ApiHandler, private readonly encryption: SecretsEncryption | undefined) {}

  async handle(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith(SUPERVISOR_PREFIX)) return this.inner.handle(req, res, ctx);
    try {
      if (!ctx.user.groups.includes(SERVER_ROLE)) throw new StatusError(failure(403, 'Forbidden', `forbidden: User ${JSON.stringify(ctx.user.name)} cannot use the ${path} supervisor endpoint`));
      const rest = path.slice(SUPERVISOR_PREFIX.length);
      if (rest === 'encrypt/status' && this.encryption) {
        if (req.method !== 'GET') throw statusErrors.methodNotAllowed();
        writeJson(res, await this.encryption.status());
        return;
      }
      if (rest === 'encrypt/config' && this.encryption) {
        if (req.method !== 'PUT') throw statusErrors.badRequest('use PUT');
        try {
          await this.encryption.request(parseRequest(await readBody(req, { limit: 64 * 1024 })));
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
}
