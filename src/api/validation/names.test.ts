import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName, nameIsDNSSubdomain } from './names.js';
import { FieldPath, errorString, fieldErrors, invalidError } from './field-errors.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/object-meta.js';

test('isDNS1123Subdomain() words the error as Kubernetes does', () => {
  assert.deepEqual(isDNS1123Subdomain('ok.example'), []);
  assert.deepEqual(isDNS1123Subdomain('Bad_Name'), [
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  ]);
  assert.equal(isDNS1123Subdomain('a'.repeat(254))[0], 'must be no more than 253 characters');
});

test('isDNS1123Label() and isDNS1035Label() follow their regexes', () => {
  assert.deepEqual(isDNS1123Label('a.b'), ['must not contain dots']);
  assert.match(isDNS1123Label('A')[0] ?? '', /\(e\.g\. 'my-name',  or '123-abc', regex used/);
  assert.deepEqual(isDNS1035Label('web'), []);
  assert.equal(isDNS1035Label('1web').length, 1);
});

test('isQualifiedName() and isValidLabelValue() check prefixes and lengths', () => {
  assert.deepEqual(isQualifiedName('example.com/app'), []);
  assert.match(isQualifiedName('/app')[0] ?? '', /^prefix part must be non-empty/);
  assert.match(isQualifiedName('a/b/c')[0] ?? '', /^a qualified name must consist/);
  assert.deepEqual(isValidLabelValue(''), []);
  assert.equal(isValidLabelValue('x'.repeat(64))[0], 'must be no more than 63 characters');
  assert.deepEqual(isValidPortName('http'), []);
  assert.deepEqual(isValidPortName('80'), ['must contain at least one letter (a-z)']);
});

test('field errors render like apimachinery and aggregate into a 422', () => {
  const p = FieldPath.root('spec').child('containers').index(0).child('name');
  assert.equal(errorString(fieldErrors.required(p)), 'spec.containers[0].name: Required value');
  assert.equal(errorString(fieldErrors.invalid('spec.replicas', -1, 'must be greater than or equal to 0')), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  assert.equal(errorString(fieldErrors.notSupported('spec.restartPolicy', 'Sometimes', ['Always', 'Never'])),
    'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never"');
  const err = invalidError('Deployment', 'apps', 'web', [fieldErrors.invalid('spec.replicas', -1, 'must be greater than or equal to 0')]);
  assert.equal(err.status.code, 422);
  assert.equal(err.status.message, 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  assert.deepEqual(err.status.details?.causes, [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' }]);
});

test('validateObjectMeta() requires a name and checks namespace scope', () => {
  const errs = validateObjectMeta({ namespace: 'x' }, { namespaced: false, nameValidator: nameIsDNSSubdomain });
  assert.deepEqual(errs.map(errorString), ['metadata.name: Required value: name or generateName is required', 'metadata.namespace: Forbidden: not allowed on this type']);
  assert.equal(validateObjectMeta({ name: 'Bad' }, { namespaced: true, nameValidator: nameIsDNSSubdomain }).length, 2);
  assert.deepEqual(validateObjectMeta({ generateName: 'web-', namespace: 'default' }, { namespaced: true, nameValidator: nameIsDNSSubdomain }).map(errorString),
    ['metadata.name: Required value: name or generateName is required']);
});

test('validateObjectMetaUpdate() protects identity fields and finalizers while deleting', () => {
  const prev = { name: 'a', uid: 'u1', resourceVersion: '5', deletionTimestamp: '2024-01-01T00:00:00Z', finalizers: ['x'] };
  const errs = validateObjectMetaUpdate({ ...prev, uid: 'u2', finalizers: ['x', 'y'] }, prev).map(errorString);
  assert.ok(errs.includes('metadata.uid: Invalid value: "u2": field is immutable'));
  assert.ok(errs.some((e) => e.startsWith('metadata.finalizers: Forbidden: no new finalizers can be added')));
});
