import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientForConnection } from './client.js';
import { AlreadyExistsError, ConflictError, ExpiredError, NotFoundError, TooManyRequestsError, InternalServerError, isNotFound } from './errors.js';
import { resources } from './resources.js';
import type { KubeObject } from './types.js';
import { AbortedError } from '../base/errors.js';

// A scripted HTTP server on port 0: the transport, retries and error mapping run for real over
// a socket; the answers are canned so each failure mode can be produced on purpose.
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

async function withServer(handler: Handler, fn: (url: string, hits: { method: string; url: string; at: number }[]) => Promise<void>): Promise<void> {
  const hits: { method: string; url: string; at: number }[] = [];
  const srv = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      hits.push({ method: req.method ?? '', url: req.url ?? '', at: Date.now() });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  try {
    await fn(`http://127.0.0.1:${(srv.address() as AddressInfo).port}`, hits);
  } finally {
    srv.closeAllConnections();
    await new Promise((r) => srv.close(r));
  }
}

const status = (code: number, reason: string, message: string): string =>
  JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });

test('ResourceClient.get() maps Status answers to typed errors', async () => {
  await withServer((req, res) => {
    const [code, reason] = req.url?.includes('missing') ? [404, 'NotFound'] : req.url?.includes('dup') ? [409, 'AlreadyExists'] : [409, 'Conflict'];
    res.writeHead(code, { 'content-type': 'application/json' }).end(status(code, reason, `${reason} happened`));
  }, async (url) => {
    const c = clientForConnection({ server: url }).resource<KubeObject>(resources.configmaps);
    await assert.rejects(c.get('missing', { namespace: 'd' }), (e: unknown) => e instanceof NotFoundError && isNotFound(e) && e.message === 'NotFound happened');
    await assert.rejects(c.get('dup', { namespace: 'd' }), AlreadyExistsError);
    await assert.rejects(c.get('other', { namespace: 'd' }), ConflictError);
  });
});

test('ResourceClient.get() maps a non-Status 404 to NotFoundError with kubectl\'s message', async () => {
  await withServer((_req, res) => res.writeHead(404).end('404 page not found'), async (url) => {
    const c = clientForConnection({ server: url }).resource<KubeObject>(resources.pods);
    await assert.rejects(c.get('x', { namespace: 'd' }), (e: unknown) => e instanceof NotFoundError && e.message === 'the server could not find the requested resource');
  });
});

test('RestClient retries 429 after the Retry-After delay and then succeeds', async () => {
  let n = 0;
  await withServer((_req, res) => {
    if (n++ === 0) res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end(status(429, 'TooManyRequests', 'slow down'));
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ metadata: { name: 'x', namespace: 'd' } }));
  }, async (url, hits) => {
    const c = clientForConnection({ server: url }).resource<KubeObject>(resources.configmaps);
    const obj = await c.create({ metadata: { name: 'x', namespace: 'd' } });
    assert.equal(obj.metadata.name, 'x');
    assert.equal(hits.length, 2);
    assert.equal(hits[1]?.method, 'POST');
    // The retry waited for Retry-After (a lower bound, never an upper one).
    assert.ok((hits[1]?.at ?? 0) - (hits[0]?.at ?? 0) >= 900);
  });
});

test('RestClient retries 5xx for GET but not for POST without Retry-After, and gives up after maxRetries', async () => {
  await withServer((_req, res) => res.writeHead(500, { 'content-type': 'application/json' }).end(status(500, 'InternalError', 'broken')), async (url, hits) => {
    const client = clientForConnection({ server: url }, { retry: { maxRetries: 2, initialBackoffMs: 1, maxBackoffMs: 2 } });
    const c = client.resource<KubeObject>(resources.configmaps);
    await assert.rejects(c.get('x', { namespace: 'd' }), InternalServerError);
    assert.equal(hits.length, 3);
    await assert.rejects(c.create({ metadata: { name: 'x', namespace: 'd' } }), InternalServerError);
    assert.equal(hits.length, 4);
  });
});

test('RestClient does not retry 429 forever: TooManyRequestsError after maxRetries', async () => {
  await withServer((_req, res) => res.writeHead(429, { 'retry-after': '0' }).end(status(429, 'TooManyRequests', 'no')), async (url, hits) => {
    const c = clientForConnection({ server: url }, { retry: { maxRetries: 3 } }).resource<KubeObject>(resources.configmaps);
    await assert.rejects(c.list({ namespace: 'd' }), TooManyRequestsError);
    assert.equal(hits.length, 4);
  });
});

test('ResourceClient sends the verbs, paths, queries and bodies Kubernetes expects', async () => {
  const seen: string[] = [];
  await withServer((req, res, body) => {
    seen.push(`${req.method} ${req.url} ${req.headers['content-type'] ?? ''} ${body}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.method === 'GET' && !req.url?.includes('/web') ? { metadata: { resourceVersion: '7' }, items: [] } : { metadata: { name: 'web' } }));
  }, async (url) => {
    const c = clientForConnection({ server: url }).resource<KubeObject>(resources.deployments);
    await c.list({ namespace: 'ns', labelSelector: 'app=web', limit: 10 });
    await c.patch('web', { spec: { replicas: 2 } }, { namespace: 'ns', type: 'merge', subresource: 'scale' });
    await c.delete('web', { namespace: 'ns', propagationPolicy: 'Foreground' });
    await c.updateStatus({ metadata: { name: 'web', namespace: 'ns', resourceVersion: '3' } }, { fieldManager: 'x' });
    const nodes = clientForConnection({ server: url }).resource<KubeObject>(resources.nodes);
    await nodes.get('web');
  });
  assert.deepEqual(seen, [
    'GET /apis/apps/v1/namespaces/ns/deployments?labelSelector=app%3Dweb&limit=10  ',
    'PATCH /apis/apps/v1/namespaces/ns/deployments/web/scale application/merge-patch+json {"spec":{"replicas":2}}',
    'DELETE /apis/apps/v1/namespaces/ns/deployments/web application/json {"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Foreground"}',
    'PUT /apis/apps/v1/namespaces/ns/deployments/web/status?fieldManager=x application/json {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"ns","resourceVersion":"3"}}',
    'GET /api/v1/nodes/web  ',
  ]);
});

test('ResourceClient.listAll() follows continue tokens', async () => {
  await withServer((req, res) => {
    const cont = new URL(req.url ?? '', 'http://x').searchParams.get('continue');
    const page = cont ? { metadata: { resourceVersion: '9' }, items: [{ metadata: { name: 'b' } }] } : { metadata: { resourceVersion: '9', continue: 'next' }, items: [{ metadata: { name: 'a' } }] };
    res.writeHead(200).end(JSON.stringify(page));
  }, async (url) => {
    const list = await clientForConnection({ server: url }).resource<KubeObject>(resources.pods).listAll({ limit: 1 });
    assert.deepEqual(list.items.map((i) => i.metadata.name), ['a', 'b']);
    assert.equal(list.metadata.resourceVersion, '9');
    assert.equal(list.metadata.continue, undefined);
  });
});

test('ResourceClient.watch() streams events, maps a 410 answer to ExpiredError and stops on abort', async () => {
  await withServer((req, res) => {
    const rv = new URL(req.url ?? '', 'http://x').searchParams.get('resourceVersion');
    if (rv === '1') {
      res.writeHead(410, { 'content-type': 'application/json' }).end(status(410, 'Expired', 'too old resource version: 1 (5)'));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write(JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'a', resourceVersion: '6' } } }) + '\n');
    // Leave the stream open: the client must end it through its signal.
  }, async (url) => {
    const c = clientForConnection({ server: url }).resource<KubeObject>(resources.pods);
    await assert.rejects(c.watch({ resourceVersion: '1' }), ExpiredError);
    const ctl = new AbortController();
    const stream = await c.watch({ resourceVersion: '5', signal: ctl.signal });
    const names: string[] = [];
    await assert.rejects((async () => {
      for await (const ev of stream) {
        names.push(ev.object.metadata.name ?? '');
        ctl.abort();
      }
    })(), AbortedError);
    assert.deepEqual(names, ['a']);
  });
});
