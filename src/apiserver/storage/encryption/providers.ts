/**
 * @module Encryption at rest as kube-apiserver stores it: a value written with a provider starts
 * with `k8s:enc:<provider>:v1:<key name>:`, followed by, for `aescbc`, a random 16-byte IV and
 * the AES-CBC ciphertext (PKCS#7 padding); for `aesgcm`, a random 12-byte nonce, the ciphertext
 * and the tag, authenticated with the storage key; for `secretbox`, a random 24-byte nonce and
 * the XSalsa20-Poly1305 box. `identity` stores plain bytes. Reading tries the key the prefix
 * names, in any configured provider; plain values read as they are.
 */
import { type CipherGCMTypes, createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretboxOpen, secretboxSeal } from './secretbox.js';

export type ProviderType = 'aescbc' | 'aesgcm' | 'secretbox' | 'identity';

export interface EncryptionKey {
  readonly name: string;
  /** Raw key bytes (the configuration holds them base64-encoded). */
  readonly secret: Buffer;
}

/** One entry of an EncryptionConfiguration's providers list. */
export interface Provider {
  readonly type: ProviderType;
  /** Keys in order; the first encrypts. Empty for identity. */
  readonly keys: readonly EncryptionKey[];
}

export class DecryptError extends Error {}

const PREFIX = 'k8s:enc:';
const aesName = (key: Buffer, mode: 'cbc' | 'gcm') => `aes-${key.length * 8}-${mode}`;

/** Encrypts `plain` with the first key of `p` (identity: unchanged). `context` is the storage key. */
export function encryptWith(p: Provider, plain: Uint8Array, context: string): Uint8Array {
  if (p.type === 'identity') return plain;
  const key = p.keys[0];
  if (!key) throw new Error(`the ${p.type} provider has no keys`);
  const prefix = Buffer.from(`${PREFIX}${p.type}:v1:${key.name}:`);
  if (p.type === 'aescbc') {
    const iv = randomBytes(16);
    const c = createCipheriv(aesName(key.secret, 'cbc'), key.secret, iv);
    return Buffer.concat([prefix, iv, c.update(plain), c.final()]);
  }
  if (p.type === 'aesgcm') {
    const nonce = randomBytes(12);
    const c = createCipheriv(aesName(key.secret, 'gcm') as CipherGCMTypes, key.secret, nonce);
    c.setAAD(Buffer.from(context));
    const ct = Buffer.concat([c.update(plain), c.final()]);
    return Buffer.concat([prefix, nonce, ct, c.getAuthTag()]);
  }
  const nonce = randomBytes(24);
  return Buffer.concat([prefix, nonce, secretboxSeal(plain, nonce, key.secret)]);
}

/** The envelope prefix of values written with a key. Key names may hold colons (k3s puts a timestamp in them). */
export function prefixOf(type: ProviderType, keyName: string): Buffer {
  return Buffer.from(`${PREFIX}${type}:v1:${keyName}:`);
}

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** True when a stored value is in an encryption envelope. */
export function isEncrypted(stored: Uint8Array): boolean {
  const buf = asBuffer(stored);
  return buf.length >= PREFIX.length && buf.toString('latin1', 0, PREFIX.length) === PREFIX;
}

/** Whether a stored value was written with this key. */
export function writtenWith(stored: Uint8Array, type: ProviderType, keyName: string): boolean {
  const p = prefixOf(type, keyName);
  const buf = asBuffer(stored);
  return buf.length >= p.length && buf.subarray(0, p.length).equals(p);
}

/** Decrypts a stored value with whichever configured key wrote it (matched by prefix, as kube-apiserver does); plain values pass through. */
export function decryptWith(providers: readonly Provider[], stored: Uint8Array, context: string): Uint8Array {
  if (!isEncrypted(stored)) return stored;
  const buf = asBuffer(stored);
  for (const provider of providers) {
    for (const key of provider.keys) {
      if (!writtenWith(buf, provider.type, key.name)) continue;
      return openWith(provider.type, key, buf.subarray(prefixOf(provider.type, key.name).length), context);
    }
  }
  const type = buf.toString('latin1', PREFIX.length, Math.max(PREFIX.length, buf.indexOf(0x3a, PREFIX.length)));
  throw new DecryptError(`no matching key was found for the provided ${type} transformer`);
}

function openWith(type: ProviderType, key: EncryptionKey, body: Buffer, context: string): Buffer {
  try {
    if (type === 'aescbc') {
      const d = createDecipheriv(aesName(key.secret, 'cbc'), key.secret, body.subarray(0, 16));
      return Buffer.concat([d.update(body.subarray(16)), d.final()]);
    }
    if (type === 'aesgcm') {
      const d = createDecipheriv(aesName(key.secret, 'gcm') as CipherGCMTypes, key.secret, body.subarray(0, 12));
      d.setAAD(Buffer.from(context));
      d.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([d.update(body.subarray(12, body.length - 16)), d.final()]);
    }
    if (type === 'secretbox') {
      const out = secretboxOpen(body.subarray(24), body.subarray(0, 24), key.secret);
      if (!out) throw new DecryptError('the secretbox does not verify');
      return out;
    }
  } catch (e) {
    if (e instanceof DecryptError) throw e;
    throw new DecryptError(`${type} decryption with key ${JSON.stringify(key.name)} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  throw new DecryptError(`unknown encryption provider ${type}`);
}

/** Whether `stored` is written with exactly `p`'s first key (no rewrite needed). */
export function isCurrent(p: Provider, stored: Uint8Array): boolean {
  if (p.type === 'identity') return !isEncrypted(stored);
  const key = p.keys[0];
  return key !== undefined && writtenWith(stored, p.type, key.name);
}
