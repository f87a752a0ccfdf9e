/**
 * @module JSON Patch (RFC 6902): add, remove, replace, move, copy and test on JSON Pointers
 * (RFC 6901, `~0`/`~1` escapes, `-` appends to an array). Pure: the document is copied, never
 * mutated. Errors say which operation failed on which path, as evanphx/json-patch (the library
 * Kubernetes uses) words them.
 */
import { K3tsError } from '../../base/errors.js';
import { cloneJson, isPlainObject, jsonEqual } from '../meta/object.js';

export interface PatchOperation {
  readonly op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  readonly path: string;
  readonly from?: string;
  readonly value?: unknown;
}

/** The patch document itself is malformed (Kubernetes answers 400). */
export class PatchDecodeError extends K3tsError {
  constructor(message: string) {
    super('ERR_PATCH_DECODE', message);
  }
}

/** A well-formed patch that does not apply to the document (Kubernetes answers 422). */
export class PatchApplyError extends K3tsError {
  constructor(message: string) {
    super('ERR_PATCH_APPLY', message);
  }
}

/** Kubernetes refuses JSON patches with more operations than this (413). */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/** Validates the shape of a parsed JSON patch document. */
export function decodeJsonPatch(doc: unknown): PatchOperation[] {
  if (!Array.isArray(doc)) throw new PatchDecodeError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  return doc.map((raw, i) => {
    if (!isPlainObject(raw)) throw new PatchDecodeError(`json patch operation ${i} is not an object`);
    const op = raw['op'];
    if (typeof op !== 'string' || !OPS.has(op)) throw new PatchDecodeError(`Unexpected kind: ${typeof op === 'string' ? op : 'unknown'}`);
    const path = raw['path'];
    if (typeof path !== 'string') throw new PatchDecodeError(`operation ${i} (${op}) is missing the path field`);
    const o: { -readonly [K in keyof PatchOperation]?: PatchOperation[K] } = { op: op as PatchOperation['op'], path };
    if (op === 'move' || op === 'copy') {
      if (typeof raw['from'] !== 'string') throw new PatchDecodeError(`operation ${i} (${op}) is missing the from field`);
      o.from = raw['from'];
    }
    if (op === 'add' || op === 'replace' || op === 'test') {
      if (!('value' in raw)) throw new PatchDecodeError(`operation ${i} (${op}) is missing the value field`);
      o.value = raw['value'];
    }
    return o as PatchOperation;
  });
}

/** Splits a JSON Pointer into unescaped tokens; '' is the whole document. */
export function parsePointer(ptr: string): string[] {
  if (ptr === '') return [];
  if (!ptr.startsWith('/')) throw new PatchApplyError(`JSON pointer must be empty or start with a "/": ${ptr}`);
  return ptr.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

/** The parent container of the pointer's last token, or undefined when a step is missing. */
function parentOf(doc: unknown, tokens: readonly string[]): Container | undefined {
  let cur: unknown = doc;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i] as string;
    if (Array.isArray(cur)) {
      const idx = arrayIndex(t, cur.length - 1);
      if (idx === undefined) return undefined;
      cur = cur[idx];
    } else if (isPlainObject(cur)) {
      if (!Object.prototype.hasOwnProperty.call(cur, t)) return undefined;
      cur = cur[t];
    } else {
      return undefined;
    }
  }
  return Array.isArray(cur) || isPlainObject(cur) ? cur : undefined;
}

function arrayIndex(t: string, max: number): number | undefined {
  if (!/^(0|[1-9]\d*)$/.test(t)) return undefined;
  const n = Number(t);
  return n <= max ? n : undefined;
}

function get(doc: unknown, ptr: string): { found: boolean; value?: unknown } {
  const tokens = parsePointer(ptr);
  if (tokens.length === 0) return { found: true, value: doc };
  const parent = parentOf(doc, tokens);
  const last = tokens[tokens.length - 1] as string;
  if (Array.isArray(parent)) {
    const i = arrayIndex(last, parent.length - 1);
    return i === undefined ? { found: false } : { found: true, value: parent[i] };
  }
  if (parent && Object.prototype.hasOwnProperty.call(parent, last)) return { found: true, value: parent[last] };
  return { found: false };
}

function add(doc: unknown, ptr: string, value: unknown, opName: string): unknown {
  const tokens = parsePointer(ptr);
  if (tokens.length === 0) return value;
  const parent = parentOf(doc, tokens);
  const last = tokens[tokens.length - 1] as string;
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : arrayIndex(last, parent.length);
    if (i === undefined) throw new PatchApplyError(`${opName} operation does not apply: doc is missing path: "${ptr}": index out of bounds`);
    parent.splice(i, 0, value);
  } else if (parent) {
    parent[last] = value;
  } else {
    throw new PatchApplyError(`${opName} operation does not apply: doc is missing path: "${ptr}": missing value`);
  }
  return doc;
}

function remove(doc: unknown, ptr: string, opName: string): unknown {
  const tokens = parsePointer(ptr);
  const parent = parentOf(doc, tokens);
  const last = tokens[tokens.length - 1] as string;
  if (tokens.length === 0) throw new PatchApplyError(`${opName} operation does not apply: cannot remove the whole document`);
  if (Array.isArray(parent)) {
    const i = arrayIndex(last, parent.length - 1);
    if (i === undefined) throw new PatchApplyError(`${opName} operation does not apply: doc is missing path: "${ptr}": index out of bounds`);
    parent.splice(i, 1);
  } else if (parent && Object.prototype.hasOwnProperty.call(parent, last)) {
    delete parent[last];
  } else {
    throw new PatchApplyError(`${opName} operation does not apply: doc is missing path: "${ptr}": missing value`);
  }
  return doc;
}

/** Applies `ops` to a copy of `doc`; throws PatchApplyError on the first failing operation. */
export function applyJsonPatch(doc: unknown, ops: readonly PatchOperation[]): unknown {
  let out = cloneJson(doc);
  for (const op of ops) {
    switch (op.op) {
      case 'add':
        out = add(out, op.path, cloneJson(op.value), 'add');
        break;
      case 'remove':
        out = remove(out, op.path, 'remove');
        break;
      case 'replace': {
        if (!get(out, op.path).found) throw new PatchApplyError(`replace operation does not apply: doc is missing key: ${op.path}: missing value`);
        if (op.path === '') out = cloneJson(op.value);
        else out = add(remove(out, op.path, 'replace'), op.path, cloneJson(op.value), 'replace');
        break;
      }
      case 'move': {
        const from = op.from ?? '';
        if (op.path.startsWith(`${from}/`)) throw new PatchApplyError(`move operation does not apply: "from" ${from} is a prefix of "path" ${op.path}`);
        const v = get(out, from);
        if (!v.found) throw new PatchApplyError(`move operation does not apply: doc is missing from path: ${from}: missing value`);
        out = add(remove(out, from, 'move'), op.path, v.value, 'move');
        break;
      }
      case 'copy': {
        const from = op.from ?? '';
        const v = get(out, from);
        if (!v.found) throw new PatchApplyError(`copy operation does not apply: doc is missing from path: ${from}: missing value`);
        out = add(out, op.path, cloneJson(v.value), 'copy');
        break;
      }
      case 'test': {
        const v = get(out, op.path);
        if (!v.found ? op.value !== null : !jsonEqual(v.value, op.value)) throw new PatchApplyError(`testing value ${op.path} failed: test failed`);
        break;
      }
    }
  }
  return out;
}
