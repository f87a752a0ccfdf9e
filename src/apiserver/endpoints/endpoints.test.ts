import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../api/status.js';
import { parseRequestInfo } from './request-info.js';
import { negotiateOutput, parseAccept } from './negotiate.js';
import { InflightLimiter } from './inflight.js';
import { parseListQuery, parseWriteQuery } from './query.js';
import { DEFAULT_FIELD_LABELS } from '../../api/fields/selector.js';

test('parseRequestInfo() reads resource paths like kube-apiserver', () => {
  assert.deepEqual(parseRequestInfo('GET', '/api/v1/namespaces/ns/pods/web/log', false), {
    kind: 'resource', verb: 'get', group: '', version: 'v1', namespace: 'ns', resource: 'pods', name: 'web', subresource: 'log', rest: [],
  });
  assert.equal((parseRequestInfo('GET', '/apis/apps/v1/deployments', false) as { verb: string }).verb, 'list');
  assert.equal((parseRequestInfo('GET', '/api/v1/watch/namespaces/ns/pods', false) as { verb: string }).verb, 'watch');
  assert.equal((parseRequestInfo('DELETE', '/api/v1/namespaces/ns/pods', false) as { verb: string }).verb, 'deletecollection');
  const ns = parseRequestInfo('PUT', '/api/v1/namespaces/foo/finalize', false) as { resource: string; name: string; subresource: string; namespace: string };
  assert.deepEqual([ns.resource, ns.name, ns.subresource, ns.namespace], ['namespaces', 'foo', 'finalize', '']);
  assert.deepEqual(parseRequestInfo('GET', '/apis/apps', false), { kind: 'group', group: 'apps' });
  assert.deepEqual(parseRequestInfo('GET', '/apis/apps/v1', false), { kind: 'groupVersion', group: 'apps', version: 'v1' });
  assert.deepEqual(parseRequestInfo('GET', '/openapi/v2', false), { kind: 'other' });
  assert.deepEqual(parseRequestInfo('TRACE', '/api/v1/pods', false), { kind: 'badMethod' });
});

test('negotiateOutput() picks JSON, YAML, Table or 406 from Accept', () => {
  const kubectlGet = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
  assert.equal(negotiateOutput(kubectlGet, { transformable: true, protobuf: false, list: true }).transform, 'Table');
  assert.equal(negotiateOutput(kubectlGet, { transformable: false, protobuf: false, list: true }).transform, 'none');
  assert.equal(negotiateOutput('application/vnd.kubernetes.protobuf,application/json', { transformable: true, protobuf: false, list: false }).encoding, 'json');
  assert.equal(negotiateOutput('application/yaml', { transformable: true, protobuf: false, list: false }).encoding, 'yaml');
  assert.equal(negotiateOutput(undefined, { transformable: true, protobuf: false, list: false }).encoding, 'json');
  assert.throws(() => negotiateOutput('text/html', { transformable: true, protobuf: false, list: false }), (e) => e instanceof StatusError && e.status.code === 406);
  assert.deepEqual(parseAccept('a/b;q=0.5, c/d').map((r) => r.type), ['c/d', 'a/b']);
});

test('parseListQuery() and parseWriteQuery() validate like upstream', () => {
  const q = parseListQuery(new URLSearchParams('labelSelector=app%3Dweb&limit=5&resourceVersion=10&resourceVersionMatch=NotOlderThan'), DEFAULT_FIELD_LABELS, { watch: false });
  assert.equal(q.limit, 5);
  assert.equal(q.labels.toString(), 'app=web');
  assert.throws(() => parseListQuery(new URLSearchParams('sendInitialEvents=true'), DEFAULT_FIELD_LABELS, { watch: true }),
    (e) => e instanceof StatusError && e.status.code === 422 && /sendInitialEvents requires setting resourceVersionMatch to NotOlderThan/.test(e.status.message ?? ''));
  assert.throws(() => parseListQuery(new URLSearchParams('limit=x'), DEFAULT_FIELD_LABELS, { watch: false }), (e) => e instanceof StatusError && e.status.code === 400);
  const w = parseWriteQuery(new URLSearchParams('dryRun=All&fieldValidation=Strict'), 'CreateOptions', 'kubectl/v1.33.1 (linux/amd64)');
  assert.deepEqual(w, { dryRun: true, fieldValidation: 'Strict', fieldManager: 'kubectl' });
  assert.throws(() => parseWriteQuery(new URLSearchParams('fieldValidation=Loose'), 'CreateOptions', undefined), (e) => e instanceof StatusError && e.status.code === 422);
});

test('InflightLimiter answers 429 past its limits, frees slots, and never limits system:masters', () => {
  const l = new InflightLimiter(1, 1);
  const users = ['system:authenticated'];
  const r = l.acquire('GET', users);
  assert.throws(() => l.acquire('GET', users), (e) => e instanceof StatusError && e.status.code === 429 && e.status.details?.retryAfterSeconds === 1);
  const m = l.acquire('POST', users);
  l.acquire('POST', ['system:masters', 'system:authenticated'])();
  l.acquire('GET', ['system:masters'])();
  r();
  m();
  l.acquire('GET', users)();
});
