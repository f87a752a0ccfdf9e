/**
 * @module The server's join credentials, laid out as k3s does: `server/cred/passwd` (CSV rows
 * `password,user,user,role` for `server` and `node`) is the source of truth, and the token
 * files `server/token`, `server/node-token` (a link to token) and `server/agent-token` (its own
 * token with --agent-token, else a link to token) are rewritten from it at every start.
 */
import { join } from 'node:path';
import { readTextIfExists, symlinkAtomic, writeFileAtomic } from '../base/atomic-file.js';
import { PkiError } from '../base/errors.js';
import { caHash, formatToken, randomSecret, secretsEqual, type ParsedToken } from './token.js';

/** File paths of the credentials. */
export function credentialPaths(dataDir: string) {
  const server = join(dataDir, 'server');
  return {
    passwd: join(server, 'cred', 'passwd'),
    token: join(server, 'token'),
    nodeToken: join(server, 'node-token'),
    agentToken: join(server, 'agent-token'),
  } as const;
}

/** Inputs: the CA bundle the tokens pin, and the tokens the user gave (if any). */
export interface CredentialOptions {
  /** Server CA bundle bytes exactly as in server-ca.crt. */
  readonly caBundle: string;
  /** From --token / --token-file; `source` names where it came from, for errors. */
  readonly token?: { readonly parsed: ParsedToken; readonly source: string } | undefined;
  readonly agentToken?: { readonly parsed: ParsedToken; readonly source: string } | undefined;
}

/** The resolved credentials. Holds secrets: never log it. */
export interface ServerCredentials {
  readonly serverPassword: string;
  readonly nodePassword: string;
  /** `K10<hash>::server:<password>` */
  readonly serverToken: string;
  /** `K10<hash>::node:<password>` */
  readonly agentToken: string;
  readonly paths: ReturnType<typeof credentialPaths>;
}

function parsePasswd(text: string): Map<string, string> {
  const users = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [pass, name] = line.trim().split(',');
    if (pass && name) users.set(name, pass);
  }
  return users;
}

function checkHash(given: CredentialOptions['token'], bundle: string): void {
  if (given?.parsed.caHash !== undefined && given.parsed.caHash !== caHash(bundle)) {
    throw new PkiError(`the token given by ${given.source} is for another cluster: its CA hash does not match this server's CA certificate (server-ca.crt); give the short secret alone, or the full token this server printed`);
  }
}

/** Reads or creates the credentials and (re)writes the token files. */
export async function ensureServerCredentials(dataDir: string, opts: CredentialOptions): Promise<ServerCredentials> {
  const paths = credentialPaths(dataDir);
  checkHash(opts.token, opts.caBundle);
  checkHash(opts.agentToken, opts.caBundle);
  const existing = parsePasswd((await readTextIfExists(paths.passwd)) ?? '');
  const stored = existing.get('server');
  const given = opts.token?.parsed.password;
  if (stored !== undefined && given !== undefined && !secretsEqual(stored, given)) {
    // k3s refuses too: its bootstrap data stays encrypted with the first token.
    throw new PkiError(`the token given by ${opts.token?.source ?? '--token'} does not match the token this server was created with (${paths.token}); start with that token, or without --token`);
  }
  const serverPassword = given ?? stored ?? randomSecret();
  // Without --agent-token, agents join with the server password (k3s getNodePass).
  const nodePassword = opts.agentToken?.parsed.password ?? serverPassword;
  const passwd = `${serverPassword},server,server,k3s:server\n${nodePassword},node,node,k3s:agent\n`;
  if ((await readTextIfExists(paths.passwd)) !== passwd) await writeFileAtomic(paths.passwd, passwd, { mode: 0o600, dirMode: 0o700 });
  const serverToken = formatToken(opts.caBundle, { username: 'server', password: serverPassword });
  const agentToken = formatToken(opts.caBundle, { username: 'node', password: nodePassword });
  await writeIfChanged(paths.token, `${serverToken}\n`);
  await symlinkAtomic(paths.token, paths.nodeToken);
  if (opts.agentToken) await writeIfChanged(paths.agentToken, `${agentToken}\n`);
  else await symlinkAtomic(paths.token, paths.agentToken);
  return { serverPassword, nodePassword, serverToken, agentToken, paths };
}

async function writeIfChanged(path: string, text: string): Promise<void> {
  if ((await readTextIfExists(path)) !== text) await writeFileAtomic(path, text, { mode: 0o600 });
}
