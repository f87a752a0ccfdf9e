import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientForConnection } from './client.js';
import { Reflector, type ReflectorSink } from './reflector.js';
import { resources } from './resources.js';
import type { KubeObject } from './types.js';

// The reflector's recovery paths (clean close, ERROR 410, list 410) driven by a scripted server,
// since a real server cannot be made to expire a resourceVersion on cue. The same reflector runs
// against the real API server in test/integration.
test('Reflector.run() re-watches from the last RV after a clean close and relists after 410', async () => {
  const requests: string[] = [];
  const obj = (name: string, rv: string): KubeObject => ({ metadata: { name, namespace: 'ns', resourceVersion: rv } });
  const line = (type: string, o: unknown): string => JSON.stringify({ type, object: o }) + '\n';
  const expired = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Expired', code: 410, message: 'too old resource version' };
  let done!: () => void;
  const finished = new Promise<void>((r) => { done = r; });
  const srv = createServer((req, res) => {
    const u = new URL(req.url ?? '', 'http://x');
    const watch = u.searchParams.get('watch') === 'true';
    const rv = u.searchParams.get('resourceVersion') ?? '';
    requests.push(`${watch ? 'watch' : 'list'} ${rv}${watch && u.searchParams.get('allowWatchBookmarks') === 'true' ? ' bookmarks' : ''}`);
    res.setHeader('content-type', 'application/json');
    if (!watch) {
      if (rv === '8') res.writeHead(410).end(JSON.stringify(expired));
      else if (rv === '0') res.end(JSON.stringify({ metadata: { resourceVersion: '5' }, items: [obj('a', '5')] }));
      else res.end(JSON.stringify({ metadata: { resourceVersion: '10' }, items: [obj('b', '6'), obj('c', '9')] }));
      return;
    }
    if (rv === '5') res.end(line('ADDED', obj('b', '6')) + line('BOOKMARK', { metadata: { resourceVersion: '8' } }));
    else if (rv === '8') res.end(line('ERROR', expired));
    else { res.writeHead(200); res.write(''); done(); }
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const client = clientForConnection({ server: `http://127.0.0.1:${(srv.address() as AddressInfo).port}` });
  const calls: string[] = [];
  const sink: ReflectorSink<KubeObject> = {
    replace: (items, rv) => calls.push(`replace ${items.map((i) => i.metadata.name).join(',')} @${rv}`),
    added: (o) => calls.push(`added ${o.metadata.name}`),
    modified: (o) => calls.push(`modified ${o.metadata.name}`),
    deleted: (o) => calls.push(`deleted ${o.metadata.name}`),
  };
  const ctl = new AbortController();
  const r = new Reflector(client.resource<KubeObject>(resources.configmaps), sink, { minBackoffMs: 1, maxBackoffMs: 5 });
  const running = r.run(ctl.signal);
  await finished;
  assert.equal(r.lastSyncResourceVersion, '10');
  ctl.abort();
  await running;
  srv.closeAllConnections();
  await new Promise((res) => srv.close(res));
  client.close();
  assert.deepEqual(requests, ['list 0', 'watch 5 bookmarks', 'watch 8 bookmarks', 'list 8', 'list ', 'watch 10 bookmarks']);
  assert.deepEqual(calls, ['replace a @5', 'added b', 'replace b,c @10']);
});
