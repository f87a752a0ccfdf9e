/**
 * @module `k3ts secrets-encrypt status|enable|disable|prepare|rotate|reencrypt|rotate-keys`, as
 * k3s: the command talks to the server's supervisor endpoints (`/v1-k3s/encrypt/*`) with the
 * server token (from --token or `<data-dir>/server/token`), pinning the server CA by the token's
 * hash, and prints k3s's messages and status table.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'node:https';
import { ConfigError, K3tsError } from '../../base/errors.js';
import { configureLogging } from '../../base/log.js';
import { resolveDataDir, resolveLog } from '../../config/common.js';
import { currentHost } from '../../config/host.js';
import { caHash, parseToken } from '../../pki/token.js';
import { parseArgv } from '../argv.js';
import { FlagTable } from '../flag.js';
import { LOGGING_FLAGS } from '../flags/common.js';
import { commandHelp } from '../help.js';
import type { Command } from '../io.js';
import { envValues, ResolvedFlags } from '../settings.js';

export const SECRETS_ENCRYPT_FLAGS = new FlagTable('secrets-encrypt', [
  { name: 'data-dir', short: 'd', type: 'string', group: 'data', usage: 'Folder to hold state default /var/lib/rancher/k3s or ${HOME}/.rancher/k3s if not root', env: 'K3S_DATA_DIR' },
  { name: 'token', short: 't', type: 'string', usage: 'Token to use for authentication', env: 'K3S_TOKEN' },
  { name: 'server', short: 's', type: 'string', usage: 'Server to connect to', env: 'K3S_URL', default: 'https://127.0.0.1:6443' },
  { name: 'output', short: 'o', type: 'string', usage: 'Status format. Default: text. Optional: json (status only)', default: 'text' },
  { name: 'force', short: 'f', type: 'bool', usage: 'Force this stage (prepare, rotate, reencrypt)' },
  { name: 'skip', type: 'bool', usage: 'Skip removing old key (reencrypt)' },
  ...LOGGING_FLAGS.filter((f) => !f.unsupported),
]);

const SUMMARY = 'Control secrets encryption and keys rotation';
const SUBCOMMANDS = ['status', 'enable', 'disable', 'prepare', 'rotate', 'reencrypt', 'rotate-keys'];

export class SupervisorRequestError extends K3tsError {
  constructor(message: string) {
    super('ERR_SUPERVISOR_REQUEST', message);
  }
}

interface Target {
  readonly url: URL;
  readonly ca: string | undefined;
  readonly auth: string;
}

function fetchText(url: URL, o: { method: string; ca?: string | undefined; insecure?: boolean; auth?: string; body?: string }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: o.method, ...(o.ca ? { ca: o.ca } : {}), ...(o.insecure ? { rejectUnauthorized: false } : {}),
      headers: { ...(o.auth ? { authorization: o.auth } : {}), ...(o.body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(o.body) } : {}) },
      timeout: 90_000,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (e) => reject(new SupervisorRequestError(`cannot reach ${url.origin}: ${e.message}`)));
    req.end(o.body);
  });
}

/** The server, its CA (pinned by the token's hash) and the basic credentials of the server token. */
async function target(server: string, tokenText: string): Promise<Target> {
  const token = parseToken(tokenText);
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new ConfigError(`--server: "${server}" is not a URL`);
  }
  const cacerts = await fetchText(new URL('/cacerts', url), { method: 'GET', insecure: true });
  if (cacerts.status !== 200) throw new SupervisorRequestError(`${url.origin}/cacerts answered ${cacerts.status}`);
  if (token.caHash !== undefined && caHash(cacerts.text) !== token.caHash) {
    throw new SupervisorRequestError(`token CA hash does not match the Cluster CA certificate hash of ${url.origin}`);
  }
  const auth = `Basic ${Buffer.from(`${token.username ?? 'server'}:${token.password}`).toString('base64')}`;
  return { url, ca: cacerts.text, auth };
}

async function call(t: Target, method: string, path: string, body?: unknown): Promise<string> {
  const r = await fetchText(new URL(path, t.url), { method, ca: t.ca, auth: t.auth, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  if (r.status >= 200 && r.status < 300) return r.text;
  let message = r.text;
  try {
    message = String((JSON.parse(r.text) as { message?: unknown }).message ?? r.text);
  } catch {
    // Not a Status: print the body as it is.
  }
  throw new SupervisorRequestError(`see server log for details: ${r.status}: ${message}`);
}

interface Status { stage: string; activekey: string; enable?: boolean; hashmatch?: boolean; hasherror?: string; inactivekeys?: string[]; keytype?: string }

/** k3s's status text, with its tab-aligned key table. */
export function formatStatus(s: Status): string {
  if (s.enable === undefined) return 'Encryption Status: Disabled, no configuration file found\n';
  const rows: [string, string, string][] = [['Active', 'Key Type', 'Name'], ['------', '--------', '----']];
  const type = s.keytype ?? 'AES-CBC';
  if (s.activekey) rows.push([' *', type, s.activekey]);
  for (const k of s.inactivekeys ?? []) rows.push(['', type, k]);
  const w0 = Math.max(...rows.map((r) => r[0].length)) + 2, w1 = Math.max(...rows.map((r) => r[1].length)) + 2;
  const table = rows.map((r) => `${r[0].padEnd(w0)}${r[1].padEnd(w1)}${r[2]}`).join('\n');
  return `Encryption Status: ${s.enable ? 'Enabled' : 'Disabled'}\nCurrent Rotation Stage: ${s.stage}\n`
    + `Server Encryption Hashes: ${s.hashmatch ? 'All hashes match' : s.hasherror ?? ''}\n\n${table}\n\n`;
}

export const secretsEncryptCommand: Command = {
  name: 'secrets-encrypt',
  summary: SUMMARY,
  async run(argv, io) {
    const parsed = parseArgv(SECRETS_ENCRYPT_FLAGS, argv);
    const [sub, ...extra] = parsed.positionals;
    if (parsed.help || sub === undefined) {
      io.stdout.write(commandHelp(SECRETS_ENCRYPT_FLAGS, { app: io.app, summary: `${SUMMARY}\n\nCommands: ${SUBCOMMANDS.join(', ')}` }));
      return parsed.help ? 0 : 1;
    }
    if (!SUBCOMMANDS.includes(sub)) throw new ConfigError(`unknown secrets-encrypt command "${sub}" (expected one of: ${SUBCOMMANDS.join(', ')})`);
    if (extra.length) throw new ConfigError(`secrets-encrypt ${sub} takes no arguments, got "${extra.join(' ')}"`);
    const flags = new ResolvedFlags(SECRETS_ENCRYPT_FLAGS, new Map([...envValues(SECRETS_ENCRYPT_FLAGS, io.env), ...parsed.values]));
    const host = currentHost();
    configureLogging(resolveLog(flags, host));
    let token = flags.string('token')?.value;
    if (!token) {
      const file = join(resolveDataDir(flags, host), 'server', 'token');
      try {
        token = (await readFile(file, 'utf8')).trim();
      } catch {
        throw new ConfigError(`no --token given and ${file} cannot be read (is this a server, with the same --data-dir?)`);
      }
    }
    const output = flags.string('output')?.value ?? 'text';
    if (!['text', 'json'].includes(output.toLowerCase())) throw new ConfigError(`--output: "${output}" is not text or json`);
    const t = await target(flags.string('server')?.value ?? 'https://127.0.0.1:6443', token);
    const force = flags.bool('force')?.value ?? false;
    const put = (body: Record<string, unknown>) => call(t, 'PUT', '/v1-k3s/encrypt/config', body);
    switch (sub) {
      case 'status': {
        const s = JSON.parse(await call(t, 'GET', '/v1-k3s/encrypt/status')) as Status;
        io.stdout.write(output.toLowerCase() === 'json' ? `${JSON.stringify(s, null, '\t')}\n` : formatStatus(s));
        return 0;
      }
      case 'enable': await put({ enable: true }); io.stdout.write('secrets-encryption enabled\n'); return 0;
      case 'disable': await put({ enable: false }); io.stdout.write('secrets-encryption disabled\n'); return 0;
      case 'prepare': await put({ stage: 'prepare', force }); io.stdout.write('prepare completed successfully\n'); return 0;
      case 'rotate': await put({ stage: 'rotate', force }); io.stdout.write('rotate completed successfully\n'); return 0;
      case 'reencrypt': await put({ stage: 'reencrypt_active', force, skip: flags.bool('skip')?.value ?? false }); io.stdout.write('reencryption started\n'); return 0;
      default: await put({ stage: 'rotate_keys' }); io.stdout.write('keys rotated, reencryption started\n'); return 0;
    }
  },
};
