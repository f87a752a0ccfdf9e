import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCRD } from './crd-validation.js';
import { mergeNodeFor } from './merge-schema.js';
import type { FieldError } from '../validation/field-errors.js';

const lines = (errs: readonly FieldError[]) => errs.map((e) => `${e.field}: ${e.detail}`);

function crd(over: Record<string, unknown> = {}, versions?: unknown[]) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com', scope: 'Namespaced',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList', shortNames: ['wd'] },
      versions: versions ?? [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } } } }],
      ...over,
    },
  };
}

test('validateCRD() accepts a well-formed CRD, rules it cannot evaluate included', () => {
  assert.deepEqual(validateCRD(crd()), []);
  const withRule = crd({}, [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-validations': [{ rule: 'self.?x.hasValue()' }] } } }]);
  assert.deepEqual(validateCRD(withRule), []);
});

test('validateCRD() refuses bad names, groups, scopes and version sets with kube-apiserver\'s messages', () => {
  const errs = lines(validateCRD({ ...crd({ group: 'example', scope: 'Global' }, [
    { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } },
    { name: 'v1', served: true, storage: true },
  ]), metadata: { name: 'widgets.example.com' } }));
  assert.deepEqual(errs, [
    'metadata.name: must be spec.names.plural+"."+spec.group',
    'spec.group: should be a domain with at least one dot',
    'spec.scope: supported values: "Cluster", "Namespaced"',
    'spec.versions: must contain unique version names',
    'spec.versions: must have exactly one version marked as storage version',
    'spec.versions[1].schema.openAPIV3Schema: ',
  ]);
});

test('validateCRD() refuses non-structural schemas', () => {
  const errs = lines(validateCRD(crd({}, [{
    name: 'v1', served: true, storage: true,
    schema: { openAPIV3Schema: { type: 'object', properties: { spec: { properties: { a: { type: 'string' } } }, metadata: { type: 'object', properties: { labels: { type: 'object' } } }, list: { type: 'array', 'x-kubernetes-list-type': 'map', items: { type: 'object', properties: { k: { type: 'string' } } } } } } },
  }])));
  assert.deepEqual(errs, [
    'spec.versions[0].schema.openAPIV3Schema.properties[spec].type: must not be empty for specified object fields',
    'spec.versions[0].schema.openAPIV3Schema.properties[list].x-kubernetes-list-map-keys: must not be empty if x-kubernetes-list-type is map',
    'spec.versions[0].schema.openAPIV3Schema.properties[metadata]: must not specify anything other than name and generateName, but metadata is implicitly specified',
  ]);
});

test('mergeNodeFor() gives apply the list and map semantics of a CRD schema', () => {
  const node = mergeNodeFor({ type: 'object', properties: { spec: { type: 'object', properties: {
    ports: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], items: { type: 'object', properties: { name: { type: 'string' } } } },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    sel: { type: 'object', 'x-kubernetes-map-type': 'atomic', properties: { a: { type: 'string' } } },
  } } } });
  assert.equal(node.kind, 'struct');
  const spec = node.kind === 'struct' ? node.field('spec')?.node : undefined;
  assert.ok(spec && spec.kind === 'struct');
  assert.deepEqual(spec.field('ports')?.node.kind === 'list' && { t: (spec.field('ports')?.node as { listType: string }).listType, k: (spec.field('ports')?.node as { keys: readonly string[] }).keys }, { t: 'map', k: ['name'] });
  assert.equal(spec.field('labels')?.node.kind, 'map');
  assert.equal((spec.field('sel')?.node as { atomic: boolean }).atomic, true);
  assert.ok(node.kind === 'struct' && node.field('metadata'));
});
