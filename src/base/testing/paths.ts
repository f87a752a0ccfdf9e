/**
 * @module Paths tests need: the checkout root and the optional Kubernetes reference folder
 * (../shared/reference/kubernetes-v1.33, absent in a user's fresh clone: tests skip then).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout root (where package.json is). */
export function repoRoot(): string {
  // Compiled tests live in dist/src/base/testing/, four levels below the root.
  return process.env['K3TS_ROOT'] ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
}

/**
 * The Kubernetes v1.33 reference folder, or undefined when it is absent. Looked for as
 * `shared/reference/kubernetes-v1.33` beside the checkout or beside any of its ancestors
 * (a git worktree may sit deeper than the main checkout).
 */
export function referenceDir(): string | undefined {
  const explicit = process.env['K3TS_REFERENCE'];
  if (explicit) return existsSync(resolve(explicit, 'swagger.json')) ? explicit : undefined;
  for (let dir = repoRoot(); ; dir = dirname(dir)) {
    const candidate = resolve(dir, '../shared/reference/kubernetes-v1.33');
    if (existsSync(resolve(candidate, 'swagger.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
