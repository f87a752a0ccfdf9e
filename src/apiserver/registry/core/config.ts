/**
 * @module ConfigMaps and Secrets: key names (config map keys), the 1 MiB size limit, `immutable`
 * (data frozen once set, and the flag itself cannot be unset), Secret `stringData` folded into
 * base64 `data`, a Secret's type (default Opaque, immutable) with the keys each type requires,
 * and the `type` field selector for secrets.
 */
import { isPlainObject, jsonEqual, type KubeObject } from '../../../api/meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from '../../../api/validation/field-errors.js';
import { obj, str } from '../../../api/validation/helpers.js';
import { isConfigMapKey } from '../../../api/validation/names.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy } from '../rest/strategy.js';

const MAX_SIZE = 1024 * 1024;

function validateKeys(errs: FieldError[], maps: readonly [string, unknown][], sizeOf: (v: unknown) => number): void {
  let total = 0;
  const seen = new Set<string>();
  for (const [field, m] of maps) {
    if (!isPlainObject(m)) continue;
    for (const [k, v] of Object.entries(m)) {
      const p = FieldPath.root(field).key(k);
      for (const msg of isConfigMapKey(k)) errs.push(fieldErrors.invalid(p, k, msg));
      if (seen.has(k)) errs.push(fieldErrors.invalid(p, k, 'duplicate of key present in data'));
      seen.add(k);
      total += k.length + sizeOf(v);
    }
  }
  if (total > MAX_SIZE) errs.push(fieldErrors.tooLong(FieldPath.root(maps[0]?.[0] ?? 'data'), MAX_SIZE));
}

function validateImmutable(errs: FieldError[], next: KubeObject, prev: KubeObject, fields: readonly string[]): void {
  if (prev['immutable'] !== true) return;
  if (next['immutable'] !== true) errs.push(fieldErrors.forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const f of fields) {
    if (!jsonEqual(next[f] ?? {}, prev[f] ?? {})) errs.push(fieldErrors.forbidden(f, 'field is immutable when `immutable` is set'));
  }
}

export class ConfigMapStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true });
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    validateKeys(errs, [['data', o['data']], ['binaryData', o['binaryData']]], (v) => (typeof v === 'string' ? Buffer.byteLength(v) : 0));
    return errs;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = [...super.validateUpdate(next, prev, ctx), ...this.validate(next, ctx)];
    validateImmutable(errs, next, prev, ['data', 'binaryData']);
    return errs;
  }
}

/** Keys each Secret type requires (pkg/apis/core/validation ValidateSecret). */
const REQUIRED_KEYS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

export class SecretStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, fieldLabels: { fields: ['metadata.name', 'metadata.namespace', 'type'], message: (l) => `field label not supported: ${l}` } });
  }

  override defaults(o: KubeObject): void {
    if (!o['type']) o['type'] = 'Opaque';
    // stringData is write-only: folded into data (base64) as the v1 conversion does.
    const sd = o['stringData'];
    if (isPlainObject(sd)) {
      const data = isPlainObject(o['data']) ? o['data'] : (o['data'] = {});
      for (const [k, v] of Object.entries(sd)) data[k] = Buffer.from(str(v)).toString('base64');
      delete o['stringData'];
    }
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    const data = obj(o['data']);
    for (const [k, v] of Object.entries(data)) {
      if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v)) errs.push(fieldErrors.invalid(FieldPath.root('data').key(k), '<secret contents redacted>', 'illegal base64 data'));
    }
    validateKeys(errs, [['data', data]], (v) => Math.floor((str(v).length * 3) / 4));
    const type = str(o['type']);
    for (const k of REQUIRED_KEYS[type] ?? []) if (data[k] === undefined) errs.push(fieldErrors.required(FieldPath.root('data').key(k)));
    if (type === 'kubernetes.io/service-account-token' && !o.metadata.annotations?.['kubernetes.io/service-account.name']) {
      errs.push(fieldErrors.required(FieldPath.root('metadata').child('annotations').key('kubernetes.io/service-account.name')));
    }
    if (type === 'kubernetes.io/basic-auth' && data['username'] === undefined && data['password'] === undefined) {
      errs.push(fieldErrors.required(FieldPath.root('data').key('username'), 'either username or password is required'));
    }
    return errs;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = [...super.validateUpdate(next, prev, ctx), ...this.validate(next, ctx)];
    if (str(next['type']) !== str(prev['type'])) errs.push(fieldErrors.invalid('type', next['type'], 'field is immutable'));
    validateImmutable(errs, next, prev, ['data']);
    return errs;
  }

  override fields(o: KubeObject): Record<string, string> {
    return { ...super.fields(o), type: str(o['type']) };
  }
}
