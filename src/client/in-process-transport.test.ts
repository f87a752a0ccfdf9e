import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inProcessClient } from './client.js';
import type { LocalHandler, LocalRequestContext } from './in-process-transport.js';
import { AlreadyExistsError, NotFoundError } from './errors.js';
import { resources } from './resources.js';
import type { KubeObject } from './types.js';
import { AbortedError } from '../base/errors.js';
import { ApiServer } from '../apiserver/apiserver.js';
import { openMemory } from '../datastore/drivers/memory/memory-driver.js';

// The real API server's request handler on an in-memory datastore, reached without sockets.
async function apiServer(t: { after(fn: () => unknown): void }): Promise<ApiServer> {
  const backend = await openMemory('');
  const api = await ApiServer.start({ backend });
  await api.bootstrap({ advertiseAddress: '127.0.0.1', securePort: 6443 });
  t.after(async () => { api.stop(); await backend.close(); });
  return api;
}

test('InProcessTransport serves create, get and typed errors through the API server handler', async (t) => {
  const api = await apiServer(t);
  const seen: LocalRequestContext[] = [];
  const handler: LocalHandler = { handle: (req, res, ctx) => { seen.push(ctx); return api.handler.handle(req, res, ctx); } };
  const c = inProcessClient(handler, { user: { name: 'system:kube-controller-manager', groups: ['system:masters'] } });
  t.after(() => c.close());
  const cms = c.resource<KubeObject & { data?: Record<string, string> }>(resources.configmaps);
  const made = await cms.create({ metadata: { name: 'a', namespace: 'default' }, data: { k: 'v' } });
  assert.ok(made.metadata.uid);
  assert.equal((await cms.get('a', { namespace: 'default' })).data?.['k'], 'v');
  await assert.rejects(cms.create({ metadata: { name: 'a', namespace: 'default' } }), AlreadyExistsError);
  await assert.rejects(cms.get('missing', { namespace: 'default' }), (e: unknown) => e instanceof NotFoundError && e.message === 'configmaps "missing" not found');
  assert.equal(seen[0]?.user.name, 'system:kube-controller-manager');
});

test('InProcessTransport streams a watch and aborts the handler\'s signal when the caller aborts', async (t) => {
  const api = await apiServer(t);
  let handlerSignal: AbortSignal | undefined;
  const c = inProcessClient({ handle: (req, res, ctx) => { if (req.url?.includes('watch')) handlerSignal = ctx.signal; return api.handler.handle(req, res, ctx); } });
  t.after(() => c.close());
  const cms = c.resource<KubeObject>(resources.configmaps);
  const list = await cms.list({ namespace: 'default' });
  const ctl = new AbortController();
  const stream = await cms.watch({ namespace: 'default', resourceVersion: list.metadata.resourceVersion, signal: ctl.signal });
  await cms.create({ metadata: { name: 'w', namespace: 'default' } });
  const got: string[] = [];
  await assert.rejects((async () => {
    for await (const ev of stream) {
      got.push(`${ev.type} ${ev.object.metadata.name ?? ''}`);
      ctl.abort();
    }
  })(), AbortedError);
  assert.deepEqual(got, ['ADDED w']);
  await new Promise((r) => setImmediate(r));
  assert.equal(handlerSignal?.aborted, true);
});

test('InProcessTransport hands watch events over as shared objects, not JSON', async (t) => {
  const api = await apiServer(t);
  const c = inProcessClient(api.handler);
  t.after(() => c.close());
  const cms = c.resource<KubeObject & { data?: Record<string, string> }>(resources.configmaps);
  const list = await cms.list({ namespace: 'default' });
  const ctl = new AbortController();
  t.after(() => ctl.abort());
  type Cm = KubeObject & { data?: Record<string, string> };
  const first = async (stream: AsyncIterable<{ type: string; object: Cm }>) => {
    for await (const ev of stream) if (ev.object.metadata.name === 'shared') return ev;
    throw new Error('watch ended');
  };
  const a = first(await cms.watch({ namespace: 'default', resourceVersion: list.metadata.resourceVersion, signal: ctl.signal }));
  const b = first(await cms.watch({ namespace: 'default', resourceVersion: list.metadata.resourceVersion, signal: ctl.signal }));
  await cms.create({ metadata: { name: 'shared', namespace: 'default' }, data: { k: 'v' } });
  const [ea, eb] = await Promise.all([a, b]);
  assert.equal(ea.type, 'ADDED');
  assert.equal(ea.object.data?.['k'], 'v');
  assert.equal(ea.object, eb.object, 'both watchers got the one cached object');
  // npm test runs with the mutation detector: shared objects are frozen, so a change throws.
  if (process.env['K3TS_CACHE_MUTATION_DETECTOR'] === 'true') {
    assert.ok(Object.isFrozen(ea.object.metadata));
    assert.throws(() => { (ea.object.data as Record<string, string>)['k'] = 'changed'; }, TypeError);
  }
  // A Table watch (kubectl get -w) still gets JSON lines with Table rows.
  const raw = await c.rest.send({ method: 'GET', path: `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${list.metadata.resourceVersion}`, accept: 'application/json;as=Table;v=v1;g=meta.k8s.io', signal: ctl.signal, stream: true });
  assert.equal(raw.events, undefined);
  for await (const chunk of raw.body) {
    assert.match(Buffer.from(chunk).toString(), /"kind":"Table"/);
    break;
  }
});
