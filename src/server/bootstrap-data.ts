/**
 * @module Bootstrap data shared through the datastore, as k3s does for servers on one external
 * database: the cluster's CA certificates and keys, the service-account key and the join
 * passwords live under `/bootstrap/<first 12 hex of sha256(token)>`, encrypted with a key derived
 * from the server token (PBKDF2-SHA256, AES-256-GCM). The first server stores them; every later
 * server started with the same --token writes them into its own data dir before it prepares its
 * certificates, so all servers sign with one CA and one service-account key.
 */
import { createCipheriv, createDecipheriv, createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readTextIfExists, writeFileAtomic } from '../base/atomic-file.js';
import { PkiError } from '../base/errors.js';
import { KeyExistsError, type Backend } from '../datastore/backend.js';
import { credentialPaths } from '../pki/credentials.js';
import { tlsPaths } from '../pki/server-tls.js';

const PREFIX = '/bootstrap/';
const ITERATIONS = 100_000;

/** name in the stored document → path in the data dir, and the file mode to write it with. */
function sharedFiles(dataDir: string): ReadonlyArray<readonly [string, string, number]> {
  const t = tlsPaths(dataDir);
  const c = credentialPaths(dataDir);
  return [
    ['server-ca.crt', t.serverCa, 0o644], ['server-ca.key', t.serverCaKey, 0o600],
    ['client-ca.crt', t.clientCa, 0o644], ['client-ca.key', t.clientCaKey, 0o600],
    ['request-header-ca.crt', t.requestHeaderCa, 0o644], ['request-header-ca.key', t.requestHeaderCaKey, 0o600],
    ['service.key', t.serviceKey, 0o600],
    ['passwd', c.passwd, 0o600],
    ['encryption-config.json', join(dataDir, 'server', 'cred', 'encryption-config.json'), 0o600],
  ];
}

/** The datastore key for a token's bootstrap data (k3s: the first 12 hex digits of its SHA-256). */
export function bootstrapKey(tokenSecret: string): string {
  return PREFIX + createHash('sha256').update(tokenSecret).digest('hex').slice(0, 12);
}

interface Sealed { readonly v: 1; readonly salt: string; readonly iv: string; readonly tag: string; readonly data: string }

function deriveKey(secret: string, salt: Buffer): Buffer {
  return pbkdf2Sync(secret, salt, ITERATIONS, 32, 'sha256');
}

/** Encrypts `files` (name → content) with the token secret. */
export function sealBootstrap(files: Readonly<Record<string, string>>, secret: string): Uint8Array {
  const salt = randomBytes(16), iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, salt), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(files), 'utf8'), cipher.final()]);
  const sealed: Sealed = { v: 1, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  return Buffer.from(JSON.stringify(sealed));
}

/** Decrypts what sealBootstrap wrote; throws PkiError when the secret is not the one used. */
export function openBootstrap(value: Uint8Array, secret: string): Record<string, string> {
  try {
    const s = JSON.parse(Buffer.from(value).toString('utf8')) as Sealed;
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(secret, Buffer.from(s.salt, 'base64')), Buffer.from(s.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(s.tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(s.data, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as Record<string, string>;
  } catch (err) {
    throw new PkiError('the bootstrap data in the datastore cannot be decrypted with this server\'s token: start it with the token of the cluster\'s first server', { cause: err });
  }
}

/** The server password this data dir was created with, if any (from cred/passwd). */
export async function storedServerSecret(dataDir: string): Promise<string | undefined> {
  const text = (await readTextIfExists(credentialPaths(dataDir).passwd)) ?? '';
  for (const line of text.split('\n')) {
    const [pass, name] = line.trim().split(',');
    if (name === 'server' && pass) return pass;
  }
  return undefined;
}

/**
 * Before certificates are prepared: when the datastore holds bootstrap data, writes it into the
 * data dir (files that differ only). Returns whether data was found. Throws when data exists but
 * this server has no token, or another token.
 */
export async function loadBootstrapData(backend: Backend, opts: { dataDir: string; tokenSecret: string | undefined }): Promise<boolean> {
  const { items } = await backend.list(PREFIX);
  if (items.length === 0) return false;
  if (!opts.tokenSecret) {
    throw new PkiError('the datastore already holds another server\'s cluster data: start this server with --token set to the token of the cluster\'s first server (its <data-dir>/server/token)');
  }
  const key = bootstrapKey(opts.tokenSecret);
  const mine = items.find((kv) => kv.key === key);
  if (!mine) throw new PkiError('the bootstrap data in the datastore is encrypted with a different token: start this server with the token of the cluster\'s first server');
  const files = openBootstrap(mine.value, opts.tokenSecret);
  for (const [name, path, mode] of sharedFiles(opts.dataDir)) {
    const content = files[name];
    if (content === undefined) continue;
    if ((await readTextIfExists(path)) !== content) await writeFileAtomic(path, content, { mode, dirMode: 0o700 });
  }
  return true;
}

/**
 * After certificates and credentials exist: stores them for the servers that come later.
 * Returns false when another server stored its data first (a race): load that and start over.
 */
export async function saveBootstrapData(backend: Backend, opts: { dataDir: string; tokenSecret: string }): Promise<boolean> {
  const files: Record<string, string> = {};
  for (const [name, path] of sharedFiles(opts.dataDir)) {
    const content = await readTextIfExists(path);
    if (content !== undefined) files[name] = content;
  }
  try {
    await backend.create(bootstrapKey(opts.tokenSecret), sealBootstrap(files, opts.tokenSecret));
    return true;
  } catch (err) {
    if (err instanceof KeyExistsError) return false;
    throw err;
  }
}
