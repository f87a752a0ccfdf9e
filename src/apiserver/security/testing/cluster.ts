/**
 * @module Test helper for the security layer: a real `k3ts server` (in process, port 0) and
 * credentials for other users: client certificates signed by its client CA (user = CN, groups
 * = O) and kubeconfigs around certificates or bearer tokens, for the real kubectl.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:https';
import { issueCertificate, loadCa } from '../../../pki/authority.js';
import { generateEcKey } from '../../../pki/keys.js';
import { tlsPaths } from '../../../pki/server-tls.js';
import { startTestServer, type TestServer } from '../../../server/testing/fixture.js';
import { runKubectl, type KubectlResult } from '../../testing/kubectl.js';

export interface SecureCluster extends TestServer {
  /** A kubeconfig for a certificate user. */
  certUser(name: string, groups: readonly string[], opts?: { days?: number; now?: Date }): Promise<{ kubeconfig: string; cert: string; key: string }>;
  /** A kubeconfig with a bearer token. */
  tokenUser(file: string, token: string): string;
  /** Runs kubectl (the one on PATH unless `bin`) with `kubeconfig`. */
  kubectl(kubeconfig: string, args: readonly string[], opts?: { bin?: string; input?: string }): Promise<KubectlResult>;
  /** A raw HTTPS request; `auth` is a header value or a client cert pair. */
  fetch(path: string, opts?: { method?: string; headers?: Record<string, string>; body?: string; cert?: { cert: string; key: string } }): Promise<{ status: number; body: string; json: () => Record<string, unknown> }>;
}

let counter = 0;

export async function startSecureCluster(t: { after(fn: () => unknown): void }, opts: { args?: readonly string[] } = {}): Promise<SecureCluster> {
  const s = await startTestServer(t, opts);
  const paths = tlsPaths(s.dataDir);
  const ca = loadCa(readFileSync(paths.clientCa, 'utf8'), readFileSync(paths.clientCaKey, 'utf8'), { what: 'client CA' });
  const dir = join(s.dataDir, '..');
  const config = (name: string, user: string[]) => {
    const file = join(dir, `${name}.kubeconfig`);
    writeFileSync(file, [
      'apiVersion: v1', 'kind: Config', 'current-context: c',
      'clusters:', '- name: c', '  cluster:', `    server: ${s.url}`, `    certificate-authority-data: ${Buffer.from(s.ca).toString('base64')}`,
      'contexts:', '- name: c', '  context:', '    cluster: c', '    user: u',
      'users:', '- name: u', '  user:', ...user.map((l) => `    ${l}`), '',
    ].join('\n'));
    return file;
  };
  return {
    ...s,
    async certUser(name, groups, o = {}) {
      const issued = issueCertificate(ca, await generateEcKey(), { cn: name, o: groups, usages: ['clientAuth'], days: o.days ?? 1, now: o.now ?? new Date() });
      const kubeconfig = config(`cert-${++counter}`, [
        `client-certificate-data: ${Buffer.from(issued.certPem).toString('base64')}`, `client-key-data: ${Buffer.from(issued.keyPem).toString('base64')}`,
      ]);
      return { kubeconfig, cert: issued.certPem, key: issued.keyPem };
    },
    tokenUser(file, token) {
      return config(file, [`token: ${token}`]);
    },
    kubectl(kubeconfig, args, o = {}) {
      return runKubectl(o.bin ?? 'kubectl', { kubeconfig, dir }, args, o.input !== undefined ? { input: o.input } : {});
    },
    fetch(path, o = {}) {
      return new Promise((resolve, reject) => {
        const req = request(`${s.url}${path}`, {
          method: o.method ?? 'GET', ca: s.ca, headers: { ...(o.body ? { 'content-type': 'application/json' } : {}), ...o.headers },
          ...(o.cert ? { cert: o.cert.cert, key: o.cert.key } : {}),
        }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body, json: () => JSON.parse(body) as Record<string, unknown> });
          });
        });
        req.on('error', reject);
        req.end(o.body);
      });
    },
  };
}
