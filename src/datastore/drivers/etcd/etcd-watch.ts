/**
 * @module One watch on etcd: a Watch stream with prev_kv from the requested revision. When the
 * stream breaks (etcd restarts, the network blips) it is reopened from the revision after the
 * last one delivered, so the caller sees no gap and no duplicate. Events wait in a bounded
 * queue; a consumer that lets it overflow gets WatchOverflowError and must re-list.
 */
import { messageOf } from '../../../base/errors.js';
import { logger } from '../../../base/log.js';
import { CompactedError, WatchOverflowError, type KeyValue, type WatchEvent } from '../../backend.js';
import { prefixEndBytes } from '../../keyrange.js';
import type { EtcdClient, WatchStream } from './client.js';
import type { EtcdLeases } from './leases.js';
import { decodeWatchRes, encodeWatchCreate, type EtcdEvent, type EtcdKv, type WatchRes } from './messages.js';

const log = logger('datastore');
const text = new TextDecoder();
const bytes = new TextEncoder();

export interface EtcdWatchOptions {
  readonly prefix: string;
  /** First revision to deliver; 0 for "from now". */
  readonly fromRevision: number;
  readonly signal?: AbortSignal | undefined;
  /** Events queued for a slow consumer before it is cut off. */
  readonly maxQueued: number;
}

function kvWith(kv: EtcdKv, lease: number): KeyValue {
  return { key: text.decode(kv.key), value: kv.value, createRevision: kv.createRevision, modRevision: kv.modRevision, lease };
}

/** Our KeyValue for an etcd one (the lease ID becomes the TTL in seconds). */
export async function kvFromEtcd(kv: EtcdKv, leases: EtcdLeases): Promise<KeyValue> {
  return kvWith(kv, leases.known(kv.lease) ?? await leases.ttl(kv.lease));
}

/** Resolves the TTLs of every lease an event names (a round trip only for unknown leases). */
async function learnLeases(events: readonly EtcdEvent[], leases: EtcdLeases): Promise<void> {
  for (const e of events) {
    for (const kv of [e.kv, e.prevKv]) if (kv && leases.known(kv.lease) === undefined) await leases.ttl(kv.lease);
  }
}

function known(events: readonly EtcdEvent[], leases: EtcdLeases): boolean {
  return events.every((e) => leases.known(e.kv.lease) !== undefined && (!e.prevKv || leases.known(e.prevKv.lease) !== undefined));
}

/** Our event for an etcd one; every lease it names must be known. */
function toEvent(e: EtcdEvent, leases: EtcdLeases): WatchEvent {
  const prev = e.prevKv ? kvWith(e.prevKv, leases.known(e.prevKv.lease) ?? 0) : undefined;
  if (e.type === 'put') {
    const kv = kvWith(e.kv, leases.known(e.kv.lease) ?? 0);
    return prev ? { type: 'put', kv, prev } : { type: 'put', kv };
  }
  // etcd's delete event has an empty value; ours carries the last state with the deletion revision.
  const kv: KeyValue = {
    key: text.decode(e.kv.key), value: prev?.value ?? new Uint8Array(0), createRevision: prev?.createRevision ?? 0,
    modRevision: e.kv.modRevision, lease: prev?.lease ?? 0,
  };
  return { type: 'delete', kv, prev: prev ?? kv };
}

export async function* etcdWatch(client: EtcdClient, leases: EtcdLeases, opts: EtcdWatchOptions, closed: AbortSignal): AsyncGenerator<readonly WatchEvent[]> {
  const key = bytes.encode(opts.prefix);
  const rangeEnd = prefixEndBytes(key);
  let next = opts.fromRevision;
  const queue: WatchEvent[][] = [];
  let queued = 0;
  let failure: unknown;
  let wake: (() => void) | undefined;
  let stream: WatchStream | undefined;
  let retry: NodeJS.Timeout | undefined;
  let chain = Promise.resolve();
  let lookups = 0;
  let backoff = 200;
  const poke = (): void => { const w = wake; wake = undefined; w?.(); };
  const stopped = (): boolean => closed.aborted || Boolean(opts.signal?.aborted) || failure !== undefined;

  const onResponse = (res: WatchRes): void => {
    if (res.created && next === 0) next = res.revision + 1;
    if (res.canceled) {
      failure = res.compactRevision > 0
        ? new CompactedError(next, res.compactRevision)
        : new WatchOverflowError(opts.prefix);
      if (res.compactRevision <= 0) log.warn(`etcd cancelled the watch on ${opts.prefix}: ${res.cancelReason}`);
      poke();
      return;
    }
    const last = res.events[res.events.length - 1];
    if (!last) return;
    next = last.kv.modRevision + 1;
    backoff = 200;
    const deliver = (): void => {
      if (failure !== undefined) return;
      const batch = res.events.map((e) => toEvent(e, leases));
      queue.push(batch);
      queued += batch.length;
      if (queued > opts.maxQueued) {
        queue.length = 0;
        queued = 0;
        failure = new WatchOverflowError(opts.prefix);
        stream?.cancel();
      }
      poke();
    };
    // Usually every lease is known and the batch is delivered at once; otherwise look the
    // unknown ones up first, keeping later batches behind it so the order holds.
    if (lookups === 0 && known(res.events, leases)) { deliver(); return; }
    lookups++;
    chain = chain.then(() => learnLeases(res.events, leases)).then(deliver, (err: unknown) => { failure = err; poke(); })
      .finally(() => { lookups--; });
  };

  const open = (): void => {
    retry = undefined;
    if (stopped()) return;
    const { stream: s, fail } = client.watchStream();
    stream = s;
    s.on('data', (buf: Uint8Array) => {
      try {
        onResponse(decodeWatchRes(buf));
      } catch (err) {
        failure = err;
        poke();
      }
    });
    const reopen = (err?: unknown): void => {
      if (stream !== s) return;
      stream = undefined;
      if (stopped()) return;
      fail();
      log.v(2, `etcd watch on ${opts.prefix} broke (${err ? messageOf(err) : 'ended'}); reopening from revision ${next}`);
      retry = setTimeout(open, backoff);
      backoff = Math.min(backoff * 2, 2000);
    };
    s.on('error', reopen);
    s.on('end', () => reopen());
    s.write(encodeWatchCreate({ key, rangeEnd, startRevision: next }));
  };

  const onAbort = (): void => poke();
  opts.signal?.addEventListener('abort', onAbort);
  closed.addEventListener('abort', onAbort);
  open();
  try {
    for (;;) {
      const batch = queue.shift();
      if (batch) {
        queued -= batch.length;
        yield batch;
        continue;
      }
      if (failure !== undefined) throw failure;
      if (closed.aborted || opts.signal?.aborted) return;
      await new Promise<void>((resolve) => { wake = resolve; });
    }
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    closed.removeEventListener('abort', onAbort);
    if (retry) clearTimeout(retry);
    const s = stream;
    stream = undefined;
    if (s) {
      s.removeAllListeners('data');
      s.on('error', () => undefined);
      s.cancel();
    }
  }
}
