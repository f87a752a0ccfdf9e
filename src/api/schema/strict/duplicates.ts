/**
 * @module Finds duplicate keys in JSON text. JSON.parse keeps the last of a duplicated key
 * silently, but `fieldValidation=Strict` must reject it, so request bodies are scanned once more:
 * a tight loop that only tracks strings, brackets and commas and builds no values.
 */

/** Object path (formatted like `spec.containers[0]`, '' for the root) → its duplicated keys. */
export type Duplicates = Map<string, string[]>;

interface Frame {
  readonly path: string;
  /** Keys seen so far; null for arrays. */
  readonly keys: Set<string> | null;
  key: string;
  index: number;
}

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, LBRACE = 0x7b, RBRACE = 0x7d, LBRACKET = 0x5b, RBRACKET = 0x5d;

/** The end (index of the closing quote) of the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  let j = text.indexOf('"', start + 1);
  for (;;) {
    if (j < 0) return text.length;
    let k = j - 1, slashes = 0;
    while (text.charCodeAt(k) === BACKSLASH) { slashes++; k--; }
    if (slashes % 2 === 0) return j;
    j = text.indexOf('"', j + 1);
  }
}

function childPath(parent: Frame | undefined): string {
  if (!parent) return '';
  if (parent.keys === null) return `${parent.path}[${parent.index}]`;
  return parent.path ? `${parent.path}.${parent.key}` : parent.key;
}

/**
 * Scans well-formed JSON (parse it first) for objects with a repeated key. Returns undefined when
 * there are none, which is the common case.
 */
export function findDuplicateKeys(text: string): Duplicates | undefined {
  let found: Duplicates | undefined;
  const stack: Frame[] = [];
  let top: Frame | undefined;
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (expectKey && top && top.keys) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.keys.has(key)) {
          found ??= new Map();
          const list = found.get(top.path);
          if (list) list.push(key);
          else found.set(top.path, [key]);
        } else top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = end;
    } else if (c === LBRACE || c === LBRACKET) {
      const frame: Frame = { path: childPath(top), keys: c === LBRACE ? new Set() : null, key: '', index: 0 };
      stack.push(frame);
      top = frame;
      expectKey = c === LBRACE;
    } else if (c === RBRACE || c === RBRACKET) {
      stack.pop();
      top = stack[stack.length - 1];
      expectKey = false;
    } else if (c === COMMA && top) {
      if (top.keys === null) top.index++;
      else expectKey = true;
    }
  }
  return found;
}
