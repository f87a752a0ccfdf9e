/**
 * @module Test helpers for the CEL libraries: evaluate an expression the way validation rules
 * are compiled (cel-rules.ts, two-variable comprehensions included) and check tables of
 * expressions against their expected results or error messages.
 */
import assert from 'node:assert/strict';
import { isCelError } from '@bufbuild/cel';
import { compileRule } from '../cel-rules.js';

/** What an expression gave: its value, or `{ error }` for a CEL error. */
export type Outcome = unknown | { error: string };

/** Evaluates `expr` with `self` bound; throws when k3ts would not enforce the expression. */
export function celEval(expr: string, self: unknown = null): Outcome {
  const c = compileRule({ rule: expr });
  if (!c.program) throw new Error(`not enforced: ${c.unsupported ?? '?'}`);
  const r = c.program({ self });
  return isCelError(r) ? { error: r.message } : r;
}

/**
 * Checks each [expression, expected] row: a bigint, boolean or string is compared to the value;
 * a RegExp must match the error message of an expression that fails.
 */
export function expectCel(rows: ReadonlyArray<readonly [string, bigint | boolean | string | RegExp]>): void {
  for (const [expr, want] of rows) {
    const got = celEval(expr);
    if (want instanceof RegExp) {
      const msg = typeof got === 'object' && got !== null && 'error' in got ? String(got.error) : undefined;
      assert.ok(msg !== undefined, `${expr}: expected an error, got ${String(got)}`);
      assert.match(msg, want, expr);
    } else assert.equal(got, want, expr);
  }
}
