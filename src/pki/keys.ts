/**
 * @module Private keys and PEM: ECDSA P-256 keys (what k3s uses for its CAs and leaf
 * certificates), RSA 2048 for the service-account signing key (as k3s's `service.key`), and
 * PEM armour in both directions.
 */
import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { PkiError } from '../base/errors.js';

const generate = promisify(generateKeyPair);

/** A new ECDSA P-256 private key. */
export async function generateEcKey(): Promise<KeyObject> {
  const { privateKey } = await generate('ec', { namedCurve: 'prime256v1' });
  return privateKey;
}

/** A new RSA 2048 private key. */
export async function generateRsaKey(): Promise<KeyObject> {
  const { privateKey } = await generate('rsa', { modulusLength: 2048 });
  return privateKey;
}

/** PEM text of a private key in the traditional form k3s writes (`EC PRIVATE KEY`, `RSA PRIVATE KEY`). */
export function privateKeyPem(key: KeyObject): string {
  const type = key.asymmetricKeyType === 'ec' ? 'sec1' : key.asymmetricKeyType === 'rsa' ? 'pkcs1' : 'pkcs8';
  return key.export({ type, format: 'pem' }).toString();
}

/** Loads a PEM private key (SEC1, PKCS#1 or PKCS#8); `what` names it in errors. */
export function loadPrivateKey(pem: string, what: string): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch (err) {
    throw new PkiError(`${what}: not a readable PEM private key`, { cause: err });
  }
}

/** The public half of a private key. */
export function publicKeyOf(key: KeyObject): KeyObject {
  return createPublicKey(key);
}

/** DER SubjectPublicKeyInfo of a key (private or public). */
export function spkiDer(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ type: 'spki', format: 'der' });
}

/** Wraps DER bytes in PEM armour with the given label. */
export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every PEM block with `label` in `text`, as DER, in order. */
export function pemBlocks(text: string, label: string): Buffer[] {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...text.matchAll(re)].map((m) => Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
}
