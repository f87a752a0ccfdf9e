import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CronParseError, isTimeZone, nextRun, parseCron } from './cron.js';

test('parseCron() accepts standard schedules and descriptors', () => {
  const s = parseCron('*/15 9-17 * jan-mar mon,fri');
  assert.deepEqual([...s.minutes], [0, 15, 30, 45]);
  assert.deepEqual([...s.hours], [9, 10, 11, 12, 13, 14, 15, 16, 17]);
  assert.deepEqual([...s.months], [1, 2, 3]);
  assert.deepEqual([...s.weekdays], [1, 5]);
  assert.deepEqual([...parseCron('@hourly').minutes], [0]);
});

test('parseCron() rejects what robfig/cron rejects, with its wording', () => {
  assert.throws(() => parseCron('bad'), { message: 'expected exactly 5 fields, found 1: [bad]' });
  assert.throws(() => parseCron('61 * * * *'), { message: 'end of range (61) above maximum (59): 61' });
  assert.throws(() => parseCron('TZ=UTC 0 * * * *'), { message: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead' });
  assert.throws(() => parseCron('@fortnightly'), CronParseError);
  assert.equal(isTimeZone('Europe/Paris'), true);
  assert.equal(isTimeZone('Mars/Olympus'), false);
});

test('nextRun() finds the next minute in UTC and in a time zone', () => {
  const t = Date.parse('2024-03-01T10:07:30Z');
  assert.equal(new Date(nextRun(parseCron('*/15 * * * *'), t) ?? 0).toISOString(), '2024-03-01T10:15:00.000Z');
  assert.equal(new Date(nextRun(parseCron('0 9 * * *'), t, 'America/New_York') ?? 0).toISOString(), '2024-03-01T14:00:00.000Z');
});
