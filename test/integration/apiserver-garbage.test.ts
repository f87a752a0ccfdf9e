// Garbage in, a Status out: random and hostile requests against the API never get a 5xx
// (other than documented 503s) and never take the server down.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../src/apiserver/testing/test-server.js';
import { raw } from '../../src/apiserver/testing/http.js';

let ts: TestServer;
before(async () => { ts = await startTestServer(); });
after(async () => { await ts.close(); });

/** A small deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PATHS = ['/api/v1/namespaces/default/configmaps', '/api/v1/namespaces/default/configmaps/x', '/api/v1/namespaces/default/pods', '/api/v1/pods',
  '/apis/apps/v1/namespaces/default/deployments', '/apis/apps/v1/namespaces/default/deployments/d/scale', '/api/v1/namespaces/default/services',
  '/api/v1/namespaces/%2e%2e/configmaps', '/api/v1/namespaces/default/configmaps/..', '/api/v1/namespaces/default/configmaps/a%2Fb', '/api/v1/nodes/n/status',
  '/api/v1/namespaces/default/pods/p/binding', '/api/v1/namespaces/default/pods/p/eviction', '/api/v1/namespaces/x/finalize', '/apis', '/api/v1/'];
const BODIES = ['', '{', '[]', 'null', '"x"', '{"metadata":1}', '{"metadata":{"name":{}}}', '{"metadata":{"name":"a","labels":{"k":5}}}', `{"a":${'['.repeat(2000)}${']'.repeat(2000)}}`,
  '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","finalizers":[1]}}', '{"spec":{"replicas":"many"}}', '[{"op":"move","from":"/a","path":"/a/b"}]',
  '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"selector":{"matchExpressions":[{"key":"a","operator":"Bogus"}]}}}',
  '\u0000\u0001', 'kind: ConfigMap\nmetadata: {name: [}'];
const TYPES = ['application/json', 'application/yaml', 'application/merge-patch+json', 'application/json-patch+json', 'text/plain', 'application/vnd.kubernetes.protobuf'];
const QUERIES = ['', '?labelSelector=!!!', '?fieldSelector=%3D%3D', '?limit=-5', '?continue=%00', '?resourceVersion=abc', '?watch=1&timeoutSeconds=1&resourceVersion=999999999', '?dryRun=All', '?gracePeriodSeconds=x', '?propagationPolicy=Sideways'];

test('hostile requests get Status answers and the server stays up', async () => {
  const r = rng(42);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
  for (let i = 0; i < 300; i++) {
    const method = pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
    const path = pick(PATHS) + pick(QUERIES);
    const res = await raw(ts, method, path, { body: method === 'GET' ? undefined : pick(BODIES), headers: { 'content-type': pick(TYPES), accept: pick(['application/json', '*/*', 'application/yaml', 'text/html']) } } as never);
    assert.ok(res.status < 500 || res.status === 503 || res.status === 504, `${method} ${path}: ${res.status} ${res.body.slice(0, 300)}`);
    if (res.status >= 400 && res.headers['content-type'] === 'application/json') {
      const s = res.json() as { kind?: string; code?: number };
      assert.equal(s.kind, 'Status', `${method} ${path}`);
      assert.equal(s.code, res.status);
    }
  }
  assert.equal((await raw(ts, 'GET', '/api/v1/namespaces/default')).status, 200);
});
