/**
 * @module Test helper: an in-process `k3ts server` on 127.0.0.1 port 0 in a temp dir, with an
 * optional ApiHandler, plus the admin credentials from the kubeconfig it wrote. Stopped (and
 * its folder removed) when the test ends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { setLogSink } from '../../base/log.js';
import { tempDir } from '../../base/testing/tmp.js';
import { SERVER_FLAGS } from '../../cli/flags/server.js';
import { resolveCommandSettings } from '../../cli/settings.js';
import { currentHost } from '../../config/host.js';
import { resolveServerConfig } from '../../config/server-config.js';
import type { ApiHandler } from '../../apiserver/http/handler.js';
import { startServer, type RunningServer } from '../run.js';

/** A started test server and what a client needs to reach it. */
export interface TestServer {
  readonly server: RunningServer;
  readonly url: string;
  readonly dataDir: string;
  readonly kubeconfig: string;
  /** PEM: the server CA, and the admin client certificate and key. */
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
}

/** Starts a server for the test `t`; extra `args` are `k3ts server` flags. Logs are silenced. */
export async function startTestServer(t: { after(fn: () => unknown): void }, opts: { api?: ApiHandler; args?: readonly string[] } = {}): Promise<TestServer> {
  const prev = setLogSink({ write: () => undefined });
  t.after(() => { setLogSink(prev); });
  const dir = tempDir(t, 'k3ts-server-');
  const dataDir = join(dir, 'data'), kubeconfig = join(dir, 'kubeconfig.yaml');
  const argv = ['-d', dataDir, '--https-listen-port', '0', '-o', kubeconfig, '--bind-address', '127.0.0.1', ...(opts.args ?? [])];
  const flags = (await resolveCommandSettings(SERVER_FLAGS, argv, { env: { K3S_CONFIG_FILE: join(dir, 'none.yaml') } })).flags;
  const server = await startServer(resolveServerConfig(flags, currentHost()), opts.api ? { api: opts.api } : {});
  t.after(() => server.close());
  const doc = parse(readFileSync(kubeconfig, 'utf8')) as { clusters: [{ cluster: Record<string, string> }]; users: [{ user: Record<string, string> }] };
  const b = (s: string | undefined): string => Buffer.from(s ?? '', 'base64').toString();
  return {
    server, url: server.url, dataDir, kubeconfig,
    ca: b(doc.clusters[0].cluster['certificate-authority-data']),
    cert: b(doc.users[0].user['client-certificate-data']),
    key: b(doc.users[0].user['client-key-data']),
  };
}
