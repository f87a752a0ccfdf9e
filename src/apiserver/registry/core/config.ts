/**
 * @module ConfigMaps and Secrets: validation (api/validation/config.ts: key names, the 1 MiB total,
 * the keys each Secret type requires, `immutable` data), Secret `stringData` folded into base64
 * `data` as the v1 conversion does, the default type Opaque, and the `type` field selector.
 */
import { defaultSecret } from '../../../api/defaults/core.js';
import { isPlainObject, type KubeObject } from '../../../api/meta/object.js';
import { validateConfigMap, validateConfigMapUpdate, validateSecret, validateSecretUpdate } from '../../../api/validation/config.js';
import type { FieldError } from '../../../api/validation/field-errors.js';
import { str } from '../../../api/validation/helpers.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy } from '../rest/strategy.js';

export class ConfigMapStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true });
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...validateConfigMap(o)];
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateConfigMapUpdate(next, prev)];
  }
}

export class SecretStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, fieldLabels: { fields: ['metadata.name', 'metadata.namespace', 'type'], message: (l) => `field label not supported: ${l}` } });
  }

  protected override setDefaults(o: KubeObject): void {
    defaultSecret(o);
    // stringData is write-only: folded into data (base64) as the v1 conversion does.
    const sd = o['stringData'];
    if (isPlainObject(sd)) {
      const data = isPlainObject(o['data']) ? o['data'] : (o['data'] = {});
      for (const [k, v] of Object.entries(sd)) data[k] = Buffer.from(str(v)).toString('base64');
      delete o['stringData'];
    }
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...validateSecret(o)];
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateSecretUpdate(next, prev)];
  }

  override fields(o: KubeObject): Record<string, string> {
    return { ...super.fields(o), type: str(o['type']) };
  }
}
