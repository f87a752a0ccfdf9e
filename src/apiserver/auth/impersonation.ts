/**
 * @module User impersonation (k8s.io/apiserver filters/impersonation): the `Impersonate-User`,
 * `Impersonate-Group`, `Impersonate-Uid` and `Impersonate-Extra-<key>` headers (kubectl
 * `--as`, `--as-group`, `--as-uid`) make the request run as another user, once the caller
 * passes an `impersonate` check for each part: users, groups or serviceaccounts (core group),
 * uids and userextras/<key> (authentication.k8s.io). Wraps the API handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { statusErrors, StatusError } from '../../api/status.js';
import { type AuthorizationAttributes, type Authorizer, forbiddenMessage } from '../authorization/authorizer.js';
import type { ApiHandler, RequestContext } from '../http/handler.js';
import { writeError, writeStatusToSocket } from '../http/respond.js';
import { AUTHENTICATED_GROUP, type UserInfo } from './authenticator.js';

const ANONYMOUS = 'system:anonymous';
const UNAUTHENTICATED = 'system:unauthenticated';
const SA_PREFIX = 'system:serviceaccount:';
const EXTRA_PREFIX = 'impersonate-extra-';

function values(req: IncomingMessage, name: string): string[] {
  return (req.headersDistinct[name] ?? []).map((v) => v.trim()).filter((v) => v !== '');
}

/** The impersonation headers of a request, or undefined when there are none. */
function requested(req: IncomingMessage): { user: string | undefined; groups: string[]; uid: string | undefined; extra: Record<string, string[]> } | undefined {
  const user = values(req, 'impersonate-user')[0];
  const groups = values(req, 'impersonate-group');
  const uid = values(req, 'impersonate-uid')[0];
  const extra: Record<string, string[]> = {};
  for (const h of Object.keys(req.headersDistinct)) {
    if (!h.startsWith(EXTRA_PREFIX)) continue;
    let key: string;
    try {
      key = decodeURIComponent(h.slice(EXTRA_PREFIX.length));
    } catch {
      throw statusErrors.badRequest(`invalid impersonation extra header ${JSON.stringify(h)}`);
    }
    extra[key] = values(req, h);
  }
  if (user === undefined && !groups.length && uid === undefined && !Object.keys(extra).length) return undefined;
  return { user, groups, uid, extra };
}

/** The user the request should run as (the caller itself without impersonation headers). */
export async function impersonatedUser(req: IncomingMessage, caller: UserInfo, authorizer: Authorizer): Promise<UserInfo> {
  const want = requested(req);
  if (!want) return caller;
  if (want.user === undefined) {
    throw statusErrors.badRequest('requested impersonation of groups, uid or extra without impersonating a user');
  }
  const check = async (a: Omit<AuthorizationAttributes, 'user' | 'verb' | 'resourceRequest' | 'apiVersion' | 'path'>) => {
    const attrs: AuthorizationAttributes = { ...a, user: caller, verb: 'impersonate', resourceRequest: true, apiVersion: '', path: '' };
    const d = await authorizer.authorize(attrs);
    if (d.allowed) return;
    const msg = forbiddenMessage(attrs, d.allowed ? undefined : d.reason);
    throw statusErrors.forbidden({ resource: a.resource, group: a.apiGroup }, a.name, msg.slice(msg.indexOf('is forbidden: ') + 'is forbidden: '.length));
  };
  const name = want.user;
  let saNamespace: string | undefined;
  if (name.startsWith(SA_PREFIX)) {
    const [ns, sa] = name.slice(SA_PREFIX.length).split(':');
    if (!ns || !sa) throw statusErrors.badRequest(`invalid service account name ${JSON.stringify(name)}`);
    saNamespace = ns;
    await check({ namespace: ns, apiGroup: '', resource: 'serviceaccounts', subresource: '', name: sa });
  } else {
    await check({ namespace: '', apiGroup: '', resource: 'users', subresource: '', name });
  }
  for (const g of want.groups) await check({ namespace: '', apiGroup: '', resource: 'groups', subresource: '', name: g });
  if (want.uid !== undefined) await check({ namespace: '', apiGroup: 'authentication.k8s.io', resource: 'uids', subresource: '', name: want.uid });
  for (const [key, vals] of Object.entries(want.extra)) {
    for (const v of vals) await check({ namespace: '', apiGroup: 'authentication.k8s.io', resource: 'userextras', subresource: key, name: v });
  }
  let groups = [...want.groups];
  // A service account's groups follow from its name when none were asked for.
  if (saNamespace && !groups.length) groups = ['system:serviceaccounts', `system:serviceaccounts:${saNamespace}`];
  const implied = name === ANONYMOUS ? UNAUTHENTICATED : AUTHENTICATED_GROUP;
  if (!groups.includes(implied)) groups.push(implied);
  return { name, groups, ...(want.uid !== undefined ? { uid: want.uid } : {}), ...(Object.keys(want.extra).length ? { extra: want.extra } : {}) };
}

/** Runs every request as the user it impersonates (403/400 when it may not). */
export class ImpersonatingHandler implements ApiHandler {
  constructor(private readonly inner: ApiHandler, private readonly authorizer: Authorizer) {}

  async handle(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
    let user: UserInfo;
    try {
      user = await impersonatedUser(req, ctx.user, this.authorizer);
    } catch (e) {
      writeError(res, e);
      return;
    }
    return this.inner.handle(req, res, user === ctx.user ? ctx : { ...ctx, user });
  }

  auditUnauthenticated(req: IncomingMessage, res: ServerResponse): void {
    this.inner.auditUnauthenticated?.(req, res);
  }

  async upgrade(req: IncomingMessage, socket: Duplex, ctx: RequestContext & { readonly head: Buffer }): Promise<void> {
    let user: UserInfo;
    try {
      user = await impersonatedUser(req, ctx.user, this.authorizer);
    } catch (e) {
      writeStatusToSocket(socket, e instanceof StatusError ? e.status : statusErrors.internal(String(e)).status);
      return;
    }
    if (!this.inner.upgrade) return writeStatusToSocket(socket, statusErrors.pathNotFound().status);
    return this.inner.upgrade(req, socket, user === ctx.user ? ctx : { ...ctx, user });
  }
}
