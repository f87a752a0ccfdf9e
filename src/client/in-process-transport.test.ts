import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessClient } from './client.js';
import type { LocalHandler, LocalRequest } from './in-process-transport.js';
import { NotFoundError, TransportError } from './errors.js';
import { resources } from './resources.js';
import type { KubeObject } from './types.js';
import { statusErrors } from '../api/status.js';
import { AbortedError } from '../base/errors.js';

test('InProcessTransport passes requests and the user to the handler and returns its answer', async () => {
  let seen: LocalRequest | undefined;
  const handler: LocalHandler = async (req) => {
    seen = req;
    return { status: 201, headers: { 'content-type': 'application/json' }, body: Buffer.from(req.body ?? new Uint8Array()) };
  };
  const c = inProcessClient(handler, { user: { name: 'system:kube-controller-manager', groups: ['system:authenticated'] }, userAgent: 'test-agent' });
  const obj = await c.resource<KubeObject>(resources.configmaps).create({ metadata: { name: 'a', namespace: 'ns' } });
  assert.equal(obj.metadata.name, 'a');
  assert.equal(seen?.method, 'POST');
  assert.equal(seen?.path, '/api/v1/namespaces/ns/configmaps');
  assert.equal(seen?.user?.name, 'system:kube-controller-manager');
  assert.equal(seen?.headers['user-agent'], 'test-agent');
});

test('InProcessTransport turns a thrown StatusError into that status, and other throws into TransportError', async () => {
  const c = inProcessClient(async (req) => {
    if (req.path.endsWith('/missing')) throw statusErrors.notFound({ resource: 'configmaps', group: '' }, 'missing');
    throw new Error('handler bug');
  }, { retry: { maxRetries: 0 } });
  const cms = c.resource<KubeObject>(resources.configmaps);
  await assert.rejects(cms.get('missing', { namespace: 'ns' }), (e: unknown) => e instanceof NotFoundError && e.message === 'configmaps "missing" not found');
  await assert.rejects(cms.get('other', { namespace: 'ns' }), TransportError);
});

test('InProcessTransport streams a watch and aborts the handler\'s signal when the caller aborts', async () => {
  let handlerSignal: AbortSignal | undefined;
  const c = inProcessClient(async (req) => {
    handlerSignal = req.signal;
    async function* events(): AsyncIterable<Uint8Array> {
      yield Buffer.from(JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'p', resourceVersion: '2' } } }) + '\n');
      // Park like a real watch with nothing to say; only the abort ends this.
      await new Promise((r) => req.signal.addEventListener('abort', r, { once: true }));
    }
    return { status: 200, headers: {}, body: events() };
  });
  const ctl = new AbortController();
  const stream = await c.resource<KubeObject>(resources.pods).watch({ signal: ctl.signal });
  const got: string[] = [];
  await assert.rejects((async () => {
    for await (const ev of stream) {
      got.push(`${ev.type} ${ev.object.metadata.name}`);
      setTimeout(() => ctl.abort(), 5);
    }
  })(), AbortedError);
  assert.deepEqual(got, ['ADDED p']);
  assert.equal(handlerSignal?.aborted, true);
});
