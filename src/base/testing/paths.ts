/**
 * @module Paths tests need: the checkout root and the optional Kubernetes reference folder
 * (../shared/reference/kubernetes-v1.33, absent in a user's fresh clone: tests skip then).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout root (where package.json is). */
export function repoRoot(): string {
  // Compiled tests live in dist/src/base/testing/, four levels below the root.
  return process.env['K3TS_ROOT'] ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
}

/** The Kubernetes v1.33 reference folder, or undefined when it is absent. */
export function referenceDir(): string | undefined {
  const dir = process.env['K3TS_REFERENCE'] ?? resolve(repoRoot(), '../shared/reference/kubernetes-v1.33');
  return existsSync(resolve(dir, 'swagger.json')) ? dir : undefined;
}
