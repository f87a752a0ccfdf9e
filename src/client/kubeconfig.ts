/**
 * @module Reads a kubeconfig file (the one k3ts writes, or any kubectl uses) into the
 * connection settings of one context: server URL, CA, client certificate or token.
 * Relative file paths resolve against the kubeconfig's folder, as kubectl does.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import { ConfigError, messageOf } from '../base/errors.js';
import type { ConnectionConfig } from './https-transport.js';

export interface KubeconfigContext {
  readonly connection: ConnectionConfig;
  /** The context's namespace, `default` when unset. */
  readonly namespace: string;
  readonly contextName: string;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function named(list: unknown, name: string, what: string, file: string): Rec {
  const entries = Array.isArray(list) ? list : [];
  for (const e of entries) if (isRec(e) && e['name'] === name && isRec(e[what])) return e[what];
  throw new ConfigError(`kubeconfig ${file}: no ${what} named "${name}"`);
}

/** Loads `file` and resolves `context` (default: `current-context`). Throws ConfigError naming the file. */
export function loadKubeconfig(file: string, opts: { context?: string } = {}): KubeconfigContext {
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`kubeconfig ${file}: ${messageOf(err)}`, { cause: err });
  }
  if (!isRec(doc)) throw new ConfigError(`kubeconfig ${file}: not a YAML mapping`);
  const contextName = opts.context ?? str(doc['current-context']);
  if (!contextName) throw new ConfigError(`kubeconfig ${file}: no current-context and no context given`);
  const ctx = named(doc['contexts'], contextName, 'context', file);
  const cluster = named(doc['clusters'], str(ctx['cluster']) ?? '', 'cluster', file);
  const user = str(ctx['user']) ? named(doc['users'], str(ctx['user']) ?? '', 'user', file) : {};
  const base = dirname(file);
  const readRef = (dataKey: string, fileKey: string, from: Rec): Buffer | undefined => {
    const data = str(from[dataKey]);
    if (data) return Buffer.from(data, 'base64');
    const path = str(from[fileKey]);
    if (!path) return undefined;
    try {
      return readFileSync(isAbsolute(path) ? path : resolve(base, path));
    } catch (err) {
      throw new ConfigError(`kubeconfig ${file}: ${fileKey} ${path}: ${messageOf(err)}`, { cause: err });
    }
  };
  const server = str(cluster['server']);
  if (!server) throw new ConfigError(`kubeconfig ${file}: cluster of context "${contextName}" has no server`);
  const conn: { -readonly [K in keyof ConnectionConfig]: ConnectionConfig[K] } = { server };
  const ca = readRef('certificate-authority-data', 'certificate-authority', cluster);
  if (ca) conn.ca = ca;
  if (cluster['insecure-skip-tls-verify'] === true) conn.insecureSkipTlsVerify = true;
  const sni = str(cluster['tls-server-name']);
  if (sni) conn.tlsServerName = sni;
  const cert = readRef('client-certificate-data', 'client-certificate', user);
  const key = readRef('client-key-data', 'client-key', user);
  if (cert) conn.cert = cert;
  if (key) conn.key = key;
  const token = str(user['token']) ?? readRef('', 'tokenFile', user)?.toString('utf8').trim();
  if (token) conn.token = token;
  return { connection: conn, namespace: str(ctx['namespace']) ?? 'default', contextName };
}
