import { test } from 'node:test';
import assert from 'node:assert/strict';
import { managerOrUserAgent, validateFieldManager } from './manager-name.js';
import { errorString } from '../validation/field-errors.js';

test('managerOrUserAgent() prefers fieldManager and otherwise takes the User-Agent up to its first slash', () => {
  assert.equal(managerOrUserAgent('kubectl-edit', 'kubectl/v1.33.1 (linux/amd64) kubernetes/8adc0f0'), 'kubectl-edit');
  assert.equal(managerOrUserAgent(undefined, 'kubectl/v1.33.1 (linux/amd64) kubernetes/8adc0f0'), 'kubectl');
  assert.equal(managerOrUserAgent('', 'kube-controller-manager/v1.33.0 (linux/amd64)/leader-election'), 'kube-controller-manager');
  assert.equal(managerOrUserAgent(undefined, 'a\u0007b/1'), 'ab');
  assert.equal(managerOrUserAgent(undefined, 'x'.repeat(200)).length, 128);
  assert.equal(managerOrUserAgent(undefined, undefined), '');
});

test('validateFieldManager() requires a manager for apply and rejects long or unprintable ones', () => {
  assert.deepEqual(validateFieldManager('kubectl', { apply: true }), []);
  assert.deepEqual(validateFieldManager('', { apply: true }).map(errorString), ['fieldManager: Required value: is required for apply patch']);
  assert.deepEqual(validateFieldManager('x'.repeat(129)).map(errorString), ['fieldManager: Too long: may not be more than 128 bytes']);
  assert.deepEqual(validateFieldManager('a\tb').map(errorString), ['fieldManager: Invalid value: "a\\tb": invalid character U+0009 (at position 1)']);
});
