/**
 * @module The datastore benchmark's phases, run against any Backend: acknowledged creates with
 * 1 and 64 writers (throughput, p50/p99 latency), watch delivery latency during the 64-writer
 * phase (same store, and a second store on the same database where that means something),
 * point reads, and listing 10,000 keys.
 */
import type { Backend, WatchEvent } from '../../src/datastore/backend.js';

export interface Sizes {
  readonly single: number;
  readonly parallel: number;
  readonly reads: number;
  readonly listRounds: number;
  readonly valueBytes: number;
}

export interface Result {
  readonly backend: string;
  readonly durable: boolean;
  readonly create1: { perSec: number; p50Ms: number; p99Ms: number };
  readonly create64: { perSec: number; p50Ms: number; p99Ms: number };
  readonly watch: { p50Ms: number; p99Ms: number; events: number };
  readonly watchOther?: { p50Ms: number; p99Ms: number; events: number } | undefined;
  readonly readsPerSec: number;
  readonly list10k: { ms: number; items: number };
}

const now = (): number => performance.now();

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (n: number, d = 2): number => Number(n.toFixed(d));

/** Creates `n` keys with `width` writers; returns throughput, latencies and ack times by revision. */
async function creates(store: Backend, prefix: string, n: number, width: number, value: Uint8Array): Promise<{ perSec: number; p50Ms: number; p99Ms: number; acked: Map<number, number> }> {
  const lat: number[] = [];
  const acked = new Map<number, number>();
  let next = 0;
  const start = now();
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) {
      const i = next++;
      const t0 = now();
      const { revision } = await store.create(`${prefix}${String(i).padStart(6, '0')}`, value);
      const t1 = now();
      lat.push(t1 - t0);
      acked.set(revision, t1);
    }
  }));
  const secs = (now() - start) / 1000;
  lat.sort((a, b) => a - b);
  return { perSec: Math.round(n / secs), p50Ms: round(percentile(lat, 50)), p99Ms: round(percentile(lat, 99)), acked };
}

/** Collects receive times of events under prefix until `stop` aborts. */
function collect(store: Backend, prefix: string, from: number, stop: AbortSignal): { seen: Map<number, number>; done: Promise<void> } {
  const seen = new Map<number, number>();
  const done = (async () => {
    for await (const batch of store.watch(prefix, { fromRevision: from, signal: stop })) {
      const t = now();
      for (const ev of batch as readonly WatchEvent[]) seen.set(ev.kv.modRevision, t);
    }
  })();
  return { seen, done };
}

/** Delivery latency: event received minus write acknowledged (0 when the event came first). */
function delivery(acked: Map<number, number>, seen: Map<number, number>): { p50Ms: number; p99Ms: number; events: number } {
  const lat: number[] = [];
  for (const [rev, t] of acked) {
    const r = seen.get(rev);
    if (r !== undefined) lat.push(Math.max(0, r - t));
  }
  lat.sort((a, b) => a - b);
  return { p50Ms: round(percentile(lat, 50)), p99Ms: round(percentile(lat, 99)), events: lat.length };
}

async function waitSeen(seen: Map<number, number>, revs: Iterable<number>, timeoutMs = 60_000): Promise<void> {
  const want = [...revs];
  const until = Date.now() + timeoutMs;
  while (!want.every((r) => seen.has(r)) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

/** Runs every phase on `store` (and `other`, a second store on the same database, if given). */
export async function measure(name: string, durable: boolean, store: Backend, other: Backend | undefined, sizes: Sizes): Promise<Result> {
  const value = new Uint8Array(sizes.valueBytes).fill(120);
  const run = `/bench/${Date.now()}`;
  const create1 = await creates(store, `${run}/one/`, sizes.single, 1, value);

  const stop = new AbortController();
  const from = (await store.currentRevision()) + 1;
  const same = collect(store, `${run}/many/`, from, stop.signal);
  const far = other ? collect(other, `${run}/many/`, from, stop.signal) : undefined;
  const create64 = await creates(store, `${run}/many/`, sizes.parallel, 64, value);
  await waitSeen(same.seen, create64.acked.keys());
  if (far) await waitSeen(far.seen, create64.acked.keys());
  stop.abort();
  await Promise.all([same.done, far?.done].map((p) => p?.catch(() => undefined)));

  let next = 0;
  const t0 = now();
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < sizes.reads) {
      const i = next++ % sizes.parallel;
      await store.get(`${run}/many/${String(i).padStart(6, '0')}`);
    }
  }));
  const readsPerSec = Math.round(sizes.reads / ((now() - t0) / 1000));

  const listTimes: number[] = [];
  let items = 0;
  for (let i = 0; i < sizes.listRounds; i++) {
    const l0 = now();
    items = (await store.list(`${run}/many/`)).items.length;
    listTimes.push(now() - l0);
  }
  listTimes.sort((a, b) => a - b);
  return {
    backend: name, durable,
    create1: { perSec: create1.perSec, p50Ms: create1.p50Ms, p99Ms: create1.p99Ms },
    create64: { perSec: create64.perSec, p50Ms: create64.p50Ms, p99Ms: create64.p99Ms },
    watch: delivery(create64.acked, same.seen),
    watchOther: far ? delivery(create64.acked, far.seen) : undefined,
    readsPerSec,
    list10k: { ms: round(percentile(listTimes, 50), 1), items },
  };
}
