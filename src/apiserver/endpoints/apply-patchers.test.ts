import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../testing/test-server.js';
import { raw } from '../testing/http.js';

const cm = (data: Record<string, string>) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data });
const APPLY = { 'content-type': 'application/apply-patch+yaml' };
const SMP = { 'content-type': 'application/strategic-merge-patch+json' };

test('PATCH with apply and strategic merge patch types: create, merge, conflicts, option errors', async (t) => {
  const ts = await startTestServer();
  t.after(() => ts.close());
  const path = '/api/v1/namespaces/default/configmaps/c';
  // Apply needs an explicit fieldManager.
  const noManager = await raw(ts, 'PATCH', path, { body: cm({ a: '1' }), headers: APPLY });
  assert.equal(noManager.status, 422);
  assert.equal((noManager.json() as { message: string }).message, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  // Apply creates (201), then merges (200).
  assert.equal((await raw(ts, 'PATCH', `${path}?fieldManager=one`, { body: cm({ a: '1' }), headers: APPLY })).status, 201);
  const second = await raw(ts, 'PATCH', `${path}?fieldManager=two`, { body: cm({ b: '2' }), headers: APPLY });
  assert.equal(second.status, 200);
  const obj = second.json() as { data: Record<string, string>; metadata: { managedFields: { manager: string; operation: string }[] } };
  assert.deepEqual(obj.data, { a: '1', b: '2' });
  assert.deepEqual(obj.metadata.managedFields.map((e) => `${e.manager}/${e.operation}`), ['one/Apply', 'two/Apply']);
  // A conflicting value: 409 with the owner and the field.
  const clash = await raw(ts, 'PATCH', `${path}?fieldManager=two`, { body: cm({ a: 'x' }), headers: APPLY });
  assert.equal(clash.status, 409);
  assert.deepEqual(clash.json(), {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 409, reason: 'Conflict',
    message: 'Apply failed with 1 conflict: conflict with "one": .data.a',
    details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "one"', field: '.data.a' }] },
  });
  assert.equal((await raw(ts, 'PATCH', `${path}?fieldManager=two&force=true`, { body: cm({ a: 'x' }), headers: APPLY })).status, 200);
  // force is for apply only.
  const force = await raw(ts, 'PATCH', `${path}?force=true`, { body: '{}', headers: { 'content-type': 'application/merge-patch+json' } });
  assert.equal(force.status, 422);
  assert.match((force.json() as { message: string }).message, /force: Forbidden: may not be specified for non-apply patch/);
  // Strategic merge patch: a merge-key list directive on a ConfigMap field that is a map is a plain merge.
  const smp = await raw(ts, 'PATCH', `${path}?fieldManager=three`, { body: '{"data":{"b":null,"c":"3"}}', headers: SMP });
  assert.equal(smp.status, 200);
  assert.deepEqual((smp.json() as { data: object }).data, { a: 'x', c: '3' });
  const bad = await raw(ts, 'PATCH', path, { body: '{"$patch":"bogus"}', headers: SMP });
  assert.equal(bad.status, 500);
  assert.equal((bad.json() as { message: string }).message, 'unknown patch type: bogus in map: map[$patch:bogus]');
});
