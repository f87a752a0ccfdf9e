/**
 * @module k3s join tokens: the secure form `K10<sha256 hex of the server CA bundle>::<user>:<password>`
 * and the short form (the password alone, the CA trusted on first use). Parsing follows
 * k3s's clientaccess rules; the CA hash is the SHA-256 of the CA file's bytes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PkiError } from '../base/errors.js';

const PREFIX = 'K10';

/** A parsed token. `caHash` is set only for the secure (full) form. */
export interface ParsedToken {
  readonly caHash: string | undefined;
  readonly username: string | undefined;
  readonly password: string;
}

/** Parses a short or full token; throws PkiError naming what is wrong (never echoing the secret). */
export function parseToken(text: string): ParsedToken {
  const token = text.trim();
  if (!token) throw new PkiError('token is empty');
  if (!token.startsWith(PREFIX) || !token.includes('::')) return { caHash: undefined, username: undefined, password: token };
  const sep = token.indexOf('::');
  const hash = token.slice(PREFIX.length, sep);
  const creds = token.slice(sep + 2);
  if (!/^[0-9a-f]{64}$/i.test(hash)) throw new PkiError('token has the K10<ca-hash>:: form but its CA hash is not 64 hex digits');
  const colon = creds.indexOf(':');
  const username = colon > 0 ? creds.slice(0, colon) : undefined;
  const password = colon > 0 ? creds.slice(colon + 1) : creds;
  if (!password) throw new PkiError('token has no password after the CA hash');
  return { caHash: hash.toLowerCase(), username, password };
}

/** The secure token text for a CA bundle and credentials. */
export function formatToken(caBundle: string | Uint8Array, creds: { username: string; password: string }): string {
  return `${PREFIX}${caHash(caBundle)}::${creds.username}:${creds.password}`;
}

/** SHA-256 hex of the CA bundle bytes, as k3s puts in tokens. */
export function caHash(caBundle: string | Uint8Array): string {
  return createHash('sha256').update(caBundle).digest('hex');
}

/** A random password: 16 bytes as 32 hex digits, as k3s generates. */
export function randomSecret(): string {
  return randomBytes(16).toString('hex');
}

/** Constant-time string comparison for secrets. */
export function secretsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
