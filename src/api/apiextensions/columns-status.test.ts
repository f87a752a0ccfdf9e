import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalJsonPath, parseJsonPath } from './jsonpath.js';
import { customResourcePrinter } from './printer-columns.js';
import { crdStatus } from './crd-status.js';
import { scaleOf, withScale } from './scale.js';

const obj = {
  metadata: { name: 'w', creationTimestamp: '2025-01-01T00:00:00Z', labels: { 'app.kubernetes.io/name': 'x' } },
  spec: { replicas: 3, image: 'nginx', ports: [{ name: 'a', port: 80 }, { name: 'b', port: 81 }] },
  status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Synced', status: 'False' }], replicas: 2, selector: 'app=w' },
};

test('evalJsonPath() covers the forms printer columns use', () => {
  const ev = (p: string) => evalJsonPath(obj, parseJsonPath(p));
  assert.deepEqual(ev('.spec.replicas'), [3]);
  assert.deepEqual(ev('{.spec.ports[1].port}'), [81]);
  assert.deepEqual(ev('.spec.ports[*].name'), ['a', 'b']);
  assert.deepEqual(ev(".metadata.labels['app.kubernetes.io/name']"), ['x']);
  assert.deepEqual(ev('.status.conditions[?(@.type=="Ready")].status'), ['True']);
  assert.deepEqual(ev('.spec.missing.deeper'), []);
  assert.throws(() => parseJsonPath('.spec[?(@.a > 1)]'), /unsupported JSONPath element/);
});

test('customResourcePrinter() prints Name, the CRD columns typed, or Age by default', () => {
  const p = customResourcePrinter([
    { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
    { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
    { name: 'Missing', type: 'string', jsonPath: '.spec.nothing', priority: 1 },
    { name: 'Created', type: 'date', jsonPath: '.metadata.creationTimestamp' },
  ]);
  assert.deepEqual(p.columns.map((c) => [c.name, c.type, c.priority]), [['Name', 'string', 0], ['Replicas', 'integer', 0], ['Ready', 'string', 0], ['Missing', 'string', 1], ['Created', 'date', 0]]);
  const now = Date.parse('2025-01-11T00:00:00Z');
  assert.deepEqual(p.row(obj, now).cells, ['w', 3, 'True', null, '10d']);
  assert.deepEqual(customResourcePrinter(undefined).row(obj, now).cells, ['w', '10d']);
});

test('crdStatus() accepts fresh names and refuses names another CRD of the group holds', () => {
  const crd = (name: string, plural: string, kind: string, accepted?: object) => ({
    metadata: { name: `${plural}.example.com` }, spec: { group: 'example.com', names: { plural, singular: name, kind, listKind: `${kind}List`, shortNames: ['w'] } },
    status: accepted ? { acceptedNames: accepted } : {},
  });
  const first = crdStatus(crd('widget', 'widgets', 'Widget'), [], { now: 'T1', served: true });
  assert.deepEqual(first.acceptedNames, { plural: 'widgets', singular: 'widget', shortNames: ['w'], kind: 'Widget', listKind: 'WidgetList' });
  assert.deepEqual(first.conditions.map((c) => [c.type, c.status, c.reason]), [['NamesAccepted', 'True', 'NoConflicts'], ['Established', 'True', 'InitialNamesAccepted']]);
  const other = crd('widget', 'widgets', 'Widget', first.acceptedNames);
  const clash = crdStatus({ ...crd('gadget', 'gadgets', 'Widget'), metadata: { name: 'gadgets.example.com' } }, [other], { now: 'T2', served: true });
  assert.deepEqual(clash.conditions.map((c) => [c.type, c.status, c.reason, c.message]), [
    ['NamesAccepted', 'False', 'ListKindConflict', '"WidgetList" is already in use'],
    ['Established', 'False', 'NotAccepted', 'not all names are accepted'],
  ]);
});

test('scaleOf() and withScale() map a custom object to autoscaling/v1 Scale and back', () => {
  const spec = { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' };
  assert.deepEqual(scaleOf(obj, spec), {
    kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'w', creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: { replicas: 3 }, status: { replicas: 2, selector: 'app=w' },
  });
  assert.equal((withScale(obj, { spec: { replicas: 7 } }, spec)['spec'] as { replicas: number }).replicas, 7);
  assert.equal(obj.spec.replicas, 3);
});
