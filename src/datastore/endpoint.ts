/**
 * @module Parsing `--datastore-endpoint` the way k3s does: empty (SQLite in the data dir),
 * `sqlite://path`, `postgres://user:pass@host:port/db`, `mysql://user:pass@tcp(host:3306)/db`
 * (Go DSN), `http(s)://host:2379[,...]` (etcd) and our `memory://[name]`. Passwords are kept
 * in a Secret that never prints; `display` is the endpoint with the password masked.
 */
import { inspect } from 'node:util';
import { ConfigError } from '../base/errors.js';

/** A credential that prints as *** in strings, JSON and util.inspect (so in any log line). */
export class Secret {
  readonly #value: string;
  constructor(value: string) { this.#value = value; }
  reveal(): string { return this.#value; }
  toString(): string { return '***'; }
  toJSON(): string { return '***'; }
  [inspect.custom](): string { return 'Secret(***)'; }
}

export type Endpoint =
  | { readonly kind: 'sqlite'; readonly display: string; readonly path: string; readonly ignored: readonly string[] }
  | { readonly kind: 'memory'; readonly display: string; readonly name: string }
  | {
    readonly kind: 'postgres'; readonly display: string; readonly host: string; readonly port: number;
    readonly user: string; readonly password: Secret | undefined; readonly database: string;
    readonly sslmode: string; readonly params: ReadonlyMap<string, string>;
  }
  | {
    readonly kind: 'mysql'; readonly display: string; readonly user: string; readonly password: Secret | undefined;
    readonly database: string; readonly host?: string | undefined; readonly port?: number | undefined;
    readonly socket?: string | undefined; readonly params: ReadonlyMap<string, string>;
  }
  | { readonly kind: 'etcd'; readonly display: string; readonly urls: readonly URL[] };

/** The endpoint with any password replaced by ***: safe for logs and error messages. */
export function redactEndpoint(endpoint: string): string {
  // Everything between "user:" and the last "@" is treated as the password (over-masking is fine).
  return endpoint.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)(.*)@/i, '$1***@');
}

const bad = (display: string, why: string): ConfigError =>
  new ConfigError(`invalid --datastore-endpoint "${display}": ${why}`);

/** Parses an endpoint; `dataDir` places the default SQLite database. Throws ConfigError. */
export function parseEndpoint(endpoint: string, opts: { dataDir?: string | undefined } = {}): Endpoint {
  const display = redactEndpoint(endpoint);
  if (endpoint === '') {
    if (!opts.dataDir) throw bad(display, 'the default SQLite datastore needs a data directory');
    return { kind: 'sqlite', display: 'sqlite (default)', path: `${opts.dataDir}/server/db/state.db`, ignored: [] };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(endpoint)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'sqlite': return parseSqlite(endpoint, display, opts.dataDir);
    case 'memory': return { kind: 'memory', display, name: endpoint.slice('memory://'.length) };
    case 'postgres': case 'postgresql': return parsePostgres(endpoint, display);
    case 'mysql': return parseMysql(endpoint, display);
    case 'http': case 'https': return parseEtcd(endpoint, display);
    default:
      throw bad(display, 'expected sqlite://, postgres://, mysql://, http(s):// (etcd) or memory://');
  }
}

function splitQuery(rest: string): [string, Map<string, string>] {
  const q = rest.indexOf('?');
  if (q < 0) return [rest, new Map()];
  return [rest.slice(0, q), new Map(new URLSearchParams(rest.slice(q + 1)))];
}

function parseSqlite(endpoint: string, display: string, dataDir: string | undefined): Endpoint {
  const [path, params] = splitQuery(endpoint.slice('sqlite://'.length));
  if (!path) throw bad(display, 'missing the database file path');
  // kine's relative default (./db/state.db) is relative to <data-dir>/server.
  const full = path.startsWith('/') ? path : dataDir ? `${dataDir}/server/${path}` : path;
  return { kind: 'sqlite', display, path: full, ignored: [...params.keys()] };
}

function parsePostgres(endpoint: string, display: string): Endpoint {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw bad(display, 'not a valid postgres:// URL');
  }
  const bare = url.username === '' && url.host === '';
  const user = decodeURIComponent(url.username) || 'postgres';
  const pass = url.password ? decodeURIComponent(url.password) : bare ? 'postgres' : undefined;
  const port = url.port ? Number(url.port) : 5432;
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'kubernetes';
  const params = new Map(url.searchParams);
  const sslmode = params.get('sslmode') ?? 'prefer';
  params.delete('sslmode');
  if (!['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'].includes(sslmode)) {
    throw bad(display, `unknown sslmode "${sslmode}"`);
  }
  return {
    kind: 'postgres', display, host: url.hostname || 'localhost', port, user,
    password: pass === undefined ? undefined : new Secret(pass), database, sslmode, params,
  };
}

function parseMysql(endpoint: string, display: string): Endpoint {
  const [rest, params] = splitQuery(endpoint.slice('mysql://'.length));
  if (rest === '' || rest === '/') {
    return { kind: 'mysql', display, user: 'root', password: undefined, database: 'kubernetes', socket: '/var/run/mysqld/mysqld.sock', params };
  }
  const slash = rest.lastIndexOf('/');
  if (slash < 0) throw bad(display, 'expected mysql://user:pass@tcp(host:port)/database');
  const database = rest.slice(slash + 1) || 'kubernetes';
  const before = rest.slice(0, slash);
  const at = before.lastIndexOf('@');
  const userinfo = at >= 0 ? before.slice(0, at) : '';
  const address = at >= 0 ? before.slice(at + 1) : before;
  const colon = userinfo.indexOf(':');
  const user = (colon >= 0 ? userinfo.slice(0, colon) : userinfo) || 'root';
  const password = colon >= 0 ? new Secret(userinfo.slice(colon + 1)) : undefined;
  const base = { kind: 'mysql' as const, display, user, password, database, params };
  const m = /^(tcp|unix)\((.*)\)$/.exec(address);
  if (m?.[1] === 'unix') return { ...base, socket: m[2] };
  const hostport = m ? m[2]! : address;
  if (hostport === '') return { ...base, host: '127.0.0.1', port: 3306 };
  const hp = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostport);
  if (!hp) throw bad(display, `cannot read the address "${hostport}"`);
  return { ...base, host: hp[1]!.replace(/^\[|\]$/g, ''), port: hp[2] ? Number(hp[2]) : 3306 };
}

function parseEtcd(endpoint: string, display: string): Endpoint {
  const parts = endpoint.split(',').map((p) => p.trim()).filter(Boolean);
  const scheme = /^(https?):\/\//i.exec(parts[0]!)![1]!.toLowerCase();
  const urls = parts.map((p) => {
    const withScheme = /^[a-z]+:\/\//i.test(p) ? p : `${scheme}://${p}`;
    let url: URL;
    try {
      url = new URL(withScheme);
    } catch {
      throw bad(display, `"${redactEndpoint(p)}" is not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad(display, 'etcd endpoints must all be http:// or https://');
    if (!url.hostname) throw bad(display, 'missing the etcd host');
    return url;
  });
  return { kind: 'etcd', display, urls };
}
