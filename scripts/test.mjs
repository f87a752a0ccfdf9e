#!/usr/bin/env node
// `npm test`: typecheck and build (tsc), the layer lint, then every test with node's runner.
//   npm test                 everything (unit tests next to the code, then test/ and bench smoke)
//   npm test -- --unit       only the unit tests under src/
//   npm test -- dist/test/integration/x.test.js ...   just those compiled files
// Tests that need root or a service skip themselves with a message when it is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const run = (cmd, argv, opts = {}) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// Compiled files whose source is gone (renamed or deleted tests) would still run: drop them.
function pruneStale(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { pruneStale(p); continue; }
    const m = /^(.*)\.js(\.map)?$/.exec(relative(join(root, 'dist'), p));
    if (m && !existsSync(join(root, `${m[1]}.ts`)) && !existsSync(join(root, `${m[1]}.mjs`))) rmSync(p);
  }
}

const started = Date.now();
pruneStale(join(root, 'dist'));
run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
run(process.execPath, [join(root, 'scripts/lint-layers.mjs')]);

const unitOnly = args.includes('--unit');
const explicit = args.filter((a) => !a.startsWith('--'));
const targets = explicit.length ? explicit : unitOnly ? ['dist/src'] : ['dist/src', 'dist/test'].filter((p) => existsSync(join(root, p)));
const concurrency = process.env.K3TS_TEST_CONCURRENCY ?? '2';
run(process.execPath, [
  '--test', `--test-concurrency=${concurrency}`, '--test-timeout=600000',
  `--test-reporter=${process.env.K3TS_TEST_REPORTER ?? 'spec'}`,
  ...targets,
], { env: { K3TS_CACHE_MUTATION_DETECTOR: 'true', ...process.env, K3TS_ROOT: root } });
console.log(`npm test: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
