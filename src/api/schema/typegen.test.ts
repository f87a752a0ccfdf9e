/** @module The committed src/api/types/ files are what the catalog generates now. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../base/testing/paths.js';
import { catalog } from './catalog.js';
import { generateTypes } from './typegen.js';
import { miniCatalog } from './testing/mini-catalog.js';

test('src/api/types is up to date with the catalog (run `npm run gen:types` when this fails)', () => {
  const dir = join(repoRoot(), 'src/api/types');
  const want = generateTypes(catalog());
  const have = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')) : [];
  assert.deepEqual(have.sort(), [...want.keys()].sort());
  for (const [name, text] of want) assert.equal(readFileSync(join(dir, name), 'utf8'), text, `${name} is stale`);
});

test('generateTypes() writes interfaces with doc comments, literal kinds, enums and custom types', () => {
  const files = generateTypes(miniCatalog());
  const test1 = files.get('test-v1.ts') ?? '';
  assert.match(test1, /import type \* as metaV1 from '\.\/meta-v1\.js';/);
  assert.match(test1, /\/\*\* A test kind with every field form\. \*\/\nexport interface Widget \{/);
  assert.match(test1, /  apiVersion\?: 'test\.k3ts\.io\/v1';/);
  assert.match(test1, /  metadata\?: metaV1\.ObjectMeta;/);
  assert.match(test1, /  port\?: intstr\.IntOrString;/);
  assert.match(test1, /  extra\?: \{ \[key: string\]: string\[\] \};/);
  assert.match(test1, /  name: string;/, 'required fields are not optional');
  assert.match(test1, /\[key: string\]: unknown;/, 'preserved unknown fields');
  assert.match(files.get('intstr.ts') ?? '', /export type IntOrString = number \| string;/);
  assert.match(files.get('index.ts') ?? '', /export type \* as coreV1 from '\.\/core-v1\.js';/);
});
