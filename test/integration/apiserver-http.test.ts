// The API server's HTTP contract for what kubectl never sends itself: content negotiation,
// discovery forms, error Status objects for bad bodies and paths, watch streams.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../src/apiserver/testing/test-server.js';
import { raw, watchEvents } from '../../src/apiserver/testing/http.js';

let ts: TestServer;
before(async () => { ts = await startTestServer(); });
after(async () => { await ts.close(); });

const cm = (name: string, extra: Record<string, unknown> = {}) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: '1' }, ...extra });
const post = (path: string, body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) => raw(ts, 'POST', path, { body, headers });
const statusOf = (r: { json(): unknown }) => r.json() as { code: number; reason: string; message: string; details?: unknown };

test('discovery answers legacy or aggregated forms by the exact Accept', async () => {
  const legacy = await raw(ts, 'GET', '/api', { headers: { accept: 'application/json, */*' } });
  assert.equal(legacy.headers['content-type'], 'application/json');
  assert.equal((legacy.json() as { kind: string }).kind, 'APIVersions');
  for (const v of ['v2', 'v2beta1']) {
    const agg = await raw(ts, 'GET', '/api', { headers: { accept: `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList,application/json` } });
    assert.equal(agg.headers['content-type'], `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList`);
    const doc = agg.json() as { apiVersion: string; items: Array<{ versions: Array<{ resources: Array<{ resource: string; subresources?: unknown[] }> }> }> };
    assert.equal(doc.apiVersion, `apidiscovery.k8s.io/${v}`);
    const pods = doc.items[0]?.versions[0]?.resources.find((r) => r.resource === 'pods');
    assert.ok(pods?.subresources?.length);
  }
  const v1 = (await raw(ts, 'GET', '/api/v1')).json() as { resources: Array<{ name: string; shortNames?: string[] }> };
  assert.deepEqual(v1.resources.find((r) => r.name === 'configmaps')?.shortNames, ['cm']);
  assert.ok(v1.resources.some((r) => r.name === 'pods/status'));
  const etag = (await raw(ts, 'GET', '/api/v1')).headers['etag'] as string;
  assert.equal((await raw(ts, 'GET', '/api/v1', { headers: { 'if-none-match': etag } })).status, 304);
});

test('bad bodies and paths get the Status Kubernetes answers with', async () => {
  const cases: Array<[Promise<{ status: number; json(): unknown }>, number, string, RegExp?]> = [
    [post('/api/v1/namespaces/default/configmaps', '{"apiVersion":'), 400, 'BadRequest', /json parse error/],
    [post('/api/v1/namespaces/default/configmaps', 'kind: [', { 'content-type': 'application/yaml' }), 400, 'BadRequest'],
    [post('/api/v1/namespaces/default/configmaps', cm('x'), { 'content-type': 'text/plain' }), 415, 'UnsupportedMediaType'],
    [post('/api/v1/namespaces/default/configmaps', JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })), 400, 'BadRequest', /cannot be handled as a ConfigMap/],
    [post('/api/v1/namespaces/default/configmaps', JSON.stringify({ apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'x' } })), 400, 'BadRequest', /does not match the expected API version/],
    [post('/api/v1/namespaces/default/configmaps', cm('x', { metadata: { name: 'x', namespace: 'other' } })), 400, 'BadRequest', /does not match the namespace/],
    [post('/api/v1/namespaces/default/configmaps', Buffer.alloc(3 * 1024 * 1024 + 10, 0x20)), 413, 'RequestEntityTooLarge'],
    [raw(ts, 'GET', '/api/v1/namespaces/default/configmaps/nope'), 404, 'NotFound', /^configmaps "nope" not found$/],
    [raw(ts, 'GET', '/api/v1/nothings'), 404, 'NotFound', /the server could not find the requested resource/],
    [raw(ts, 'GET', '/api/v1/namespaces/default/configmaps', { headers: { accept: 'text/html' } }), 406, 'NotAcceptable'],
    [raw(ts, 'GET', '/api/v1/namespaces/default/configmaps?labelSelector=a%20b'), 400, 'BadRequest', /unable to parse requirement/],
    [raw(ts, 'GET', '/api/v1/namespaces/default/configmaps?fieldSelector=foo.bar%3D1'), 400, 'BadRequest', /"foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"/],
    [raw(ts, 'GET', '/api/v1/pods?fieldSelector=foo%3D1'), 400, 'BadRequest', /field label not supported: foo/],
    [raw(ts, 'GET', '/api/v1/namespaces/default/configmaps?resourceVersionMatch=Exact'), 422, 'Invalid', /resourceVersionMatch is forbidden unless resourceVersion is provided/],
    [raw(ts, 'PUT', '/api/v1/namespaces/default/configmaps'), 405, 'MethodNotAllowed'],
    [raw(ts, 'PATCH', '/api/v1/namespaces/default/configmaps/x', { body: '{}', headers: { 'content-type': 'application/x-unknown-patch' } }), 415, 'UnsupportedMediaType'],
    [raw(ts, 'PATCH', '/api/v1/namespaces/default/configmaps/x', { body: '{}', headers: { 'content-type': 'application/strategic-merge-patch+json' } }), 404, 'NotFound'],
    [post('/api/v1/namespaces/default/configmaps?dryRun=Some', cm('x')), 422, 'Invalid'],
  ];
  for (const [p, code, reason, msg] of cases) {
    const r = await p;
    const s = statusOf(r);
    assert.equal(r.status, code, JSON.stringify(s));
    assert.equal(s.code, code);
    assert.equal(s.reason, reason);
    if (msg) assert.match(s.message, msg);
  }
});

test('create, dry run, Table and PartialObjectMetadata answers', async () => {
  const created = await post('/api/v1/namespaces/default/configmaps', cm('t1'));
  assert.equal(created.status, 201);
  const dry = await post('/api/v1/namespaces/default/configmaps?dryRun=All', cm('t2'));
  assert.equal(dry.status, 201);
  assert.equal((await raw(ts, 'GET', '/api/v1/namespaces/default/configmaps/t2')).status, 404);
  const table = await raw(ts, 'GET', '/api/v1/namespaces/default/configmaps', { headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' } });
  const t = table.json() as { kind: string; columnDefinitions: Array<{ name: string }>; rows: Array<{ cells: unknown[]; object: { kind: string } }> };
  assert.equal(t.kind, 'Table');
  assert.deepEqual(t.columnDefinitions.map((c) => c.name), ['Name', 'Data', 'Age']);
  assert.equal(t.rows[0]?.object.kind, 'PartialObjectMetadata');
  const partial = await raw(ts, 'GET', '/api/v1/namespaces/default/configmaps', { headers: { accept: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io' } });
  const p = partial.json() as { kind: string; items: Array<{ kind: string; metadata: { name: string } }> };
  assert.equal(p.kind, 'PartialObjectMetadataList');
  assert.equal(p.items[0]?.metadata.name, 't1');
  const yaml = await raw(ts, 'GET', '/api/v1/namespaces/default/configmaps/t1', { headers: { accept: 'application/yaml' } });
  assert.equal(yaml.headers['content-type'], 'application/yaml');
  assert.match(yaml.body, /^apiVersion: v1\n/);
});

test('watch streams events, resumes, bookmarks the initial state, and reports a too-old revision', async () => {
  const c = (await post('/api/v1/namespaces/default/configmaps', cm('w1'))).json() as { metadata: { resourceVersion: string } };
  const rv = c.metadata.resourceVersion;
  const w = watchEvents(ts, `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${rv}&fieldSelector=metadata.name%3Dw1`, (e) => e.length >= 2);
  await new Promise((r) => setTimeout(r, 100));
  await raw(ts, 'PATCH', '/api/v1/namespaces/default/configmaps/w1', { body: '{"data":{"a":"2"}}', headers: { 'content-type': 'application/merge-patch+json' } });
  await raw(ts, 'DELETE', '/api/v1/namespaces/default/configmaps/w1');
  const got = await w;
  assert.equal(got.status, 200);
  assert.deepEqual(got.events.map((e) => (e as { type: string }).type), ['MODIFIED', 'DELETED']);
  const init = await watchEvents(ts, '/api/v1/namespaces/default/configmaps?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true',
    (e) => e.some((x) => (x as { type: string }).type === 'BOOKMARK'));
  const bm = init.events.at(-1) as { type: string; object: { metadata: { annotations?: Record<string, string> } } };
  assert.equal(bm.type, 'BOOKMARK');
  assert.equal(bm.object.metadata.annotations?.['k8s.io/initial-events-end'], 'true');
  await ts.backend.compact(Number(rv) + 2);
  const old = await watchEvents(ts, '/api/v1/namespaces/kube-system/secrets?watch=1&resourceVersion=1', (e) => e.length >= 1);
  const ev = old.events[0] as { type: string; object: { code: number; reason: string } };
  assert.equal(ev.type, 'ERROR');
  assert.equal(ev.object.code, 410);
  assert.equal(ev.object.reason, 'Expired');
  const timed = await watchEvents(ts, '/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1', () => false, { timeoutMs: 5000 });
  assert.equal(timed.status, 200);
});

test('a continue token older than compaction is 410 Expired with a token to carry on', async () => {
  for (let i = 0; i < 4; i++) await post('/api/v1/namespaces/kube-public/configmaps', cm(`page${i}`));
  const first = (await raw(ts, 'GET', '/api/v1/namespaces/kube-public/configmaps?limit=2')).json() as { metadata: { continue: string; resourceVersion: string; remainingItemCount: number } };
  assert.equal(first.metadata.remainingItemCount, 2);
  for (let i = 0; i < 3; i++) await raw(ts, 'PATCH', '/api/v1/namespaces/kube-public/configmaps/page0', { body: `{"data":{"n":"${i}"}}`, headers: { 'content-type': 'application/merge-patch+json' } });
  await ts.backend.compact(await ts.backend.currentRevision());
  const expired = await raw(ts, 'GET', `/api/v1/namespaces/kube-public/configmaps?limit=2&continue=${encodeURIComponent(first.metadata.continue)}`);
  const s = expired.json() as { code: number; reason: string; message: string; metadata: { continue: string } };
  assert.equal(expired.status, 410);
  assert.equal(s.reason, 'Expired');
  assert.match(s.message, /^The provided continue parameter is too old to display a consistent list result/);
  const rest = (await raw(ts, 'GET', `/api/v1/namespaces/kube-public/configmaps?limit=2&continue=${encodeURIComponent(s.metadata.continue)}`)).json() as { items: Array<{ metadata: { name: string } }> };
  assert.deepEqual(rest.items.map((i) => i.metadata.name), ['page2', 'page3']);
});

test('OpenAPI: v2 protobuf by Accept, v3 index and hashed documents with caching and redirects', async () => {
  const v2 = await raw(ts, 'GET', '/openapi/v2', { headers: { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
  assert.equal(v2.status, 200);
  assert.equal(v2.headers['content-type'], 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
  assert.equal((await raw(ts, 'GET', '/openapi/v2', { headers: { accept: 'application/json' } })).headers['content-type'], 'application/json');
  assert.equal((await raw(ts, 'GET', '/openapi/v2', { headers: { accept: 'text/html' } })).status, 406);
  const index = (await raw(ts, 'GET', '/openapi/v3')).json() as { paths: Record<string, { serverRelativeURL: string }> };
  const url = index.paths['apis/apps/v1']?.serverRelativeURL ?? '';
  assert.match(url, /^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
  const doc = await raw(ts, 'GET', url, { headers: { accept: 'application/json' } });
  assert.equal(doc.status, 200);
  assert.equal(doc.headers['cache-control'], 'public, immutable');
  assert.ok((doc.json() as { components: { schemas: Record<string, unknown> } }).components.schemas['io.k8s.api.apps.v1.Deployment']);
  const stale = await raw(ts, 'GET', '/openapi/v3/apis/apps/v1?hash=0123');
  assert.equal(stale.status, 301);
  assert.equal(stale.headers['location'], url);
  assert.equal((await raw(ts, 'GET', url, { headers: { 'if-none-match': doc.headers['etag'] as string } })).status, 304);
  assert.equal((await raw(ts, 'GET', '/openapi/v3/apis/nothing/v1')).status, 404);
});

test('pods/binding assigns a node once; pods/eviction respects a disruption budget', async () => {
  const pod = (name: string) => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'pdb' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
  assert.equal((await post('/api/v1/namespaces/default/pods', pod('b1'))).status, 201);
  const bind = (target: string) => post('/api/v1/namespaces/default/pods/b1/binding', JSON.stringify({ apiVersion: 'v1', kind: 'Binding', metadata: { name: 'b1' }, target: { kind: 'Node', name: target } }));
  assert.equal((await bind('node1')).status, 201);
  const bound = (await raw(ts, 'GET', '/api/v1/namespaces/default/pods/b1')).json() as { spec: { nodeName: string }; status: { conditions: Array<{ type: string }> } };
  assert.equal(bound.spec.nodeName, 'node1');
  assert.ok(bound.status.conditions.some((c) => c.type === 'PodScheduled'));
  const again = await bind('node2');
  assert.equal(again.status, 409);
  assert.match(statusOf(again).message, /pod b1 is already assigned to node "node1"/);

  assert.equal((await post('/api/v1/namespaces/default/pods', pod('e1'))).status, 201);
  await raw(ts, 'PATCH', '/api/v1/namespaces/default/pods/e1/status', { body: '{"status":{"phase":"Running"}}', headers: { 'content-type': 'application/merge-patch+json' } });
  const pdb = JSON.stringify({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'budget' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'pdb' } } } });
  assert.equal((await post('/apis/policy/v1/namespaces/default/poddisruptionbudgets', pdb)).status, 201);
  const evict = () => post('/api/v1/namespaces/default/pods/e1/eviction', JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'e1' } }));
  const refused = await evict();
  assert.equal(refused.status, 429);
  assert.equal(statusOf(refused).message, "Cannot evict pod as it would violate the pod's disruption budget.");
  await raw(ts, 'PATCH', '/apis/policy/v1/namespaces/default/poddisruptionbudgets/budget/status', { body: '{"status":{"disruptionsAllowed":1}}', headers: { 'content-type': 'application/merge-patch+json' } });
  assert.equal((await evict()).status, 201);
  assert.equal((await raw(ts, 'GET', '/api/v1/namespaces/default/pods/e1')).status, 404);
});

test('a watch that times out ends with a bookmark when bookmarks were asked for', async () => {
  const w = await watchEvents(ts, '/api/v1/namespaces/kube-system/configmaps?watch=1&timeoutSeconds=1&allowWatchBookmarks=true&resourceVersion=0', () => false, { timeoutMs: 5000 });
  const last = w.events.at(-1) as { type: string; object: { metadata: { resourceVersion: string } } } | undefined;
  assert.equal(last?.type, 'BOOKMARK');
  assert.match(last?.object.metadata.resourceVersion ?? '', /^\d+$/);
});
