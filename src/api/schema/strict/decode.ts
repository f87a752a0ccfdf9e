/**
 * @module Strict decoding of request bodies (JSON and YAML) against a shape, as
 * `fieldValidation=Strict|Warn|Ignore` needs: Strict turns unknown and duplicate fields into
 * errors, Warn into warnings (`unknown field "spec.foo"`), Ignore drops them; values of the wrong
 * type are errors in every mode. YAML is read as YAML 1.1, as Kubernetes's go-yaml does.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Tags } from 'yaml';
import { K3tsError } from '../../../base/errors.js';
import { statusErrors, type StatusError } from '../../status.js';
import type { Shape } from '../shape.js';
import { findDuplicateKeys, type Duplicates } from './duplicates.js';
import { Walker, type DecodeResult, type FieldValidation } from './walker.js';

export type { DecodeIssue, DecodeResult, FieldValidation } from './walker.js';

/** The body is not JSON (or YAML) at all. */
export class BodySyntaxError extends K3tsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_BODY_SYNTAX', message, options);
  }
}

export interface DecodeOptions {
  /** Default 'Strict'. */
  readonly mode?: FieldValidation;
}

const utf8 = new TextDecoder('utf-8');

/** Checks an already-parsed value (normalising it in place); duplicate keys cannot be seen here. */
export function validateValue(value: unknown, shape: Shape, opts: DecodeOptions = {}): DecodeResult {
  return walk(value, shape, opts.mode ?? 'Strict', undefined);
}

function walk(value: unknown, shape: Shape, mode: FieldValidation, dups: Duplicates | undefined): DecodeResult {
  const w = new Walker(mode, dups);
  const object = w.value(value, shape);
  return { object, errors: w.errors, warnings: w.warnings };
}

/** Parses and checks a JSON body; throws BodySyntaxError when it is not JSON. */
export function decodeJson(body: string | Uint8Array, shape: Shape, opts: DecodeOptions = {}): DecodeResult {
  const text = typeof body === 'string' ? body : utf8.decode(body);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new BodySyntaxError(`invalid JSON: ${(e as Error).message}`, { cause: e });
  }
  const mode = opts.mode ?? 'Strict';
  // Ignore mode never reports duplicates, so it skips the scan.
  return walk(value, shape, mode, mode === 'Ignore' ? undefined : findDuplicateKeys(text));
}

/** go-yaml (YAML 1.1) keeps timestamps and sexagesimal numbers as strings when decoding to JSON. */
const yamlTags = (tags: Tags): Tags =>
  tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && !('format' in t && t.format === 'TIME')));

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function yamlDuplicates(node: unknown, path: string, out: Duplicates): void {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = keyText(pair.key);
      if (seen.has(key) && key !== '<<') {
        const list = out.get(path);
        if (list) list.push(key);
        else out.set(path, [key]);
      }
      seen.add(key);
      yamlDuplicates(pair.value, path ? `${path}.${key}` : key, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => yamlDuplicates(item, `${path}[${i}]`, out));
  } else if (isAlias(node)) {
    // Aliased content was checked where it was defined.
  }
}

/** Parses and checks a single-document YAML body; throws BodySyntaxError when it is not YAML. */
export function decodeYaml(body: string | Uint8Array, shape: Shape, opts: DecodeOptions = {}): DecodeResult {
  const text = typeof body === 'string' ? body : utf8.decode(body);
  const doc = parseDocument(text, { version: '1.1', customTags: yamlTags, uniqueKeys: false, merge: true, prettyErrors: false });
  if (doc.errors.length) throw new BodySyntaxError(`invalid YAML: ${doc.errors[0]?.message ?? 'parse error'}`);
  const mode = opts.mode ?? 'Strict';
  let dups: Duplicates | undefined;
  if (mode !== 'Ignore') {
    const found: Duplicates = new Map();
    yamlDuplicates(doc.contents, '', found);
    if (found.size) dups = found;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new BodySyntaxError(`invalid YAML: ${(e as Error).message}`, { cause: e });
  }
  return walk(value ?? null, shape, mode, dups);
}

/**
 * The 400 kube-apiserver answers for a body that failed decoding:
 * `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"`.
 * Undefined when `result` has no errors.
 */
export function decodeFailure(result: DecodeResult, kind: string, version: string): StatusError | undefined {
  if (!result.errors.length) return undefined;
  const invalid = result.errors.find((e) => e.type === 'invalid');
  const detail = invalid ? invalid.message : `strict decoding error: ${result.errors.map((e) => e.message).join(', ')}`;
  return statusErrors.badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${detail}`);
}
