/**
 * @module ConfigMap and Secret validation (pkg/apis/core/validation): key names, the 1 MiB total,
 * keys present in both data and binaryData, the keys each Secret type requires (and that its
 * docker configs are JSON), and the update rules: a Secret's type never changes, and nothing of an
 * `immutable: true` object's data may change (nor the flag be unset).
 */
import { jsonEqual } from '../meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { obj, str } from './helpers.js';
import { isConfigMapKey } from './names.js';

type Obj = Record<string, unknown>;
export const MAX_SECRET_SIZE = 1024 * 1024;
const IMMUTABLE_MSG = 'field is immutable when `immutable` is set';

export function validateConfigMap(cm: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const data = obj(cm['data']);
  const bin = obj(cm['binaryData']);
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    const p = FieldPath.root('data').key(k);
    for (const m of isConfigMapKey(k)) errs.push(fieldErrors.invalid(p, k, m));
    if (bin[k] !== undefined) errs.push(fieldErrors.invalid(p, k, 'duplicate of key present in binaryData'));
    total += Buffer.byteLength(str(v));
  }
  for (const [k, v] of Object.entries(bin)) {
    for (const m of isConfigMapKey(k)) errs.push(fieldErrors.invalid(FieldPath.root('binaryData').key(k), k, m));
    total += base64Length(str(v));
  }
  // Upstream reports the size on the whole object (an empty field path).
  if (total > MAX_SECRET_SIZE) errs.push(fieldErrors.tooLong(FieldPath.root(''), MAX_SECRET_SIZE));
  return errs;
}

/** Decoded length of a base64 string. */
function base64Length(s: string): number {
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.floor((s.length * 3) / 4) - pad;
}

export function validateConfigMapUpdate(next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (prev['immutable'] === true) {
    if (next['immutable'] !== true) errs.push(fieldErrors.forbidden('immutable', IMMUTABLE_MSG));
    if (!jsonEqual(next['data'] ?? null, prev['data'] ?? null)) errs.push(fieldErrors.forbidden('data', IMMUTABLE_MSG));
    if (!jsonEqual(next['binaryData'] ?? null, prev['binaryData'] ?? null)) errs.push(fieldErrors.forbidden('binaryData', IMMUTABLE_MSG));
  }
  return [...errs, ...validateConfigMap(next)];
}

const b64 = /^[A-Za-z0-9+/]*={0,2}$/;
const REDACTED = '<secret contents redacted>';

const LITERALS = ['true', 'false', 'null'];

/** Go's encoding/json error for text that is not a JSON object (the common cases). */
function jsonError(text: string): string | undefined {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return undefined;
    const t = Array.isArray(v) ? 'array' : v === null ? undefined : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'bool';
    return t ? `json: cannot unmarshal ${t} into Go value of type map[string]interface {}` : undefined;
  } catch {
    const t = text.trimStart();
    if (!t) return 'unexpected end of JSON input';
    const c = t[0] ?? '';
    const lit = LITERALS.find((l) => l[0] === c);
    if (lit) {
      for (let i = 1; i < lit.length; i++) {
        if (i >= t.length) return 'unexpected end of JSON input';
        if (t[i] !== lit[i]) return `invalid character '${t[i]}' in literal ${lit} (expecting '${lit[i]}')`;
      }
    }
    if (!'{["-0123456789'.includes(c) && !lit) return `invalid character '${c}' looking for beginning of value`;
    return 'unexpected end of JSON input';
  }
}

export function validateSecret(secret: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const data = obj(secret['data']);
  const dp = FieldPath.root('data');
  let total = 0;
  const decoded = new Map<string, string>();
  for (const [k, v] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(fieldErrors.invalid(dp.key(k), k, m));
    if (typeof v !== 'string' || !b64.test(v)) errs.push(fieldErrors.invalid(dp.key(k), REDACTED, 'illegal base64 data'));
    else {
      total += base64Length(v);
      decoded.set(k, Buffer.from(v, 'base64').toString('utf8'));
    }
  }
  if (total > MAX_SECRET_SIZE) errs.push(fieldErrors.tooLong(dp, MAX_SECRET_SIZE));
  const type = str(secret['type']);
  const need = (k: string) => { if (data[k] === undefined) errs.push(fieldErrors.required(dp.key(k))); };
  switch (type) {
    case 'kubernetes.io/service-account-token':
      if (!str(obj(obj(secret['metadata'])['annotations'])['kubernetes.io/service-account.name'])) {
        errs.push(fieldErrors.required(FieldPath.root('metadata').child('annotations').key('kubernetes.io/service-account.name')));
      }
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const key = type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      if (data[key] === undefined) {
        need(key);
        break;
      }
      const e = jsonError(decoded.get(key) ?? '');
      if (e) errs.push(fieldErrors.invalid(dp.key(key), REDACTED, e));
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (data['username'] === undefined && data['password'] === undefined) {
        need('username');
        need('password');
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if (!decoded.get('ssh-privatekey')) errs.push(fieldErrors.required(dp.key('ssh-privatekey')));
      break;
    case 'kubernetes.io/tls':
      need('tls.crt');
      need('tls.key');
      break;
    default:
  }
  return errs;
}

export function validateSecretUpdate(next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (str(next['type']) !== str(prev['type'])) errs.push(fieldErrors.invalid('type', str(next['type']), 'field is immutable'));
  if (prev['immutable'] === true) {
    if (next['immutable'] !== true) errs.push(fieldErrors.forbidden('immutable', IMMUTABLE_MSG));
    if (!jsonEqual(next['data'] ?? null, prev['data'] ?? null)) errs.push(fieldErrors.forbidden('data', IMMUTABLE_MSG));
  }
  return [...errs, ...validateSecret(next)];
}
