/**
 * @module JSON Web Tokens as Kubernetes uses them for service accounts: compact JWS, signed RS256
 * with an RSA key (k3s's service.key) or ES256 with a P-256 key, the key id being the base64url
 * SHA-256 of the public key's DER (as kube-apiserver computes it). Parsing never throws on
 * malformed input: it returns undefined.
 */
import { createHash, sign, verify, type KeyObject } from 'node:crypto';

export interface JwtHeader {
  readonly alg: string;
  readonly kid?: string;
  readonly typ?: string;
}

/** A decoded token; claims are untrusted until the signature is verified. */
export interface ParsedJwt {
  readonly header: JwtHeader;
  readonly claims: Record<string, unknown>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** The signing algorithm for a key: RS256 (RSA) or ES256 (EC P-256). */
function algorithmOf(key: KeyObject): 'RS256' | 'ES256' {
  const t = key.asymmetricKeyType;
  if (t === 'rsa') return 'RS256';
  if (t === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error(`unsupported service account key type ${String(t)}`);
}

/** kube-apiserver's key id: base64url(sha256(DER SubjectPublicKeyInfo)). */
export function keyId(publicKey: KeyObject): string {
  return b64url(createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest());
}

/** Signs `claims` with a private key. */
export function signJwt(claims: Record<string, unknown>, privateKey: KeyObject, opts: { kid?: string } = {}): string {
  const alg = algorithmOf(privateKey);
  const header: JwtHeader = { alg, ...(opts.kid ? { kid: opts.kid } : {}) };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const sig = alg === 'RS256' ? sign('sha256', Buffer.from(input), privateKey) : sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64url(sig)}`;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;

function parseJson(segment: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Splits and decodes a compact JWS; undefined when it is not one. */
export function parseJwt(token: string): ParsedJwt | undefined {
  if (token.length > 64 * 1024) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, c, s] = parts as [string, string, string];
  if (!SEGMENT.test(h) || !SEGMENT.test(c) || !SEGMENT.test(s)) return undefined;
  const header = parseJson(h);
  const claims = parseJson(c);
  if (!header || !claims || typeof header['alg'] !== 'string') return undefined;
  return {
    header: { alg: header['alg'], ...(typeof header['kid'] === 'string' ? { kid: header['kid'] } : {}) },
    claims, signingInput: `${h}.${c}`, signature: Buffer.from(s, 'base64url'),
  };
}

/** True when one of `publicKeys` signed the token with the algorithm its header names. */
export function verifyJwt(jwt: ParsedJwt, publicKeys: readonly KeyObject[]): boolean {
  for (const key of publicKeys) {
    let alg: string;
    try {
      alg = algorithmOf(key);
    } catch {
      continue;
    }
    // The header's alg must match the key: never let a token pick a weaker scheme (or "none").
    if (alg !== jwt.header.alg) continue;
    try {
      const ok = alg === 'RS256'
        ? verify('sha256', Buffer.from(jwt.signingInput), key, jwt.signature)
        : verify('sha256', Buffer.from(jwt.signingInput), { key, dsaEncoding: 'ieee-p1363' }, jwt.signature);
      if (ok) return true;
    } catch {
      // A signature of the wrong size for the key is simply not a match.
    }
  }
  return false;
}
