/**
 * @module The embedded default datastore: SQLite in WAL mode at <data-dir>/server/db/state.db.
 * Durability: a write is on disk (WAL fdatasynced) when it is acknowledged. SQLite runs with
 * synchronous=NORMAL and the driver syncs the WAL itself after each COMMIT, in libuv's thread
 * pool, so the event loop never blocks on the disk (synchronous=FULL cost ~2.5 ms of blocked
 * main thread per commit here); group commit (logstructured/batcher.ts) shares each sync among
 * concurrent writers. A commit is visible to readers of this process a moment before it is
 * acknowledged; only an OS crash in that moment could lose what such a read saw. After
 * each automatic compaction the WAL is checkpointed and truncated, so under churn both files
 * stop growing (freed pages are reused).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatastoreUnavailableError } from '../../backend.js';
import type { Backend } from '../../backend.js';
import type { StoreTuning } from '../../logstructured/store.js';
import type { SqlDialect } from '../../sqllog/dialect.js';
import { openSqlStore, SqlLog } from '../../sqllog/sql-log.js';
import { SqliteDb, sqliteError } from './sqlite-db.js';

export const sqliteDialect: SqlDialect = {
  schema: [
    `CREATE TABLE IF NOT EXISTS k3ts_log (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      create_revision INTEGER NOT NULL,
      prev_revision INTEGER NOT NULL,
      succ INTEGER,
      deleted INTEGER NOT NULL,
      lease INTEGER NOT NULL,
      value BLOB NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS k3ts_log_name_id_succ ON k3ts_log (name, id, succ)',
    'CREATE INDEX IF NOT EXISTS k3ts_log_succ ON k3ts_log (succ)',
    'CREATE UNIQUE INDEX IF NOT EXISTS k3ts_log_live ON k3ts_log (name) WHERE succ IS NULL',
    'CREATE TABLE IF NOT EXISTS k3ts_meta (id INTEGER PRIMARY KEY, revision INTEGER NOT NULL, compact_revision INTEGER NOT NULL)',
    'INSERT OR IGNORE INTO k3ts_meta (id, revision, compact_revision) VALUES (1, 0, 0)',
  ],
  // BEGIN IMMEDIATE (in SqliteDb) already holds the database's write lock.
  lockMeta: 'SELECT revision, compact_revision FROM k3ts_meta WHERE id = 1',
  supersedeStyle: 'case',
  maxRowsPerStatement: 256,
  liveLookupHint: 'INDEXED BY k3ts_log_live',
  decodeKey: (v) => String(v),
};

/** The log, plus a WAL checkpoint after every compaction. */
class SqliteLog extends SqlLog {
  constructor(private readonly sqlite: SqliteDb) {
    super('sqlite', sqlite, sqliteDialect);
  }

  override async compact(revision: number): Promise<void> {
    await super.compact(revision);
    await this.sqlite.checkpoint();
  }
}

/** Opens (creating if needed) the SQLite database at `path` and a store on it. */
export async function openSqlite(path: string, tuning: StoreTuning = {}): Promise<Backend> {
  let db: SqliteDb;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    db = new SqliteDb(path, {
      writerPragmas: ['journal_mode = WAL', 'synchronous = NORMAL', 'busy_timeout = 10000', 'journal_size_limit = 67108864'],
      readerPragmas: ['busy_timeout = 10000', 'query_only = 1', 'cache_size = -16000'],
      syncWal: `${path}-wal`,
    });
  } catch (err) {
    throw err instanceof DatastoreUnavailableError ? err : sqliteError(err, `cannot open ${path}`);
  }
  return openSqlStore(new SqliteLog(db), tuning);
}
