import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allExist, readTextIfExists, symlinkAtomic, writeFileAtomic } from './atomic-file.js';
import { tempDir } from './testing/tmp.js';

test('writeFileAtomic() writes with the requested mode, creating folders, leaving no temp file', async (t) => {
  const dir = tempDir(t, 'k3ts-atomic-');
  const p = join(dir, 'a', 'b', 'key.pem');
  await writeFileAtomic(p, 'secret');
  assert.equal(readFileSync(p, 'utf8'), 'secret');
  assert.equal(statSync(p).mode & 0o777, 0o600);
  await writeFileAtomic(p, 'public', { mode: 0o644 });
  assert.equal(readFileSync(p, 'utf8'), 'public');
  assert.equal(statSync(p).mode & 0o777, 0o644);
  assert.deepEqual(readdirSync(join(dir, 'a', 'b')), ['key.pem']);
});

test('writeFileAtomic() replaces a symlink rather than writing through it', async (t) => {
  const dir = tempDir(t, 'k3ts-atomic-');
  writeFileSync(join(dir, 'target'), 'keep');
  await symlinkAtomic(join(dir, 'target'), join(dir, 'link'));
  assert.equal(readlinkSync(join(dir, 'link')), join(dir, 'target'));
  await writeFileAtomic(join(dir, 'link'), 'own');
  assert.equal(readFileSync(join(dir, 'target'), 'utf8'), 'keep');
  assert.equal(readFileSync(join(dir, 'link'), 'utf8'), 'own');
});

test('readTextIfExists() and allExist() report missing files without throwing', async (t) => {
  const dir = tempDir(t, 'k3ts-atomic-');
  assert.equal(await readTextIfExists(join(dir, 'nope')), undefined);
  writeFileSync(join(dir, 'yes'), 'x');
  assert.equal(await readTextIfExists(join(dir, 'yes')), 'x');
  assert.equal(await allExist(join(dir, 'yes')), true);
  assert.equal(await allExist(join(dir, 'yes'), join(dir, 'nope')), false);
});
