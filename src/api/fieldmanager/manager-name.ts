/**
 * @module The field manager a write is recorded under: the `fieldManager` query parameter, or,
 * as kube-apiserver does, the User-Agent up to its first `/` (printable characters only, at most
 * 128 bytes); and the checks kube-apiserver makes on a fieldManager value.
 */

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

/** A field error of the fieldManager parameter, as metav1 validation reports it. */
export interface FieldManagerError {
  readonly type: 'FieldValueTooLong' | 'FieldValueInvalid' | 'FieldValueRequired';
  readonly field: string;
  readonly message: string;
}

/**
 * Checks a fieldManager value (length and printable characters) and, for apply patches, that it
 * is present. The caller turns the errors into `PatchOptions.meta.k8s.io "" is invalid: ...`.
 */
export function validateFieldManager(fieldManager: string | undefined, opts: { apply?: boolean } = {}): FieldManagerError[] {
  const errs: FieldManagerError[] = [];
  const fm = fieldManager ?? '';
  if (opts.apply && !fm) errs.push({ type: 'FieldValueRequired', field: 'fieldManager', message: 'Required value: is required for apply patch' });
  if (Buffer.byteLength(fm) > FIELD_MANAGER_MAX_LENGTH) {
    errs.push({ type: 'FieldValueTooLong', field: 'fieldManager', message: `Too long: may not be more than ${FIELD_MANAGER_MAX_LENGTH} bytes` });
  }
  let pos = 0;
  for (const ch of fm) {
    if (!isPrint(ch)) {
      const cp = ch.codePointAt(0) ?? 0;
      errs.push({ type: 'FieldValueInvalid', field: 'fieldManager', message: `Invalid value: ${JSON.stringify(fm)}: invalid character U+${cp.toString(16).toUpperCase().padStart(4, '0')} (at position ${pos})` });
    }
    pos += Buffer.byteLength(ch);
  }
  return errs;
}
