/**
 * @module Field selectors as apimachinery's `fields` package parses them: terms `f=v`, `f==v`,
 * `f!=v` joined by commas, values escaped with `\` (`\,` `\=` `\\`). Matching runs against the
 * string attributes a resource exposes (`metadata.name`, `spec.nodeName`, ...).
 */
import { SelectorParseError } from '../labels/selector.js';

export interface FieldTerm {
  readonly field: string;
  readonly op: '=' | '!=';
  readonly value: string;
}

export type FieldSet = Readonly<Record<string, string>>;

export class FieldSelector {
  static readonly everything = new FieldSelector([]);
  constructor(readonly terms: readonly FieldTerm[]) {}

  empty(): boolean {
    return this.terms.length === 0;
  }

  matches(fields: FieldSet): boolean {
    for (const t of this.terms) {
      const v = fields[t.field] ?? '';
      if (t.op === '=' ? v !== t.value : v === t.value) return false;
    }
    return true;
  }

  /** The value an `=` term pins `field` to, if any (`metadata.name=x` lets a list read one key). */
  requiresExactMatch(field: string): string | undefined {
    for (const t of this.terms) if (t.field === field && t.op === '=') return t.value;
    return undefined;
  }

  /** Rewrites or rejects each field; `fn` throws to reject (see fieldLabelCheck). */
  transform(fn: (field: string, value: string) => [string, string]): FieldSelector {
    return new FieldSelector(this.terms.map((t) => {
      const [field, value] = fn(t.field, t.value);
      return { field, op: t.op, value };
    }));
  }

  toString(): string {
    return this.terms.map((t) => `${t.field}${t.op}${escapeValue(t.value)}`).join(',');
  }
}

export function escapeValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let slash = false;
  for (const c of s) {
    if (slash) {
      if (c !== '\\' && c !== ',' && c !== '=') throw new SelectorParseError(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      slash = false;
    } else if (c === '\\') {
      slash = true;
    } else if (c === ',' || c === '=') {
      throw new SelectorParseError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (slash) throw new SelectorParseError('invalid field selector: invalid escape sequence: \\');
  return out;
}

function splitTerms(s: string): string[] {
  if (!s) return [];
  const terms: string[] = [];
  let start = 0;
  let slash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (slash) slash = false;
    else if (c === '\\') slash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

/** Parses a field selector; throws SelectorParseError with Kubernetes's message. */
export function parseFieldSelector(s: string): FieldSelector {
  const parts = splitTerms(s).sort();
  const terms: FieldTerm[] = [];
  for (const part of parts) {
    if (part === '') continue;
    let found = false;
    for (let i = 0; i < part.length && !found; i++) {
      for (const op of ['!=', '==', '='] as const) {
        if (part.startsWith(op, i)) {
          terms.push({ field: part.slice(0, i), op: op === '!=' ? '!=' : '=', value: unescapeValue(part.slice(i + op.length)) });
          found = true;
          break;
        }
      }
    }
    if (!found) throw new SelectorParseError(`invalid selector: '${s}'; can't understand '${part}'`);
  }
  return terms.length ? new FieldSelector(terms) : FieldSelector.everything;
}

/**
 * How a resource accepts field selector labels. `fields` lists what it supports (metadata.name
 * and metadata.namespace are the default); `message` words the rejection as the Go conversion
 * function of that kind does.
 */
export interface FieldLabelPolicy {
  readonly fields: readonly string[];
  readonly message?: (label: string) => string;
  /** Old names mapped to current ones (pods: spec.host → spec.nodeName). */
  readonly aliases?: Readonly<Record<string, string>>;
}

export const DEFAULT_FIELD_LABELS: FieldLabelPolicy = { fields: ['metadata.name', 'metadata.namespace'] };

const defaultMessage = (label: string) => `${JSON.stringify(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`;

/** Validates (and renames) the fields of `sel` for a resource; throws SelectorParseError. */
export function checkFieldLabels(sel: FieldSelector, policy: FieldLabelPolicy): FieldSelector {
  if (sel.empty()) return sel;
  const allowed = new Set(policy.fields);
  return sel.transform((field, value) => {
    const renamed = policy.aliases?.[field] ?? field;
    if (!allowed.has(renamed)) throw new SelectorParseError((policy.message ?? defaultMessage)(field));
    return [renamed, value];
  });
}
