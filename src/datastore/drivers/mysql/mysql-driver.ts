/**
 * @module The MySQL/MariaDB datastore (`mysql://user:pass@tcp(host:3306)/db`, Go DSN as k3s
 * takes it). Writers serialise on the meta row (SELECT ... FOR UPDATE); other servers' writes
 * are found by polling (StoreTuning.pollIntervalMs, default 1 s), like kine. Keys are VARBINARY
 * so they sort by bytes as etcd's do. The database is created if it does not exist.
 */
import mysql from 'mysql2/promise';
import { DatastoreUnavailableError, type Backend } from '../../backend.js';
import type { Endpoint } from '../../endpoint.js';
import type { StoreTuning } from '../../logstructured/store.js';
import type { SqlDialect } from '../../sqllog/dialect.js';
import { openSqlStore, SqlLog } from '../../sqllog/sql-log.js';
import type { PooledDb } from '../../sqllog/pooled-db.js';
import { hasTls, type TlsFiles } from '../../tls.js';
import { describeMysqlError, mysqlDb } from './mysql-db.js';

type MysqlEndpoint = Extract<Endpoint, { kind: 'mysql' }>;

export const mysqlDialect: SqlDialect = {
  schema: [
    `CREATE TABLE IF NOT EXISTS k3ts_log (
      id BIGINT NOT NULL,
      name VARBINARY(1024) NOT NULL,
      create_revision BIGINT NOT NULL,
      prev_revision BIGINT NOT NULL,
      succ BIGINT NULL,
      deleted TINYINT NOT NULL,
      lease BIGINT NOT NULL,
      value LONGBLOB NOT NULL,
      PRIMARY KEY (id),
      KEY k3ts_log_name_id_succ (name, id, succ),
      KEY k3ts_log_succ (succ)) ENGINE=InnoDB`,
    `CREATE TABLE IF NOT EXISTS k3ts_meta (
      id INT NOT NULL PRIMARY KEY, revision BIGINT NOT NULL, compact_revision BIGINT NOT NULL) ENGINE=InnoDB`,
    'INSERT IGNORE INTO k3ts_meta (id, revision, compact_revision) VALUES (1, 0, 0)',
  ],
  lockMeta: 'SELECT revision, compact_revision FROM k3ts_meta WHERE id = 1 FOR UPDATE',
  supersedeStyle: 'case',
  maxRowsPerStatement: 256,
  // Stay well under the default max_allowed_packet (16 MiB; values travel hex-encoded).
  maxBytesPerStatement: 4 << 20,
  liveLookupHint: 'FORCE INDEX (k3ts_log_name_id_succ)',
  decodeKey: (v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)),
};

const KNOWN_PARAMS = new Set(['tls', 'timeout', 'parseTime', 'charset']);

/** mysql2 settings for an endpoint (the Go driver's tls= parameter mapped onto Node's TLS). */
export function mysqlConfig(ep: MysqlEndpoint, tls: TlsFiles): mysql.PoolOptions {
  const mode = ep.params.get('tls') ?? (hasTls(tls) ? 'true' : 'false');
  const ssl = mode === 'false' ? undefined : {
    ...(tls.ca ? { ca: tls.ca } : {}), ...(tls.cert ? { cert: tls.cert } : {}), ...(tls.key ? { key: tls.key } : {}),
    rejectUnauthorized: mode !== 'skip-verify' && mode !== 'preferred',
  };
  const timeout = /^(\d+)s$/.exec(ep.params.get('timeout') ?? '')?.[1];
  return {
    user: ep.user, database: ep.database,
    ...(ep.password ? { password: ep.password.reveal() } : {}),
    ...(ep.socket ? { socketPath: ep.socket } : {}),
    ...(ep.host ? { host: ep.host } : {}),
    ...(ep.port ? { port: ep.port } : {}),
    ...(ssl ? { ssl } : {}),
    connectTimeout: timeout ? Number(timeout) * 1000 : 10_000,
    connectionLimit: 10, maxIdle: 10, idleTimeout: 120_000, charset: 'utf8mb4', supportBigNumbers: true,
  };
}

/** Unknown DSN parameters, to warn about rather than silently accept. */
export function unknownMysqlParams(ep: MysqlEndpoint): string[] {
  return [...ep.params.keys()].filter((k) => !KNOWN_PARAMS.has(k));
}

/** Connects, creates the database and schema if needed, and opens a store. */
export async function openMysql(ep: MysqlEndpoint, tls: TlsFiles, tuning: StoreTuning = {}): Promise<Backend> {
  const where = `mysql ${ep.display}`;
  const config = mysqlConfig(ep, tls);
  const connect = async (): Promise<PooledDb> => {
    const pool = mysql.createPool(config);
    try {
      (await pool.getConnection()).release();
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    return mysqlDb(pool, where);
  };
  let db: PooledDb;
  try {
    try {
      db = await connect();
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'ER_BAD_DB_ERROR') throw err;
      const { database: _unused, connectionLimit: _l, maxIdle: _m, idleTimeout: _i, ...direct } = config;
      const admin = await mysql.createConnection(direct);
      try {
        await admin.query(`CREATE DATABASE IF NOT EXISTS \`${ep.database.replace(/`/g, '``')}\``);
      } finally {
        await admin.end().catch(() => undefined);
      }
      db = await connect();
    }
  } catch (err) {
    throw new DatastoreUnavailableError(`cannot connect to datastore ${ep.display}: ${describeMysqlError(err)}`);
  }
  return openSqlStore(new SqlLog('mysql', db, mysqlDialect), tuning);
}
