/**
 * @module Bearer tokens: the TokenAuthenticator contract (service-account JWTs, bootstrap
 * tokens, ...) and the request authenticator that reads `Authorization: Bearer <token>` (or the
 * WebSocket subprotocol `base64url.bearer.authorization.k8s.io.<token>` browsers must use) and
 * asks each token authenticator in turn. A token nobody accepts is a 401, never anonymous.
 */
import type { IncomingMessage } from 'node:http';
import { statusErrors } from '../../api/status.js';
import type { Authenticator, UserInfo } from './authenticator.js';

/** A token authenticator's verdict. */
export type TokenResult =
  /** The token is valid for these audiences. */
  | { readonly user: UserInfo; readonly audiences: readonly string[] }
  /** The token is of this authenticator's kind but invalid (expired, forged, revoked). */
  | { readonly error: string }
  /** Not a token this authenticator understands. */
  | undefined;

export interface TokenAuthenticator {
  /**
   * Checks `token` for `audiences` (empty: the API server's own audiences). Must never throw
   * for malformed input; compares secrets in constant time.
   */
  authenticateToken(token: string, audiences: readonly string[]): Promise<TokenResult> | TokenResult;
}

/** Asks each token authenticator; the first success wins, else the errors are reported. */
export class TokenAuthenticatorChain implements TokenAuthenticator {
  constructor(private readonly chain: readonly TokenAuthenticator[]) {}

  async authenticateToken(token: string, audiences: readonly string[]): Promise<TokenResult> {
    const errors: string[] = [];
    for (const a of this.chain) {
      const r = await a.authenticateToken(token, audiences);
      if (!r) continue;
      if ('user' in r) return r;
      errors.push(r.error);
    }
    return errors.length ? { error: errors.join(', ') } : undefined;
  }
}

const WS_PREFIX = 'base64url.bearer.authorization.k8s.io.';

/** The bearer token of a request, if it carries one ('' for an empty or malformed one). */
export function bearerToken(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  if (h !== undefined) {
    const sp = h.indexOf(' ');
    if (sp > 0 && h.slice(0, sp).toLowerCase() === 'bearer') {
      const t = h.slice(sp + 1).trim();
      // Upstream refuses tokens with whitespace inside.
      return /\s/.test(t) ? '' : t;
    }
    return undefined;
  }
  const protos = req.headers['sec-websocket-protocol'];
  if (typeof protos === 'string') {
    for (const p of protos.split(',')) {
      const v = p.trim();
      if (!v.startsWith(WS_PREFIX)) continue;
      try {
        return Buffer.from(v.slice(WS_PREFIX.length), 'base64url').toString('utf8');
      } catch {
        return '';
      }
    }
  }
  return undefined;
}

/** The request authenticator for bearer tokens. */
export class BearerTokenAuthenticator implements Authenticator {
  constructor(private readonly tokens: TokenAuthenticator) {}

  async authenticate(req: IncomingMessage): Promise<UserInfo | undefined> {
    const token = bearerToken(req);
    if (token === undefined) return undefined;
    if (!token) throw statusErrors.unauthorized();
    const r = await this.tokens.authenticateToken(token, []);
    if (r && 'user' in r) return r.user;
    throw statusErrors.unauthorized();
  }
}
