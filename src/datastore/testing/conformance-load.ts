/**
 * @module Conformance cases under concurrency and volume: racing writers, 10,000 keys, a slow
 * watcher, and two stores (two servers) on one database.
 */
import assert from 'node:assert/strict';
import { KeyExistsError, RevisionMismatchError, WatchOverflowError, type Backend } from '../backend.js';
import type { ConformanceCase } from './conformance.js';
import { enc, Tap } from './tap.js';

/** Runs `fn(i)` for i in [0, n) with at most `width` in flight. */
export async function pool(n: number, width: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => { while (next < n) await fn(next++); };
  await Promise.all(Array.from({ length: Math.min(width, n) }, worker));
}

/** Races `n` updates per store on one key; exactly one may win. */
async function raceUpdates(stores: readonly Backend[], key: string, n: number): Promise<void> {
  const base = (await stores[0]!.get(key)).kv!.modRevision;
  const attempts = stores.flatMap((s, si) => Array.from({ length: n }, (_, i) =>
    s.update(key, enc(`w${si}-${i}`), { expectedModRevision: base })));
  const results = await Promise.allSettled(attempts);
  const won = results.filter((r) => r.status === 'fulfilled');
  assert.equal(won.length, 1, 'exactly one racing update wins');
  const winner = (won[0] as PromiseFulfilledResult<{ revision: number }>).value.revision;
  for (const r of results) {
    if (r.status === 'fulfilled') continue;
    assert.ok(r.reason instanceof RevisionMismatchError, String(r.reason));
    assert.equal(r.reason.current?.modRevision, winner);
  }
}

export const loadCases: readonly ConformanceCase[] = [
  {
    id: 'race-update',
    title: 'concurrent updates of one key with the same expectedModRevision: exactly one wins',
    async run(ctx) {
      const s = await ctx.open();
      await s.create(ctx.k('hot'), enc('0'));
      await raceUpdates([s], ctx.k('hot'), 20);
    },
  },
  {
    id: 'race-create',
    title: 'concurrent creates of one key: exactly one wins, the others get KeyExistsError',
    async run(ctx) {
      const s = await ctx.open();
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => s.create(ctx.k('new'), enc(String(i)))));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof KeyExistsError);
    },
  },
  {
    id: 'ten-thousand',
    title: '10,000 keys are created concurrently, then listed, paged and counted',
    async run(ctx) {
      const s = await ctx.open();
      const N = 10_000;
      const name = (i: number): string => ctx.k(`obj/${String(i).padStart(5, '0')}`);
      const revs = new Set<number>();
      await pool(N, 64, async (i) => { revs.add((await s.create(name(i), enc(`value-${i}`))).revision); });
      assert.equal(revs.size, N, 'every create got its own revision');
      const all = await s.list(ctx.k('obj/'));
      assert.equal(all.count, N);
      assert.equal(all.items.length, N);
      assert.equal(all.items[1234]!.key, name(1234));
      let pages = 0, seen = 0, start: string | undefined;
      for (;;) {
        const page = await s.list(ctx.k('obj/'), { limit: 1000, revision: all.revision, ...(start ? { startKey: start } : {}) });
        pages++;
        seen += page.items.length;
        assert.equal(page.count, N - seen + page.items.length);
        if (!page.more) break;
        start = `${page.items[page.items.length - 1]!.key}\u0000`;
      }
      assert.equal(seen, N);
      assert.equal(pages, 10);
    },
  },
  {
    id: 'overflow',
    title: 'a watcher that falls behind ends with WatchOverflowError and does not slow the others',
    async run(ctx) {
      const s = await ctx.open({ watchWindowEvents: 20 });
      const slow = new Tap((signal) => s.watch(ctx.k(''), { fromRevision: 0, signal }));
      const fast = new Tap((signal) => s.watch(ctx.k(''), { fromRevision: 0, signal }));
      await s.create(ctx.k('first'), enc('x'));
      await slow.take(1);
      slow.pause();
      await pool(200, 8, async (i) => { await s.create(ctx.k(`burst/${i}`), enc('y')); });
      await fast.take(201);
      slow.unpause();
      assert.ok((await slow.end()) instanceof WatchOverflowError, `slow watcher ended with ${String(slow.error)}`);
      await fast.close();
    },
  },
  {
    id: 'two-stores',
    title: 'two stores on one database see each other\'s writes; racing updates across them: one wins',
    async run(ctx) {
      const writer = await ctx.open();
      const watcher = await ctx.open();
      const start = await watcher.currentRevision();
      const tap2 = new Tap((signal) => watcher.watch(ctx.k(''), { fromRevision: start + 1, signal }));
      for (let i = 0; i < 5; i++) await writer.create(ctx.k(`w/${i}`), enc(String(i)));
      const evs = await tap2.take(5);
      assert.deepEqual(evs.map((e) => e.kv.key), [0, 1, 2, 3, 4].map((i) => ctx.k(`w/${i}`)));
      assert.equal((await watcher.get(ctx.k('w/3'))).kv?.modRevision, evs[3]!.kv.modRevision);
      const back = new Tap((signal) => writer.watch(ctx.k('r/'), { fromRevision: evs[4]!.kv.modRevision + 1, signal }));
      await watcher.create(ctx.k('r/1'), enc('from the watcher'));
      assert.equal((await back.take(1))[0]!.kv.key, ctx.k('r/1'));
      await raceUpdates([writer, watcher], ctx.k('r/1'), 10);
      await Promise.all([tap2.close(), back.close()]);
    },
  },
];
