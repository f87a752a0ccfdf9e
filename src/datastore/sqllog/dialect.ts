/**
 * @module What SqlLog needs from a SQL database: a connection abstraction (so the one log
 * works on better-sqlite3, pg and mysql2) and a dialect (DDL, transaction start, row locks,
 * value decoding). Queries are written with `?` placeholders; a connection rewrites them.
 */

export type SqlValue = string | number | Uint8Array | null;
export type SqlRow = Readonly<Record<string, unknown>>;

/** Runs statements; reads return rows, writes return []. Errors are already translated. */
export interface SqlConn {
  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
}

export interface SqlDb extends SqlConn {
  /**
   * Runs `fn` in a write transaction on one connection, commits
   * when it resolves and rolls back when it throws.
   */
  transaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface SqlDialect {
  /** Idempotent DDL run at open, in order. */
  readonly schema: readonly string[];
  /** Run first in the schema transaction to serialise servers creating it (undefined: no transaction). */
  readonly schemaLock?: string | undefined;
  /** Locks the meta row for the transaction (serialising writers) and reads the revisions. */
  readonly lockMeta: string;
  /** Runs inside a commit that wrote rows, e.g. NOTIFY; undefined when nothing is needed. */
  readonly notify?: ((revision: number) => string) | undefined;
  /** How to update many rows' succ in one statement: CASE (SQLite, MySQL) or a VALUES join (PostgreSQL). */
  readonly supersedeStyle: 'case' | 'values';
  /** Most rows per multi-row statement. */
  readonly maxRowsPerStatement: number;
  /** Most value bytes per INSERT (MySQL's max_allowed_packet); unlimited when absent. */
  readonly maxBytesPerStatement?: number | undefined;
  /**
   * An index hint after the table name in the batch lookup of live rows by name. Without table
   * statistics SQLite's planner prefers the succ index for `succ IS NULL` and scans every live
   * row (40 ms instead of 0.15 ms for 34 keys among 30k live rows).
   */
  readonly liveLookupHint?: string | undefined;
  /** A key column value as a string (mysql returns VARBINARY as a Buffer). */
  decodeKey(v: unknown): string;
}

/** A number from a BIGINT column (pg returns strings, the others numbers). */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || typeof v === 'string') return Number(v);
  if (v === null || v === undefined) return 0;
  throw new TypeError(`expected a number from the database, got ${typeof v}`);
}

/** Bytes from a BLOB/BYTEA column. */
export function toBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') return new TextEncoder().encode(v);
  if (v === null || v === undefined) return new Uint8Array(0);
  throw new TypeError(`expected bytes from the database, got ${typeof v}`);
}

/** Parameters as network drivers expect them: bytes as a Buffer view (pg and mysql2 test for Buffer). */
export function driverParams(params: readonly SqlValue[] | undefined): unknown[] {
  if (!params) return [];
  return params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));
}

/**
 * A plain copy of a driver error (message and code only) to keep as `cause`: driver errors
 * can carry connection settings or whole statements, which must not reach logs.
 */
export function plainCause(err: unknown): Error {
  const e = new Error(err instanceof Error ? err.message : String(err));
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') Object.assign(e, { code });
  return e;
}
