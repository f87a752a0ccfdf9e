import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertNone, customVersions, openAPISchemas, storageVersion } from './crd-resources.js';

const crd = {
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com', scope: 'Namespaced',
    names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList', shortNames: ['wd'], categories: ['all'] },
    versions: [
      { name: 'v1beta1', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object' } } },
      {
        name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object' } } } },
        subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } },
        additionalPrinterColumns: [{ name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' }],
      },
      { name: 'v0', served: false, storage: false },
    ],
  },
};

test('customVersions() serves each served version with names, scope, subresources and columns', () => {
  const vs = customVersions(crd);
  assert.deepEqual(vs.map((v) => v.def.version), ['v1beta1', 'v1']);
  const v1 = vs[1];
  assert.ok(v1);
  assert.deepEqual({ ...v1.def, verbs: v1.def.verbs.length }, {
    group: 'example.com', version: 'v1', plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList', namespaced: true,
    verbs: 8, definition: 'com.example.v1.Widget', shortNames: ['wd'], categories: ['all'],
    subresources: [
      { name: 'status', kind: { group: 'example.com', version: 'v1', kind: 'Widget' }, verbs: ['get', 'patch', 'update'] },
      { name: 'scale', kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
    ],
  });
  assert.deepEqual([v1.hasStatus, v1.storage, v1.columns.length, v1.scale?.specReplicasPath], [true, true, 1, '.spec.replicas']);
  assert.equal(storageVersion(crd), 'v1');
  assert.deepEqual(convertNone({ apiVersion: 'example.com/v1beta1', kind: 'Widget' }, 'example.com', 'v1'), { apiVersion: 'example.com/v1', kind: 'Widget' });
});

test('openAPISchemas() describes the kind and its list with their group-version-kinds', () => {
  const v1 = customVersions(crd)[1];
  assert.ok(v1);
  const s = openAPISchemas(v1);
  assert.deepEqual([...s.keys()], ['com.example.v1.Widget', 'com.example.v1.WidgetList']);
  assert.deepEqual(s.get('com.example.v1.Widget')?.['x-kubernetes-group-version-kind'], [{ group: 'example.com', kind: 'Widget', version: 'v1' }]);
  assert.deepEqual(Object.keys(s.get('com.example.v1.Widget')?.['properties'] as object), ['spec', 'apiVersion', 'kind', 'metadata']);
  assert.deepEqual(s.get('com.example.v1.WidgetList')?.['x-kubernetes-group-version-kind'], [{ group: 'example.com', kind: 'WidgetList', version: 'v1' }]);
});
