/**
 * @module A small in-process MVCC Backend for API server tests until the datastore's memory
 * driver is on main (then tests use it instead and this file goes away). Keeps every version
 * of every key; watches replay history and then follow new writes.
 */
import {
  type Backend, type DeleteResult, type GetResult, type KeyValue, type ListResult, type WatchEvent, type WriteResult,
  CompactedError, FutureRevisionError, KeyExistsError, RevisionMismatchError,
} from '../../datastore/backend.js';

interface Version { readonly kv: KeyValue; readonly deleted: boolean }

export class FakeBackend implements Backend {
  readonly name = 'fake';
  private rev = 0;
  private compacted = 0;
  private readonly versions = new Map<string, Version[]>();
  private readonly log: WatchEvent[] = [];
  private readonly subscribers = new Set<(e: WatchEvent) => void>();

  async currentRevision(): Promise<number> { return this.rev; }
  async compactRevision(): Promise<number> { return this.compacted; }

  private at(key: string, revision: number): Version | undefined {
    const vs = this.versions.get(key);
    if (!vs) return undefined;
    for (let i = vs.length - 1; i >= 0; i--) if ((vs[i] as Version).kv.modRevision <= revision) return vs[i];
    return undefined;
  }

  private checkRev(revision: number | undefined): number {
    const r = revision || this.rev;
    if (r > this.rev) throw new FutureRevisionError(r, this.rev);
    if (revision && revision < this.compacted) throw new CompactedError(revision, this.compacted);
    return r;
  }

  async get(key: string, opts: { revision?: number } = {}): Promise<GetResult> {
    const r = this.checkRev(opts.revision);
    const v = this.at(key, r);
    return v && !v.deleted ? { revision: r, kv: v.kv } : { revision: r };
  }

  async list(prefix: string, opts: { startKey?: string; limit?: number; revision?: number } = {}): Promise<ListResult> {
    const r = this.checkRev(opts.revision);
    const keys = [...this.versions.keys()].filter((k) => k.startsWith(prefix) && (!opts.startKey || k >= opts.startKey)).sort();
    const live: KeyValue[] = [];
    for (const k of keys) {
      const v = this.at(k, r);
      if (v && !v.deleted) live.push(v.kv);
    }
    const limit = opts.limit ?? 0;
    const items = limit > 0 ? live.slice(0, limit) : live;
    return { revision: r, items, count: live.length, more: items.length < live.length };
  }

  private write(key: string, value: Uint8Array, deleted: boolean, createRevision: number, lease = 0): KeyValue {
    const kv: KeyValue = { key, value, createRevision, modRevision: ++this.rev, lease };
    const prev = this.at(key, this.rev - 1);
    let vs = this.versions.get(key);
    if (!vs) this.versions.set(key, (vs = []));
    vs.push({ kv, deleted });
    const e: WatchEvent = deleted
      ? { type: 'delete', kv, prev: (prev as Version).kv }
      : prev && !prev.deleted ? { type: 'put', kv, prev: prev.kv } : { type: 'put', kv };
    this.log.push(e);
    for (const s of this.subscribers) s(e);
    return kv;
  }

  async create(key: string, value: Uint8Array): Promise<WriteResult> {
    const cur = this.at(key, this.rev);
    if (cur && !cur.deleted) throw new KeyExistsError(key);
    const kv = this.write(key, value, false, this.rev + 1);
    return { revision: kv.modRevision };
  }

  async update(key: string, value: Uint8Array, opts: { expectedModRevision: number }): Promise<WriteResult> {
    const cur = this.at(key, this.rev);
    if (!cur || cur.deleted || cur.kv.modRevision !== opts.expectedModRevision) throw new RevisionMismatchError(key, cur && !cur.deleted ? cur.kv : undefined);
    return { revision: this.write(key, value, false, cur.kv.createRevision).modRevision };
  }

  async delete(key: string, opts: { expectedModRevision?: number } = {}): Promise<DeleteResult> {
    const cur = this.at(key, this.rev);
    if (!cur || cur.deleted || (opts.expectedModRevision !== undefined && cur.kv.modRevision !== opts.expectedModRevision)) {
      throw new RevisionMismatchError(key, cur && !cur.deleted ? cur.kv : undefined);
    }
    const kv = this.write(key, cur.kv.value, true, cur.kv.createRevision);
    return { revision: kv.modRevision, prev: cur.kv };
  }

  async *watch(prefix: string, opts: { fromRevision: number; signal?: AbortSignal }): AsyncIterable<readonly WatchEvent[]> {
    if (opts.fromRevision && opts.fromRevision < this.compacted) throw new CompactedError(opts.fromRevision, this.compacted);
    const queue: WatchEvent[] = [];
    let wake: (() => void) | undefined;
    const from = opts.fromRevision || this.rev + 1;
    for (const e of this.log) if (e.kv.modRevision >= from && e.kv.key.startsWith(prefix)) queue.push(e);
    const sub = (e: WatchEvent) => {
      if (!e.kv.key.startsWith(prefix) || e.kv.modRevision < from) return;
      queue.push(e);
      wake?.();
    };
    this.subscribers.add(sub);
    const onAbort = () => wake?.();
    opts.signal?.addEventListener('abort', onAbort);
    try {
      while (!opts.signal?.aborted) {
        if (queue.length) {
          yield queue.splice(0);
          continue;
        }
        await new Promise<void>((r) => { wake = r; });
        wake = undefined;
      }
    } finally {
      this.subscribers.delete(sub);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  async compact(revision: number): Promise<void> {
    this.compacted = Math.max(this.compacted, revision);
  }

  async close(): Promise<void> {}
}
