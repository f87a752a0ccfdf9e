/**
 * @module A real etcd (Debian's etcd-server, 3.4) for tests and the benchmark: started on
 * loopback with free ports and a temporary data dir, stopped and removed afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ETCD_BIN = process.env['K3TS_ETCD'] ?? '/usr/bin/etcd';

/** Undefined when an etcd binary is present, else why etcd tests skip. */
export function etcdUnavailable(): string | undefined {
  return existsSync(ETCD_BIN) ? undefined : `etcd not installed at ${ETCD_BIN} (Debian package etcd-server; set K3TS_ETCD)`;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface EtcdServer {
  readonly endpoint: string;
  readonly dataDir: string;
  /** Kills etcd (SIGKILL when `hard`), keeping the data dir. */
  kill(hard?: boolean): Promise<void>;
  /** Starts etcd again on the same ports and data. */
  restart(): Promise<void>;
  /** Stops etcd and removes its data. */
  stop(): Promise<void>;
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

async function waitHealthy(url: string | undefined, port: number, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`etcd exited with ${child.exitCode}: ${log()}`);
    try {
      if (url) {
        const res = await fetch(`${url}/health`);
        if (res.ok && (await res.text()).includes('true')) return;
      } else if (await connects(port)) {
        return;
      }
    } catch { /* not up yet */ }
    if (Date.now() > until) throw new Error(`etcd did not become healthy: ${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Server certificate, key and the CA that client certificates must chain to. */
export interface EtcdTls {
  readonly certFile: string;
  readonly keyFile: string;
  readonly caFile: string;
}

/** Starts a single-member etcd on loopback (https with client certificates when `tls` is given). */
export async function startEtcd(opts: { extraArgs?: readonly string[]; tls?: EtcdTls } = {}): Promise<EtcdServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'k3ts-etcd-'));
  const [client, peer] = [await freePort(), await freePort()];
  const url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${client}`;
  const tlsArgs = opts.tls
    ? ['--cert-file', opts.tls.certFile, '--key-file', opts.tls.keyFile, '--trusted-ca-file', opts.tls.caFile, '--client-cert-auth']
    : [];
  const args = [
    '--name', 'k3ts-test', '--data-dir', join(dataDir, 'data'),
    '--listen-client-urls', url, '--advertise-client-urls', url,
    '--listen-peer-urls', `http://127.0.0.1:${peer}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${peer}`,
    '--initial-cluster', `k3ts-test=http://127.0.0.1:${peer}`, '--log-level', 'error', '--logger', 'zap',
    ...tlsArgs,
    ...(opts.extraArgs ?? []),
  ];
  let child: ChildProcess;
  let output = '';
  const launch = async (): Promise<void> => {
    output = '';
    child = spawn(ETCD_BIN, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-4000); });
    // /health over https would need our client certificate; a TCP connect is enough then.
    await waitHealthy(opts.tls ? undefined : url, client, child, () => output);
  };
  const kill = async (hard = false): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(hard ? 'SIGKILL' : 'SIGTERM');
    await exited;
  };
  await launch();
  return {
    endpoint: url,
    dataDir,
    kill,
    restart: launch,
    async stop() {
      await kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
