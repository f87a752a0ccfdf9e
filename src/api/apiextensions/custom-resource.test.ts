import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pruneAndDefault, validateCustomObject } from './custom-resource.js';
import { ruleWarnings } from './cel-rules.js';
import type { JSONSchemaProps } from './json-schema.js';
import type { FieldError } from '../validation/field-errors.js';

const schema: JSONSchemaProps = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['image'],
      'x-kubernetes-validations': [
        { rule: 'self.replicas <= self.maxReplicas', message: 'replicas must not exceed maxReplicas' },
        { rule: 'self.image.startsWith("registry.")', messageExpression: '"image " + self.image + " is not from the registry"', reason: 'FieldValueForbidden', fieldPath: '.image' },
        { rule: 'self.?optional.orValue(1) > 0' },
      ],
      properties: {
        image: { type: 'string', pattern: '^[a-z.]+(:[0-9.]+)?$', maxLength: 40 },
        replicas: { type: 'integer', minimum: 0, default: 1 },
        maxReplicas: { type: 'integer', default: 10 },
        mode: { type: 'string', enum: ['fast', 'safe'] },
        port: { 'x-kubernetes-int-or-string': true },
        tags: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
        ports: {
          type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'],
          items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, port: { type: 'integer' } } },
        },
        extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
        immutable: { type: 'string', 'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'is immutable' }] },
      },
    },
    status: { type: 'object', properties: { ready: { type: 'boolean' } } },
  },
};

const cr = (spec: object) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });
const lines = (errs: readonly FieldError[]) => errs.map((e) => `${e.field}: ${e.type}: ${e.value === undefined ? '' : JSON.stringify(e.value)}: ${e.detail}`);

test('pruneAndDefault() prunes undeclared fields (reporting them), keeps preserved ones, and applies defaults', () => {
  const { object, unknownFields } = pruneAndDefault(cr({ image: 'registry.io', bogus: 1, extra: { any: { thing: 1 } }, template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }, ports: [{ name: 'a', junk: 2 }] }), schema);
  assert.deepEqual(unknownFields, ['spec.bogus', 'spec.ports[0].junk']);
  assert.deepEqual(object['spec'], { image: 'registry.io', extra: { any: { thing: 1 } }, template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }, ports: [{ name: 'a' }], replicas: 1, maxReplicas: 10 });
});

test('validateCustomObject() reports schema violations with the schema path, as kube-apiserver words them', () => {
  const errs = validateCustomObject(cr({ image: 'UPPER', replicas: 'two', mode: 'slow', port: 1.5, tags: ['a', 'a'], ports: [{ name: 'x' }, { name: 'x' }] }), schema);
  assert.deepEqual(lines(errs), [
    `spec.image: FieldValueInvalid: "UPPER": spec.image in body should match '^[a-z.]+(:[0-9.]+)?$'`,
    'spec.replicas: FieldValueTypeInvalid: "string": spec.replicas in body must be of type integer: "string"',
    'spec.mode: FieldValueNotSupported: "slow": supported values: "fast", "safe"',
    'spec.port: FieldValueTypeInvalid: "number": spec.port in body must be of type integer,string: "number"',
    'spec.tags[1]: FieldValueDuplicate: "a": ',
    'spec.ports[1]: FieldValueDuplicate: {"name":"x"}: ',
    '<nil>: FieldValueInvalid: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
  ]);
  assert.deepEqual(lines(validateCustomObject(cr({ replicas: -1 }), schema)).slice(0, 2), [
    'spec.image: FieldValueRequired: : ',
    'spec.replicas: FieldValueInvalid: -1: spec.replicas in body should be greater than or equal to 0',
  ]);
  assert.deepEqual(lines(validateCustomObject(cr({ image: 'registry.' + 'x'.repeat(40), replicas: 1, maxReplicas: 1 }), schema)), ['spec.image: FieldValueTooLong: : may not be more than 40 bytes']);
  // Without defaults applied a rule may meet a missing key: reported as cel-go reports it.
  assert.deepEqual(lines(validateCustomObject(cr({ image: 'registry.io' }), schema)), ['spec: FieldValueInvalid: "object": no such key: replicas evaluating rule: self.replicas <= self.maxReplicas']);
});

test('validateCustomObject() evaluates x-kubernetes-validations with self, messages, reasons and field paths', () => {
  assert.deepEqual(validateCustomObject(cr({ image: 'registry.io', replicas: 2, maxReplicas: 3 }), schema), []);
  assert.deepEqual(lines(validateCustomObject(cr({ image: 'docker.io', replicas: 5, maxReplicas: 3 }), schema)), [
    'spec: FieldValueInvalid: "object": replicas must not exceed maxReplicas',
    'spec.image: FieldValueForbidden: : image docker.io is not from the registry',
  ]);
});

test('validateCustomObject() runs transition rules only on update, against the correlated old value', () => {
  const v1 = pruneAndDefault(cr({ image: 'registry.io', immutable: 'a' }), schema).object;
  assert.deepEqual(validateCustomObject(v1, schema), []);
  assert.deepEqual(validateCustomObject(v1, schema, v1), []);
  const v2 = pruneAndDefault(cr({ image: 'registry.io', immutable: 'b' }), schema).object;
  assert.deepEqual(lines(validateCustomObject(v2, schema, v1)), ['spec.immutable: FieldValueInvalid: "string": is immutable']);
});

test('ruleWarnings() names the rules k3ts cannot evaluate instead of refusing them', () => {
  const warnings = ruleWarnings(schema);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0] ?? '', /^openAPIV3Schema\.properties\[spec\]\.x-kubernetes-validations\[2\]: rule "self\.\?optional\.orValue\(1\) > 0" is not enforced: the CEL library cannot parse it/);
  assert.deepEqual(ruleWarnings({ type: 'object', 'x-kubernetes-validations': [{ rule: 'optional.of(self.v).optMap(x, x + 1).hasValue()' }] }).map((w) => w.replace(/.*: /, '')), ['k3ts does not implement optMap']);
  assert.deepEqual(ruleWarnings({ type: 'object', 'x-kubernetes-validations': [{ rule: 'semver(self.v).major() > 1 && ip(self.a).family() == 4 && !format.uuid().validate(self.u).hasValue()' }] }), []);
});

test('validateCustomObject() has the Kubernetes CEL libraries: lists, regex, URLs, IPs, quantities, sets', () => {
  const rules = [
    'self.items.isSorted() && self.items.sum() == 6 && self.items.max() == 3 && self.items.indexOf(2) == 1',
    'self.name.find("[0-9]+") == "42" && self.name.findAll("[a-z]").size() == 3',
    'isURL(self.url) && url(self.url).getHost() == "example.com:8443" && url(self.url).getScheme() == "https"',
    'isIP(self.ip) && isCIDR(self.cidr) && !isIP(self.name)',
    'quantity(self.mem).isGreaterThan(quantity("500Mi")) && quantity("1000m").compareTo(quantity("1")) == 0 && isQuantity(self.mem)',
    'quantity(self.mem).add(quantity("1Gi")) == quantity("2Gi") && quantity("3").asInteger() == 3',
    'sets.contains(self.items, [1, 2]) && !sets.intersects(self.items, [9])',
    'self.name.lowerAscii() == "abc42" && self.name.split("4").size() == 2',
  ];
  const s: JSONSchemaProps = {
    type: 'object',
    'x-kubernetes-validations': rules.map((rule) => ({ rule })),
    properties: {
      items: { type: 'array', items: { type: 'integer' } }, name: { type: 'string' }, url: { type: 'string' },
      ip: { type: 'string' }, cidr: { type: 'string' }, mem: { type: 'string' },
    },
  };
  const good = { items: [1, 2, 3], name: 'abc42', url: 'https://example.com:8443/x', ip: '10.0.0.1', cidr: '10.0.0.0/8', mem: '1Gi' };
  assert.deepEqual(lines(validateCustomObject(good, s)), []);
  const bad = lines(validateCustomObject({ ...good, items: [3, 2, 1], mem: '100Mi' }, s));
  assert.deepEqual(bad.map((l) => l.replace(/: failed rule: .*/, '')), [': FieldValueInvalid: "object"', ': FieldValueInvalid: "object"', ': FieldValueInvalid: "object"']);
});
