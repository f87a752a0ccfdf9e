/**
 * @module The child of the crash test (test/integration/datastore-crash.test.ts): writes to a SQLite store as fast as 64 writers can and
 * reports each acknowledged write on stdout synchronously ("create|update <key> <revision>"),
 * until the parent SIGKILLs it. Not a test file itself.
 */
import { writeSync } from 'node:fs';
import { RevisionMismatchError } from '../backend.js';
import { openBackend } from '../open.js';

const path = process.argv[2];
if (!path) throw new Error('usage: datastore-crash-writer <db path>');
const store = await openBackend(`sqlite://${path}`, { tuning: { compaction: { intervalMs: 0 } } });
const report = (line: string): void => { writeSync(1, `${line}\n`); };
const value = new Uint8Array(512).fill(1);
const hot = Array.from({ length: 8 }, (_, i) => `/crash/hot-${i}`);
const revs = new Map<string, number>();
for (const key of hot) {
  const r = (await store.create(key, value)).revision;
  revs.set(key, r);
  report(`create ${key} ${r}`);
}
let n = 0;
const writer = async (): Promise<void> => {
  for (;;) {
    const i = n++;
    if (i % 4 === 0) {
      const key = hot[i % hot.length]!;
      try {
        const r = (await store.update(key, value, { expectedModRevision: revs.get(key)! })).revision;
        revs.set(key, r);
        report(`update ${key} ${r}`);
      } catch (err) {
        if (!(err instanceof RevisionMismatchError)) throw err;
        revs.set(key, err.current!.modRevision);
      }
    } else {
      const key = `/crash/obj-${i}`;
      report(`create ${key} ${(await store.create(key, value)).revision}`);
    }
  }
};
report('ready');
await Promise.all(Array.from({ length: 64 }, writer));
