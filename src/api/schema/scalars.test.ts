/** @module Time, duration, quantity and base64 forms. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, formatMicroTime, formatTime, isBase64, isQuantity, parseDuration, parseTime } from './scalars.js';

test('parseTime() reads RFC 3339 with offsets and fractions; formatTime() writes UTC seconds', () => {
  assert.deepEqual(parseTime('2024-01-02T03:04:05Z'), { seconds: 1704164645, nanos: 0 });
  assert.deepEqual(parseTime('2024-01-02T04:04:05.5+01:00'), { seconds: 1704164645, nanos: 500000000 });
  assert.equal(parseTime('2024-02-30T00:00:00Z'), undefined);
  assert.equal(parseTime('yesterday'), undefined);
  assert.equal(formatTime({ seconds: 1704164645, nanos: 999 }), '2024-01-02T03:04:05Z');
  assert.equal(formatMicroTime({ seconds: 1704164645, nanos: 123456789 }), '2024-01-02T03:04:05.123456Z');
  assert.equal(formatTime({ seconds: -62135596800, nanos: 0 }), undefined, 'the zero time is null in JSON');
  assert.equal(formatTime(parseTime('0050-06-07T08:09:10Z') ?? { seconds: 0, nanos: 0 }), '0050-06-07T08:09:10Z');
});

test('formatDuration() writes what Go writes and parseDuration() reads it back', () => {
  const cases: [number, string][] = [[0, '0s'], [1, '1ns'], [1500, '1.5µs'], [500e6, '500ms'], [1.5e9, '1.5s'], [60e9, '1m0s'], [3600e9 + 2e9, '1h0m2s'], [-30e9, '-30s']];
  for (const [ns, s] of cases) {
    assert.equal(formatDuration(ns), s);
    assert.equal(parseDuration(s), ns, s);
  }
  assert.equal(parseDuration('1h30m'), 5400e9);
  assert.equal(parseDuration('2us'), 2000);
  assert.equal(parseDuration('5'), undefined);
  assert.equal(parseDuration(''), undefined);
});

test('isQuantity() and isBase64() accept what Kubernetes accepts', () => {
  for (const q of ['1', '100m', '1.5Gi', '1e3', '+2Ki', '0.5']) assert.ok(isQuantity(q), q);
  for (const q of ['', 'abc', '1.2.3', '--1', '.']) assert.ok(!isQuantity(q), q);
  assert.ok(isBase64('AQID') && isBase64('') && isBase64('YQ=='));
  assert.ok(!isBase64('YQ') && !isBase64('a b='));
});
