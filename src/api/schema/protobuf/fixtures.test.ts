/**
 * @module Protobuf bodies captured from real kubectl 1.33 (test/fixtures/protobuf, made with
 * scripts/capture-protobuf.mjs): each decodes to the expected object, and encoding that object
 * gives back the same bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../base/testing/paths.js';
import { catalog } from '../catalog.js';
import { openEnvelope, protobufCodec } from './codec.js';

const dir = join(repoRoot(), 'test/fixtures/protobuf');
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Record<string, { command: string; path: string }>;
const codec = protobufCodec();

for (const [name, info] of Object.entries(index)) {
  const body = readFileSync(join(dir, `${name}.bin`));
  const env = openEnvelope(body);
  const [group, version] = env.apiVersion.includes('/') ? env.apiVersion.split('/') : ['', env.apiVersion];
  const known = catalog().definitionFor(group ?? '', version ?? '', env.kind);
  const expectedFile = join(dir, `${name}.json`);
  const skip = !known ? `${env.apiVersion} ${env.kind} is not in the catalog yet`
    : !existsSync(expectedFile) ? `${name}.json (the expected object) is missing` : false;
  test(`protobufCodec() decodes and re-encodes what \`${info.command}\` sent`, { skip }, () => {
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(codec.decode(body), expected);
    assert.equal(Buffer.from(codec.encode(expected)).toString('hex'), body.toString('hex'));
  });
}
