/**
 * @module Test access to the real PostgreSQL and MariaDB that .ci/services.sh starts: whether
 * they are reachable (tests skip with the reason when not) and throwaway databases, one per
 * case, so test files can run in parallel. Endpoints come from K3TS_TEST_POSTGRES and
 * K3TS_TEST_MYSQL, defaulting to the services.sh credentials.
 */
import mysql from 'mysql2/promise';
import pg from 'pg';
import { messageOf } from '../../base/errors.js';
import { parseEndpoint } from '../endpoint.js';

export const pgTestEndpoint = process.env['K3TS_TEST_POSTGRES'] ?? 'postgres://k3ts:k3ts@127.0.0.1:5432/k3ts?sslmode=disable';
export const mysqlTestEndpoint = process.env['K3TS_TEST_MYSQL'] ?? 'mysql://k3ts:k3ts@tcp(127.0.0.1:3306)/k3ts';

let serial = 0;
/** A database name unique to this process and call. */
export function scratchName(): string {
  return `k3ts_t_${process.pid}_${Date.now() % 100000}_${++serial}`;
}

/** Replaces the database of an endpoint. */
export function withDatabase(endpoint: string, db: string): string {
  const q = endpoint.indexOf('?');
  const [base, query] = q < 0 ? [endpoint, ''] : [endpoint.slice(0, q), endpoint.slice(q)];
  return `${base.slice(0, base.lastIndexOf('/'))}/${db}${query}`;
}

function pgAdminConfig(): pg.ClientConfig {
  const ep = parseEndpoint(pgTestEndpoint);
  if (ep.kind !== 'postgres') throw new Error('K3TS_TEST_POSTGRES is not a postgres:// endpoint');
  return { host: ep.host, port: ep.port, user: ep.user, password: ep.password?.reveal() ?? '', database: ep.database, connectionTimeoutMillis: 3000 };
}

/** Runs SQL as the test role on the test endpoint's own database. */
export async function pgAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(pgAdminConfig());
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Undefined when PostgreSQL is reachable, else why the tests skip. */
export async function pgUnavailable(): Promise<string | undefined> {
  try {
    await pgAdmin((c) => c.query('SELECT 1'));
    return undefined;
  } catch (err) {
    return `PostgreSQL not reachable at ${parseEndpoint(pgTestEndpoint).display} (${messageOf(err)}); run .ci/services.sh start`;
  }
}

/** A fresh database on the test PostgreSQL; returns its endpoint and a drop function. */
export async function pgScratch(): Promise<{ endpoint: string; name: string; drop: () => Promise<void> }> {
  const name = scratchName();
  await pgAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    endpoint: withDatabase(pgTestEndpoint, name),
    name,
    drop: () => pgAdmin(async (c) => { await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); }),
  };
}

function mysqlAdminConfig(): mysql.ConnectionOptions {
  const ep = parseEndpoint(mysqlTestEndpoint);
  if (ep.kind !== 'mysql') throw new Error('K3TS_TEST_MYSQL is not a mysql:// endpoint');
  return {
    user: ep.user, password: ep.password?.reveal() ?? '', database: ep.database, connectTimeout: 3000,
    ...(ep.socket ? { socketPath: ep.socket } : {}),
    ...(ep.host ? { host: ep.host } : {}),
    ...(ep.port ? { port: ep.port } : {}),
  };
}

/** Runs SQL as the test user. */
export async function mysqlAdmin<T>(fn: (c: mysql.Connection) => Promise<T>): Promise<T> {
  const c = await mysql.createConnection(mysqlAdminConfig());
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Undefined when MySQL/MariaDB is reachable, else why the tests skip. */
export async function mysqlUnavailable(): Promise<string | undefined> {
  try {
    await mysqlAdmin((c) => c.query('SELECT 1'));
    return undefined;
  } catch (err) {
    return `MySQL/MariaDB not reachable at ${parseEndpoint(mysqlTestEndpoint).display} (${messageOf(err)}); run .ci/services.sh start`;
  }
}

/** A fresh database on the test MySQL; returns its endpoint and a drop function. */
export async function mysqlScratch(): Promise<{ endpoint: string; name: string; drop: () => Promise<void> }> {
  const name = scratchName();
  await mysqlAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    endpoint: withDatabase(mysqlTestEndpoint, name),
    name,
    drop: () => mysqlAdmin(async (c) => { await c.query(`DROP DATABASE IF EXISTS ${name}`); }),
  };
}
