/**
 * @module The agent's node password file (k3s's pkg/agent/config): 16 random bytes as hex,
 * mode 0600, made on first start and reused after, so the server's node-password Secret keeps
 * recognising this agent. k3s keeps it at /etc/rancher/node/password; an agent with its own
 * --data-dir keeps it under `<data-dir>/agent/etc/rancher/node/` (k3s's rootless layout), so
 * several k3ts agents (of simulated nodes) on one machine stay distinct.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readTextIfExists, writeFileAtomic } from '../base/atomic-file.js';

/** k3s's node password file. */
export const SYSTEM_NODE_PASSWORD_FILE = '/etc/rancher/node/password';

/** Where the agent with data dir `dataDir` keeps its node password. */
export function nodePasswordFile(dataDir: string, opts: { defaultDataDir: string }): string {
  return dataDir === opts.defaultDataDir ? SYSTEM_NODE_PASSWORD_FILE : join(dataDir, 'agent', 'etc', 'rancher', 'node', 'password');
}

/** Reads the node password from `file`, creating it first when missing or empty. */
export async function ensureNodePassword(file: string): Promise<string> {
  const existing = (await readTextIfExists(file))?.trim();
  if (existing) return existing;
  const password = randomBytes(16).toString('hex');
  await writeFileAtomic(file, `${password}\n`, { mode: 0o600, dirMode: 0o700 });
  return password;
}
