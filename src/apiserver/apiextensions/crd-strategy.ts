/**
 * @module The strategy of customresourcedefinitions (apiextensions.k8s.io/v1): defaulting of
 * singular, listKind and conversion; storedVersions on create; validation of the CRD and of each
 * version's structural schema; warnings, never refusals, for validation rules k3ts cannot
 * evaluate.
 */
import type { KubeObject } from '../../api/meta/object.js';
import type { JsonObject } from '../../api/merge/json.js';
import { isObject } from '../../api/merge/json.js';
import { ruleWarnings } from '../../api/apiextensions/cel-rules.js';
import { validateCRD } from '../../api/apiextensions/crd-validation.js';
import { customVersions, storageVersion } from '../../api/apiextensions/crd-resources.js';
import type { FieldError } from '../../api/validation/field-errors.js';
import { BaseStrategy } from '../registry/rest/strategy.js';
import type { RequestContext } from '../registry/rest/context.js';

function spec(obj: KubeObject): JsonObject {
  return isObject(obj['spec']) ? obj['spec'] : {};
}

export class CustomResourceDefinitionStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: false, hasStatus: true, tracksGeneration: true });
  }

  override defaults(obj: KubeObject): void {
    const s = spec(obj);
    const names = isObject(s['names']) ? s['names'] : undefined;
    if (names) {
      if (!names['singular'] && typeof names['kind'] === 'string') names['singular'] = names['kind'].toLowerCase();
      if (!names['listKind'] && typeof names['kind'] === 'string' && names['kind']) names['listKind'] = `${names['kind']}List`;
    }
    if (!isObject(s['conversion'])) s['conversion'] = { strategy: 'None' };
  }

  override prepareForCreate(obj: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(obj, ctx);
    const stored = storageVersion(obj as JsonObject);
    obj['status'] = { conditions: [], acceptedNames: { plural: '', kind: '' }, storedVersions: stored ? [stored] : [] };
  }

  override prepareForUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): void {
    super.prepareForUpdate(next, prev, ctx);
    // A new storage version joins storedVersions (the objects written from now on use it).
    const stored = storageVersion(next as JsonObject);
    const status = isObject(next['status']) ? next['status'] : undefined;
    if (stored && status) {
      const list = Array.isArray(status['storedVersions']) ? status['storedVersions'] as string[] : [];
      if (!list.includes(stored)) status['storedVersions'] = [...list, stored];
    }
  }

  override validate(obj: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(obj, ctx), ...validateCRD(obj)];
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = [...super.validateUpdate(next, prev, ctx), ...validateCRD(next)];
    const scope = spec(prev)['scope'];
    if (spec(next)['scope'] !== scope) errs.push({ type: 'FieldValueInvalid', field: 'spec.scope', value: spec(next)['scope'], detail: 'field is immutable' });
    return errs;
  }

  override warningsOnCreate(obj: KubeObject): string[] {
    return warnings(obj);
  }

  override warningsOnUpdate(next: KubeObject): string[] {
    return warnings(next);
  }
}

/** What k3ts does not do for this CRD: rules it does not enforce, webhook conversion. */
function warnings(obj: KubeObject): string[] {
  const out = customVersions(obj as JsonObject).flatMap((v, i) => ruleWarnings(v.schema, `spec.versions[${i}].schema.openAPIV3Schema`));
  const conversion = spec(obj)['conversion'];
  if (isObject(conversion) && conversion['strategy'] === 'Webhook') {
    out.push('spec.conversion.strategy: Webhook conversion is not supported by k3ts: objects are converted between versions as with None (only apiVersion changes)');
  }
  return out;
}
