/**
 * @module k3s's supervisor credentials: HTTP basic auth `server:<password>` and
 * `node:<password>` checked against `server/cred/passwd` (rows `password,user,user,role`), the
 * user named as in the file with its role (`k3s:server`, `k3s:agent`) as group. Only the
 * supervisor's `/v1-k3s/` endpoints accept it, as in k3s; the Kubernetes API never does.
 */
import type { IncomingMessage } from 'node:http';
import { statusErrors } from '../../api/status.js';
import { secretsEqual } from '../../pki/token.js';
import type { Authenticator, UserInfo } from './authenticator.js';

export const SUPERVISOR_PREFIX = '/v1-k3s/';

interface PasswdEntry {
  readonly password: string;
  readonly role: string;
}

/** Parses passwd rows `password,user,uid,group` (k3s's format). */
export function parsePasswd(text: string): Map<string, PasswdEntry> {
  const users = new Map<string, PasswdEntry>();
  for (const line of text.split('\n')) {
    const [password, name, , role] = line.trim().split(',');
    if (password && name) users.set(name, { password, role: role ?? '' });
  }
  return users;
}

export class SupervisorBasicAuthenticator implements Authenticator {
  private readonly users: Map<string, PasswdEntry>;

  constructor(passwdText: string) {
    this.users = parsePasswd(passwdText);
  }

  /** Checks a user name and password; undefined when they do not match. */
  check(name: string, password: string): UserInfo | undefined {
    const entry = this.users.get(name);
    // Compare even for unknown users, so timing does not reveal which names exist.
    const ok = secretsEqual(entry?.password ?? '\u0000'.repeat(32), password) && entry !== undefined;
    return ok ? { name, groups: entry.role ? [entry.role] : [] } : undefined;
  }

  authenticate(req: IncomingMessage): UserInfo | undefined {
    const h = req.headers.authorization;
    if (!h || !h.toLowerCase().startsWith('basic ')) return undefined;
    if (!(req.url ?? '').startsWith(SUPERVISOR_PREFIX)) throw statusErrors.unauthorized();
    const decoded = Buffer.from(h.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon > 0 ? this.check(decoded.slice(0, colon), decoded.slice(colon + 1)) : undefined;
    if (!user) throw statusErrors.unauthorized();
    return user;
  }
}
