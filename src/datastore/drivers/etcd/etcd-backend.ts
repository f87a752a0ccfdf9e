/**
 * @module The etcd datastore (`http(s)://host:2379[,...]`): a pass-through to real etcd 3.x,
 * issuing the transactions kube-apiserver's etcd3 store issues (create: mod_revision == 0;
 * update/delete: mod_revision == expected, else read the current value). Revisions, watches,
 * compaction and leases are etcd's own.
 */
import { CompactedError, DatastoreUnavailableError, FutureRevisionError, KeyExistsError, RevisionMismatchError,
  type Backend, type CreateOptions, type DeleteOptions, type DeleteResult, type GetOptions, type GetResult,
  type ListOptions, type ListResult, type UpdateOptions, type WatchEvent, type WatchOptions, type WriteResult } from '../../backend.js';
import type { Endpoint } from '../../endpoint.js';
import { prefixEndBytes, rangeStart } from '../../keyrange.js';
import type { StoreTuning } from '../../logstructured/store.js';
import type { TlsFiles } from '../../tls.js';
import { EtcdClient, EtcdRpcError } from './client.js';
import { etcdWatch, kvFromEtcd } from './etcd-watch.js';
import { EtcdLeases } from './leases.js';
import { decodeHeaderOnly, decodeRangeRes, decodeTxnRes, encodeCompaction, encodeRange, encodeTxn,
  type Compare, type EtcdKv, type RangeReq, type RequestOp, type TxnRes } from './messages.js';

const enc = new TextEncoder();
/** A key no one uses, for requests that only want the header revision. */
const PROBE = new Uint8Array([0]);

export class EtcdBackend implements Backend {
  readonly name = 'etcd';
  private readonly closed = new AbortController();
  private readonly leases: EtcdLeases;
  /** The newest compaction revision we know of (a lower bound for the search). */
  private compacted = 0;
  /** The newest revision any response showed us: a watch "from now" starts after it. */
  private seen = 0;
  private seenAt = 0;

  constructor(private readonly client: EtcdClient, private readonly maxQueued: number) {
    this.leases = new EtcdLeases(client);
  }

  async currentRevision(): Promise<number> {
    try {
      return (await this.range({ key: PROBE, countOnly: true })).revision;
    } catch (err) {
      throw this.client.translate(err);
    }
  }

  /** etcd does not report its compaction point; find it: reads below it fail with "compacted". */
  async compactRevision(): Promise<number> {
    let lo = Math.max(1, this.compacted), hi = await this.currentRevision();
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      try {
        await this.range({ key: PROBE, countOnly: true, revision: mid });
        hi = mid;
      } catch (err) {
        if (!(err instanceof EtcdRpcError && err.compacted)) throw this.client.translate(err);
        lo = mid + 1;
      }
    }
    this.compacted = lo > 1 ? lo : this.compacted;
    return this.compacted;
  }

  async get(key: string, opts?: GetOptions): Promise<GetResult> {
    const revision = opts?.revision ?? 0;
    const res = await this.rangeAt({ key: enc.encode(key), revision });
    const kv = res.kvs[0];
    return kv ? { revision: revision || res.revision, kv: await kvFromEtcd(kv, this.leases) } : { revision: revision || res.revision };
  }

  async list(prefix: string, opts?: ListOptions): Promise<ListResult> {
    const revision = opts?.revision ?? 0;
    const start = enc.encode(rangeStart(prefix, opts?.startKey));
    const res = await this.rangeAt({
      key: start.length ? start : PROBE, rangeEnd: prefixEndBytes(enc.encode(prefix)), limit: opts?.limit ?? 0, revision,
    });
    const items = await Promise.all(res.kvs.map((kv) => kvFromEtcd(kv, this.leases)));
    return { revision: revision || res.revision, items, count: res.count, more: res.more };
  }

  async create(key: string, value: Uint8Array, opts?: CreateOptions): Promise<WriteResult> {
    const k = enc.encode(key);
    const lease = opts?.ttl ? await this.lease(opts.ttl) : 0n;
    const res = await this.txn([{ key: k, target: 'mod', result: 'equal', number: 0 }], [{ put: { key: k, value, lease } }], []);
    if (!res.succeeded) throw new KeyExistsError(key);
    return { revision: res.revision };
  }

  async update(key: string, value: Uint8Array, opts: UpdateOptions): Promise<WriteResult> {
    const k = enc.encode(key);
    const lease = opts.ttl ? await this.lease(opts.ttl) : 0n;
    const res = await this.txn([{ key: k, target: 'mod', result: 'equal', number: opts.expectedModRevision }],
      [{ put: { key: k, value, lease } }], [{ range: { key: k } }]);
    if (!res.succeeded) throw await this.mismatch(key, res);
    return { revision: res.revision };
  }

  async delete(key: string, opts?: DeleteOptions): Promise<DeleteResult> {
    const k = enc.encode(key);
    const expected = opts?.expectedModRevision;
    const cond: Compare = expected === undefined
      ? { key: k, target: 'mod', result: 'greater', number: 0 }
      : { key: k, target: 'mod', result: 'equal', number: expected };
    const res = await this.txn([cond], [{ deleteRange: { key: k, prevKv: true } }], [{ range: { key: k } }]);
    const prev: EtcdKv | undefined = res.responses[0]?.deleteRange?.prevKvs[0];
    if (!res.succeeded || !prev) throw await this.mismatch(key, res);
    return { revision: res.revision, prev: await kvFromEtcd(prev, this.leases) };
  }

  watch(prefix: string, opts: WatchOptions): AsyncIterable<readonly WatchEvent[]> {
    if (this.closed.signal.aborted) throw new DatastoreUnavailableError('etcd datastore is closed');
    // A stale "seen" could reach below a compaction; then let etcd pick "now" itself.
    const recent = this.seen > 0 && Date.now() - this.seenAt < 1000;
    const fromRevision = opts.fromRevision > 0 ? opts.fromRevision : recent ? this.seen + 1 : 0;
    return etcdWatch(this.client, this.leases, { prefix, fromRevision, signal: opts.signal, maxQueued: this.maxQueued }, this.closed.signal);
  }

  async compact(revision: number): Promise<void> {
    try {
      decodeHeaderOnly(await this.client.call('KV', 'Compact', encodeCompaction(revision)));
      this.compacted = Math.max(this.compacted, revision);
    } catch (err) {
      if (err instanceof EtcdRpcError && err.compacted) return;
      if (err instanceof EtcdRpcError && err.future) throw new FutureRevisionError(revision, await this.currentRevision());
      throw this.client.translate(err);
    }
  }

  async close(): Promise<void> {
    this.closed.abort();
    this.client.close();
  }

  private async lease(ttl: number): Promise<bigint> {
    try {
      return await this.leases.lease(ttl);
    } catch (err) {
      throw this.client.translate(err);
    }
  }

  private async range(req: RangeReq): Promise<ReturnType<typeof decodeRangeRes>> {
    this.checkOpen();
    const res = decodeRangeRes(await this.client.call('KV', 'Range', encodeRange(req)));
    this.observe(res.revision);
    return res;
  }

  /** A range whose revision errors become CompactedError/FutureRevisionError. */
  private async rangeAt(req: RangeReq): Promise<ReturnType<typeof decodeRangeRes>> {
    try {
      return await this.range(req);
    } catch (err) {
      const requested = req.revision ?? 0;
      if (err instanceof EtcdRpcError && err.compacted) throw new CompactedError(requested, await this.compactRevision());
      if (err instanceof EtcdRpcError && err.future) throw new FutureRevisionError(requested, await this.currentRevision());
      throw this.client.translate(err);
    }
  }

  private async txn(compare: Compare[], success: RequestOp[], failure: RequestOp[]): Promise<TxnRes> {
    this.checkOpen();
    try {
      const res = decodeTxnRes(await this.client.call('KV', 'Txn', encodeTxn(compare, success, failure)));
      this.observe(res.revision);
      return res;
    } catch (err) {
      throw this.client.translate(err);
    }
  }

  private async mismatch(key: string, res: TxnRes): Promise<RevisionMismatchError> {
    const cur = res.responses[0]?.range?.kvs[0];
    return new RevisionMismatchError(key, cur ? await kvFromEtcd(cur, this.leases) : undefined);
  }

  private observe(revision: number): void {
    if (revision >= this.seen) {
      this.seen = revision;
      this.seenAt = Date.now();
    }
  }

  private checkOpen(): void {
    if (this.closed.signal.aborted) throw new DatastoreUnavailableError('etcd datastore is closed');
  }
}

/** Connects to etcd (checking that it answers) and returns the backend. */
export async function openEtcd(ep: Extract<Endpoint, { kind: 'etcd' }>, tls: TlsFiles, tuning: StoreTuning = {}): Promise<Backend> {
  const client = new EtcdClient(ep.urls, tls, `etcd ${ep.display}`);
  const backend = new EtcdBackend(client, tuning.watchWindowEvents ?? 10_000);
  try {
    await backend.currentRevision();
  } catch (err) {
    client.close();
    const why = err instanceof Error ? err.message.replace(`etcd ${ep.display}: `, '') : String(err);
    throw new DatastoreUnavailableError(`cannot connect to datastore ${ep.display}: ${why}`);
  }
  return backend;
}
