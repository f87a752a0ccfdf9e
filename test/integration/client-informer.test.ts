import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { waitFor } from '../../src/base/async.js';
import { setLogSink } from '../../src/base/log.js';
import { startTestServer } from '../../src/apiserver/testing/test-server.js';
import { clientFromKubeconfig, inProcessClient, type Client } from '../../src/client/client.js';
import type { LocalRequestContext } from '../../src/client/in-process-transport.js';
import { InformerFactory } from '../../src/client/informer-factory.js';
import { resources } from '../../src/client/resources.js';
import type { KubeObject } from '../../src/client/types.js';

// Shared informers against the real API server, over both transports (one conformance body).
type ConfigMap = KubeObject & { data?: Record<string, string> };

for (const transport of ['https', 'in-process'] as const) {
  test(`SharedInformer (${transport}) syncs the cache, then follows adds, updates and deletes`, async (t) => {
    const srv = await startTestServer();
    t.after(() => srv.close());
    const client: Client = transport === 'https' ? clientFromKubeconfig(srv.kubeconfig) : inProcessClient(srv.server.handler);
    t.after(() => client.close());
    const cms = client.resource<ConfigMap>(resources.configmaps);
    await client.resource<KubeObject>(resources.namespaces).create({ metadata: { name: 'other' } });
    for (const n of ['a', 'b']) await cms.create({ metadata: { name: n, namespace: 'default' }, data: { v: '1' } });
    await cms.create({ metadata: { name: 'c', namespace: 'other' } });
    const factory = new InformerFactory(client);
    const inf = factory.informer<ConfigMap>(resources.configmaps);
    const log: string[] = [];
    inf.addEventHandler({
      onAdd: (o, initial) => log.push(`add ${o.metadata.name ?? ''}${initial ? ' (initial)' : ''}`),
      onUpdate: (_o, n) => log.push(`update ${n.metadata.name ?? ''} v=${n.data?.['v'] ?? ''}`),
      onDelete: (o) => log.push(`delete ${o.metadata.name ?? ''}`),
    });
    const ctl = new AbortController();
    t.after(() => ctl.abort());
    factory.start(ctl.signal);
    await factory.waitForSync(ctl.signal);
    assert.deepEqual(inf.store.byIndex('namespace', 'default').map((o) => o.metadata.name).filter((n) => n !== 'kube-root-ca.crt').sort(), ['a', 'b']);
    assert.deepEqual(inf.store.byIndex('namespace', 'other').map((o) => o.metadata.name), ['c']);
    log.length = 0;
    const a = await cms.get('a', { namespace: 'default' });
    await cms.update({ ...a, data: { v: '2' } });
    await cms.create({ metadata: { name: 'd', namespace: 'default' } });
    await cms.delete('b', { namespace: 'default' });
    await waitFor(() => (log.length >= 3 ? true : undefined), { what: 'three events' });
    assert.deepEqual(log, ['update a v=2', 'add d', 'delete b']);
    assert.equal(inf.store.get('default/a')?.data?.['v'], '2');
    assert.equal(inf.store.has('default/b'), false);
    ctl.abort();
    await factory.stopped();
  });
}

test('Reflector relists after the API server answers 410 Expired, and the cache ends up right', async (t) => {
  const prev = setLogSink({ write: () => undefined });
  t.after(() => { setLogSink(prev); });
  const srv = await startTestServer({ historyLimit: 3 });
  t.after(() => srv.close());
  // A cut-able path to the real handler: while cut, live watches are dropped and new ones refused.
  let cut = false;
  const open = new Set<ServerResponse>();
  const watchRvs: string[] = [];
  const lists: string[] = [];
  const handler = {
    handle(req: IncomingMessage, res: ServerResponse, ctx: LocalRequestContext) {
      const url = new URL(req.url ?? '', 'http://x');
      if (url.searchParams.get('watch') !== 'true') lists.push(url.searchParams.get('resourceVersion') ?? '');
      if (url.searchParams.get('watch') === 'true') {
        watchRvs.push(url.searchParams.get('resourceVersion') ?? '');
        if (cut) { res.writeHead(503, { 'content-type': 'application/json' }).end('{}'); return; }
        open.add(res);
        res.on('close', () => open.delete(res));
      }
      return srv.server.handler.handle(req, res, ctx);
    },
  };
  const client = inProcessClient(handler);
  const admin = clientFromKubeconfig(srv.kubeconfig);
  t.after(() => { client.close(); admin.close(); });
  const cms = admin.resource<ConfigMap>(resources.configmaps);
  await cms.create({ metadata: { name: 'keep', namespace: 'default' } });
  await cms.create({ metadata: { name: 'gone', namespace: 'default' } });
  const factory = new InformerFactory(client, { minBackoffMs: 50, maxBackoffMs: 200 });
  const inf = factory.informer<ConfigMap>(resources.configmaps, { namespace: 'default' });
  const ctl = new AbortController();
  t.after(() => ctl.abort());
  factory.start(ctl.signal);
  await factory.waitForSync(ctl.signal);
  assert.ok(inf.store.has('default/gone'));
  cut = true;
  for (const r of open) r.destroy();
  // While the informer cannot watch, history moves past the window the watch cache keeps.
  await cms.delete('gone', { namespace: 'default' });
  for (let i = 0; i < 6; i++) await cms.create({ metadata: { name: `new-${i}`, namespace: 'default' } });
  // Compact the datastore too, so neither the watch cache nor the datastore can replay it.
  await srv.backend.compact(await srv.backend.currentRevision());
  const rvBefore = inf.lastSyncResourceVersion;
  const listsBefore = lists.length;
  cut = false;
  await waitFor(() => (inf.store.has('default/new-5') && !inf.store.has('default/gone') ? true : undefined), { timeoutMs: 20_000, what: 'the informer to relist' });
  assert.ok(watchRvs.includes(rvBefore), 'it first tried to resume from its last resourceVersion');
  assert.ok(lists.length > listsBefore, 'the 410 made it list again');
  assert.notEqual(inf.lastSyncResourceVersion, rvBefore);
});
