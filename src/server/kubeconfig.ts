/**
 * @module Writes the admin kubeconfig (--write-kubeconfig, default /etc/rancher/k3s/k3s.yaml)
 * with --write-kubeconfig-mode (default 0600) and --write-kubeconfig-group, pointing at the
 * listener over loopback (or the bind address when one is set), as k3s does.
 */
import { promises as fsp } from 'node:fs';
import { writeFileAtomic } from '../base/atomic-file.js';
import { ConfigError } from '../base/errors.js';
import { renderKubeconfig } from '../pki/kubeconfig.js';
import type { ServerTls } from '../pki/server-tls.js';

/** The https URL clients on this machine use: loopback unless a specific bind address was given. */
export function localServerUrl(bindAddress: string, port: number): string {
  const host = bindAddress === '0.0.0.0' ? '127.0.0.1' : bindAddress === '::' ? '[::1]' : bindAddress.includes(':') ? `[${bindAddress}]` : bindAddress;
  return `https://${host}:${port}`;
}

/** The numeric id of a group given by name or number, from /etc/group. */
export async function groupId(group: string): Promise<number> {
  if (/^\d+$/.test(group)) return Number(group);
  const text = await fsp.readFile('/etc/group', 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const [name, , gid] = line.split(':');
    if (name === group && gid !== undefined) return Number(gid);
  }
  throw new ConfigError(`--write-kubeconfig-group: no group named "${group}" in /etc/group`);
}

/** Writes the admin kubeconfig atomically with its mode and group. */
export async function writeAdminKubeconfig(path: string, opts: { url: string; tls: ServerTls; mode: number; group: string | undefined }): Promise<void> {
  const text = renderKubeconfig({
    server: opts.url,
    caPem: opts.tls.serverCa.bundlePem,
    clientCertPem: opts.tls.admin.certPem,
    clientKeyPem: opts.tls.admin.keyPem,
  });
  await writeFileAtomic(path, text, { mode: opts.mode });
  if (opts.group !== undefined) await fsp.chown(path, process.getuid?.() ?? 0, await groupId(opts.group));
}
