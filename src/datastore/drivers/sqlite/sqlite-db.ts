/**
 * @module better-sqlite3 behind the SqlDb interface. Two connections: transactions run on the
 * writer (one at a time), plain reads on a reader that in WAL mode only ever sees committed
 * data — so a read running between two steps of a commit cannot see half of it.
 */
import { open, type FileHandle } from 'node:fs/promises';
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
  /**
   * The WAL file to fdatasync after each commit, off the main thread, before the commit is
   * acknowledged (with `synchronous = NORMAL`, SQLite itself syncs only at checkpoints).
   */
  readonly syncWal?: string;
}

export class SqliteDb implements SqlDb {
  private readonly writer: Conn;
  private readonly reader: Conn;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly wal: WalSync | undefined;

  constructor(path: string, opts: SqliteDbOptions) {
    if (opts.syncWal) this.wal = new WalSync(opts.syncWal);
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
    const committed = this.serial(async () => {
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
    // The next transaction may run while this one's frames are being synced; acknowledgements
    // still come in commit order, each after a sync that began after its COMMIT.
    const wal = this.wal;
    return wal ? committed.then((out) => wal.sync().then(() => out)) : committed;
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
    await this.wal?.close();
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

/**
 * Makes committed WAL frames durable with fdatasync in libuv's thread pool, so the main thread
 * never waits on the disk. Calls that arrive while a sync runs share the next one; callers are
 * released in the order they called.
 */
class WalSync {
  private handle: Promise<FileHandle> | undefined;
  /** The last sync scheduled (syncs run one after another). */
  private tail: Promise<void> = Promise.resolve();
  /** A sync scheduled but not started yet: later callers share it. */
  private pending: Promise<void> | undefined;

  constructor(private readonly path: string) {}

  /** Resolves once a sync that started after this call has completed. */
  sync(): Promise<void> {
    let p = this.pending;
    if (!p) {
      p = this.tail.then(() => {
        this.pending = undefined;
        return this.flush();
      });
      this.pending = p;
      this.tail = p.catch(() => undefined);
    }
    return p;
  }

  private async flush(): Promise<void> {
    try {
      // The WAL exists once the first transaction committed; it is truncated, never replaced.
      this.handle ??= open(this.path, 'r');
      await (await this.handle).datasync();
    } catch (err) {
      this.handle = undefined;
      throw sqliteError(err, 'syncing the WAL failed');
    }
  }

  async close(): Promise<void> {
    await this.tail;
    const h = await this.handle?.catch(() => undefined);
    this.handle = undefined;
    await h?.close();
  }
}
