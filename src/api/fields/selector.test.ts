import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_FIELD_LABELS, checkFieldLabels, parseFieldSelector } from './selector.js';

test('parseFieldSelector() parses =, == and != with escapes', () => {
  const s = parseFieldSelector('metadata.name==a\\,b,status.phase!=Running,spec.nodeName=n1');
  assert.equal(s.terms.length, 3);
  assert.equal(s.matches({ 'metadata.name': 'a,b', 'status.phase': 'Pending', 'spec.nodeName': 'n1' }), true);
  assert.equal(s.matches({ 'metadata.name': 'a,b', 'status.phase': 'Running', 'spec.nodeName': 'n1' }), false);
  assert.equal(s.requiresExactMatch('metadata.name'), 'a,b');
  assert.equal(parseFieldSelector('').empty(), true);
});

test('parseFieldSelector() rejects terms without an operator and bad escapes', () => {
  assert.throws(() => parseFieldSelector('foo'), { message: "invalid selector: 'foo'; can't understand 'foo'" });
  assert.throws(() => parseFieldSelector('a=b\\x'), { message: 'invalid field selector: invalid escape sequence: \\x' });
});

test('checkFieldLabels() rejects unknown fields with the default message', () => {
  assert.throws(() => checkFieldLabels(parseFieldSelector('foo.bar=1'), DEFAULT_FIELD_LABELS),
    { message: '"foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"' });
  const renamed = checkFieldLabels(parseFieldSelector('spec.host=n'), { fields: ['spec.nodeName'], aliases: { 'spec.host': 'spec.nodeName' } });
  assert.equal(renamed.toString(), 'spec.nodeName=n');
});
