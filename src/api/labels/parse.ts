/**
 * @module The label selector grammar (apimachinery labels.Parse), with its error messages:
 *   selector    ::= requirement ("," requirement)*
 *   requirement ::= ["!"] KEY [ ("in"|"notin") "(" values ")" | ("="|"=="|"!="|">"|"<") VALUE ]
 */
import { LabelSelector, type Operator, type Requirement, SelectorParseError, newRequirement } from './selector.js';
import { fieldErrors, errorString } from '../validation/field-errors.js';
import { isQualifiedName } from '../validation/names.js';

type Tok = 'id' | 'end' | ',' | '(' | ')' | '!' | '=' | '==' | '!=' | '>' | '<' | 'in' | 'notin' | 'error';
interface Item { readonly tok: Tok; readonly lit: string }

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const SYMBOLS = new Map<string, Tok>([['!', '!'], ['=', '='], ['==', '=='], ['!=', '!='], ['>', '>'], ['<', '<'], ['(', '('], [')', ')'], [',', ',']]);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

function lex(s: string): Item[] {
  const out: Item[] = [];
  let i = 0;
  for (;;) {
    while (i < s.length && isSpace(s[i] as string)) i++;
    if (i >= s.length) {
      out.push({ tok: 'end', lit: '' });
      return out;
    }
    const c = s[i] as string;
    if (SPECIAL.has(c)) {
      // Longest run of special characters that is still a known symbol.
      let buf = '';
      let last: Item | undefined;
      while (i < s.length && SPECIAL.has(s[i] as string)) {
        buf += s[i];
        const t = SYMBOLS.get(buf);
        if (t) last = { tok: t, lit: buf };
        else if (last) break;
        i++;
      }
      if (!last) out.push({ tok: 'error', lit: `error expected: keyword found '${buf}'` });
      else out.push(last);
      continue;
    }
    let j = i;
    while (j < s.length && !SPECIAL.has(s[j] as string) && !isSpace(s[j] as string)) j++;
    const word = s.slice(i, j);
    i = j;
    out.push({ tok: word === 'in' ? 'in' : word === 'notin' ? 'notin' : 'id', lit: word });
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly items: Item[]) {}

  // In value position 'in' and 'notin' are ordinary identifiers (`a in (in)`).
  private peek(values: boolean): Item {
    const it = this.items[this.pos] ?? { tok: 'end', lit: '' };
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  }
  private next(values: boolean): Item {
    const it = this.peek(values);
    this.pos++;
    return it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const t = this.peek(true);
      if (t.tok === 'end') return reqs;
      if (t.tok !== 'id' && t.tok !== '!') throw new SelectorParseError(`found '${t.lit}', expected: !, identifier, or 'end of string'`);
      let r: Requirement;
      try {
        r = this.requirement();
      } catch (e) {
        throw new SelectorParseError(`unable to parse requirement: ${e instanceof Error ? e.message : String(e)}`);
      }
      reqs.push(r);
      const after = this.next(true);
      if (after.tok === 'end') return reqs;
      if (after.tok !== ',') throw new SelectorParseError(`found '${after.lit}', expected: ',' or 'end of string'`);
      const t2 = this.peek(true);
      if (t2.tok !== 'id' && t2.tok !== '!') throw new SelectorParseError(`found '${t2.lit}', expected: identifier after ','`);
    }
  }

  private requirement(): Requirement {
    let t = this.next(true);
    let negated = false;
    if (t.tok === '!') {
      negated = true;
      t = this.next(true);
    }
    if (t.tok !== 'id') throw new Error(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const keyErrs = isQualifiedName(key);
    // The parser validates the key without a field path, which Go prints as <nil>.
    if (keyErrs.length) throw new Error(errorString(fieldErrors.invalid('<nil>', key, keyErrs.join('; '))));
    const la = this.peek(true).tok;
    if (negated || la === 'end' || la === ',') {
      if (negated) return newRequirement(key, '!', []);
      return newRequirement(key, 'exists', []);
    }
    const opTok = this.next(false);
    const ops: Partial<Record<Tok, Operator>> = { 'in': 'in', 'notin': 'notin', '=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt' };
    const op = ops[opTok.tok];
    if (!op) throw new Error(`found '${opTok.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    const values = op === 'in' || op === 'notin' ? this.valueSet() : this.exactValue();
    return newRequirement(key, op, values);
  }

  private valueSet(): string[] {
    const open = this.next(true);
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`);
    const la = this.peek(true);
    if (la.tok === ')') {
      this.pos++;
      return [''];
    }
    if (la.tok !== 'id' && la.tok !== ',') throw new Error(`found '${la.lit}', expected: ',', ')' or identifier`);
    const vals = new Set<string>();
    for (;;) {
      const t = this.next(true);
      if (t.tok === 'id') {
        vals.add(t.lit);
        const t2 = this.peek(true);
        if (t2.tok === ',') continue;
        if (t2.tok === ')') break;
        throw new Error(`found '${t2.lit}', expected: ',' or ')'`);
      } else if (t.tok === ',') {
        if (vals.size === 0) vals.add('');
        const t2 = this.peek(true);
        if (t2.tok === ')') {
          vals.add('');
          break;
        }
        if (t2.tok === ',') vals.add('');
      } else {
        throw new Error(`found '${t.lit}', expected: ',', or identifier`);
      }
    }
    const close = this.next(true);
    if (close.tok !== ')') throw new Error(`found '${close.lit}', expected: ')'`);
    return [...vals];
  }

  private exactValue(): string[] {
    const la = this.peek(true);
    if (la.tok === 'end' || la.tok === ',') return [''];
    const t = this.next(true);
    if (t.tok === 'id') return [t.lit];
    throw new Error(`found '${t.lit}', expected: identifier`);
  }
}

/** Parses a label selector string; throws SelectorParseError with Kubernetes's message. */
export function parseLabelSelector(s: string): LabelSelector {
  return LabelSelector.of(new Parser(lex(s)).parse());
}
