import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeWatch } from './watch-decoder.js';
import { ExpiredError, TransportError } from './errors.js';
import type { KubeObject, WatchEvent } from './types.js';

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield Buffer.from(p);
}

async function collect(body: AsyncIterable<Uint8Array>): Promise<WatchEvent<KubeObject>[]> {
  const out: WatchEvent<KubeObject>[] = [];
  for await (const e of decodeWatch<KubeObject>(body)) out.push(e);
  return out;
}

test('decodeWatch() yields events split across and within chunks', async () => {
  const a = JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'a', resourceVersion: '1' } } });
  const b = JSON.stringify({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '5' } } });
  const evs = await collect(chunks(a.slice(0, 10), a.slice(10) + '\n' + b + '\n', ''));
  assert.deepEqual(evs.map((e) => e.type), ['ADDED', 'BOOKMARK']);
  assert.equal(evs[1]?.object.metadata.resourceVersion, '5');
});

test('decodeWatch() throws ExpiredError for a 410 ERROR event', async () => {
  const err = { type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'too old resource version: 1 (5)', reason: 'Expired', code: 410 } };
  await assert.rejects(collect(chunks(JSON.stringify(err) + '\n')), (e: unknown) => e instanceof ExpiredError && /too old/.test(e.message));
});

test('decodeWatch() rejects malformed events', async () => {
  await assert.rejects(collect(chunks('{"type":"ADDED"}\n')), TransportError);
  await assert.rejects(collect(chunks('not json\n')), TransportError);
});
