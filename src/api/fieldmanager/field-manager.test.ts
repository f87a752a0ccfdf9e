import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyConfiguration, keepTimesOnNoop, recordUpdate, type FieldManagerOptions } from './field-manager.js';
import { builtinMergeSchema } from '../merge/catalog-schema.js';
import type { MergeNode } from '../merge/schema.js';
import { StatusError } from '../status.js';
import { FieldSet } from './field-set.js';

type Obj = Record<string, any>; // any: assertions walk into known object shapes

const rcNode = builtinMergeSchema().forKind('', 'v1', 'ReplicationController') as MergeNode;
let clock = Date.parse('2025-01-01T00:00:00Z');
const opts: FieldManagerOptions = {
  node: rcNode, apiVersion: 'v1', kind: 'ReplicationController',
  resetFields: FieldSet.of([{ field: 'status' }]),
  now: () => new Date((clock += 1000)),
};

function rc(spec: Obj, meta: Obj = {}): Obj {
  return { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'web', namespace: 'default', ...meta }, spec };
}
const tmpl = (containers: Obj[]) => ({ metadata: { labels: { app: 'web' } }, spec: { containers } });
/** What the store does on a write: keeps the uid once created. */
const stored = (o: Obj): Obj => ({ ...o, metadata: { ...o['metadata'], uid: 'u1' } });
const entries = (o: Obj) => o['metadata']['managedFields'] as Obj[];
const byManager = (o: Obj, m: string) => entries(o).find((e) => e['manager'] === m);

function status(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

test('recordUpdate() records a create as an Update entry without identity metadata', () => {
  const created = recordUpdate(undefined, rc({ replicas: 2, selector: { app: 'web' }, template: tmpl([{ name: 'c', image: 'nginx' }]) }, { labels: { app: 'web' } }), 'kubectl-create', opts);
  assert.equal(entries(created).length, 1);
  const e = byManager(created, 'kubectl-create') as Obj;
  assert.deepEqual({ ...e, time: 'T' }, {
    manager: 'kubectl-create', operation: 'Update', apiVersion: 'v1', time: 'T', fieldsType: 'FieldsV1',
    fieldsV1: {
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': {
        'f:replicas': {},
        'f:selector': {},
        'f:template': {
          '.': {},
          'f:metadata': { '.': {}, 'f:labels': { '.': {}, 'f:app': {} } },
          // template is a pointer: nothing below it exists in the zero object, so all is added.
          'f:spec': { '.': {}, 'f:containers': { '.': {}, 'k:{"name":"c"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
        },
      },
    },
  });
  assert.match(e['time'], /^2025-01-01T00:00:\d\dZ$/);
});

test('recordUpdate() moves changed fields to the writer and merges repeated writes', () => {
  let o = stored(recordUpdate(undefined, rc({ replicas: 2, selector: { app: 'web' } }), 'creator', opts));
  o = stored(recordUpdate(o, rc({ replicas: 5, selector: { app: 'web' } }, { managedFields: o['metadata']['managedFields'] }), 'scaler', opts));
  assert.deepEqual(byManager(o, 'creator')?.['fieldsV1'], { 'f:spec': { 'f:selector': {} } });
  assert.deepEqual(byManager(o, 'scaler')?.['fieldsV1'], { 'f:spec': { 'f:replicas': {} } });
  o = stored(recordUpdate(o, rc({ replicas: 5, selector: { app: 'web' }, minReadySeconds: 3 }), 'scaler', opts));
  assert.deepEqual(byManager(o, 'scaler')?.['fieldsV1'], { 'f:spec': { 'f:minReadySeconds': {}, 'f:replicas': {} } });
  // A subresource write is recorded with its subresource.
  o = stored(recordUpdate(o, rc({ replicas: 6, selector: { app: 'web' }, minReadySeconds: 3 }), 'hpa', { ...opts, subresource: 'scale' }));
  assert.equal(byManager(o, 'hpa')?.['subresource'], 'scale');
});

test('recordUpdate() does not start tracking an existing object and honours a managedFields reset', () => {
  const untracked: Obj = recordUpdate(stored(rc({ replicas: 1 })), rc({ replicas: 2 }), 'x', opts);
  assert.equal(untracked['metadata']['managedFields'], undefined);
  const o = stored(recordUpdate(undefined, rc({ replicas: 1 }), 'a', opts));
  const reset: Obj = recordUpdate(o, rc({ replicas: 1 }, { managedFields: [] }), 'b', opts);
  assert.equal(reset['metadata']['managedFields'], undefined);
});

test('applyConfiguration() creates, then removes fields the applier dropped but keeps others\' fields', () => {
  const v1 = rc({ replicas: 2, selector: { app: 'web' }, template: tmpl([{ name: 'c', image: 'nginx', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }]) });
  let o = stored(applyConfiguration(undefined, v1, 'deployer', opts));
  const applied = byManager(o, 'deployer') as Obj;
  assert.equal(applied['operation'], 'Apply');
  assert.ok(applied['fieldsV1']['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"c"}']['f:env']['k:{"name":"B"}']);
  // Another actor adds a label and an env var.
  const other = structuredClone(o);
  other['metadata']['labels'] = { team: 'ops' };
  other['spec']['template']['spec']['containers'][0]['env'].push({ name: 'C', value: '3' });
  o = stored(recordUpdate(o, other, 'webhook', opts));
  // The applier drops env B and changes the image.
  const v2 = structuredClone(v1);
  v2['spec']['template']['spec']['containers'][0] = { name: 'c', image: 'nginx:2', env: [{ name: 'A', value: '1' }] };
  o = stored(applyConfiguration(o, v2, 'deployer', opts));
  const c = o['spec']['template']['spec']['containers'][0];
  assert.equal(c['image'], 'nginx:2');
  assert.deepEqual(c['env'].map((e: Obj) => e['name']), ['A', 'C']);
  assert.deepEqual(o['metadata']['labels'], { team: 'ops' });
});

test('applyConfiguration() reports conflicts with other managers as kube-apiserver does', () => {
  let o = stored(recordUpdate(undefined, rc({ replicas: 2, selector: { app: 'web' } }), 'kubectl-client-side-apply', opts));
  const err = status(() => applyConfiguration(o, rc({ replicas: 3, selector: { app: 'web' } }), 'kubectl', opts));
  assert.equal(err.status.code, 409);
  assert.equal(err.status.reason, 'Conflict');
  assert.equal(err.status.message, 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .spec.replicas');
  assert.deepEqual(err.status.details?.causes, [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using v1', field: '.spec.replicas' }]);
  // The same value is shared ownership, not a conflict.
  o = stored(applyConfiguration(o, rc({ replicas: 2, selector: { app: 'web' } }), 'kubectl', opts));
  assert.ok(byManager(o, 'kubectl')?.['fieldsV1']['f:spec']['f:replicas']);
  assert.ok(byManager(o, 'kubectl-client-side-apply')?.['fieldsV1']['f:spec']['f:replicas']);
  // Two conflicting fields with two managers.
  o = stored(recordUpdate(o, rc({ replicas: 2, selector: { app: 'web' }, minReadySeconds: 1 }), 'other', opts));
  const two = status(() => applyConfiguration(o, rc({ replicas: 4, selector: { app: 'web' }, minReadySeconds: 2 }), 'third', opts));
  assert.equal(two.status.message, 'Apply failed with 3 conflicts: conflicts with "kubectl":\n- .spec.replicas\nconflicts with "kubectl-client-side-apply" using v1:\n- .spec.replicas\nconflicts with "other" using v1:\n- .spec.minReadySeconds');
});

test('applyConfiguration() with force takes ownership from the other managers', () => {
  let o = stored(recordUpdate(undefined, rc({ replicas: 2, selector: { app: 'web' } }), 'editor', opts));
  o = stored(applyConfiguration(o, rc({ replicas: 3 }), 'ops', { ...opts, force: true }));
  assert.equal(o['spec']['replicas'], 3);
  assert.deepEqual(byManager(o, 'editor')?.['fieldsV1'], { 'f:spec': { 'f:selector': {} } });
  assert.deepEqual(byManager(o, 'ops')?.['fieldsV1'], { 'f:spec': { 'f:replicas': {} } });
  // Dropping replicas later removes it: nobody else owns it any more.
  o = stored(applyConfiguration(o, rc({ minReadySeconds: 1 }), 'ops', opts));
  assert.equal(o['spec']['replicas'], undefined);
  assert.deepEqual(o['spec'], { selector: { app: 'web' }, minReadySeconds: 1 });
});

test('applyConfiguration() gives existing fields to "before-first-apply" on an untracked object', () => {
  const o: Obj = applyConfiguration(stored(rc({ replicas: 2 })), rc({ minReadySeconds: 1 }), 'a', opts);
  assert.deepEqual(byManager(o, 'before-first-apply')?.['fieldsV1'], { 'f:spec': { 'f:replicas': {} } });
  assert.equal(o['spec']['replicas'], 2);
});

test('applyConfiguration() rejects a configuration of another kind, with managedFields or undeclared fields', () => {
  const bad = (cfg: Obj) => status(() => applyConfiguration(undefined, cfg, 'a', { ...opts, objectName: 'default/web' })).status;
  assert.deepEqual([bad({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } }).code, bad({ apiVersion: 'v1', kind: 'Pod' }).message], [400, 'invalid object type: /v1, Kind=Pod']);
  assert.equal(bad(rc({}, { managedFields: [] })).message, 'metadata.managedFields must be nil');
  const unknown = bad(rc({ replica: 1 }));
  assert.equal(unknown.code, 400);
  assert.equal(unknown.message, 'failed to create typed patch object (default/web; /v1, Kind=ReplicationController): .spec.replica: field not declared in schema');
  const keyless = bad(rc({ template: tmpl([{ image: 'x' }]) }));
  assert.match(keyless.message ?? '', /\.spec\.template\.spec\.containers: element 0: associative list with keys has an element that omits all key fields \["name"\]/);
  const dup = bad(rc({ template: tmpl([{ name: 'a' }, { name: 'a' }]) }));
  assert.match(dup.message ?? '', /\.spec\.template\.spec\.containers: duplicate entries for key \[name="a"\]/);
});

test('applyConfiguration() returns the live object unchanged when nothing changes, and keepTimesOnNoop() keeps times', () => {
  const cfg = rc({ replicas: 2 });
  const o = stored(applyConfiguration(undefined, cfg, 'a', opts));
  const again = applyConfiguration(o, cfg, 'a', opts);
  assert.deepEqual(again, o);
  const touched = recordUpdate(o, structuredClone(o), 'a', opts);
  assert.deepEqual(keepTimesOnNoop(touched, o), o);
});

test('applyConfiguration() by kubectl takes over fields still equal to the last client-side apply', () => {
  const last = JSON.stringify(rc({ replicas: 2 }));
  let o = stored(recordUpdate(undefined, rc({ replicas: 2 }, { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': last } }), 'kubectl-client-side-apply', opts));
  o = stored(applyConfiguration(o, rc({ replicas: 3 }), 'kubectl', opts));
  assert.equal(o['spec']['replicas'], 3);
  assert.match(o['metadata']['annotations']['kubectl.kubernetes.io/last-applied-configuration'], /"replicas":3/);
  // Another manager's change since the last apply still conflicts.
  o = stored(recordUpdate(o, rc({ replicas: 7 }, { annotations: o['metadata']['annotations'] }), 'hpa', opts));
  assert.equal(status(() => applyConfiguration(o, rc({ replicas: 4 }), 'kubectl', opts)).status.code, 409);
});
