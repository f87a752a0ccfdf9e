import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HealthRegistry } from './health.js';

async function serve(reg: HealthRegistry, t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const server: Server = createServer((req, res) => void reg.handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function get(url: string): Promise<[number, string]> {
  const res = await fetch(url);
  return [res.status, await res.text()];
}

test('HealthRegistry answers ok, and lists checks with ?verbose as kube-apiserver does', async (t) => {
  const reg = new HealthRegistry();
  reg.add('ping', () => undefined);
  reg.add('etcd', async () => undefined);
  reg.add('shutdown', () => undefined, { endpoints: ['readyz'] });
  const base = await serve(reg, t);
  assert.deepEqual(await get(`${base}/readyz`), [200, 'ok']);
  assert.deepEqual(await get(`${base}/readyz?verbose`), [200, '[+]ping ok\n[+]etcd ok\n[+]shutdown ok\nreadyz check passed\n']);
  assert.deepEqual(await get(`${base}/livez?verbose`), [200, '[+]ping ok\n[+]etcd ok\nlivez check passed\n']);
  assert.deepEqual(await get(`${base}/healthz?verbose=1&exclude=etcd`), [200, '[+]ping ok\n[+]etcd excluded: ok\nhealthz check passed\n']);
  const res = await fetch(`${base}/healthz`);
  assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
});

test('a failing check gives 500 with the reason withheld; single checks answer alone', async (t) => {
  const reg = new HealthRegistry();
  reg.add('ping', () => undefined);
  reg.add('etcd', () => { throw new Error('connection refused to 10.0.0.1'); });
  const base = await serve(reg, t);
  assert.deepEqual(await get(`${base}/readyz`), [500, '[+]ping ok\n[-]etcd failed: reason withheld\nreadyz check failed\n']);
  assert.deepEqual(await get(`${base}/readyz?exclude=etcd`), [200, 'ok']);
  assert.deepEqual(await get(`${base}/readyz/ping`), [200, 'ok']);
  assert.deepEqual(await get(`${base}/readyz/etcd`), [500, 'internal server error: connection refused to 10.0.0.1\n']);
  const [code, body] = await get(`${base}/readyz/nope`);
  assert.equal(code, 404);
  assert.equal(JSON.parse(body).reason, 'NotFound');
});

test('HealthRegistry.add() refuses duplicate names and matches() only health paths', () => {
  const reg = new HealthRegistry();
  reg.add('ping', () => undefined);
  assert.throws(() => reg.add('ping', () => undefined), /registered twice/);
  assert.equal(reg.matches('/readyz/ping'), true);
  assert.equal(reg.matches('/healthz'), true);
  assert.equal(reg.matches('/api'), false);
  assert.equal(reg.matches('/readyzz'), false);
});
