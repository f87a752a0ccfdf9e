/**
 * @module Datastore migration: copies the live keys of one backend into another (SQLite to
 * PostgreSQL, etcd back to SQL — k3s has no way back from etcd). Keys are read at one source
 * revision, page by page, so the copy is a consistent snapshot; TTLs are kept. Revisions are
 * not (the target has its own sequence), so clients re-list afterwards, as after any restore.
 */
import { AbortedError, K3tsError } from '../base/errors.js';
import { KeyExistsError, RevisionMismatchError, type Backend } from './backend.js';

export interface MigrateOptions {
  readonly from: Backend;
  readonly to: Backend;
  readonly signal?: AbortSignal | undefined;
  /** Copy into a target that already holds keys, replacing those that exist (default: refuse). */
  readonly overwrite?: boolean | undefined;
  /** Keys read per page (default 500). */
  readonly pageSize?: number | undefined;
  /** Concurrent writes to the target (default 32). */
  readonly concurrency?: number | undefined;
  /** Called after each page with the number of keys copied so far. */
  readonly onProgress?: ((copied: number) => void) | undefined;
}

export interface MigrateResult {
  /** Keys copied. */
  readonly copied: number;
  /** The source revision the snapshot was read at. */
  readonly sourceRevision: number;
}

/** The target refused the copy (not empty, or a key changed under us). */
export class MigrationError extends K3tsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_DATASTORE_MIGRATION', message, options);
  }
}

/** Copies every live key of `from` into `to`. */
export async function migrate(opts: MigrateOptions): Promise<MigrateResult> {
  const { from, to, signal } = opts;
  const pageSize = opts.pageSize ?? 500;
  const width = opts.concurrency ?? 32;
  if (!opts.overwrite) {
    const existing = await to.list('', { limit: 1 });
    if (existing.count > 0) {
      throw new MigrationError(`the target ${to.name} datastore already holds ${existing.count} keys (e.g. ${existing.items[0]?.key}); migrate into an empty one or pass overwrite`);
    }
  }
  let revision = 0;
  let startKey: string | undefined;
  let copied = 0;
  for (;;) {
    if (signal?.aborted) throw new AbortedError('datastore migration aborted');
    const page = await from.list('', { limit: pageSize, ...(revision ? { revision } : {}), ...(startKey !== undefined ? { startKey } : {}) });
    revision = page.revision;
    let next = 0;
    const copyOne = async (): Promise<void> => {
      while (next < page.items.length) {
        const kv = page.items[next++]!;
        await put(to, kv.key, kv.value, kv.lease, Boolean(opts.overwrite));
      }
    };
    await Promise.all(Array.from({ length: Math.min(width, page.items.length) }, copyOne));
    copied += page.items.length;
    opts.onProgress?.(copied);
    const last = page.items[page.items.length - 1];
    if (!page.more || !last) break;
    // Continue right after the last key, at the same revision: one consistent snapshot.
    startKey = `${last.key}\u0000`;
  }
  return { copied, sourceRevision: revision };
}

async function put(to: Backend, key: string, value: Uint8Array, ttl: number, overwrite: boolean): Promise<void> {
  const lease = ttl > 0 ? { ttl } : {};
  try {
    await to.create(key, value, lease);
    return;
  } catch (err) {
    if (!overwrite || !(err instanceof KeyExistsError)) throw err;
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const cur = (await to.get(key)).kv;
    try {
      if (cur) await to.update(key, value, { expectedModRevision: cur.modRevision, ...lease });
      else await to.create(key, value, lease);
      return;
    } catch (err) {
      if (!(err instanceof RevisionMismatchError) && !(err instanceof KeyExistsError)) throw err;
    }
  }
  throw new MigrationError(`${key} keeps changing in the target datastore; is a server running on it?`);
}
