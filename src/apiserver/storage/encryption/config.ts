/**
 * @module The encryption configuration k3s keeps in `server/cred/encryption-config.json`: an
 * apiserver.config.k8s.io/v1 EncryptionConfiguration for `secrets` whose providers are the
 * keyed provider and `identity` — keyed first when encryption is enabled, identity first when it
 * is disabled (old values stay readable either way). `encryption-state.json` holds k3s's
 * rotation stage and the hash of the configuration it applies to (`<stage>-<sha256>`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readTextIfExists, writeFileAtomic } from '../../../base/atomic-file.js';
import { ConfigError } from '../../../base/errors.js';
import type { EncryptionKey, Provider, ProviderType } from './providers.js';

export const STAGES = ['start', 'prepare', 'rotate', 'reencrypt_request', 'reencrypt_active', 'reencrypt_finished'] as const;
export type Stage = (typeof STAGES)[number];

export function encryptionPaths(dataDir: string) {
  const cred = join(dataDir, 'server', 'cred');
  return { config: join(cred, 'encryption-config.json'), state: join(cred, 'encryption-state.json') } as const;
}

/** The keyed provider and whether it is first (encryption enabled). */
export interface EncryptionSettings {
  readonly keyed: Provider;
  readonly enabled: boolean;
}

const KEY_PREFIX: Readonly<Record<Exclude<ProviderType, 'identity'>, string>> = { aescbc: 'aescbckey', aesgcm: 'aesgcmkey', secretbox: 'secretboxkey' };

/** A new random 32-byte key; the first one is named after the provider, later ones get a timestamp. */
export function newKey(type: Exclude<ProviderType, 'identity'>, opts: { first: boolean; now?: Date }): EncryptionKey {
  const stamp = (opts.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { name: opts.first ? KEY_PREFIX[type] : `${KEY_PREFIX[type]}-${stamp}`, secret: randomBytes(32) };
}

/** The providers in the order kube-apiserver uses them (the first writes). */
export function providersOf(s: EncryptionSettings): Provider[] {
  const identity: Provider = { type: 'identity', keys: [] };
  return s.enabled ? [s.keyed, identity] : [identity, s.keyed];
}

/** The configuration file's JSON text (k3s writes it compact). */
export function formatConfig(s: EncryptionSettings): string {
  const providers = providersOf(s).map((p) => (p.type === 'identity' ? { identity: {} } : { [p.type]: { keys: p.keys.map((k) => ({ name: k.name, secret: k.secret.toString('base64') })) } }));
  return JSON.stringify({ kind: 'EncryptionConfiguration', apiVersion: 'apiserver.config.k8s.io/v1', resources: [{ resources: ['secrets'], providers }] });
}

/** Parses the configuration file; throws ConfigError naming the file for anything k3s would not write. */
export function parseConfig(text: string, file: string): EncryptionSettings {
  const bad = (why: string) => new ConfigError(`${file}: ${why}`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw bad('not valid JSON');
  }
  const resources = (doc as { resources?: unknown }).resources;
  const first = Array.isArray(resources) ? resources[0] as { providers?: unknown } | undefined : undefined;
  const providers = first?.providers;
  if (!Array.isArray(providers) || providers.length !== 2) throw bad('expected one resource entry with two providers (a keyed one and identity)');
  let keyed: Provider | undefined;
  let enabled = false;
  providers.forEach((p: unknown, i) => {
    if (typeof p !== 'object' || p === null) throw bad('a provider is not an object');
    const [type] = Object.keys(p) as [string | undefined];
    if (type === 'identity') return;
    if (type !== 'aescbc' && type !== 'aesgcm' && type !== 'secretbox') throw bad(`unsupported provider ${JSON.stringify(type)}`);
    const keys = (p as Record<string, { keys?: unknown }>)[type]?.keys;
    if (!Array.isArray(keys) || !keys.length) throw bad(`the ${type} provider has no keys`);
    keyed = {
      type, keys: keys.map((k: unknown) => {
        const o = k as { name?: unknown; secret?: unknown };
        if (typeof o.name !== 'string' || typeof o.secret !== 'string') throw bad('a key needs a name and a secret');
        const secret = Buffer.from(o.secret, 'base64');
        if (type === 'secretbox' ? secret.length !== 32 : ![16, 24, 32].includes(secret.length)) throw bad(`key ${o.name} has ${secret.length} bytes`);
        return { name: o.name, secret };
      }),
    };
    enabled = i === 0;
  });
  if (!keyed) throw bad('no keyed provider');
  return { keyed, enabled };
}

export async function readSettings(dataDir: string): Promise<EncryptionSettings | undefined> {
  const file = encryptionPaths(dataDir).config;
  const text = await readTextIfExists(file);
  return text === undefined ? undefined : parseConfig(text, file);
}

export async function writeSettings(dataDir: string, s: EncryptionSettings): Promise<string> {
  const text = formatConfig(s);
  await writeFileAtomic(encryptionPaths(dataDir).config, text, { mode: 0o600, dirMode: 0o700 });
  return createHash('sha256').update(text).digest('hex');
}

/** The stage and configuration hash recorded in the state file. */
export async function readStage(dataDir: string): Promise<{ stage: Stage; hash: string } | undefined> {
  const text = (await readTextIfExists(encryptionPaths(dataDir).state))?.trim();
  if (!text) return undefined;
  const dash = text.lastIndexOf('-');
  const stage = text.slice(0, dash) as Stage;
  return STAGES.includes(stage) ? { stage, hash: text.slice(dash + 1) } : undefined;
}

export async function writeStage(dataDir: string, stage: Stage, hash: string): Promise<void> {
  await writeFileAtomic(encryptionPaths(dataDir).state, `${stage}-${hash}`, { mode: 0o600, dirMode: 0o700 });
}
