/**
 * @module mysql2 as a PooledDb. Transactions run at READ COMMITTED (no gap locks; writers
 * serialise on the meta row anyway), set once per connection.
 */
import type mysql from 'mysql2/promise';
import { describeNetworkError, PooledDb } from '../../sqllog/pooled-db.js';
import type { SqlRow } from '../../sqllog/dialect.js';

/** Why a mysql2 error happened, in words for the operator. */
export function describeMysqlError(err: unknown): string {
  return describeNetworkError(err, ['ER_ACCESS_DENIED_ERROR', 'ER_DBACCESS_DENIED_ERROR']);
}

function rowsOf(result: unknown): SqlRow[] {
  return Array.isArray(result) ? (result as SqlRow[]) : [];
}

export function mysqlDb(pool: mysql.Pool, where: string): PooledDb {
  const readCommitted = new WeakSet<object>();
  return new PooledDb({
    run: async (sql, params) => rowsOf((await pool.query(sql, params))[0]),
    connect: async () => {
      const conn = await pool.getConnection();
      try {
        if (!readCommitted.has(conn.connection)) {
          await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
          readCommitted.add(conn.connection);
        }
      } catch (err) {
        conn.destroy();
        throw err;
      }
      return {
        run: async (sql, params) => rowsOf((await conn.query(sql, params))[0]),
        release: (destroy) => (destroy ? conn.destroy() : conn.release()),
      };
    },
    end: () => pool.end(),
  }, where, describeMysqlError, 'START TRANSACTION');
}
