/**
 * @module better-sqlite3 behind the SqlDb interface. Two connections: transactions run on the
 * writer (one at a time), plain reads on a reader that in WAL mode only ever sees committed
 * data — so a read running between two steps of a commit cannot see half of it.
 */
import Database from 'better-sqlite3';
import { DatastoreUnavailableError } from '../../backend.js';
import type { SqlConn, SqlDb, SqlRow, SqlValue } from '../../sqllog/dialect.js';

type Sqlite = Database.Database;
type Statement = Database.Statement<unknown[], unknown>;

/** Translates a better-sqlite3 error once, at the driver's edge. */
export function sqliteError(err: unknown, what: string): DatastoreUnavailableError {
  const msg = err instanceof Error ? err.message : String(err);
  return new DatastoreUnavailableError(`sqlite: ${what}: ${msg}`, { cause: err });
}

class Conn implements SqlConn {
  private readonly stmts = new Map<string, Statement>();
  constructor(readonly db: Sqlite) {}

  run(sql: string, params: readonly SqlValue[] = []): SqlRow[] {
    let st = this.stmts.get(sql);
    if (!st) this.stmts.set(sql, st = this.db.prepare(sql));
    if (st.reader) return st.all(...params) as SqlRow[];
    st.run(...params);
    return [];
  }

  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    try {
      return Promise.resolve(this.run(sql, params));
    } catch (err) {
      return Promise.reject(sqliteError(err, 'query failed'));
    }
  }
}

export interface SqliteDbOptions {
  /** PRAGMAs for the writer (journal mode, synchronous, ...). */
  readonly writerPragmas: readonly string[];
  readonly readerPragmas: readonly string[];
}

export class SqliteDb implements SqlDb {
  private readonly writer: Conn;
  private readonly reader: Conn;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(path: string, opts: SqliteDbOptions) {
    const w = new Database(path);
    try {
      for (const p of opts.writerPragmas) w.pragma(p);
      this.writer = new Conn(w);
      const r = new Database(path);
      for (const p of opts.readerPragmas) r.pragma(p);
      this.reader = new Conn(r);
    } catch (err) {
      w.close();
      throw err;
    }
  }

  /** Reads go to the reader; DDL and other writes outside transactions go to the writer. */
  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    return /^\s*select/i.test(sql) ? this.reader.query(sql, params) : this.serial(() => this.writer.query(sql, params));
  }

  transaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      try {
        this.writer.run('BEGIN IMMEDIATE');
      } catch (err) {
        throw sqliteError(err, 'begin failed');
      }
      try {
        const out = await fn(this.writer);
        this.writer.run('COMMIT');
        return out;
      } catch (err) {
        if (this.writer.db.inTransaction) this.writer.run('ROLLBACK');
        throw err instanceof DatastoreUnavailableError ? err : sqliteError(err, 'commit failed');
      }
    });
  }

  /** Copies the WAL into the database and truncates it (after compaction, as kine does). */
  checkpoint(): Promise<void> {
    return this.serial(async () => {
      try {
        this.writer.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch (err) {
        throw sqliteError(err, 'checkpoint failed');
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.reader.db.close();
    this.writer.db.close();
  }

  /** Runs writer work one piece at a time (transactions span awaits). */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
