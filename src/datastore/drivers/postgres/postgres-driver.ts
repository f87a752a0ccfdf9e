/**
 * @module The PostgreSQL datastore (`postgres://user:pass@host:port/db`, k3s's defaults for the
 * bare form). Writers serialise on the meta row (SELECT ... FOR UPDATE), so revisions commit in
 * order; each commit NOTIFYs and every server LISTENs, so watches across servers are prompt
 * (a 1 s poll remains as a safety net). The database is created if it does not exist, as kine does.
 */
import pg from 'pg';
import { DatastoreUnavailableError, type Backend } from '../../backend.js';
import type { Endpoint } from '../../endpoint.js';
import type { StoreTuning } from '../../logstructured/store.js';
import type { SqlDialect } from '../../sqllog/dialect.js';
import { openSqlStore, SqlLog } from '../../sqllog/sql-log.js';
import type { PooledDb } from '../../sqllog/pooled-db.js';
import { hasTls, type TlsFiles } from '../../tls.js';
import { PgListener } from './listener.js';
import { describePgError, pgDb } from './pg-db.js';

type PostgresEndpoint = Extract<Endpoint, { kind: 'postgres' }>;

const CHANNEL = 'k3ts_log';

export const postgresDialect: SqlDialect = {
  schema: [
    `CREATE TABLE IF NOT EXISTS k3ts_log (
      id BIGINT PRIMARY KEY,
      name TEXT COLLATE "C" NOT NULL,
      create_revision BIGINT NOT NULL,
      prev_revision BIGINT NOT NULL,
      succ BIGINT,
      deleted SMALLINT NOT NULL,
      lease BIGINT NOT NULL,
      value BYTEA NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS k3ts_log_name_id_succ ON k3ts_log (name, id, succ)',
    'CREATE INDEX IF NOT EXISTS k3ts_log_succ ON k3ts_log (succ)',
    'CREATE UNIQUE INDEX IF NOT EXISTS k3ts_log_live ON k3ts_log (name) WHERE succ IS NULL',
    'CREATE TABLE IF NOT EXISTS k3ts_meta (id INTEGER PRIMARY KEY, revision BIGINT NOT NULL, compact_revision BIGINT NOT NULL)',
    'INSERT INTO k3ts_meta (id, revision, compact_revision) VALUES (1, 0, 0) ON CONFLICT (id) DO NOTHING',
  ],
  schemaLock: 'SELECT pg_advisory_xact_lock(73057305)',
  lockMeta: 'SELECT revision, compact_revision FROM k3ts_meta WHERE id = 1 FOR UPDATE',
  notify: (revision) => `SELECT pg_notify('${CHANNEL}', '${revision}')`,
  supersedeStyle: 'values',
  maxRowsPerStatement: 256,
  decodeKey: (v) => String(v),
};

class PostgresLog extends SqlLog {
  private listener: PgListener | undefined;
  constructor(db: PooledDb, private readonly config: pg.ClientConfig, private readonly where: string) {
    super('postgres', db, postgresDialect);
  }

  onChange(cb: () => void): void {
    this.listener = new PgListener(this.config, CHANNEL, this.where, cb);
    this.listener.start();
  }

  override async close(): Promise<void> {
    await this.listener?.close();
    await super.close();
  }
}

/** node-postgres settings for an endpoint (libpq's sslmode mapped onto Node's TLS). */
export function pgConfig(ep: PostgresEndpoint, tls: TlsFiles): pg.ClientConfig {
  const verify = ep.sslmode === 'verify-ca' || ep.sslmode === 'verify-full';
  const wantTls = ep.sslmode === 'require' || verify || (ep.sslmode !== 'disable' && hasTls(tls));
  const ssl = wantTls ? {
    ca: tls.ca, cert: tls.cert, key: tls.key,
    rejectUnauthorized: verify || (ep.sslmode !== 'require' && Boolean(tls.ca)),
    ...(ep.sslmode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
  } : false;
  const timeout = Number(ep.params.get('connect_timeout') ?? 10);
  return {
    host: ep.host, port: ep.port, user: ep.user, database: ep.database,
    ...(ep.password ? { password: ep.password.reveal() } : {}),
    ssl, connectionTimeoutMillis: timeout * 1000,
    // A server that vanishes without closing the connection must not hang requests forever.
    keepAlive: true, query_timeout: 60_000,
    application_name: ep.params.get('application_name') ?? 'k3ts',
  };
}

async function createDatabase(config: pg.ClientConfig, name: string): Promise<void> {
  const admin = new pg.Client({ ...config, database: 'postgres' });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (err) {
    // Another server may have created it meanwhile.
    if ((err as { code?: unknown }).code !== '42P04') throw err;
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Connects, creates the database and schema if needed, and opens a store. */
export async function openPostgres(ep: PostgresEndpoint, tls: TlsFiles, tuning: StoreTuning = {}): Promise<Backend> {
  const where = `postgres ${ep.display}`;
  const config = pgConfig(ep, tls);
  const connect = async (): Promise<PooledDb> => {
    const pool = new pg.Pool({ ...config, max: 10, idleTimeoutMillis: 120_000 });
    // Idle connections that die (server restart, pg_terminate_backend) must not crash us.
    pool.on('error', () => undefined);
    const probe = await pool.connect().catch(async (err: unknown) => { await pool.end().catch(() => undefined); throw err; });
    probe.release();
    return pgDb(pool, where);
  };
  let db: PooledDb;
  try {
    try {
      db = await connect();
    } catch (err) {
      if ((err as { code?: unknown }).code !== '3D000') throw err;
      await createDatabase(config, ep.database);
      db = await connect();
    }
  } catch (err) {
    throw new DatastoreUnavailableError(`cannot connect to datastore ${ep.display}: ${describePgError(err)}`);
  }
  return openSqlStore(new PostgresLog(db, config, where), tuning);
}
