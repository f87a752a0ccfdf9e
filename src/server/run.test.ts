import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { join } from 'node:path';
import { SERVER_FLAGS } from '../cli/flags/server.js';
import { resolveCommandSettings } from '../cli/settings.js';
import { resolveServerConfig } from '../config/server-config.js';
import { currentHost } from '../config/host.js';
import { setLogSink } from '../base/log.js';
import { tempDir } from '../base/testing/tmp.js';
import type { ApiHandler } from '../apiserver/http/handler.js';
import type { UserInfo } from '../apiserver/auth/authenticator.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { startServer } from './run.js';

function creds(kubeconfig: string): { ca: string; cert: string; key: string } {
  const doc = parse(readFileSync(kubeconfig, 'utf8')) as { clusters: [{ cluster: Record<string, string> }]; users: [{ user: Record<string, string> }] };
  const b = (s: string | undefined): string => Buffer.from(s ?? '', 'base64').toString();
  return { ca: b(doc.clusters[0].cluster['certificate-authority-data']), cert: b(doc.users[0].user['client-certificate-data']), key: b(doc.users[0].user['client-key-data']) };
}

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
  const prev = setLogSink({ write: () => undefined });
  t.after(() => { setLogSink(prev); });
  const dir = tempDir(t, 'k3ts-run-');
  const kc = join(dir, 'kc.yaml');
  const flags = (await resolveCommandSettings(SERVER_FLAGS, ['-d', join(dir, 'data'), '--https-listen-port', '0', '-o', kc, '--bind-address', '127.0.0.1'], { env: { K3S_CONFIG_FILE: join(dir, 'none.yaml') } })).flags;
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
  const server = await startServer(resolveServerConfig(flags, currentHost()), { api });
  const c = creds(kc);
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
  const prev = setLogSink({ write: () => undefined });
  t.after(() => { setLogSink(prev); });
  const dir = tempDir(t, 'k3ts-run-');
  const kc = join(dir, 'kc.yaml');
  const flags = (await resolveCommandSettings(SERVER_FLAGS, ['-d', join(dir, 'data'), '--https-listen-port', '0', '-o', kc, '--bind-address', '127.0.0.1'], { env: { K3S_CONFIG_FILE: join(dir, 'none.yaml') } })).flags;
  const server = await startServer(resolveServerConfig(flags, currentHost()));
  t.after(() => server.close());
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
  const c = creds(kc);
  assert.deepEqual(await get(`${server.url}/readyz`, { ca: c.ca }), { status: 200, body: 'ok' });
});
