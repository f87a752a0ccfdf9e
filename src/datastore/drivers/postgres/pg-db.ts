/**
 * @module node-postgres behind the SqlDb interface: a pool for reads, one pooled connection per
 * transaction, `?` placeholders rewritten to `$n`. Every error is translated here, once, into
 * DatastoreUnavailableError naming the endpoint (password masked); broken connections are
 * dropped so the pool reconnects by itself when the database is back.
 */
import pg from 'pg';
import { DatastoreUnavailableError } from '../../backend.js';
import { driverParams, plainCause, type SqlConn, type SqlDb, type SqlRow, type SqlValue } from '../../sqllog/dialect.js';

const numbered = new Map<string, string>();

/** `?` → `$1`, `$2`, ... (our statements have no `?` inside literals). */
export function numberParams(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    if (numbered.size < 4096) numbered.set(sql, out);
  }
  return out;
}

/** Why a pg error happened, in words for the operator. */
export function describePgError(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const msg = typeof e?.message === 'string' ? e.message : String(err);
  if (code === '28P01' || code === '28000') return `authentication failed (${msg})`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host not found (${msg})`;
  return msg || code || 'unknown error';
}

export class PgDb implements SqlDb {
  constructor(private readonly pool: pg.Pool, private readonly where: string) {}

  async query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    try {
      const res = await this.pool.query(numberParams(sql), driverParams(params));
      return res.rows as SqlRow[];
    } catch (err) {
      throw this.translate(err);
    }
  }

  async transaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw this.translate(err);
    }
    const tx: SqlConn = {
      query: async (sql, params) => {
        try {
          return (await client.query(numberParams(sql), driverParams(params))).rows as SqlRow[];
        } catch (err) {
          throw this.translate(err);
        }
      },
    };
    try {
      await tx.query('BEGIN');
      const out = await fn(tx);
      await tx.query('COMMIT');
      client.release();
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      // Drop the connection: it may be the reason for the failure.
      client.release(true);
      throw err instanceof DatastoreUnavailableError ? err : this.translate(err);
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  translate(err: unknown): DatastoreUnavailableError {
    if (err instanceof DatastoreUnavailableError) return err;
    return new DatastoreUnavailableError(`${this.where}: ${describePgError(err)}`, { cause: plainCause(err) });
  }
}
