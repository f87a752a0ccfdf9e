import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { statusErrors } from '../../api/status.js';
import { readBody, writeError } from './respond.js';

test('readBody() returns the body and answers 413 past the limit; writeError() sends the Status', async (t) => {
  const server = createServer((req, res) => {
    readBody(req, { limit: 10 }).then((b) => { res.end(b); }, (err: unknown) => writeError(res, err));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise((r) => server.close(() => r(undefined))));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  assert.equal(await (await fetch(url, { method: 'POST', body: '0123456789' })).text(), '0123456789');
  const big = await fetch(url, { method: 'POST', body: '0123456789x' });
  assert.equal(big.status, 413);
  assert.equal(big.headers.get('content-type'), 'application/json');
  assert.deepEqual(await big.json(), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Request entity too large: limit is 10', reason: 'RequestEntityTooLarge', code: 413 });
});

test('writeError() turns a plain Error into a 500 InternalError and sets Retry-After when asked', async (t) => {
  let which = 0;
  const server = createServer((_req, res) => writeError(res, which++ === 0 ? new Error('boom') : statusErrors.tooManyRequests('slow down', 3)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise((r) => server.close(() => r(undefined))));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const a = await fetch(url);
  assert.equal(a.status, 500);
  assert.equal(((await a.json()) as { reason: string }).reason, 'InternalError');
  const b = await fetch(url);
  assert.equal(b.status, 429);
  assert.equal(b.headers.get('retry-after'), '3');
});
