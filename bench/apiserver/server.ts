// The API server process the benchmark drives: started on port 0 with the chosen datastore,
// it prints one JSON line {port, ca, pid} and serves until killed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer } from '../../src/apiserver/testing/test-server.js';
import { openBenchBackend } from './backend.js';

const kind = process.argv[2] ?? 'sqlite';
const { backend, describe } = await openBenchBackend(kind);
const ts = await startTestServer({ backend, historyLimit: 100_000 });
const ca = join(ts.dir, 'ca.crt');
writeFileSync(ca, ts.ca);
process.stdout.write(`${JSON.stringify({ port: ts.port, ca, pid: process.pid, backend: describe })}\n`);
const stop = () => void ts.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
