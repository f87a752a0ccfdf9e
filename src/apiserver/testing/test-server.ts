/**
 * @module An API server for tests that need its insides (the datastore, the registry): the real
 * request pipeline behind the real HTTPS listener of src/server, on port 0 with a throwaway
 * self-signed certificate (openssl) and every caller treated as the admin, on an in-memory
 * datastore. Tests of the assembled `k3ts server` use src/server/testing/fixture.ts instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../../datastore/backend.js';
import { openMemory } from '../../datastore/drivers/memory/memory-driver.js';
import { startListener } from '../../server/listener.js';
import { ApiServer, type ApiServerOptions } from '../apiserver.js';
import { HealthRegistry } from '../endpoints/health.js';

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

/** Starts a server on 127.0.0.1:0; `backend` defaults to a fresh in-memory datastore. */
export async function startTestServer(o: Partial<ApiServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-apiserver-'));
  const { cert, key } = selfSigned(dir);
  const backend = o.backend ?? await openMemory('');
  const server = await ApiServer.start({ ...o, backend });
  const health = new HealthRegistry();
  health.add('ping', () => undefined);
  const listener = await startListener({
    bindAddress: '127.0.0.1', port: 0, certPem: cert, keyPem: key, clientCaPem: cert, serverCaPem: cert, health,
    authenticator: { authenticate: () => ADMIN }, api: server.handler,
  });
  await server.bootstrap({ advertiseAddress: '127.0.0.1', securePort: listener.port });
  const url = `https://127.0.0.1:${listener.port}`;
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, [
    'apiVersion: v1', 'kind: Config', 'current-context: test',
    'clusters:', '- name: test', '  cluster:', `    server: ${url}`, `    certificate-authority-data: ${Buffer.from(cert).toString('base64')}`,
    'contexts:', '- name: test', '  context:', '    cluster: test', '    user: admin',
    'users:', '- name: admin', '  user:', '    token: test-admin', '',
  ].join('\n'));
  return {
    server, backend, port: listener.port, url, dir, kubeconfig, ca: cert,
    async close() {
      server.stop();
      await listener.close(100);
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
