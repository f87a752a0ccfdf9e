/**
 * @module An API server for tests: the real request pipeline on a real HTTPS socket (port 0,
 * a throwaway self-signed certificate made with openssl), every request served as the admin,
 * with a kubeconfig for kubectl and a helper that runs a real kubectl binary against it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { Backend } from '../../datastore/backend.js';
import { ApiServer, type ApiServerOptions } from '../apiserver.js';
import { FakeBackend } from './fake-backend.js';

export interface TestServer {
  readonly server: ApiServer;
  readonly backend: Backend;
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  readonly kubeconfig: string;
  /** The CA (the self-signed serving certificate) in PEM. */
  readonly ca: string;
  close(): Promise<void>;
}

const ADMIN = { name: 'system:admin', groups: ['system:masters', 'system:authenticated'] };

function selfSigned(dir: string): { cert: string; key: string } {
  const key = join(dir, 'tls.key');
  const cert = join(dir, 'tls.crt');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=k3ts-test', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
}

/** Starts a server on 127.0.0.1:0; `backend` defaults to a fresh in-memory one. */
export async function startTestServer(o: Partial<ApiServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-apiserver-'));
  const { cert, key } = selfSigned(dir);
  const backend = o.backend ?? new FakeBackend();
  let api: ApiServer | undefined;
  const shutdown = new AbortController();
  const https: Server = createServer({ cert, key }, (req, res) => {
    const ctl = new AbortController();
    // Aborting creates a DOMException: only do it for requests the client really abandoned.
    res.on('close', () => { if (!res.writableFinished) ctl.abort(); });
    const signal = AbortSignal.any([ctl.signal, shutdown.signal]);
    if (!api) {
      res.writeHead(503).end();
      return;
    }
    void Promise.resolve(api.handler.handle(req, res, ADMIN, signal)).catch(() => res.destroy());
  });
  await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
  const port = (https.address() as AddressInfo).port;
  api = await ApiServer.start({ advertiseAddress: '127.0.0.1', securePort: port, ...o, backend });
  const url = `https://127.0.0.1:${port}`;
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, [
    'apiVersion: v1', 'kind: Config', 'current-context: test',
    'clusters:', `- name: test`, '  cluster:', `    server: ${url}`, `    certificate-authority-data: ${Buffer.from(cert).toString('base64')}`,
    'contexts:', '- name: test', '  context:', '    cluster: test', '    user: admin',
    'users:', '- name: admin', '  user:', '    token: test-admin', '',
  ].join('\n'));
  return {
    server: api, backend, port, url, dir, kubeconfig, ca: cert,
    async close() {
      shutdown.abort();
      api?.stop();
      https.closeAllConnections();
      await new Promise<void>((r) => https.close(() => r()));
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The path of `kubectl.<version>` on PATH, or undefined. */
export function kubectlBinary(version: string): string | undefined {
  for (const d of (process.env['PATH'] ?? '').split(delimiter)) {
    const p = join(d, `kubectl.${version}`);
    if (existsSync(p)) return p;
    // The versioned binaries sit next to the file the `kubectl` on PATH links to.
    const k = join(d, 'kubectl');
    if (existsSync(k)) {
      const q = join(dirname(realpathSync(k)), `kubectl.${version}`);
      if (existsSync(q)) return q;
    }
  }
  return undefined;
}

export interface KubectlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kubectl against the server; never throws for a non-zero exit. */
export function runKubectl(bin: string, ts: TestServer, args: readonly string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = execFile(bin, ['--kubeconfig', ts.kubeconfig, '--cache-dir', join(ts.dir, `cache-${bin.split('.').pop() ?? ''}`), ...args],
      { timeout: opts.timeoutMs ?? 60_000, env: { ...process.env, HOME: ts.dir } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}
