/**
 * @module Bootstrap tokens (kubeadm's, and k3s's for joining agents): `<id>.<secret>` with a
 * six- and a sixteen-character `[a-z0-9]` part, stored in the kube-system Secret
 * `bootstrap-token-<id>` of type `bootstrap.kubernetes.io/token`. Valid while the secret exists,
 * is not expired and allows `usage-bootstrap-authentication`; the user is
 * `system:bootstrap:<id>` in `system:bootstrappers` plus the secret's `auth-extra-groups`.
 */
import type { KubeObject } from '../../api/meta/object.js';
import { secretsEqual } from '../../pki/token.js';
import type { TokenAuthenticator, TokenResult } from './token-authenticator.js';

export const BOOTSTRAP_TOKEN_PATTERN = /^([a-z0-9]{6})\.([a-z0-9]{16})$/;
export const BOOTSTRAP_SECRET_TYPE = 'bootstrap.kubernetes.io/token';
const EXTRA_GROUP = /^system:bootstrappers:[a-z0-9:-]{0,255}[a-z0-9]$/;

export interface BootstrapTokenOptions {
  /** Reads a Secret of kube-system (undefined when absent). */
  readonly secret: (name: string) => Promise<KubeObject | undefined>;
  /** The API audiences (bootstrap tokens are only good for them). */
  readonly apiAudiences: readonly string[];
  readonly now?: () => number;
}

function dataString(secret: KubeObject, key: string): string | undefined {
  const data = secret['data'];
  if (typeof data !== 'object' || data === null) return undefined;
  const v = (data as Record<string, unknown>)[key];
  return typeof v === 'string' ? Buffer.from(v, 'base64').toString('utf8') : undefined;
}

export class BootstrapTokenAuthenticator implements TokenAuthenticator {
  constructor(private readonly o: BootstrapTokenOptions) {}

  async authenticateToken(token: string, audiences: readonly string[]): Promise<TokenResult> {
    const m = BOOTSTRAP_TOKEN_PATTERN.exec(token);
    if (!m) return undefined;
    const [, id = '', secretPart = ''] = m;
    const secret = await this.o.secret(`bootstrap-token-${id}`);
    // Every failure reads the same to the caller, so a token cannot be probed piece by piece.
    const invalid = { error: `invalid bootstrap token` };
    if (!secret || secret['type'] !== BOOTSTRAP_SECRET_TYPE || secret.metadata.deletionTimestamp) return invalid;
    if (dataString(secret, 'token-id') !== id) return invalid;
    const stored = dataString(secret, 'token-secret') ?? '';
    if (!secretsEqual(stored, secretPart)) return invalid;
    const expiration = dataString(secret, 'expiration');
    if (expiration !== undefined) {
      const t = Date.parse(expiration);
      if (Number.isNaN(t) || t < (this.o.now ?? Date.now)()) return { error: 'bootstrap token has expired' };
    }
    if (dataString(secret, 'usage-bootstrap-authentication') !== 'true') return { error: 'bootstrap token is not usable for authentication' };
    const extra = (dataString(secret, 'auth-extra-groups') ?? '').split(',').map((g) => g.trim()).filter(Boolean);
    if (extra.some((g) => !EXTRA_GROUP.test(g))) return { error: 'bootstrap token has invalid auth-extra-groups' };
    const auds = audiences.length ? audiences.filter((a) => this.o.apiAudiences.includes(a)) : [...this.o.apiAudiences];
    if (!auds.length) return { error: 'token audiences is invalid' };
    return { user: { name: `system:bootstrap:${id}`, groups: ['system:bootstrappers', ...extra] }, audiences: auds };
  }
}
