/**
 * @module Conformance cases for reads and writes: create/get/update/delete with revision
 * preconditions, reads at historical revisions, list with prefix, limit, continuation and count.
 */
import assert from 'node:assert/strict';
import { FutureRevisionError, KeyExistsError, RevisionMismatchError } from '../backend.js';
import type { CaseContext, ConformanceCase } from './conformance.js';
import { dec, enc } from './tap.js';

const keysOf = (items: readonly { key: string }[]): string[] => items.map((i) => i.key);

export const basicCases: readonly ConformanceCase[] = [
  {
    id: 'create-get',
    title: 'create() and get() store a value at a new, strictly increasing revision',
    async run(ctx: CaseContext) {
      const s = await ctx.open();
      const r0 = await s.currentRevision();
      const a = await s.create(ctx.k('a'), enc('one'));
      assert.ok(a.revision > r0);
      const b = await s.create(ctx.k('b'), enc('two'));
      assert.ok(b.revision > a.revision);
      assert.equal(await s.currentRevision(), b.revision);
      const got = await s.get(ctx.k('a'));
      assert.equal(got.revision, b.revision);
      assert.ok(got.kv);
      assert.equal(dec(got.kv.value), 'one');
      assert.equal(got.kv.key, ctx.k('a'));
      assert.equal(got.kv.createRevision, a.revision);
      assert.equal(got.kv.modRevision, a.revision);
      assert.equal(got.kv.lease, 0);
      assert.equal((await s.get(ctx.k('missing'))).kv, undefined);
    },
  },
  {
    id: 'create-exists',
    title: 'create() on an existing key throws KeyExistsError and uses no revision',
    async run(ctx) {
      const s = await ctx.open();
      await s.create(ctx.k('a'), enc('one'));
      const before = await s.currentRevision();
      await assert.rejects(s.create(ctx.k('a'), enc('two')), (e) => e instanceof KeyExistsError && e.key === ctx.k('a'));
      assert.equal(await s.currentRevision(), before);
      assert.equal(dec((await s.get(ctx.k('a'))).kv!.value), 'one');
    },
  },
  {
    id: 'update',
    title: 'update() needs the current modRevision and returns the current value on a mismatch',
    async run(ctx) {
      const s = await ctx.open();
      const c = await s.create(ctx.k('a'), enc('v1'));
      const u = await s.update(ctx.k('a'), enc('v2'), { expectedModRevision: c.revision });
      assert.ok(u.revision > c.revision);
      const kv = (await s.get(ctx.k('a'))).kv!;
      assert.equal(dec(kv.value), 'v2');
      assert.equal(kv.createRevision, c.revision);
      assert.equal(kv.modRevision, u.revision);
      const before = await s.currentRevision();
      await assert.rejects(s.update(ctx.k('a'), enc('v3'), { expectedModRevision: c.revision }), (e) => {
        assert.ok(e instanceof RevisionMismatchError);
        assert.equal(e.current?.modRevision, u.revision);
        assert.equal(dec(e.current.value), 'v2');
        return true;
      });
      await assert.rejects(s.update(ctx.k('nope'), enc('x'), { expectedModRevision: 1 }),
        (e) => e instanceof RevisionMismatchError && e.current === undefined);
      assert.equal(await s.currentRevision(), before);
      const t = await s.update(ctx.k('a'), enc('v3'), { expectedModRevision: u.revision, ttl: 3600 });
      assert.equal((await s.get(ctx.k('a'))).kv!.lease, 3600);
      assert.equal((await s.get(ctx.k('a'))).kv!.modRevision, t.revision);
    },
  },
  {
    id: 'delete',
    title: 'delete() removes a key, returns its last value and honours expectedModRevision',
    async run(ctx) {
      const s = await ctx.open();
      const a = await s.create(ctx.k('a'), enc('A'));
      const b = await s.create(ctx.k('b'), enc('B'));
      await assert.rejects(s.delete(ctx.k('a'), { expectedModRevision: b.revision }),
        (e) => e instanceof RevisionMismatchError && e.current?.modRevision === a.revision);
      const d = await s.delete(ctx.k('a'), { expectedModRevision: a.revision });
      assert.ok(d.revision > b.revision);
      assert.equal(dec(d.prev.value), 'A');
      assert.equal(d.prev.modRevision, a.revision);
      assert.equal((await s.get(ctx.k('a'))).kv, undefined);
      const d2 = await s.delete(ctx.k('b'));
      assert.equal(dec(d2.prev.value), 'B');
      await assert.rejects(s.delete(ctx.k('b')), (e) => e instanceof RevisionMismatchError && e.current === undefined);
      // A deleted key can be created again, with a new createRevision.
      const again = await s.create(ctx.k('a'), enc('A2'));
      assert.equal((await s.get(ctx.k('a'))).kv!.createRevision, again.revision);
    },
  },
  {
    id: 'get-history',
    title: 'get() reads at historical revisions and throws FutureRevisionError past the current one',
    async run(ctx) {
      const s = await ctx.open();
      const r1 = (await s.create(ctx.k('a'), enc('1'))).revision;
      const r2 = (await s.update(ctx.k('a'), enc('2'), { expectedModRevision: r1 })).revision;
      const r3 = (await s.delete(ctx.k('a'))).revision;
      assert.equal(dec((await s.get(ctx.k('a'), { revision: r1 })).kv!.value), '1');
      const at2 = await s.get(ctx.k('a'), { revision: r2 });
      assert.equal(at2.revision, r2);
      assert.equal(dec(at2.kv!.value), '2');
      assert.equal((await s.get(ctx.k('a'), { revision: r3 })).kv, undefined);
      assert.equal((await s.get(ctx.k('a'), { revision: r1 - 1 })).kv, undefined);
      await assert.rejects(s.get(ctx.k('a'), { revision: r3 + 1000 }), FutureRevisionError);
      await assert.rejects(s.list(ctx.k(''), { revision: r3 + 1000 }), FutureRevisionError);
    },
  },
  {
    id: 'list',
    title: 'list() filters by prefix, pages with startKey and limit, and counts the rest',
    async run(ctx) {
      const s = await ctx.open();
      for (const n of ['p/c', 'p/a', 'p/e', 'p/b', 'p/d', 'q/x', 'pp']) await s.create(ctx.k(n), enc(n));
      const all = await s.list(ctx.k('p/'));
      assert.deepEqual(keysOf(all.items), ['a', 'b', 'c', 'd', 'e'].map((x) => ctx.k(`p/${x}`)));
      assert.equal(all.count, 5);
      assert.equal(all.more, false);
      const page1 = await s.list(ctx.k('p/'), { limit: 2 });
      assert.deepEqual(keysOf(page1.items), [ctx.k('p/a'), ctx.k('p/b')]);
      assert.equal(page1.count, 5);
      assert.equal(page1.more, true);
      const page2 = await s.list(ctx.k('p/'), { limit: 2, startKey: `${ctx.k('p/b')}\u0000`, revision: page1.revision });
      assert.deepEqual(keysOf(page2.items), [ctx.k('p/c'), ctx.k('p/d')]);
      assert.equal(page2.count, 3);
      assert.equal(page2.more, true);
      const page3 = await s.list(ctx.k('p/'), { limit: 2, startKey: `${ctx.k('p/d')}\u0000`, revision: page1.revision });
      assert.deepEqual(keysOf(page3.items), [ctx.k('p/e')]);
      assert.equal(page3.more, false);
      assert.equal(page3.count, 1);
      const whole = await s.list(ctx.k(''));
      assert.equal(whole.count, 7);
      assert.equal(dec(whole.items.find((i) => i.key === ctx.k('q/x'))!.value), 'q/x');
    },
  },
  {
    id: 'list-paging',
    title: 'list() at a fixed revision stays consistent while writes go on',
    async run(ctx) {
      const s = await ctx.open();
      for (let i = 0; i < 10; i++) await s.create(ctx.k(`k${i}`), enc(`v${i}`));
      const first = await s.list(ctx.k(''), { limit: 4 });
      await s.delete(ctx.k('k5'));
      await s.update(ctx.k('k6'), enc('changed'), { expectedModRevision: (await s.get(ctx.k('k6'))).kv!.modRevision });
      await s.create(ctx.k('k55'), enc('new'));
      const seen = [...first.items];
      let last = first.items[first.items.length - 1]!.key;
      for (;;) {
        const page = await s.list(ctx.k(''), { limit: 4, startKey: `${last}\u0000`, revision: first.revision });
        assert.equal(page.revision, first.revision);
        seen.push(...page.items);
        if (!page.more) break;
        last = page.items[page.items.length - 1]!.key;
      }
      assert.deepEqual(keysOf(seen), Array.from({ length: 10 }, (_, i) => ctx.k(`k${i}`)));
      assert.equal(dec(seen[6]!.value), 'v6');
      const now = await s.list(ctx.k(''));
      assert.equal(now.count, 10);
      assert.ok(!keysOf(now.items).includes(ctx.k('k5')));
      assert.equal(dec(now.items.find((i) => i.key === ctx.k('k6'))!.value), 'changed');
    },
  },
  {
    id: 'binary',
    title: 'values are stored byte for byte, including empty ones',
    async run(ctx) {
      const s = await ctx.open();
      const bytes = new Uint8Array(256).map((_, i) => i);
      await s.create(ctx.k('bin'), bytes);
      await s.create(ctx.k('empty'), new Uint8Array(0));
      await s.create(ctx.k('ünï/ключ'), enc('k8s\u0000proto'));
      assert.deepEqual([...(await s.get(ctx.k('bin'))).kv!.value], [...bytes]);
      assert.equal((await s.get(ctx.k('empty'))).kv!.value.length, 0);
      assert.equal(dec((await s.get(ctx.k('ünï/ключ'))).kv!.value), 'k8s\u0000proto');
    },
  },
];
