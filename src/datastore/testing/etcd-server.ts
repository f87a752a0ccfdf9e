/**
 * @module A real etcd (Debian's etcd-server, 3.4) for tests and the benchmark: started on
 * loopback with free ports and a temporary data dir, stopped and removed afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
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

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`etcd exited with ${child.exitCode}: ${log()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok && (await res.text()).includes('true')) return;
    } catch { /* not up yet */ }
    if (Date.now() > until) throw new Error(`etcd did not become healthy: ${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts a single-member etcd on loopback. */
export async function startEtcd(opts: { extraArgs?: readonly string[] } = {}): Promise<EtcdServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'k3ts-etcd-'));
  const [client, peer] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${client}`;
  const args = [
    '--name', 'k3ts-test', '--data-dir', join(dataDir, 'data'),
    '--listen-client-urls', url, '--advertise-client-urls', url,
    '--listen-peer-urls', `http://127.0.0.1:${peer}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${peer}`,
    '--initial-cluster', `k3ts-test=http://127.0.0.1:${peer}`, '--log-level', 'error', '--logger', 'zap',
    ...(opts.extraArgs ?? []),
  ];
  let child: ChildProcess;
  let output = '';
  const launch = async (): Promise<void> => {
    output = '';
    child = spawn(ETCD_BIN, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-4000); });
    await waitHealthy(url, child, () => output);
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
