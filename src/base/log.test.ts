import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closeLogging, configureLogging, logger, setLogSink } from './log.js';
import { tempDir } from './testing/tmp.js';

test('logger() writes klog-style lines and gates -v levels and debug', () => {
  const lines: string[] = [];
  const prev = setLogSink({ write: (l) => lines.push(l) });
  try {
    configureLogging({ verbosity: 2 });
    setLogSink({ write: (l) => lines.push(l) });
    const log = logger('test');
    log.info('hello');
    log.v(2, 'shown');
    log.v(3, 'hidden');
    log.debug('hidden too');
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^I\d{4} \d{2}:\d{2}:\d{2}\.\d{6} \d+ test\] hello\n$/);
  } finally {
    setLogSink(prev);
    configureLogging({});
  }
});

test('configureLogging({file}) appends to the file with mode 0600 and closeLogging() releases it', (t) => {
  const dir = tempDir(t, 'k3ts-log-');
  const file = join(dir, 'k3ts.log');
  configureLogging({ file, debug: true });
  logger('test').debug('to the file');
  logger('test').warn('also');
  closeLogging();
  const text = readFileSync(file, 'utf8');
  assert.match(text, /^D.* test\] to the file\nW.* test\] also\n$/);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  configureLogging({});
});
