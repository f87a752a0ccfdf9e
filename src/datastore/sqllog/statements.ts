/**
 * @module The multi-row write statements of a commit, built for a batch: inserting new rows
 * and marking the rows they supersede. One statement per batch chunk keeps a commit at a few
 * round trips however many writers share it.
 */
import type { NewRow } from '../logstructured/log.js';
import type { SqlDialect, SqlValue } from './dialect.js';

export interface Statement {
  readonly sql: string;
  readonly params: SqlValue[];
}

/** INSERT of new rows (with their final succ). */
export function insertStatement(rows: readonly NewRow[]): Statement {
  const params: SqlValue[] = [];
  for (const r of rows) {
    params.push(r.id, r.key, r.createRevision, r.prevRevision, r.succ, r.deleted ? 1 : 0, r.lease, r.value);
  }
  const tuple = '(?, ?, ?, ?, ?, ?, ?, ?)';
  return {
    sql: `INSERT INTO k3ts_log (id, name, create_revision, prev_revision, succ, deleted, lease, value) VALUES ${rows.map(() => tuple).join(', ')}`,
    params,
  };
}

/** UPDATE setting `succ` on superseded rows. */
export function supersedeStatement(dialect: SqlDialect, pairs: readonly { id: number; succ: number }[]): Statement {
  const params: SqlValue[] = [];
  if (dialect.supersedeStyle === 'values') {
    // PostgreSQL infers parameter types from context; a CASE would make them text.
    for (const p of pairs) params.push(p.id, p.succ);
    const values = pairs.map(() => '(?::bigint, ?::bigint)').join(', ');
    return { sql: `UPDATE k3ts_log AS l SET succ = v.succ FROM (VALUES ${values}) AS v(id, succ) WHERE l.id = v.id`, params };
  }
  for (const p of pairs) params.push(p.id, p.succ);
  for (const p of pairs) params.push(p.id);
  const cases = pairs.map(() => 'WHEN ? THEN ?').join(' ');
  return { sql: `UPDATE k3ts_log SET succ = CASE id ${cases} END WHERE id IN (${pairs.map(() => '?').join(', ')})`, params };
}
