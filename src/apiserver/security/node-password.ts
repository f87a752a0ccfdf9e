/**
 * @module k3s's node passwords: the first certificate request for a node name stores an scrypt
 * hash of the agent's password in the immutable Secret `kube-system/<name>.node-password.k3s`;
 * later requests for that name must present the same password (else 403), so one machine
 * cannot take over another's node name with the shared join token.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { StatusError, failure } from '../../api/status.js';
import type { Client } from '../../client/client.js';
import { isAlreadyExists, isNotFound } from '../../client/errors.js';
import type { Secret } from '../../client/kinds/core.js';
import { resources } from '../../client/resources.js';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/** k3s's scrypt parameters (N = 2^15, r = 8, p = 1), in a `$1:salt:logN:r:p:key` string. */
const LOG_N = 15, R = 8, P = 1, KEY_LEN = 64;
const MAXMEM = 256 * 2 ** LOG_N * R;

/** The Secret type k3s gives node-password Secrets. */
export const NODE_PASSWORD_SECRET_TYPE = 'k3s.cattle.io/node-password';

/** The Secret holding a node's password hash (node names are lowercased, as k3s). */
export const nodePasswordSecretName = (node: string): string => `${node.toLowerCase()}.node-password.k3s`;

/** Hashes a node password in the `$1:` scrypt format. */
export async function hashNodePassword(password: string): Promise<string> {
  const salt = randomBytes(8);
  const key = await scryptAsync(password, salt, KEY_LEN, { N: 2 ** LOG_N, r: R, p: P, maxmem: MAXMEM });
  return `$1:${salt.toString('hex')}:${LOG_N}:${R}:${P}:${key.toString('hex')}`;
}

/** Whether `password` matches a `$1:` hash; false for a malformed hash. */
export async function verifyNodePassword(hash: string, password: string): Promise<boolean> {
  const [v, salt, logN, r, p, key] = hash.split(':');
  if (v !== '$1' || !salt || !key || !/^\d+$/.test(logN ?? '') || !/^\d+$/.test(r ?? '') || !/^\d+$/.test(p ?? '')) return false;
  const want = Buffer.from(key, 'hex');
  if (want.length === 0 || Number(logN) > 20) return false;
  const got = await scryptAsync(password, Buffer.from(salt, 'hex'), want.length, { N: 2 ** Number(logN), r: Number(r), p: Number(p), maxmem: 256 * 2 ** Number(logN) * Number(r) });
  return timingSafeEqual(got, want);
}

const rejected = (node: string): StatusError =>
  new StatusError(failure(403, 'Forbidden', `unable to verify password for node ${node}: hash does not match`));

/**
 * Checks `password` for `node` against its Secret, creating the Secret on first use. Throws a
 * 403 StatusError on a mismatch (k3s's "hash does not match").
 */
export async function ensureNodePassword(client: Client, node: string, password: string, opts: { signal?: AbortSignal } = {}): Promise<void> {
  const secrets = client.resource<Secret>(resources.secrets);
  const name = nodePasswordSecretName(node);
  const check = async (s: Secret): Promise<void> => {
    const hash = Buffer.from(s.data?.['hash'] ?? '', 'base64').toString('utf8');
    if (!await verifyNodePassword(hash, password)) throw rejected(node);
  };
  try {
    await check(await secrets.get(name, { namespace: 'kube-system', ...opts }));
    return;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  const hash = await hashNodePassword(password);
  try {
    await secrets.create({
      apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'kube-system' }, immutable: true,
      type: NODE_PASSWORD_SECRET_TYPE, data: { hash: Buffer.from(hash).toString('base64') },
    }, { ...opts });
  } catch (err) {
    // Two agents racing for one name: whoever created it first owns it.
    if (!isAlreadyExists(err)) throw err;
    await check(await secrets.get(name, { namespace: 'kube-system', ...opts }));
  }
}
