/**
 * @module The binary's entry: names itself after argv[0] (`k3ts`, or `k3s` through a link) and
 * runs the command line, exiting with its code once logs are flushed.
 */
import { basename } from 'node:path';
import { runApp } from '../cli/app.js';

const app = basename(process.argv[1] ?? 'k3ts').replace(/\.js$/, '') || 'k3ts';
const code = await runApp(process.argv.slice(2), { app: app === 'main' ? 'k3ts' : app, env: process.env, stdout: process.stdout, stderr: process.stderr });
process.exitCode = code;
