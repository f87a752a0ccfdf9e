/**
 * @module Service account tokens: issued with the service-account signing key (k3s's
 * service.key) and checked as kube-apiserver's service account authenticator does. A token is
 * valid only while what it names still exists with the same uid: the service account, and the
 * pod, secret or node it is bound to (deleted more than a minute ago counts as gone); a legacy
 * token also only while its secret still holds it. Bound tokens carry audiences and an expiry.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { KubeObject } from '../../../api/meta/object.js';
import { secretsEqual } from '../../../pki/token.js';
import type { UserInfo } from '../authenticator.js';
import { keyId, parseJwt, signJwt, verifyJwt } from '../jwt.js';
import type { TokenAuthenticator, TokenResult } from '../token-authenticator.js';
import { type BoundClaims, LEGACY_ISSUER, type Ref, boundClaimsJson, legacyClaimsJson, readBoundClaims, readLegacyClaims, subjectOf } from './claims.js';

/** Reads the objects tokens are bound to (current state; undefined when absent). */
export interface ServiceAccountLookup {
  serviceAccount(namespace: string, name: string): Promise<KubeObject | undefined>;
  secret(namespace: string, name: string): Promise<KubeObject | undefined>;
  pod(namespace: string, name: string): Promise<KubeObject | undefined>;
  node(name: string): Promise<KubeObject | undefined>;
}

export interface ServiceAccountTokenOptions {
  /** The signing key (the first key of service.key). */
  readonly privateKey: KeyObject;
  /** Keys whose signatures are accepted (rotated-out keys stay here). Default: the signing key's. */
  readonly publicKeys?: readonly KeyObject[];
  /** --service-account-issuer; k3s: https://kubernetes.default.svc.<cluster domain>. */
  readonly issuer: string;
  /** --api-audiences; k3s: the issuer and "k3s". */
  readonly apiAudiences: readonly string[];
  readonly lookup: ServiceAccountLookup;
  /** Milliseconds since the epoch (tests move time). */
  readonly now?: () => number;
}

/** Clock skew tolerated on exp and nbf (go-jose's default leeway). */
const LEEWAY_S = 60;
const SA_GROUP = 'system:serviceaccounts';

/** Group, extra and uid of a service account user (serviceaccount.UserInfo). */
function saUser(namespace: string, sa: Ref, extra: Record<string, string[]>): UserInfo {
  return { name: subjectOf(namespace, sa.name), uid: sa.uid, groups: [SA_GROUP, `${SA_GROUP}:${namespace}`], ...(Object.keys(extra).length ? { extra } : {}) };
}

/** True when the object is gone, or was deleted more than the leeway ago. */
function deletedLongAgo(obj: KubeObject, nowS: number): boolean {
  const dt = obj.metadata.deletionTimestamp;
  return dt !== undefined && Date.parse(dt) / 1000 < nowS - LEEWAY_S;
}

export class ServiceAccountTokens implements TokenAuthenticator {
  private readonly publicKeys: readonly KeyObject[];
  private readonly kid: string;
  private readonly now: () => number;

  constructor(private readonly o: ServiceAccountTokenOptions) {
    const pub = createPublicKey(o.privateKey);
    this.publicKeys = o.publicKeys?.length ? o.publicKeys : [pub];
    this.kid = keyId(pub);
    this.now = o.now ?? Date.now;
  }

  get issuer(): string {
    return this.o.issuer;
  }

  get apiAudiences(): readonly string[] {
    return this.o.apiAudiences;
  }

  /** Signs a bound token (TokenRequest). `audiences` empty: the API audiences. */
  issueBound(c: Omit<BoundClaims, 'issuer' | 'issuedAt' | 'expiresAt' | 'id' | 'audiences'> & { audiences: readonly string[]; expirationSeconds: number }): { token: string; expiresAt: number } {
    const issuedAt = Math.floor(this.now() / 1000);
    const expiresAt = issuedAt + c.expirationSeconds;
    const audiences = c.audiences.length ? c.audiences : this.o.apiAudiences;
    const claims = boundClaimsJson({ ...c, issuer: this.o.issuer, audiences, issuedAt, expiresAt });
    return { token: signJwt(claims, this.o.privateKey, { kid: this.kid }), expiresAt };
  }

  /** Signs a legacy token for a `kubernetes.io/service-account-token` secret. */
  issueLegacy(namespace: string, sa: Ref, secretName: string): string {
    return signJwt(legacyClaimsJson({ namespace, serviceAccount: sa, secretName }), this.o.privateKey, { kid: this.kid });
  }

  async authenticateToken(token: string, audiences: readonly string[]): Promise<TokenResult> {
    const jwt = parseJwt(token);
    if (!jwt) return undefined;
    const iss = jwt.claims['iss'];
    if (iss !== LEGACY_ISSUER && iss !== this.o.issuer) return undefined;
    if (!verifyJwt(jwt, this.publicKeys)) return { error: 'invalid bearer token, square/go-jose: error in cryptographic primitive' };
    const wanted = audiences.length ? audiences : this.o.apiAudiences;
    return iss === LEGACY_ISSUER ? this.checkLegacy(token, jwt.claims, wanted) : this.checkBound(jwt.claims, wanted);
  }

  private async checkLegacy(token: string, raw: Record<string, unknown>, wanted: readonly string[]): Promise<TokenResult> {
    const c = readLegacyClaims(raw);
    if (!c) return { error: 'invalid bearer token, token lookup failed' };
    // Legacy tokens have no audience: they are good for the API server's own audiences only.
    const auds = wanted.filter((a) => this.o.apiAudiences.includes(a));
    if (!auds.length) return { error: 'token audiences is invalid' };
    const nowS = this.now() / 1000;
    const sa = await this.o.lookup.serviceAccount(c.namespace, c.serviceAccount.name);
    if (!sa || sa.metadata.uid !== c.serviceAccount.uid || deletedLongAgo(sa, nowS)) return { error: `service account ${c.namespace}/${c.serviceAccount.name} has been deleted` };
    const secret = await this.o.lookup.secret(c.namespace, c.secretName);
    const stored = (secret?.['data'] as Record<string, unknown> | undefined)?.['token'];
    const held = typeof stored === 'string' ? Buffer.from(stored, 'base64').toString('utf8') : '';
    if (!secret || deletedLongAgo(secret, nowS) || !held || !secretsEqual(held, token)) return { error: `secret ${c.namespace}/${c.secretName} no longer holds this token` };
    return { user: saUser(c.namespace, c.serviceAccount, {}), audiences: auds };
  }

  private async checkBound(raw: Record<string, unknown>, wanted: readonly string[]): Promise<TokenResult> {
    const c = readBoundClaims(raw);
    if (!c) return { error: 'invalid bearer token, token lookup failed' };
    const nowS = this.now() / 1000;
    if (c.expiresAt + LEEWAY_S < nowS) return { error: 'invalid bearer token, service account token has expired' };
    if (c.issuedAt - LEEWAY_S > nowS) return { error: 'invalid bearer token, service account token is not valid yet' };
    const auds = wanted.filter((a) => c.audiences.includes(a));
    if (!auds.length) return { error: 'token audiences is invalid' };
    const sa = await this.o.lookup.serviceAccount(c.namespace, c.serviceAccount.name);
    if (!sa || deletedLongAgo(sa, nowS)) return { error: `service account ${c.namespace}/${c.serviceAccount.name} has been deleted` };
    if (sa.metadata.uid !== c.serviceAccount.uid) return { error: `service account UID (${sa.metadata.uid ?? ''}) does not match claim (${c.serviceAccount.uid})` };
    const extra: Record<string, string[]> = {};
    if (c.pod) {
      const pod = await this.o.lookup.pod(c.namespace, c.pod.name);
      if (!pod || deletedLongAgo(pod, nowS)) return { error: `pod ${c.namespace}/${c.pod.name} has been deleted` };
      if (pod.metadata.uid !== c.pod.uid) return { error: `pod UID (${pod.metadata.uid ?? ''}) does not match claim (${c.pod.uid})` };
      extra['authentication.kubernetes.io/pod-name'] = [c.pod.name];
      extra['authentication.kubernetes.io/pod-uid'] = [c.pod.uid];
    }
    if (c.secret) {
      const secret = await this.o.lookup.secret(c.namespace, c.secret.name);
      if (!secret || deletedLongAgo(secret, nowS)) return { error: `secret ${c.namespace}/${c.secret.name} has been deleted` };
      if (secret.metadata.uid !== c.secret.uid) return { error: `secret UID (${secret.metadata.uid ?? ''}) does not match claim (${c.secret.uid})` };
    }
    if (c.node) {
      const node = await this.o.lookup.node(c.node.name);
      // A pod-bound token only names the node for information; a node-bound one depends on it.
      if (!c.pod && (!node || deletedLongAgo(node, nowS))) return { error: `node ${c.node.name} has been deleted` };
      if (!c.pod && node?.metadata.uid !== c.node.uid) return { error: `node UID does not match claim (${c.node.uid})` };
      extra['authentication.kubernetes.io/node-name'] = [c.node.name];
      extra['authentication.kubernetes.io/node-uid'] = [c.node.uid];
    }
    if (c.id) extra['authentication.kubernetes.io/credential-id'] = [`JTI=${c.id}`];
    return { user: saUser(c.namespace, c.serviceAccount, extra), audiences: auds };
  }
}
