/** @module LeaseReaper: TTL expiry against a controlled clock. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RevisionMismatchError, type WatchEvent } from '../backend.js';
import { waitFor } from '../testing/tap.js';
import { LeaseReaper } from './leases.js';

const put = (key: string, rev: number, lease: number): WatchEvent => ({ type: 'put', kv: { key, value: new Uint8Array(), createRevision: rev, modRevision: rev, lease } });

test('LeaseReaper expires a leased key once, unless it was rewritten or deleted', async () => {
  let clock = 1_000_000;
  const expired: string[] = [];
  const reaper = new LeaseReaper(async (key, rev) => {
    expired.push(`${key}@${rev}`);
    if (key === '/raced') throw new RevisionMismatchError(key, undefined);
  }, () => clock);
  reaper.observe([put('/a', 1, 1), put('/b', 2, 1), put('/c', 3, 1), put('/raced', 4, 1), put('/long', 5, 3600)]);
  reaper.observe([put('/b', 6, 0), { type: 'delete', kv: put('/c', 7, 0).kv, prev: put('/c', 3, 1).kv }]);
  clock += 1500;
  await waitFor(() => expired.length >= 2, 'two expiries');
  assert.deepEqual(expired.sort(), ['/a@1', '/raced@4']);
  reaper.close();
});
