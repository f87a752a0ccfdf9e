/**
 * @module SqlDb for the network drivers (pg, mysql2): a pool adapter supplies queries and
 * connections; this runs transactions on one connection (commit, or roll back and drop the
 * connection, which may be the cause) and translates every error once, into
 * DatastoreUnavailableError naming the endpoint with its password masked.
 */
import { DatastoreUnavailableError } from '../backend.js';
import { driverParams, plainCause, type SqlConn, type SqlDb, type SqlRow, type SqlValue } from './dialect.js';

/** One connection taken from a pool. */
export interface PooledConn {
  /** Runs a statement (params already converted); errors are the driver's. */
  run(sql: string, params: unknown[]): Promise<SqlRow[]>;
  /** Gives the connection back, or destroys it after a failure. */
  release(destroy: boolean): void;
}

/** What a driver's pool must offer. */
export interface PoolAdapter {
  run(sql: string, params: unknown[]): Promise<SqlRow[]>;
  connect(): Promise<PooledConn>;
  end(): Promise<void>;
}

export class PooledDb implements SqlDb {
  /**
   * @param where "postgres <endpoint>" for messages (password masked)
   * @param describe words for a driver error
   * @param begin the statement that starts a transaction
   */
  constructor(
    private readonly pool: PoolAdapter,
    private readonly where: string,
    private readonly describe: (err: unknown) => string,
    private readonly begin: string,
  ) {}

  async query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    try {
      return await this.pool.run(sql, driverParams(params));
    } catch (err) {
      throw this.translate(err);
    }
  }

  async transaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T> {
    let conn: PooledConn;
    try {
      conn = await this.pool.connect();
    } catch (err) {
      throw this.translate(err);
    }
    const tx: SqlConn = {
      query: async (sql, params) => {
        try {
          return await conn.run(sql, driverParams(params));
        } catch (err) {
          throw this.translate(err);
        }
      },
    };
    try {
      await tx.query(this.begin);
      const out = await fn(tx);
      await tx.query('COMMIT');
      conn.release(false);
      return out;
    } catch (err) {
      await conn.run('ROLLBACK', []).catch(() => undefined);
      conn.release(true);
      throw this.translate(err);
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  translate(err: unknown): DatastoreUnavailableError {
    if (err instanceof DatastoreUnavailableError) return err;
    return new DatastoreUnavailableError(`${this.where}: ${this.describe(err)}`, { cause: plainCause(err) });
  }
}

/** Words for common connection errors shared by the drivers (code → text), else the message. */
export function describeNetworkError(err: unknown, authCodes: readonly string[]): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const msg = typeof e?.message === 'string' ? e.message : String(err);
  if (authCodes.includes(code)) return `authentication failed (${msg})`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host not found (${msg})`;
  return msg || code || 'unknown error';
}
