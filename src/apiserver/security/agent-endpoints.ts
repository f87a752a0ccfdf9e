/**
 * @module The supervisor endpoints agents use to join (k3s's pkg/server/handlers): the CA
 * bundles `/v1-k3s/client-ca.crt` and `/v1-k3s/server-ca.crt`, and `/v1-k3s/client-kubelet.crt`,
 * a client certificate for `system:node:<name>` in `system:nodes` signed by the client CA,
 * issued only after the node-password check (headers `k3s-Node-Name`, `k3s-Node-Password`).
 * The answer is the certificate chain followed by its new private key, as k3s sends it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError, failure, statusErrors } from '../../api/status.js';
import type { Client } from '../../client/client.js';
import { type CertificateAuthority, issueCertificate } from '../../pki/authority.js';
import { generateEcKey } from '../../pki/keys.js';
import type { UserInfo } from '../auth/authenticator.js';
import { ensureNodePassword } from './node-password.js';

/** Who may use the agent endpoints: k3s's agent and server roles, nodes and bootstrap tokens. */
export const AGENT_ROLES: readonly string[] = ['k3s:agent', 'k3s:server', 'system:nodes', 'system:bootstrappers'];

/** What the agent endpoints need from the server. */
export interface AgentEndpointsOptions {
  readonly clientCa: CertificateAuthority;
  readonly serverCaPem: string;
  /** A privileged in-process client for the node-password Secrets. */
  readonly client: Client;
  readonly now?: () => Date;
}

/** A DNS-1123 subdomain, what a Node name must be. */
const NODE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

function plain(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Serves the agent endpoints; `rest` is the path after `/v1-k3s/`. Returns false for other paths. */
export class AgentEndpoints {
  constructor(private readonly o: AgentEndpointsOptions) {}

  static handles(rest: string): boolean {
    return rest === 'client-ca.crt' || rest === 'server-ca.crt' || rest === 'client-kubelet.crt';
  }

  async serve(rest: string, req: IncomingMessage, res: ServerResponse, ctx: { user: UserInfo; signal: AbortSignal }): Promise<void> {
    if (req.method !== 'GET') throw statusErrors.methodNotAllowed();
    if (rest === 'client-ca.crt') return plain(res, this.o.clientCa.bundlePem);
    if (rest === 'server-ca.crt') return plain(res, this.o.serverCaPem);
    const node = header(req, 'k3s-Node-Name') ?? '';
    const password = header(req, 'k3s-Node-Password') ?? '';
    if (!node) throw statusErrors.badRequest('header k3s-Node-Name is required');
    if (node.length > 253 || !NODE_NAME.test(node)) throw statusErrors.badRequest(`node name ${JSON.stringify(node)} is not a valid DNS-1123 subdomain`);
    // A caller that is already a node (its kubelet certificate) may only renew its own name.
    const nodeUser = ctx.user.groups.includes('system:nodes') ? ctx.user.name.replace(/^system:node:/, '') : undefined;
    if (nodeUser !== undefined && nodeUser !== node) {
      throw new StatusError(failure(403, 'Forbidden', `node ${nodeUser} cannot request a certificate for node ${node}`));
    }
    if (nodeUser === undefined) {
      if (!password) throw statusErrors.badRequest('header k3s-Node-Password is required');
      await ensureNodePassword(this.o.client, node, password, { signal: ctx.signal });
    }
    const key = await generateEcKey();
    const issued = issueCertificate(this.o.clientCa, key, { cn: `system:node:${node}`, o: ['system:nodes'], usages: ['clientAuth'], days: 365, now: this.o.now?.() ?? new Date() });
    plain(res, issued.certPem + issued.keyPem);
  }
}
