#!/usr/bin/env node
// `npm test`: typecheck and build (tsc), the layer lint, then every test with node's runner.
//   npm test                 everything (unit tests next to the code, then test/ and bench smoke)
//   npm test -- --unit       only the unit tests under src/
//   npm test -- dist/test/integration/x.test.js ...   just those compiled files
// Tests that need root or a service skip themselves with a message when it is absent.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const run = (cmd, argv, opts = {}) => {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const started = Date.now();
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
], { env: { ...process.env, K3TS_ROOT: root } });
console.log(`npm test: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
