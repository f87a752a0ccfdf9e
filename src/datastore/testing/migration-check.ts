/**
 * @module A migration check shared by the migrate tests: fills a source with live keys, deleted
 * keys, history and TTL keys, migrates, and compares the target's live keys with the source's.
 */
import assert from 'node:assert/strict';
import type { Backend } from '../backend.js';
import { migrate } from '../migrate.js';
import { pool } from './conformance-load.js';
import { dec, enc } from './tap.js';

/** Fills `from` (n live keys plus churn), migrates into `to`, and checks the copy. */
export async function checkMigration(from: Backend, to: Backend, n = 1200): Promise<void> {
  await pool(n, 32, async (i) => { await from.create(`/registry/configmaps/ns/${String(i).padStart(5, '0')}`, enc(`v${i}`)); });
  for (let i = 0; i < 20; i++) {
    const key = `/registry/configmaps/ns/${String(i).padStart(5, '0')}`;
    const kv = (await from.get(key)).kv!;
    await from.update(key, enc(`changed${i}`), { expectedModRevision: kv.modRevision });
  }
  for (let i = 20; i < 30; i++) await from.delete(`/registry/configmaps/ns/${String(i).padStart(5, '0')}`);
  await from.create('/registry/events/ns/e1', enc('event'), { ttl: 3600 });
  const source = await from.list('');
  let progress = 0;
  const result = await migrate({ from, to, pageSize: 250, onProgress: (c) => { progress = c; } });
  assert.equal(result.copied, source.count);
  assert.equal(progress, source.count);
  const target = await to.list('');
  assert.deepEqual(target.items.map((kv) => kv.key), source.items.map((kv) => kv.key));
  target.items.forEach((kv, i) => assert.equal(dec(kv.value), dec(source.items[i]!.value)));
  assert.equal((await to.get('/registry/events/ns/e1')).kv?.lease, 3600);
  assert.equal((await to.get('/registry/configmaps/ns/00025')).kv, undefined);
  assert.equal(dec((await to.get('/registry/configmaps/ns/00003')).kv!.value), 'changed3');
  // A second run refuses the non-empty target; with overwrite it replaces.
  await assert.rejects(migrate({ from, to }), /already holds/);
  assert.equal((await migrate({ from, to, overwrite: true })).copied, source.count);
}
