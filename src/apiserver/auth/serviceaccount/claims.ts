/**
 * @module Service account token claims (k8s.io/kubernetes pkg/serviceaccount): the legacy
 * secret-based form (`iss: kubernetes/serviceaccount`, flat `kubernetes.io/serviceaccount/*`
 * claims, no expiry) and the bound form (audiences, expiry, a `kubernetes.io` claim naming the
 * namespace, service account and the pod, secret or node the token is bound to). Pure.
 */
import { randomUUID } from 'node:crypto';
import { isPlainObject } from '../../../api/meta/object.js';

export const LEGACY_ISSUER = 'kubernetes/serviceaccount';
const LEGACY = 'kubernetes.io/serviceaccount/';

/** A named object with its uid. */
export interface Ref {
  readonly name: string;
  readonly uid: string;
}

/** What a bound token says. */
export interface BoundClaims {
  readonly issuer: string;
  readonly audiences: readonly string[];
  readonly namespace: string;
  readonly serviceAccount: Ref;
  readonly pod?: Ref;
  readonly secret?: Ref;
  readonly node?: Ref;
  /** Unix seconds. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly id: string;
}

/** What a legacy token says. */
export interface LegacyClaims {
  readonly namespace: string;
  readonly serviceAccount: Ref;
  readonly secretName: string;
}

export const subjectOf = (namespace: string, name: string) => `system:serviceaccount:${namespace}:${name}`;

/** The JWT claims of a bound token. */
export function boundClaimsJson(c: Omit<BoundClaims, 'id'> & { id?: string }): Record<string, unknown> {
  const k8s: Record<string, unknown> = { namespace: c.namespace, serviceaccount: { name: c.serviceAccount.name, uid: c.serviceAccount.uid } };
  if (c.pod) k8s['pod'] = { name: c.pod.name, uid: c.pod.uid };
  if (c.secret) k8s['secret'] = { name: c.secret.name, uid: c.secret.uid };
  if (c.node) k8s['node'] = { name: c.node.name, uid: c.node.uid };
  return {
    aud: [...c.audiences], exp: c.expiresAt, iat: c.issuedAt, iss: c.issuer, jti: c.id ?? randomUUID(),
    'kubernetes.io': k8s, nbf: c.issuedAt, sub: subjectOf(c.namespace, c.serviceAccount.name),
  };
}

/** The JWT claims of a legacy token. */
export function legacyClaimsJson(c: LegacyClaims): Record<string, unknown> {
  return {
    iss: LEGACY_ISSUER,
    [`${LEGACY}namespace`]: c.namespace,
    [`${LEGACY}secret.name`]: c.secretName,
    [`${LEGACY}service-account.name`]: c.serviceAccount.name,
    [`${LEGACY}service-account.uid`]: c.serviceAccount.uid,
    sub: subjectOf(c.namespace, c.serviceAccount.name),
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function ref(v: unknown): Ref | undefined {
  if (!isPlainObject(v)) return undefined;
  const name = str(v['name']), uid = str(v['uid']);
  return name && uid ? { name, uid } : undefined;
}

/** Reads legacy claims; undefined when a required one is missing. */
export function readLegacyClaims(claims: Record<string, unknown>): LegacyClaims | undefined {
  const namespace = str(claims[`${LEGACY}namespace`]);
  const name = str(claims[`${LEGACY}service-account.name`]);
  const uid = str(claims[`${LEGACY}service-account.uid`]);
  const secretName = str(claims[`${LEGACY}secret.name`]);
  if (!namespace || !name || !uid || !secretName) return undefined;
  if (claims['sub'] !== subjectOf(namespace, name)) return undefined;
  return { namespace, serviceAccount: { name, uid }, secretName };
}

/** Reads bound claims; undefined when a required one is missing or malformed. */
export function readBoundClaims(claims: Record<string, unknown>): BoundClaims | undefined {
  const k8s = claims['kubernetes.io'];
  if (!isPlainObject(k8s)) return undefined;
  const namespace = str(k8s['namespace']);
  const sa = ref(k8s['serviceaccount']);
  const iss = str(claims['iss']);
  const exp = claims['exp'], iat = claims['nbf'] ?? claims['iat'];
  if (!namespace || !sa || !iss || typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
  if (claims['sub'] !== subjectOf(namespace, sa.name)) return undefined;
  const aud = claims['aud'];
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
  const pod = ref(k8s['pod']), secret = ref(k8s['secret']), node = ref(k8s['node']);
  return {
    issuer: iss, audiences, namespace, serviceAccount: sa, issuedAt: typeof iat === 'number' ? iat : 0, expiresAt: exp,
    id: str(claims['jti']) ?? '',
    ...(pod ? { pod } : {}), ...(secret ? { secret } : {}), ...(node ? { node } : {}),
  };
}
