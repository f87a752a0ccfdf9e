/**
 * @module The schema walk behind strict decoding: checks a parsed JSON value against a shape,
 * reporting unknown fields, duplicate fields and wrong types with their paths, and normalising the
 * value in place as Go's decoder would (nulls dropped, quantities given as numbers turned into
 * strings, unknown fields removed unless the mode is Strict).
 */
import { formatPath, type CustomShape, type MapShape, type Shape, type StructShape } from '../shape.js';
import { isBase64, isQuantity, parseDuration, parseTime } from '../scalars.js';
import type { Duplicates } from './duplicates.js';

/** The `fieldValidation` query parameter. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface DecodeIssue {
  /** unknown and duplicate fields obey the mode; invalid values are always errors. */
  readonly type: 'unknown' | 'duplicate' | 'invalid';
  /** `spec.template.spec.containers[0].imagePullPolicy` */
  readonly path: string;
  /** As kube-apiserver words it: `unknown field "spec.foo"`. */
  readonly message: string;
}

export interface DecodeResult {
  /** The decoded value (the input, normalised in place). */
  readonly object: unknown;
  /** Issues that fail the request (Strict unknown/duplicate fields; invalid values in any mode). */
  readonly errors: readonly DecodeIssue[];
  /** Warn mode: the warning texts for the `Warning: 299` header. */
  readonly warnings: readonly string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const jsonType = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v);
const short = (name: string): string => name.slice(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
const INT32_MIN = -(2 ** 31), INT32_MAX = 2 ** 31 - 1;

function goType(s: Shape): string {
  switch (s.kind) {
    case 'scalar': return { string: 'string', boolean: 'bool', int32: 'int32', int64: 'int64', double: 'float64', bytes: '[]uint8' }[s.scalar];
    case 'list': return `[]${goType(s.item)}`;
    case 'map': return `map[string]${goType(s.value)}`;
    case 'struct': return short(s.name);
    case 'custom': return short(s.name);
    case 'any': return 'interface {}';
  }
}

/** Walks one value; `errors`/`warnings` collect what it finds. Create one per request. */
export class Walker {
  readonly errors: DecodeIssue[] = [];
  readonly warnings: string[] = [];
  private readonly path: (string | number)[] = [];
  private owner = '';

  constructor(private readonly mode: FieldValidation, private readonly dups?: Duplicates) {}

  /** Checks `v` against `shape`; returns the value to keep (a replacement for converted scalars). */
  value(v: unknown, shape: Shape): unknown {
    switch (shape.kind) {
      case 'struct': return this.struct(v, shape);
      case 'list': return this.list(v, shape.item);
      case 'map': return this.map(v, shape);
      case 'any': return v;
      case 'custom': return this.custom(v, shape);
      case 'scalar': return this.scalar(v, shape.scalar);
    }
  }

  private issue(type: DecodeIssue['type'], path: string, message: string): void {
    if (type !== 'invalid' && this.mode !== 'Strict') {
      if (this.mode === 'Warn') this.warnings.push(message);
      return;
    }
    this.errors.push({ type, path, message });
  }

  private invalid(v: unknown, shape: Shape, detail?: string): void {
    const path = formatPath(this.path);
    const where = this.owner ? `${this.owner}.${path}` : path;
    this.issue('invalid', path, detail ? `${detail} at ${path || 'the top level'}`
      : `json: cannot unmarshal ${jsonType(v)} into Go struct field ${where} of type ${goType(shape)}`);
  }

  private duplicates(): void {
    if (!this.dups) return;
    const here = formatPath(this.path);
    const keys = this.dups.get(here);
    if (!keys) return;
    this.dups.delete(here);
    for (const k of keys) {
      const p = here ? `${here}.${k}` : k;
      this.issue('duplicate', p, `duplicate field "${p}"`);
    }
  }

  private struct(v: unknown, s: StructShape): unknown {
    if (!isObj(v)) { this.invalid(v, s); return v; }
    if (this.dups && this.dups.size) this.duplicates();
    const owner = this.owner;
    this.owner = s.name.slice(s.name.lastIndexOf('.') + 1);
    for (const key in v) {
      const f = s.byName.get(key);
      if (!f) {
        if (s.preserveUnknown) continue;
        this.path.push(key);
        const p = formatPath(this.path);
        this.path.pop();
        this.issue('unknown', p, `unknown field "${p}"`);
        if (this.mode !== 'Strict') delete v[key];
        continue;
      }
      const x = v[key];
      // Go decodes null as the zero value, which JSON output then omits.
      if (x === null) { if (!f.nullable) delete v[key]; continue; }
      this.path.push(key);
      const nx = this.value(x, f.shape);
      this.path.pop();
      // Built-in types go through Go structs in kube-apiserver: an optional non-pointer field
      // holding its zero value (empty map or list, "", 0, false) is omitted (`omitempty`), so
      // `annotations: {}` or `hostPort: 0` never reach storage. CRD fields (no def) keep all.
      if (f.def && !f.required && !f.ptr && isOmittedZero(nx, f.shape)) { delete v[key]; continue; }
      if (nx !== x) v[key] = nx;
    }
    this.owner = owner;
    return v;
  }

  private list(v: unknown, item: Shape): unknown {
    if (!Array.isArray(v)) { this.invalid(v, { kind: 'list', item }); return v; }
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      this.path.push(i);
      const nx = x === null ? zeroOf(item) : this.value(x, item);
      this.path.pop();
      if (nx !== x) v[i] = nx;
    }
    return v;
  }

  private map(v: unknown, m: MapShape): unknown {
    if (!isObj(v)) { this.invalid(v, m); return v; }
    if (this.dups && this.dups.size) this.duplicates();
    for (const key in v) {
      const x = v[key];
      this.path.push(key);
      const nx = x === null ? zeroOf(m.value) : this.value(x, m.value);
      this.path.pop();
      if (nx !== x) v[key] = nx;
    }
    return v;
  }

  private scalar(v: unknown, s: 'string' | 'boolean' | 'int32' | 'int64' | 'double' | 'bytes'): unknown {
    const shape: Shape = { kind: 'scalar', scalar: s };
    switch (s) {
      case 'string': if (typeof v !== 'string') this.invalid(v, shape); break;
      case 'boolean': if (typeof v !== 'boolean') this.invalid(v, shape); break;
      case 'double': if (typeof v !== 'number') this.invalid(v, shape); break;
      case 'int64': if (typeof v !== 'number' || !Number.isInteger(v)) this.invalid(v, shape); break;
      case 'int32':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX) this.invalid(v, shape);
        break;
      case 'bytes':
        if (typeof v !== 'string') this.invalid(v, shape);
        else if (!isBase64(v)) this.invalid(v, shape, `illegal base64 data ${JSON.stringify(v.slice(0, 32))}`);
        break;
    }
    return v;
  }

  private custom(v: unknown, c: CustomShape): unknown {
    switch (c.custom) {
      case 'Time':
      case 'MicroTime':
        if (typeof v !== 'string') this.invalid(v, c);
        else if (!parseTime(v)) this.invalid(v, c, `parsing time ${JSON.stringify(v)} as RFC 3339 failed`);
        return v;
      case 'Duration':
        if (typeof v !== 'string') this.invalid(v, c);
        else if (parseDuration(v) === undefined) this.invalid(v, c, `time: invalid duration ${JSON.stringify(v)}`);
        return v;
      case 'Quantity':
        if (typeof v === 'number') return String(v);
        if (typeof v !== 'string') this.invalid(v, c);
        else if (!isQuantity(v)) this.invalid(v, c, `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (got ${JSON.stringify(v)})`);
        return v;
      case 'IntOrString':
        if (typeof v === 'string') return v;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX) this.invalid(v, c);
        return v;
      case 'FieldsV1':
        if (!isObj(v)) this.invalid(v, c);
        return v;
      case 'RawExtension':
      case 'JSON':
        return v;
      case 'JSONSchemaPropsOrArray':
        if (Array.isArray(v)) return c.schema ? this.list(v, c.schema) : v;
        return isObj(v) && c.schema ? this.struct(v, c.schema) : (this.invalid(v, c), v);
      case 'JSONSchemaPropsOrBool':
        if (typeof v === 'boolean') return v;
        return isObj(v) && c.schema ? this.struct(v, c.schema) : (this.invalid(v, c), v);
      case 'JSONSchemaPropsOrStringArray':
        if (Array.isArray(v)) return this.list(v, { kind: 'scalar', scalar: 'string' });
        return isObj(v) && c.schema ? this.struct(v, c.schema) : (this.invalid(v, c), v);
    }
  }
}

/** True for a value Go's `omitempty` leaves out: an empty map or list, or a zero scalar. */
function isOmittedZero(v: unknown, s: Shape): boolean {
  switch (s.kind) {
    case 'list': return Array.isArray(v) && v.length === 0;
    case 'map': return isObj(v) && Object.keys(v).length === 0;
    case 'scalar': return v === '' || v === 0 || v === false;
    default: return false;
  }
}

/** Go's zero value for a null inside a list or map. */
function zeroOf(s: Shape): unknown {
  if (s.kind === 'scalar') return s.scalar === 'boolean' ? false : s.scalar === 'string' || s.scalar === 'bytes' ? '' : 0;
  if (s.kind === 'struct') return {};
  return null;
}
