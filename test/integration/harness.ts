/**
 * @module Integration-test harness: start the real `bin/k3ts` as a child process in a temp dir
 * (port 0, its own data dir and kubeconfig), wait until it is ready, talk to it over HTTPS with
 * or without the admin certificate, run the real kubectl binaries, and stop it with a signal.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { request } from 'node:https';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../src/base/testing/paths.js';
import { waitFor } from '../../src/base/async.js';
import { tempDir } from '../../src/base/testing/tmp.js';

export const BIN = join(repoRoot(), 'bin', 'k3ts');

/** A temp dir removed after the test. */
export function tmpDir(t: { after(fn: () => void): void }): string {
  return tempDir(t, 'k3ts-it-');
}

/** The kubectl binary for minor version `minor` (kubectl.1.<minor> next to kubectl), if installed. */
export function kubectlPath(minor: number): string | undefined {
  const which = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
  if (!which) return undefined;
  const p = join(dirname(realpathSync(which)), `kubectl.1.${minor}`);
  return existsSync(p) ? p : undefined;
}

/** A minimal environment for child processes: no K3S_* leaking in from the test runner. */
export function cleanEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home, K3S_CONFIG_FILE: join(home, 'no-config.yaml'), ...extra };
}

/** Runs `bin/k3ts` to completion. */
export function runK3ts(args: readonly string[], opts: { env: NodeJS.ProcessEnv; argv0Link?: string }): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(opts.argv0Link ?? BIN, [...args], { env: opts.env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A running k3ts server process. */
export interface K3tsServer {
  readonly proc: ChildProcess;
  readonly port: number;
  readonly kubeconfig: string;
  readonly url: string;
  /** Everything the process wrote to stderr so far. */
  logs(): string;
  /** Sends `sig` and resolves with the exit code once the process ended. */
  stop(sig?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `k3ts server` with `args` and waits for "k3ts is up and running" and /readyz 200. */
export async function startServer(args: readonly string[], opts: { env: NodeJS.ProcessEnv; kubeconfig: string }): Promise<K3tsServer> {
  const proc = spawn(BIN, ['server', ...args], { env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stderr?.on('data', (c: Buffer) => { out += c.toString(); });
  proc.stdout?.on('data', (c: Buffer) => { out += c.toString(); });
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  let ended = false;
  void exited.then(() => { ended = true; });
  try {
    await waitFor(() => {
      if (ended) throw new Error(`k3ts exited early:\n${out}`);
      return out.includes('k3ts is up and running') ? true : undefined;
    }, { timeoutMs: 60_000, what: 'k3ts to start' });
  } catch (err) {
    proc.kill('SIGKILL');
    throw err;
  }
  const kc = readKubeconfig(opts.kubeconfig);
  const port = Number(new URL(kc.server).port);
  return {
    proc, port, kubeconfig: opts.kubeconfig, url: kc.server,
    logs: () => out,
    async stop(sig = 'SIGTERM') {
      if (!ended) proc.kill(sig);
      return exited;
    },
  };
}

/** The server URL and PEM credentials embedded in a kubeconfig. */
export function readKubeconfig(path: string): { server: string; ca: string; cert: string; key: string; doc: Record<string, unknown> } {
  const doc = parse(readFileSync(path, 'utf8')) as {
    clusters: Array<{ cluster: { server: string; 'certificate-authority-data': string } }>;
    users: Array<{ user: { 'client-certificate-data': string; 'client-key-data': string } }>;
  };
  const cluster = doc.clusters[0]?.cluster, user = doc.users[0]?.user;
  if (!cluster || !user) throw new Error(`${path}: no cluster or user`);
  const b = (s: string): string => Buffer.from(s, 'base64').toString();
  return { server: cluster.server, ca: b(cluster['certificate-authority-data']), cert: b(user['client-certificate-data']), key: b(user['client-key-data']), doc: doc as unknown as Record<string, unknown> };
}

/** An HTTPS request that verifies the server against `ca`, optionally with a client certificate. */
export function httpsGet(url: string, opts: { ca: string; cert?: string; key?: string; method?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', ca: opts.ca, agent: false, ...(opts.cert ? { cert: opts.cert, key: opts.key } : {}) }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs a kubectl binary with the kubeconfig; returns its exit code and output. */
export function kubectl(bin: string, args: readonly string[], opts: { kubeconfig: string; home: string }): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(bin, ['--kubeconfig', opts.kubeconfig, ...args], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: opts.home }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
