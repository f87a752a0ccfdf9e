#!/usr/bin/env node
// Writes src/api/types/*.ts from the BUILT schema catalog (run `npm run build` first, or use
// `npm run gen:types`, which builds). The files are committed; a unit test
// (src/api/schema/typegen.test.ts) fails when they are stale.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const { catalog } = await import(join(root, 'dist/src/api/schema/catalog.js'));
const { generateTypes } = await import(join(root, 'dist/src/api/schema/typegen.js'));
const dir = join(root, 'src/api/types');
mkdirSync(dir, { recursive: true });
const files = generateTypes(catalog());
for (const old of readdirSync(dir)) if (old.endsWith('.ts') && !files.has(old)) rmSync(join(dir, old));
for (const [name, text] of files) writeFileSync(join(dir, name), text);
console.log(`gen-api-types: wrote ${files.size} files to src/api/types`);
