/**
 * @module Service account issuer discovery (KEP-1393): `/.well-known/openid-configuration` and
 * `/openid/v1/jwks`, so that other systems can verify this cluster's service account tokens.
 * RBAC decides who may read them (the bootstrap policy grants them to every service account).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { keyId } from '../jwt.js';

/** A JSON Web Key for a public key (RSA or EC P-256). */
function jwk(key: KeyObject): Record<string, unknown> {
  const j = key.export({ format: 'jwk' }) as Record<string, unknown>;
  const alg = key.asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256';
  return { use: 'sig', kty: j['kty'], kid: keyId(key), alg, ...(j['kty'] === 'RSA' ? { n: j['n'], e: j['e'] } : { crv: j['crv'], x: j['x'], y: j['y'] }) };
}

/** A path handler for the API server serving both documents. */
export function issuerDiscovery(o: { issuer: string; publicKeys: readonly KeyObject[] }) {
  const config = JSON.stringify({
    issuer: o.issuer, jwks_uri: `${o.issuer}/openid/v1/jwks`, response_types_supported: ['id_token'], subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [...new Set(o.publicKeys.map((k) => (k.asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256')))],
  });
  const jwks = JSON.stringify({ keys: o.publicKeys.map(jwk) });
  return (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    const body = path === '/.well-known/openid-configuration' || path === '/.well-known/openid-configuration/' ? config
      : path === '/openid/v1/jwks' || path === '/openid/v1/jwks/' ? jwks : undefined;
    if (body === undefined) return false;
    const type = path.startsWith('/openid') ? 'application/jwk-set+json' : 'application/json';
    res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'public, max-age=3600' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
