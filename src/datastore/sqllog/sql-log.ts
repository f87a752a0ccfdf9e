/**
 * @module The log over SQL, for SQLite, PostgreSQL and MySQL alike. One table of rows (kine's
 * model, plus a `succ` column naming the row that superseded each one, so reads at any revision
 * are one index range scan instead of kine's MAX(id) GROUP BY) and one meta row holding the
 * current and compact revisions. Writers lock the meta row, so revisions are assigned and
 * committed in order with no holes and no gap-filling rows.
 */
import { prefixEnd, rangeStart } from '../keyrange.js';
import type { Log, LogEvent, LogList, LogListOptions, NewRow, OpOutcome, Revisions, Row, WriteOp } from '../logstructured/log.js';
import { batchKeys, planBatch } from '../logstructured/plan.js';
import { toBytes, toNumber, type SqlConn, type SqlDb, type SqlDialect, type SqlRow, type SqlValue } from './dialect.js';
import { supersedeStatement, insertStatement } from './statements.js';
import { LogStore, type StoreTuning } from '../logstructured/store.js';
import type { Backend } from '../backend.js';

const COLS = 'id, name, create_revision, prev_revision, deleted, lease, value';
// A tombstone's succ is its own id, so this excludes deleted keys too; it needs only
// (name, id, succ), which the covering index holds: counts never touch the table.
const VISIBLE = 'id <= ? AND (succ IS NULL OR succ > ?)';
/** Revisions compacted per transaction, so writers wait only briefly. */
const COMPACT_STEP = 1000;

/** Splits rows into runs of at most `maxRows` rows and (unless one row is larger) `maxBytes` of values. */
function chunkRows(rows: readonly NewRow[], maxRows: number, maxBytes: number): NewRow[][] {
  const out: NewRow[][] = [];
  let cur: NewRow[] = [], bytes = 0;
  for (const r of rows) {
    if (cur.length && (cur.length >= maxRows || bytes + r.value.length > maxBytes)) { out.push(cur); cur = []; bytes = 0; }
    cur.push(r);
    bytes += r.value.length;
  }
  if (cur.length) out.push(cur);
  return out;
}

export class SqlLog implements Log {
  constructor(readonly name: string, private readonly db: SqlDb, private readonly dialect: SqlDialect) {}

  /** Creates the schema if needed. */
  async init(): Promise<void> {
    const { schema, schemaLock } = this.dialect;
    if (!schemaLock) {
      for (const ddl of schema) await this.db.query(ddl);
      return;
    }
    // Servers starting together would race on CREATE ... IF NOT EXISTS; take turns.
    await this.db.transaction(async (tx) => {
      await tx.query(schemaLock);
      for (const ddl of schema) await tx.query(ddl);
    });
  }

  async revisions(): Promise<Revisions> {
    const [r] = await this.db.query('SELECT revision, compact_revision FROM k3ts_meta WHERE id = 1');
    return { current: toNumber(r?.['revision']), compact: toNumber(r?.['compact_revision']) };
  }

  async get(key: string, revision: number): Promise<Row | undefined> {
    const rows = await this.db.query(`SELECT ${COLS} FROM k3ts_log WHERE name = ? AND ${VISIBLE} ORDER BY id DESC LIMIT 1`, [key, revision, revision]);
    return rows[0] ? this.row(rows[0]) : undefined;
  }

  async getCurrent(key: string): Promise<{ revision: number; row: Row | undefined }> {
    // One statement, so one snapshot: the row and the revision agree.
    const [r] = await this.db.query(
      `SELECT m.revision AS current_revision, ${COLS.split(', ').map((c) => `l.${c}`).join(', ')}
       FROM k3ts_meta m LEFT JOIN k3ts_log l ON l.name = ? AND l.id <= m.revision AND (l.succ IS NULL OR l.succ > m.revision)
       WHERE m.id = 1`, [key]);
    const revision = toNumber(r?.['current_revision']);
    return { revision, row: r && r['id'] !== null && r['id'] !== undefined ? this.row(r) : undefined };
  }

  async list(prefix: string, opts: LogListOptions): Promise<LogList> {
    const { where, params } = this.range(prefix, opts.startKey);
    const visible = `${where} AND ${VISIBLE}`;
    const p = [...params, opts.revision, opts.revision];
    const limit = opts.limit > 0 ? ` LIMIT ${opts.limit + 1}` : '';
    const raw = await this.db.query(`SELECT ${COLS} FROM k3ts_log WHERE ${visible} ORDER BY name${limit}`, p);
    const more = opts.limit > 0 && raw.length > opts.limit;
    const rows = (more ? raw.slice(0, opts.limit) : raw).map((r) => this.row(r));
    if (!more) return { rows, count: rows.length, more };
    const [c] = await this.db.query(`SELECT COUNT(*) AS n FROM k3ts_log WHERE ${visible}`, p);
    return { rows, count: toNumber(c?.['n']), more };
  }

  async after(prefix: string, span: { from: number; to: number }, limit: number): Promise<LogEvent[]> {
    const { where, params } = this.range(prefix, undefined, 'r.');
    const rows = await this.db.query(
      `SELECT r.id, r.name, r.create_revision, r.prev_revision, r.deleted, r.lease, r.value,
        p.id AS p_id, p.create_revision AS p_create_revision, p.lease AS p_lease, p.value AS p_value
       FROM k3ts_log r LEFT JOIN k3ts_log p ON p.id = r.prev_revision
       WHERE r.id >= ? AND r.id <= ? AND ${where} ORDER BY r.id LIMIT ${limit}`,
      [span.from, Math.min(span.to, Number.MAX_SAFE_INTEGER), ...params]);
    return rows.map((r) => {
      const row = this.row(r);
      if (r['p_id'] === null || r['p_id'] === undefined) return { row };
      const prev: Row = {
        id: toNumber(r['p_id']), key: row.key, createRevision: toNumber(r['p_create_revision']),
        prevRevision: 0, deleted: false, lease: toNumber(r['p_lease']), value: toBytes(r['p_value']),
      };
      return { row, prev };
    });
  }

  async leased(): Promise<Row[]> {
    const rows = await this.db.query(`SELECT ${COLS} FROM k3ts_log WHERE succ IS NULL AND deleted = 0 AND lease > 0`);
    return rows.map((r) => this.row(r));
  }

  commit(ops: readonly WriteOp[]): Promise<OpOutcome[]> {
    return this.db.transaction(async (tx) => {
      const [meta] = await tx.query(this.dialect.lockMeta);
      const head = toNumber(meta?.['revision']);
      const keys = batchKeys(ops);
      const found = await tx.query(
        `SELECT ${COLS} FROM k3ts_log ${this.dialect.liveLookupHint ?? ''} WHERE succ IS NULL AND deleted = 0 AND name IN (${keys.map(() => '?').join(', ')})`, keys);
      const live = new Map<string, Row>();
      for (const r of found) { const row = this.row(r); live.set(row.key, row); }
      const plan = planBatch(ops, live, head);
      if (plan.rows.length === 0) return plan.outcomes;
      // Supersede first: the partial unique index allows one live row per key at any time.
      const step = this.dialect.maxRowsPerStatement;
      for (let i = 0; i < plan.superseded.length; i += step) {
        await this.run(tx, supersedeStatement(this.dialect, plan.superseded.slice(i, i + step)));
      }
      for (const rows of chunkRows(plan.rows, step, this.dialect.maxBytesPerStatement ?? Infinity)) {
        await this.run(tx, insertStatement(rows));
      }
      await tx.query('UPDATE k3ts_meta SET revision = ? WHERE id = 1', [plan.revision]);
      if (this.dialect.notify) await tx.query(this.dialect.notify(plan.revision));
      return plan.outcomes;
    });
  }

  async compact(revision: number): Promise<void> {
    for (;;) {
      const done = await this.db.transaction(async (tx) => {
        const [meta] = await tx.query(this.dialect.lockMeta);
        const compacted = toNumber(meta?.['compact_revision']);
        if (compacted >= revision) return true;
        const next = Math.min(revision, compacted + COMPACT_STEP);
        await tx.query('DELETE FROM k3ts_log WHERE succ < ?', [next]);
        await tx.query('UPDATE k3ts_meta SET compact_revision = ? WHERE id = 1', [next]);
        return next >= revision;
      });
      if (done) return;
    }
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private run(tx: SqlConn, st: { sql: string; params: SqlValue[] }): Promise<SqlRow[]> {
    return tx.query(st.sql, st.params);
  }

  private range(prefix: string, startKey: string | undefined, alias = ''): { where: string; params: SqlValue[] } {
    const end = prefixEnd(prefix);
    const start = rangeStart(prefix, startKey);
    // Continuation keys end in NUL (Kubernetes appends "\x00"), which PostgreSQL text cannot
    // hold. No key contains NUL, so ">= a\x00..." is "> a".
    const nul = start.indexOf('\u0000');
    const lower = nul >= 0 ? `${alias}name > ?` : `${alias}name >= ?`;
    const params: SqlValue[] = [nul >= 0 ? start.slice(0, nul) : start];
    if (end === undefined) return { where: lower, params };
    return { where: `${lower} AND ${alias}name < ?`, params: [...params, end] };
  }

  private row(r: SqlRow): Row {
    return {
      id: toNumber(r['id']), key: this.dialect.decodeKey(r['name']),
      createRevision: toNumber(r['create_revision']), prevRevision: toNumber(r['prev_revision']),
      deleted: toNumber(r['deleted']) !== 0, lease: toNumber(r['lease']), value: toBytes(r['value']),
    };
  }
}

/** Creates the schema if needed and opens a store on the log (closing the log if that fails). */
export async function openSqlStore(log: SqlLog, tuning: StoreTuning): Promise<Backend> {
  try {
    await log.init();
    return await LogStore.open(log, tuning);
  } catch (err) {
    await log.close().catch(() => undefined);
    throw err;
  }
}
