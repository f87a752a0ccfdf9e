/**
 * @module Secrets encryption at rest, k3s style (`--secrets-encryption`, `k3s secrets-encrypt`):
 * the configuration and stage files under server/cred, the codec the secrets store writes with,
 * and the operations the supervisor's `/v1-k3s/encrypt/*` endpoints run: status, enable,
 * disable, prepare, rotate, reencrypt and rotate-keys. Reencryption rewrites every secret not yet
 * under the active key (conditional writes, so concurrent updates are never lost) and drops the
 * retired key only once no secret uses it any more.
 */
import { createHash } from 'node:crypto';
import type { Backend } from '../../../datastore/backend.js';
import { RevisionMismatchError } from '../../../datastore/backend.js';
import { logger } from '../../../base/log.js';
import { readTextIfExists } from '../../../base/atomic-file.js';
import type { ObjectCodec } from '../codec.js';
import { EncryptedCodec } from './codec.js';
import {
  type EncryptionSettings, type Stage, encryptionPaths, newKey, providersOf, readSettings, readStage, writeSettings, writeStage,
} from './config.js';
import { isCurrent, type Provider, type ProviderType, writtenWith } from './providers.js';

const log = logger('secrets-encryption');

/** What `k3s secrets-encrypt status` receives (k3s's EncryptionState JSON). */
export interface EncryptionStatus {
  stage: string;
  activekey: string;
  enable?: boolean;
  hashmatch?: boolean;
  hasherror?: string;
  inactivekeys?: string[];
  /** k3ts: the key type column of the status table. */
  keytype?: string;
}

/** A request to `PUT /v1-k3s/encrypt/config` (k3s's EncryptionRequest). */
export interface EncryptionRequest {
  readonly stage?: string;
  readonly enable?: boolean;
  readonly force?: boolean;
  readonly skip?: boolean;
}

/** A refused request (answered 400, as k3s does). */
export class EncryptionRequestError extends Error {}

const KEY_TYPES: Readonly<Record<string, string>> = { aescbc: 'AES-CBC', aesgcm: 'AES-GCM', secretbox: 'XSalsa20-POLY1305' };

export class SecretsEncryption {
  private settings: EncryptionSettings | undefined;
  private stage: { stage: Stage; hash: string } | undefined;
  private backend: Backend | undefined;
  private codec: EncryptedCodec | undefined;
  private running: Promise<void> | undefined;

  private constructor(private readonly dataDir: string, private readonly flagEnabled: boolean) {}

  /**
   * Loads the configuration, creating it (one new key, encryption on, stage `start`) when
   * --secrets-encryption is set and there is none yet. Without the flag an existing
   * configuration's keys still decrypt, but secrets are written in the clear, as k3s's
   * apiserver does without its encryption config.
   */
  static async open(dataDir: string, o: { enabled: boolean; provider: Exclude<ProviderType, 'identity'> }): Promise<SecretsEncryption> {
    const se = new SecretsEncryption(dataDir, o.enabled);
    se.settings = await readSettings(dataDir);
    se.stage = await readStage(dataDir);
    if (!se.settings && o.enabled) {
      se.settings = { keyed: { type: o.provider, keys: [newKey(o.provider, { first: true })] }, enabled: true };
      const hash = await writeSettings(dataDir, se.settings);
      await writeStage(dataDir, 'start', hash);
      se.stage = { stage: 'start', hash };
      log.info(`secrets encryption enabled with a new ${o.provider} key`);
    } else if (se.settings && o.enabled && se.settings.keyed.type !== o.provider) {
      log.warn(`--secrets-encryption-provider=${o.provider} differs from ${encryptionPaths(dataDir).config} (${se.settings.keyed.type}); keeping the configured provider`);
    } else if (se.settings && !o.enabled) {
      log.warn(`${encryptionPaths(dataDir).config} exists but --secrets-encryption is not set: encrypted secrets stay readable, new ones are stored unencrypted`);
    }
    return se;
  }

  /** The providers in use: reading knows every key; writing uses the first. */
  providers(): readonly Provider[] {
    if (!this.settings) return [];
    const ps = providersOf(this.settings);
    return this.flagEnabled ? ps : [{ type: 'identity', keys: [] }, this.settings.keyed];
  }

  /** Wraps the secrets resource's storage codec (other resources are not encrypted). */
  wrap(resource: { group: string; plural: string }, prefix: string, inner: ObjectCodec): ObjectCodec {
    if (resource.group !== '' || resource.plural !== 'secrets') return inner;
    this.codec = new EncryptedCodec(inner, prefix, () => this.providers());
    return this.codec;
  }

  /** The datastore reencryption rewrites. */
  attach(backend: Backend): void {
    this.backend = backend;
  }

  private async configHash(): Promise<string> {
    const text = (await readTextIfExists(encryptionPaths(this.dataDir).config)) ?? '';
    return createHash('sha256').update(text).digest('hex');
  }

  async status(): Promise<EncryptionStatus> {
    if (!this.settings) return { stage: '', activekey: '' };
    const enabled = this.flagEnabled && this.settings.enabled;
    const keys = this.settings.keyed.keys.map((k) => k.name);
    const st: EncryptionStatus = { stage: this.stage?.stage ?? 'start', activekey: enabled ? keys[0] ?? '' : '', enable: enabled, keytype: KEY_TYPES[this.settings.keyed.type] ?? this.settings.keyed.type };
    const inactive = enabled ? keys.slice(1) : keys;
    if (inactive.length) st.inactivekeys = inactive;
    const settled = this.stage && !this.stage.stage.startsWith('reencrypt_') || this.stage?.stage === 'reencrypt_finished';
    if (settled && this.stage && this.stage.hash !== await this.configHash()) st.hasherror = `invalid hash: ${this.stage.hash} found on this server`;
    else st.hashmatch = true;
    return st;
  }

  private requireStage(allowed: readonly Stage[], force: boolean | undefined): void {
    const cur = this.stage?.stage ?? 'start';
    if (!force && !allowed.includes(cur)) throw new EncryptionRequestError(`incorrect stage: ${cur} found on this server`);
  }

  private async save(settings: EncryptionSettings, stage: Stage): Promise<void> {
    this.settings = settings;
    const hash = await writeSettings(this.dataDir, settings);
    await writeStage(this.dataDir, stage, hash);
    this.stage = { stage, hash };
  }

  /** Runs one request; reencryption continues in the background (watch status() for its stage). */
  async request(req: EncryptionRequest): Promise<void> {
    const s = this.settings;
    if (!s || !this.flagEnabled) throw new EncryptionRequestError('secrets encryption is not enabled on this server (start it with --secrets-encryption)');
    if (this.running) throw new EncryptionRequestError('another reencrypt is already active');
    const type = s.keyed.type as Exclude<ProviderType, 'identity'>;
    const keys = s.keyed.keys;
    if (req.stage === undefined && req.enable !== undefined) {
      if (s.enabled === req.enable) return log.info(`secrets encryption already ${req.enable ? 'enabled' : 'disabled'}`);
      await this.save({ ...s, enabled: req.enable }, 'reencrypt_request');
      // Every secret is rewritten in the new form; the keys stay (k3s's EncryptSkip).
      return this.startReencrypt({ dropRetired: false });
    }
    switch (req.stage) {
      case 'prepare':
        this.requireStage(['start', 'reencrypt_finished'], req.force);
        return this.save({ ...s, keyed: { type, keys: [...keys, newKey(type, { first: false })] } }, 'prepare');
      case 'rotate':
        this.requireStage(['prepare'], req.force);
        return this.save({ ...s, keyed: { type, keys: [...keys.slice(-1), ...keys.slice(0, -1)] } }, 'rotate');
      case 'reencrypt_active':
        this.requireStage(['rotate'], req.force);
        await this.save(s, 'reencrypt_request');
        return this.startReencrypt({ dropRetired: !req.skip });
      case 'rotate_keys':
        this.requireStage(['start', 'reencrypt_finished'], false);
        await this.save({ ...s, keyed: { type, keys: [newKey(type, { first: false }), ...keys] } }, 'reencrypt_request');
        return this.startReencrypt({ dropRetired: true });
      default:
        throw new EncryptionRequestError(`unknown stage ${String(req.stage)} requested`);
    }
  }

  private startReencrypt(o: { dropRetired: boolean }): void {
    this.running = this.reencrypt(o).catch((e: unknown) => log.error(`reencryption failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => { this.running = undefined; });
  }

  /** Waits for a running reencryption (tests, shutdown). */
  async settled(): Promise<void> {
    await this.running;
  }

  private async reencrypt(o: { dropRetired: boolean }): Promise<void> {
    const backend = this.backend, codec = this.codec, s = this.settings;
    if (!backend || !codec || !s) throw new Error('secrets encryption is not attached to the datastore');
    await this.save(s, 'reencrypt_active');
    const first = this.providers()[0] as Provider;
    let rewritten = 0, total = 0;
    const prefix = '/registry/secrets/';
    for (let startKey: string | undefined; ;) {
      const page = await backend.list(prefix, { limit: 500, ...(startKey ? { startKey } : {}) });
      for (const item of page.items) {
        total++;
        let kv: typeof item | undefined = item;
        for (let attempt = 0; kv && !isCurrent(first, kv.value) && attempt < 10; attempt++) {
          try {
            await backend.update(kv.key, codec.reencode(kv), { expectedModRevision: kv.modRevision });
            rewritten++;
            break;
          } catch (e) {
            // Someone wrote it meanwhile (with the current key, or deleted it): look again.
            if (!(e instanceof RevisionMismatchError)) throw e;
            kv = e.current;
          }
        }
      }
      const last = page.items[page.items.length - 1];
      if (!page.more || !last) break;
      startKey = `${last.key}\u0000`;
    }
    log.info(`reencrypted ${rewritten} of ${total} secrets`);
    let next = this.settings ?? s;
    if (o.dropRetired && next.keyed.keys.length > 1 && await this.allCurrent(backend, first)) {
      const keys = next.keyed.keys.slice(0, -1);
      log.info(`removed key ${next.keyed.keys[next.keyed.keys.length - 1]?.name ?? ''}`);
      next = { ...next, keyed: { ...next.keyed, keys } };
    }
    await this.save(next, 'reencrypt_finished');
  }

  /** True when no stored secret still uses the key about to be dropped (the last one). */
  private async allCurrent(backend: Backend, first: Provider): Promise<boolean> {
    const keyed = this.settings?.keyed;
    const dropping = keyed?.keys[keyed.keys.length - 1]?.name;
    if (!keyed || dropping === undefined) return true;
    const r = await backend.list('/registry/secrets/');
    return r.items.every((kv) => isCurrent(first, kv.value) || !writtenWith(kv.value, keyed.type, dropping));
  }
}
