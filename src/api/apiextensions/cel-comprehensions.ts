/**
 * @module cel-go's two-variable comprehensions (Kubernetes v1.32+): all(i, v, p), exists(i, v, p),
 * existsOne(i, v, p), transformList(i, v, [filter,] e), transformMap(k, v, [filter,] e) and
 * transformMapEntry(k, v, [filter,] e). @bufbuild/cel 0.6.1 parses them as plain calls and has
 * one iteration variable, so rewriteTwoVarComprehensions turns each call in the parsed tree into
 * a one-variable comprehension over `k3ts.pairs(target)` (a list of [index or key, value]
 * pairs) in which `i` and `v` become `pair[0]` and `pair[1]`, respecting inner rebindings. The
 * accumulators mirror cel-go's macro expansions (false short-circuits all, errors absorbed).
 */
import { celFunc, celList, celMap, CelScalar, isCelList, isCelMap, parse, type CelFunc, type CelValue } from '@bufbuild/cel';

const { DYN } = CelScalar;

/** A parsed CEL expression node (the cel.expr.Expr message shape the planner reads). */
interface Node { id: bigint; exprKind: { case: string | undefined; value?: unknown } }

const RESULT = '__result__';
const TWO_VAR: Record<string, readonly number[]> = {
  all: [3], exists: [3], existsOne: [3], exists_one: [3], transformList: [3, 4], transformMap: [3, 4], transformMapEntry: [3, 4],
};

type MapKey = bigint | string | boolean;

/** Helper functions the rewritten trees call. */
export const comprehensionFuncs: CelFunc[] = [
  celFunc('k3ts.pairs', [DYN], DYN, (t) => {
    if (isCelList(t)) return celList([...t].map((v, i) => celList([BigInt(i), v])));
    if (isCelMap(t)) return celList([...t.entries()].map(([k, v]) => celList([k as CelValue, v])));
    throw new Error('no such overload: two-variable comprehension over a value that is not a list or map');
  }),
  celFunc('k3ts.mapInsert', [DYN, DYN, DYN], DYN, (m, k, v) => {
    if (!isCelMap(m)) throw new Error('no such overload');
    return celMap(new Map([...m.entries(), [k as MapKey, v]]));
  }),
  celFunc('k3ts.mapMerge', [DYN, DYN], DYN, (m, add) => {
    if (!isCelMap(m) || !isCelMap(add)) throw new Error('no such overload');
    const out = new Map(m.entries());
    for (const [k, v] of add.entries()) {
      if (m.has(k)) throw new Error(`insert failed: key ${String(k)} already exists`);
      out.set(k, v);
    }
    return celMap(out);
  }),
];

/** Rewrites every two-variable comprehension in `root` (bottom-up, fresh ids from `nextId`). */
export function rewriteTwoVarComprehensions(root: Node): Node {
  let nextId = maxId(root) + 1n;
  const mk = (c: string, value: unknown): Node => ({ id: nextId++, exprKind: { case: c, value } });
  const ident = (name: string) => mk('identExpr', { name });
  const call = (fn: string, args: Node[], target?: Node) => mk('callExpr', target ? { function: fn, args, target } : { function: fn, args });
  const literal = (src: string) => ({ ...(parse(src).expr as unknown as Node), id: nextId++ });
  const index = (n: Node, i: bigint) => call('_[_]', [n, mk('constExpr', { constantKind: { case: 'int64Value', value: i } })]);

  const walk = (n: Node): Node => {
    const copy = mapChildren(n, walk);
    const c = copy.exprKind;
    if (c.case !== 'callExpr') return copy;
    const v = c.value as { function: string; args: Node[]; target?: Node };
    const names = v.args.slice(0, 2).map((a) => (a.exprKind.case === 'identExpr' ? (a.exprKind.value as { name: string }).name : undefined));
    if (!v.target || !TWO_VAR[v.function]?.includes(v.args.length) || names.some((x) => x === undefined)) return copy;
    const [i, x] = names as [string, string];
    const [first, second] = v.args.slice(2) as [Node, Node | undefined];
    const r = () => ident(RESULT);
    const pick = (cond: Node | undefined, step: Node) => (cond ? call('_?_:_', [cond, step, r()]) : step);
    let init: Node, loop: Node = literal('true'), step: Node, result: Node = r();
    const expr = second ?? first, filter = second ? first : undefined;
    switch (v.function) {
      case 'all': [init, loop, step] = [literal('true'), call('@not_strictly_false', [r()]), call('_&&_', [r(), first])]; break;
      case 'exists': [init, loop, step] = [literal('false'), call('@not_strictly_false', [call('!_', [r()])]), call('_||_', [r(), first])]; break;
      case 'transformList': [init, step] = [literal('[]'), pick(filter, call('_+_', [r(), mk('listExpr', { elements: [expr], optionalIndices: [] })]))]; break;
      case 'transformMap': [init, step] = [literal('{}'), pick(filter, call('k3ts.mapInsert', [r(), ident(i), expr]))]; break;
      case 'transformMapEntry': [init, step] = [literal('{}'), pick(filter, call('k3ts.mapMerge', [r(), expr]))]; break;
      default: [init, step, result] = [literal('0'), pick(first, call('_+_', [r(), literal('1')])), call('_==_', [r(), literal('1')])];
    }
    const pair = `@k3ts_pair_${nextId}`;
    const swap = (body: Node) => substitute(body, new Map([[i, () => index(ident(pair), 0n)], [x, () => index(ident(pair), 1n)]]));
    return mk('comprehensionExpr', {
      iterVar: pair, iterVar2: '', iterRange: call('k3ts.pairs', [v.target]), accuVar: RESULT, accuInit: init,
      loopCondition: swap(loop), loopStep: swap(step), result,
    });
  };
  return walk(root);
}

/** A copy of `n` with `fn` applied to each direct child expression. */
function mapChildren(n: Node, fn: (c: Node) => Node): Node {
  const v = n.exprKind.value as Record<string, unknown> | undefined;
  if (!v) return n;
  const out: Record<string, unknown> = { ...v };
  const one = (k: string, f: (c: Node) => Node = fn) => { if (v[k]) out[k] = f(v[k] as Node); };
  switch (n.exprKind.case) {
    case 'selectExpr': one('operand'); break;
    case 'callExpr': one('target'); out['args'] = (v['args'] as Node[]).map(fn); break;
    case 'listExpr': out['elements'] = (v['elements'] as Node[]).map(fn); break;
    case 'structExpr':
      out['entries'] = (v['entries'] as Array<Record<string, unknown>>).map((e) => {
        const k = e['keyKind'] as { case?: string; value?: unknown } | undefined;
        return { ...e, value: fn(e['value'] as Node), ...(k?.case === 'mapKey' ? { keyKind: { case: 'mapKey', value: fn(k.value as Node) } } : {}) };
      });
      break;
    case 'comprehensionExpr': for (const k of ['iterRange', 'accuInit', 'loopCondition', 'loopStep', 'result']) one(k); break;
    default: return n;
  }
  return { ...n, exprKind: { case: n.exprKind.case, value: out } };
}

/** Replaces free identifiers named in `subs`, leaving names a comprehension rebinds alone. */
function substitute(n: Node, subs: Map<string, () => Node>): Node {
  if (!subs.size) return n;
  if (n.exprKind.case === 'identExpr') return subs.get((n.exprKind.value as { name: string }).name)?.() ?? n;
  if (n.exprKind.case !== 'comprehensionExpr') return mapChildren(n, (c) => substitute(c, subs));
  const v = n.exprKind.value as Record<string, unknown>;
  const inner = new Map([...subs].filter(([k]) => k !== v['iterVar'] && k !== v['iterVar2'] && k !== v['accuVar']));
  const outerKeys = new Set(['iterRange', 'accuInit']);
  const out: Record<string, unknown> = { ...v };
  for (const k of ['iterRange', 'accuInit', 'loopCondition', 'loopStep', 'result']) {
    if (v[k]) out[k] = substitute(v[k] as Node, outerKeys.has(k) ? subs : inner);
  }
  return { ...n, exprKind: { case: 'comprehensionExpr', value: out } };
}

function maxId(n: unknown): bigint {
  if (!n || typeof n !== 'object') return 0n;
  let m = 'id' in n && typeof n.id === 'bigint' ? n.id : 0n;
  for (const x of Object.values(n)) if (x && typeof x === 'object') { const c = maxId(x); if (c > m) m = c; }
  return m;
}
