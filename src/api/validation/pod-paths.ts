/**
 * @module The small checks volumes and downward API files share (pkg/apis/core/validation):
 * relative paths without `..`, file modes, key-to-path items, downward API field and resource
 * selectors (which pod fields and container resources may be projected).
 */
import { type FieldError, type FieldPath, fieldErrors } from './field-errors.js';
import { obj, qty, str } from './helpers.js';
import { isConfigMapKey, isQualifiedName } from './names.js';

export const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';

/** `..` may not appear as a path element (the only check hostPath and local volumes get). */
export function validatePathNoBacksteps(errs: FieldError[], p: string, path: FieldPath): void {
  if (p.replace(/\\/g, '/').split('/').includes('..')) errs.push(fieldErrors.invalid(path, p, "must not contain '..'"));
}

/** A relative path without `..` elements. */
export function validateLocalDescendingPath(errs: FieldError[], p: string, path: FieldPath): void {
  if (p.startsWith('/')) errs.push(fieldErrors.invalid(path, p, 'must be a relative path'));
  validatePathNoBacksteps(errs, p, path);
}

/** A relative path that also does not start with `..` (projected files, items). */
export function validateLocalNonReservedPath(errs: FieldError[], p: string, path: FieldPath): void {
  validateLocalDescendingPath(errs, p, path);
  if (p.startsWith('..') && !p.startsWith('../')) errs.push(fieldErrors.invalid(path, p, "must not start with '..'"));
}

/** A file mode between 0 and 0777 when set. */
export function validateMode(errs: FieldError[], v: unknown, path: FieldPath): void {
  if (typeof v === 'number' && (v < 0 || v > 0o777)) errs.push(fieldErrors.invalid(path, v, FILE_MODE_MSG));
}

/** A configMap/secret volume item: key and path required, a safe relative path, a mode. */
export function validateKeyToPath(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const kp = obj(raw);
  const p = str(kp['path']);
  if (!str(kp['key'])) errs.push(fieldErrors.required(path.child('key')));
  if (!p) errs.push(fieldErrors.required(path.child('path')));
  validateLocalNonReservedPath(errs, p, path.child('path'));
  validateMode(errs, kp['mode'], path.child('mode'));
}

export const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
export const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
const CONVERTIBLE = new Set(['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid',
  'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP',
  'status.hostIPs', 'status.podIP', 'status.podIPs']);
const RESOURCE_FIELDS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];

/** `metadata.labels['key']` → ['metadata.labels', 'key']. */
function splitSubscript(p: string): [string, string] | undefined {
  if (!p.endsWith("']")) return undefined;
  const at = p.indexOf("['");
  if (at <= 0) return undefined;
  return [p.slice(0, at), p.slice(at + 2, -2)];
}

/** An ObjectFieldSelector (env valueFrom.fieldRef, downward API volume files). */
export function validateObjectFieldSelector(errs: FieldError[], raw: unknown, allowed: readonly string[], path: FieldPath): void {
  const fs = obj(raw);
  const version = str(fs['apiVersion']);
  const fp = str(fs['fieldPath']);
  if (!version) return void errs.push(fieldErrors.required(path.child('apiVersion')));
  if (!fp) return void errs.push(fieldErrors.required(path.child('fieldPath')));
  // ConvertDownwardAPIFieldLabel: only v1 and the pod fields it knows (spec.host is an alias).
  let conversionError = '';
  const sub = splitSubscript(fp);
  if (version !== 'v1') conversionError = `unsupported pod version: ${version}`;
  else if (sub && sub[0] !== 'metadata.annotations' && sub[0] !== 'metadata.labels') conversionError = `field label does not support subscript: ${fp}`;
  else if (!sub && !CONVERTIBLE.has(fp) && fp !== 'spec.host') conversionError = `field label not supported: ${fp}`;
  if (conversionError) return void errs.push(fieldErrors.invalid(path.child('fieldPath'), fp, `error converting fieldPath: ${conversionError}`));
  if (sub) {
    const key = sub[0] === 'metadata.annotations' ? sub[1].toLowerCase() : sub[1];
    for (const m of isQualifiedName(key)) errs.push(fieldErrors.invalid(path, key, m));
    return;
  }
  const internal = fp === 'spec.host' ? 'spec.nodeName' : fp;
  if (!allowed.includes(internal)) errs.push(fieldErrors.notSupported(path.child('fieldPath'), internal, allowed));
}

const CPU_DIVISORS = new Set(['1m', '1']);
const BYTE_DIVISORS = new Set(['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei']);
const BYTE_DIVISOR_LIST = '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';

function validateDivisor(errs: FieldError[], resource: string, divisor: unknown, path: FieldPath): void {
  const d = qty(divisor);
  if (!d || d.sign() === 0) return;
  const s = d.toString();
  const dp = path.child('divisor');
  if ((resource === 'limits.cpu' || resource === 'requests.cpu') && !CPU_DIVISORS.has(s)) {
    errs.push(fieldErrors.invalid(dp, resource, "only divisor's values 1m and 1 are supported with the cpu resource"));
  } else if ((resource === 'limits.memory' || resource === 'requests.memory') && !BYTE_DIVISORS.has(s)) {
    errs.push(fieldErrors.invalid(dp, resource, `only divisor's values ${BYTE_DIVISOR_LIST} are supported with the memory resource`));
  } else if ((resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage') && !BYTE_DIVISORS.has(s)) {
    errs.push(fieldErrors.invalid(dp, resource, `only divisor's values ${BYTE_DIVISOR_LIST} are supported with the local ephemeral storage resource`));
  }
  if ((resource.startsWith('requests.hugepages-') || resource.startsWith('limits.hugepages-')) && !BYTE_DIVISORS.has(s)) {
    errs.push(fieldErrors.invalid(dp, resource, `only divisor's values ${BYTE_DIVISOR_LIST} are supported with the hugepages resource`));
  }
}

/** A ResourceFieldSelector; volumes (downward API files) also need the container name. */
export function validateResourceFieldSelector(errs: FieldError[], raw: unknown, path: FieldPath, volume: boolean): void {
  const fs = obj(raw);
  const resource = str(fs['resource']);
  if (volume && !str(fs['containerName'])) errs.push(fieldErrors.required(path.child('containerName')));
  else if (!resource) errs.push(fieldErrors.required(path.child('resource')));
  else if (!RESOURCE_FIELDS.includes(resource) && !resource.startsWith('limits.hugepages-') && !resource.startsWith('requests.hugepages-')) {
    errs.push(fieldErrors.notSupported(path.child('resource'), resource, RESOURCE_FIELDS));
  }
  validateDivisor(errs, resource, fs['divisor'], path);
}

/** A downward API volume file; its errors sit on `path` itself, as upstream reports them. */
export function validateDownwardAPIFile(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const f = obj(raw);
  const p = str(f['path']);
  if (!p) errs.push(fieldErrors.required(path.child('path')));
  validateLocalNonReservedPath(errs, p, path.child('path'));
  if (f['fieldRef'] !== undefined && f['fieldRef'] !== null) {
    validateObjectFieldSelector(errs, f['fieldRef'], VOLUME_FIELD_PATHS, path.child('fieldRef'));
    if (f['resourceFieldRef'] !== undefined && f['resourceFieldRef'] !== null) {
      errs.push(fieldErrors.invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
    }
  } else if (f['resourceFieldRef'] !== undefined && f['resourceFieldRef'] !== null) {
    validateResourceFieldSelector(errs, f['resourceFieldRef'], path.child('resourceFieldRef'), true);
  } else {
    errs.push(fieldErrors.required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  validateMode(errs, f['mode'], path.child('mode'));
}

/** A config map key reference's key (env valueFrom, ...). */
export function validateKeySelector(errs: FieldError[], raw: unknown, path: FieldPath, nameCheck: (n: string) => string[]): void {
  const s = obj(raw);
  const name = str(s['name']);
  for (const m of nameCheck(name)) errs.push(fieldErrors.invalid(path.child('name'), name, m));
  const key = str(s['key']);
  if (!key) errs.push(fieldErrors.required(path.child('key')));
  else for (const m of isConfigMapKey(key)) errs.push(fieldErrors.invalid(path.child('key'), key, m));
}
