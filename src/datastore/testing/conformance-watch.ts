/**
 * @module Conformance cases for watches: replay from a revision, "from now", prefixes, restarts
 * of the store, compaction, TTL expiry, the end of a watch.
 */
import assert from 'node:assert/strict';
import { CompactedError, type WatchEvent } from '../backend.js';
import type { ConformanceCase } from './conformance.js';
import { dec, enc, Tap, waitFor } from './tap.js';

/** Revisions strictly increase by event; returns them. */
function revisions(events: readonly WatchEvent[]): number[] {
  const revs = events.map((e) => e.kv.modRevision);
  revs.forEach((r, i) => { if (i > 0) assert.ok(r > revs[i - 1]!, `revision ${r} after ${revs[i - 1]}`); });
  return revs;
}

export const watchCases: readonly ConformanceCase[] = [
  {
    id: 'watch-history',
    title: 'watch() from a revision delivers every event in order with previous values',
    async run(ctx) {
      const s = await ctx.open();
      const r1 = (await s.create(ctx.k('a'), enc('1'))).revision;
      const r2 = (await s.update(ctx.k('a'), enc('2'), { expectedModRevision: r1 })).revision;
      await s.create(ctx.k('b'), enc('b'));
      const r4 = (await s.delete(ctx.k('a'))).revision;
      const tap = new Tap((signal) => s.watch(ctx.k(''), { fromRevision: r1, signal }));
      const past = await tap.take(4);
      assert.deepEqual(past.map((e) => [e.type, e.kv.key]), [['put', ctx.k('a')], ['put', ctx.k('a')], ['put', ctx.k('b')], ['delete', ctx.k('a')]]);
      assert.equal(past[0]!.prev, undefined);
      assert.equal(dec(past[1]!.kv.value), '2');
      assert.equal(past[1]!.kv.modRevision, r2);
      assert.equal(dec(past[1]!.prev!.value), '1');
      assert.equal(past[1]!.prev!.modRevision, r1);
      assert.equal(past[3]!.kv.modRevision, r4);
      assert.equal(dec(past[3]!.prev!.value), '2');
      // Then live events, continuing the same sequence.
      const r5 = (await s.create(ctx.k('c'), enc('c'))).revision;
      const all = await tap.take(5);
      assert.equal(all[4]!.kv.modRevision, r5);
      revisions(all);
      const fromMiddle = new Tap((signal) => s.watch(ctx.k(''), { fromRevision: r2, signal }));
      assert.deepEqual((await fromMiddle.take(4)).map((e) => e.kv.modRevision), all.slice(1).map((e) => e.kv.modRevision));
      await tap.close();
      await fromMiddle.close();
    },
  },
  {
    id: 'watch-now',
    title: 'watch() from 0 delivers only later events, and only under its prefix',
    async run(ctx) {
      const s = await ctx.open();
      await s.create(ctx.k('x/old'), enc('old'));
      const tap = new Tap((signal) => s.watch(ctx.k('x/'), { fromRevision: 0, signal }));
      await s.create(ctx.k('y/other'), enc('no'));
      await s.create(ctx.k('xy'), enc('no'));
      const r = (await s.create(ctx.k('x/new'), enc('yes'))).revision;
      const [ev] = await tap.take(1);
      assert.equal(ev!.kv.key, ctx.k('x/new'));
      assert.equal(ev!.kv.modRevision, r);
      await s.create(ctx.k('x/next'), enc('yes'));
      const evs = await tap.take(2);
      assert.deepEqual(evs.map((e) => e.kv.key), [ctx.k('x/new'), ctx.k('x/next')]);
      await tap.close();
    },
  },
  {
    id: 'watch-restart',
    title: 'watch() from a revision replays history after the store restarts',
    async run(ctx) {
      const first = await ctx.open();
      const r1 = (await first.create(ctx.k('a'), enc('1'))).revision;
      await first.update(ctx.k('a'), enc('2'), { expectedModRevision: r1 });
      await first.delete(ctx.k('a'));
      await first.close();
      const second = await ctx.open();
      const tap = new Tap((signal) => second.watch(ctx.k(''), { fromRevision: r1, signal }));
      const evs = await tap.take(3);
      assert.deepEqual(evs.map((e) => e.type), ['put', 'put', 'delete']);
      assert.equal(evs[0]!.kv.modRevision, r1);
      assert.equal(dec(evs[2]!.prev!.value), '2');
      const r4 = (await second.create(ctx.k('b'), enc('b'))).revision;
      const more = await tap.take(4);
      assert.equal(more[3]!.kv.modRevision, r4);
      revisions(more);
      await tap.close();
    },
  },
  {
    id: 'compaction',
    title: 'compact() drops history: older reads and watches throw CompactedError',
    async run(ctx) {
      const s = await ctx.open();
      const r1 = (await s.create(ctx.k('a'), enc('1'))).revision;
      const r2 = (await s.update(ctx.k('a'), enc('2'), { expectedModRevision: r1 })).revision;
      const r3 = (await s.create(ctx.k('b'), enc('b'))).revision;
      await s.delete(ctx.k('b'));
      const r5 = (await s.update(ctx.k('a'), enc('3'), { expectedModRevision: r2 })).revision;
      await s.compact(r3);
      assert.equal(await s.compactRevision(), r3);
      await assert.rejects(s.get(ctx.k('a'), { revision: r2 }), (e) => e instanceof CompactedError && e.compactRevision === r3);
      await assert.rejects(s.list(ctx.k(''), { revision: r1 }), CompactedError);
      // The state at the compaction revision itself stays readable.
      assert.equal(dec((await s.get(ctx.k('a'), { revision: r3 })).kv!.value), '2');
      assert.deepEqual((await s.list(ctx.k(''), { revision: r3 })).items.map((i) => i.key), [ctx.k('a'), ctx.k('b')]);
      const old = new Tap((signal) => s.watch(ctx.k(''), { fromRevision: r2, signal }));
      assert.ok((await old.end()) instanceof CompactedError);
      const ok = new Tap((signal) => s.watch(ctx.k(''), { fromRevision: r3, signal }));
      const evs = await ok.take(3);
      assert.deepEqual(evs.map((e) => e.kv.modRevision), [r3, r3 + 1, r5]);
      assert.equal(dec(evs[2]!.prev!.value), '2');
      await ok.close();
      assert.equal(dec((await s.get(ctx.k('a'))).kv!.value), '3');
    },
  },
  {
    id: 'ttl',
    title: 'a key created with a ttl disappears by itself with a delete event',
    async run(ctx) {
      const s = await ctx.open();
      const start = await s.currentRevision();
      await s.create(ctx.k('stays'), enc('x'));
      const r = (await s.create(ctx.k('event'), enc('gone soon'), { ttl: 1 })).revision;
      assert.equal((await s.get(ctx.k('event'))).kv!.lease, 1);
      const tap = new Tap((signal) => s.watch(ctx.k(''), { fromRevision: start + 1, signal }));
      const evs = await tap.take(3, 30_000);
      const del = evs[2]!;
      assert.equal(del.type, 'delete');
      assert.equal(del.kv.key, ctx.k('event'));
      assert.equal(del.prev?.modRevision, r);
      assert.equal((await s.get(ctx.k('event'))).kv, undefined);
      assert.ok((await s.get(ctx.k('stays'))).kv);
      await tap.close();
    },
  },
  {
    id: 'watch-end',
    title: 'watch() ends when its signal aborts and when the store closes',
    async run(ctx) {
      const s = await ctx.open();
      const aborted = new Tap((signal) => s.watch(ctx.k(''), { fromRevision: 0, signal }));
      const closed = new Tap(() => s.watch(ctx.k(''), { fromRevision: 0 }));
      await s.create(ctx.k('a'), enc('a'));
      await aborted.take(1);
      await closed.take(1);
      await aborted.close();
      assert.equal(aborted.error, undefined);
      await s.close();
      await waitFor(() => closed.ended, 'the watch to end when the store closes');
    },
  },
];
