/**
 * @module The strategy of custom resources of one CRD version: pruning, defaulting and
 * validation against the version's structural schema and x-kubernetes-validations rules (on
 * updates with the old object for transition rules); status kept on the main resource when the
 * status subresource is on, and the status strategy that validates the whole object too.
 */
import type { KubeObject } from '../../api/meta/object.js';
import type { JsonObject } from '../../api/merge/json.js';
import type { CustomVersion } from '../../api/apiextensions/crd-resources.js';
import { pruneAndDefault, validateCustomObject } from '../../api/apiextensions/custom-resource.js';
import type { JSONSchemaProps } from '../../api/apiextensions/json-schema.js';
import type { FieldError } from '../../api/validation/field-errors.js';
import { validateObjectMetaUpdate } from '../../api/validation/object-meta.js';
import { BaseStrategy, StatusStrategy } from '../registry/rest/strategy.js';
import type { RequestContext } from '../registry/rest/context.js';

const OPEN: JSONSchemaProps = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };

export class CustomResourceStrategy extends BaseStrategy {
  readonly schema: JSONSchemaProps;

  constructor(readonly version: CustomVersion) {
    super({ namespaced: version.def.namespaced, hasStatus: version.hasStatus, tracksGeneration: true });
    this.schema = version.schema ?? OPEN;
  }

  override defaults(obj: KubeObject): void {
    const { object } = pruneAndDefault(obj as JsonObject, this.schema);
    for (const k of Object.keys(obj)) if (!(k in object)) delete obj[k];
    Object.assign(obj, object);
  }

  override validate(obj: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(obj, ctx), ...validateCustomObject(obj as JsonObject, this.schema)];
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateCustomObject(next as JsonObject, this.schema, prev as JsonObject)];
  }
}

/** /status of a custom resource: only status changes, and the result must still be valid. */
export class CustomStatusStrategy extends StatusStrategy {
  constructor(readonly custom: CustomResourceStrategy) {
    super(custom);
  }

  override prepareForUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): void {
    super.prepareForUpdate(next, prev, ctx);
    // The new status is pruned and defaulted like any write of the object.
    this.custom.defaults(next);
  }

  override validateUpdate(next: KubeObject, prev: KubeObject): FieldError[] {
    return [...validateObjectMetaUpdate(next.metadata, prev.metadata), ...validateCustomObject(next as JsonObject, this.custom.schema, prev as JsonObject)];
  }
}
