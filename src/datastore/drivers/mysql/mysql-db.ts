/**
 * @module mysql2 behind the SqlDb interface: a pool for reads, one pooled connection per
 * transaction at READ COMMITTED (no gap locks; writers serialise on the meta row anyway).
 * Errors are translated here, once, naming the endpoint with its password masked; a failed
 * connection is destroyed so the pool reconnects when the server is back.
 */
import type mysql from 'mysql2/promise';
import { DatastoreUnavailableError } from '../../backend.js';
import { driverParams, plainCause, type SqlConn, type SqlDb, type SqlRow, type SqlValue } from '../../sqllog/dialect.js';

/** Why a mysql2 error happened, in words for the operator. */
export function describeMysqlError(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const msg = typeof e?.message === 'string' ? e.message : String(err);
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR') return `authentication failed (${msg})`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host not found (${msg})`;
  return msg || code || 'unknown error';
}

function rowsOf(result: unknown): SqlRow[] {
  return Array.isArray(result) ? (result as SqlRow[]) : [];
}

export class MysqlDb implements SqlDb {
  private readonly readCommitted = new WeakSet<object>();
  constructor(private readonly pool: mysql.Pool, private readonly where: string) {}

  async query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    try {
      const [rows] = await this.pool.query(sql, driverParams(params));
      return rowsOf(rows);
    } catch (err) {
      throw this.translate(err);
    }
  }

  async transaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T> {
    let conn: mysql.PoolConnection;
    try {
      conn = await this.pool.getConnection();
    } catch (err) {
      throw this.translate(err);
    }
    const tx: SqlConn = {
      query: async (sql, params) => {
        try {
          const [rows] = await conn.query(sql, driverParams(params));
          return rowsOf(rows);
        } catch (err) {
          throw this.translate(err);
        }
      },
    };
    try {
      if (!this.readCommitted.has(conn.connection)) {
        await tx.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
        this.readCommitted.add(conn.connection);
      }
      await tx.query('START TRANSACTION');
      const out = await fn(tx);
      await tx.query('COMMIT');
      conn.release();
      return out;
    } catch (err) {
      await conn.query('ROLLBACK').catch(() => undefined);
      conn.destroy();
      throw err instanceof DatastoreUnavailableError ? err : this.translate(err);
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  translate(err: unknown): DatastoreUnavailableError {
    if (err instanceof DatastoreUnavailableError) return err;
    return new DatastoreUnavailableError(`${this.where}: ${describeMysqlError(err)}`, { cause: plainCause(err) });
  }
}
