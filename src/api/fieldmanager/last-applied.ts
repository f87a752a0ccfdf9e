/**
 * @module The bridge between client-side and server-side apply for the `kubectl` manager: when
 * `kubectl apply --server-side` takes over an object managed by client-side apply, conflicts on
 * fields still holding their last-applied value are allowed, and the
 * kubectl.kubernetes.io/last-applied-configuration annotation is kept current.
 */
import { deepCopy, isObject, type JsonObject } from '../merge/json.js';
import type { MergeNode } from '../merge/schema.js';
import type { FieldSet } from './field-set.js';
import { compare, toFieldSet } from './typed.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Total size limit of annotations (apimachinery's TotalAnnotationSizeLimitB). */
const ANNOTATIONS_LIMIT = 256 * 1024;

function annotations(obj: JsonObject): JsonObject | undefined {
  const m = obj['metadata'];
  return isObject(m) && isObject(m['annotations']) ? m['annotations'] : undefined;
}

/**
 * The fields kubectl may take over without a conflict: those of the last-applied configuration
 * whose live value still equals it. Undefined when there is no usable annotation.
 */
export function allowedConflicts(live: JsonObject, opts: { node: MergeNode; apiVersion: string }): FieldSet | undefined {
  const raw = annotations(live)?.[LAST_APPLIED];
  if (typeof raw !== 'string' || !raw) return undefined;
  let last: unknown;
  try {
    last = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isObject(last) || last['apiVersion'] !== opts.apiVersion) return undefined;
  try {
    const cmp = compare(last, live, opts.node);
    return toFieldSet(last, opts.node).difference(cmp.modified).difference(cmp.added).difference(cmp.removed);
  } catch {
    return undefined;
  }
}

/** Go's JSON encoding of a decoded map: keys sorted, HTML characters escaped, newline-terminated. */
export function goJsonEncode(v: unknown): string {
  const sorted = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sorted);
    if (!isObject(x)) return x;
    const out: JsonObject = {};
    for (const k of Object.keys(x).sort()) Object.defineProperty(out, k, { value: sorted(x[k]), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return `${JSON.stringify(sorted(v)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** `result` with its last-applied annotation rewritten from `config`, when it has one. */
export function withLastApplied(result: JsonObject, config: JsonObject): JsonObject {
  const ann = annotations(result);
  const current = ann?.[LAST_APPLIED];
  if (!ann || typeof current !== 'string' || !current) return result;
  const applied = deepCopy(config);
  const appliedAnn = annotations(applied);
  if (appliedAnn) delete appliedAnn[LAST_APPLIED];
  ann[LAST_APPLIED] = goJsonEncode(applied);
  const size = Object.entries(ann).reduce((n, [k, v]) => n + k.length + (typeof v === 'string' ? Buffer.byteLength(v) : 0), 0);
  if (size > ANNOTATIONS_LIMIT) delete ann[LAST_APPLIED];
  return result;
}
