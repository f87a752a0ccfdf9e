import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import type { ApiHandler } from '../apiserver/http/handler.js';
import type { UserInfo } from '../apiserver/auth/authenticator.js';
import { startTestServer } from './testing/fixture.js';

function get(url: string, c: { ca: string; cert?: string; key?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca: c.ca, agent: false, ...(c.cert ? { cert: c.cert, key: c.key } : {}) }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

test('startServer() hands authenticated requests to the ApiHandler with the user and a signal that aborts on close', async (t) => {
  const seen: UserInfo[] = [];
  let aborted: Promise<void> | undefined;
  const api: ApiHandler = {
    handle(req, res, { user, signal }) {
      seen.push(user);
      if (req.url === '/boom') throw new Error('handler bug');
      if (req.url === '/hang') {
        res.writeHead(200);
        res.write('started\n');
        aborted = new Promise((r) => signal.addEventListener('abort', () => { res.end(); r(); }, { once: true }));
        return;
      }
      res.end('hello');
    },
  };
  const c = await startTestServer(t, { api });
  const server = c.server;
  assert.equal(server.url, `https://127.0.0.1:${server.port}`);
  assert.deepEqual(await get(`${server.url}/anything`, c), { status: 200, body: 'hello' });
  assert.deepEqual(seen[0], { name: 'system:admin', groups: ['system:masters', 'system:authenticated'] });
  const boom = await get(`${server.url}/boom`, c);
  assert.equal(boom.status, 500);
  assert.match(boom.body, /"reason":"InternalError".*handler bug/);
  assert.equal((await get(`${server.url}/anything`, { ca: c.ca })).status, 401);
  // A long-running answer (a watch) ends when the server shuts down.
  const hanging = get(`${server.url}/hang`, c);
  while (!aborted) await new Promise((r) => setTimeout(r, 5));
  await server.close();
  await aborted;
  assert.deepEqual(await hanging, { status: 200, body: 'started\n' });
});

test('startServer() survives garbage: plain HTTP, broken TLS, malformed requests', async (t) => {
  const c = await startTestServer(t);
  const server = c.server;
  const { connect } = await import('node:net');
  const { connect: tlsConnect } = await import('node:tls');
  const send = (bytes: string | Buffer) => new Promise<void>((resolve) => {
    const s = connect(server.port, '127.0.0.1', () => s.end(bytes));
    s.on('error', () => resolve());
    s.on('close', () => resolve());
    s.resume();
  });
  await send('GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n');
  await send(Buffer.from([0x16, 0x03, 0x01, 0xff, 0xff, 1, 2, 3]));
  await new Promise<void>((resolve) => {
    const s = tlsConnect({ port: server.port, host: '127.0.0.1', rejectUnauthorized: false }, () => s.end('NOT HTTP AT ALL\r\n\r\n\u0000\u0001'));
    s.on('error', () => resolve());
    s.on('close', () => resolve());
    s.resume();
  });
  assert.deepEqual(await get(`${server.url}/readyz`, { ca: c.ca }), { status: 200, body: 'ok' });
});
