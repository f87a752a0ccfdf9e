/**
 * @module The field manager a write is recorded under: the `fieldManager` query parameter, or,
 * as kube-apiserver does, the User-Agent up to its first `/` (printable characters only, at most
 * 128 bytes); and the checks kube-apiserver makes on a fieldManager value.
 */
import { fieldErrors, type FieldError } from '../validation/field-errors.js';

/** Kubernetes's limit on fieldManager (metav1 validation FieldManagerMaxLength). */
export const FIELD_MANAGER_MAX_LENGTH = 128;

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function isPrint(ch: string): boolean {
  return PRINTABLE.test(ch);
}

/** The manager name for a write: `fieldManager` when given, else derived from the User-Agent. */
export function managerOrUserAgent(fieldManager: string | undefined, userAgent: string | undefined): string {
  if (fieldManager) return fieldManager;
  const prefix = (userAgent ?? '').split('/')[0] ?? '';
  let out = '';
  let bytes = 0;
  for (const ch of prefix) {
    if (!isPrint(ch)) continue;
    const n = Buffer.byteLength(ch);
    if (bytes + n > FIELD_MANAGER_MAX_LENGTH) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/**
 * The problems of a fieldManager value (length in bytes, printable characters) as metav1
 * validation reports them, plus its absence for apply patches. The caller turns them into
 * `PatchOptions.meta.k8s.io "" is invalid: ...`.
 */
export function validateFieldManager(fieldManager: string | undefined, opts: { apply?: boolean } = {}): FieldError[] {
  const errs: FieldError[] = [];
  const fm = fieldManager ?? '';
  if (opts.apply && !fm) errs.push(fieldErrors.required('fieldManager', 'is required for apply patch'));
  if (Buffer.byteLength(fm) > FIELD_MANAGER_MAX_LENGTH) errs.push(fieldErrors.tooLong('fieldManager', FIELD_MANAGER_MAX_LENGTH));
  let pos = 0;
  for (const ch of fm) {
    if (!isPrint(ch)) {
      const cp = ch.codePointAt(0) ?? 0;
      errs.push(fieldErrors.invalid('fieldManager', fm, `invalid character U+${cp.toString(16).toUpperCase().padStart(4, '0')} (at position ${pos})`));
    }
    pos += Buffer.byteLength(ch);
  }
  return errs;
}
