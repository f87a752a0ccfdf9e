/**
 * @module node-postgres as a PooledDb: `?` placeholders rewritten to `$n`, broken connections
 * dropped so the pool reconnects by itself when the database is back.
 */
import type pg from 'pg';
import { describeNetworkError, PooledDb } from '../../sqllog/pooled-db.js';
import type { SqlRow } from '../../sqllog/dialect.js';

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
  return describeNetworkError(err, ['28P01', '28000']);
}

export function pgDb(pool: pg.Pool, where: string): PooledDb {
  return new PooledDb({
    run: async (sql, params) => (await pool.query(numberParams(sql), params)).rows as SqlRow[],
    connect: async () => {
      const client = await pool.connect();
      // A checked-out client whose connection dies between queries emits 'error'; without a
      // listener node-postgres turns it into an uncaught exception that kills the process. The
      // next query on it fails and the transaction path drops the connection.
      let broken: unknown;
      const onError = (err: unknown): void => { broken = err; };
      client.on('error', onError);
      return {
        run: async (sql, params) => {
          if (broken !== undefined) throw broken;
          return (await client.query(numberParams(sql), params)).rows as SqlRow[];
        },
        release: (destroy) => {
          client.off('error', onError);
          client.release(destroy || broken !== undefined);
        },
      };
    },
    end: () => pool.end(),
  }, where, describePgError, 'BEGIN');
}
