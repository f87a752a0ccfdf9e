/**
 * @module What happens to a custom object on every write, in apiextensions' order: fields the
 * schema does not declare are pruned (and reported, for fieldValidation), nulls of non-nullable
 * fields dropped, defaults applied, then the object is validated against the schema and its
 * x-kubernetes-validations rules.
 */
import { deepCopy, type JsonObject } from '../merge/json.js';
import { validateRules } from './cel-rules.js';
import { applyDefaults, pruneNulls } from './defaulting.js';
import { fieldErrors as fe, type FieldError } from '../validation/field-errors.js';
import type { JSONSchemaProps } from './json-schema.js';
import { prune } from './pruning.js';
import { validateValue } from './validate-object.js';

export interface PreparedObject {
  /** The pruned and defaulted object (a copy). */
  readonly object: JsonObject;
  /** Paths of the fields pruned because the schema does not declare them (`spec.foo`). */
  readonly unknownFields: readonly string[];
}

/** Prunes and defaults a custom object for its version's schema. */
export function pruneAndDefault(obj: JsonObject, schema: JSONSchemaProps): PreparedObject {
  const object = deepCopy(obj);
  const unknownFields = prune(object, schema);
  pruneNulls(object, schema);
  applyDefaults(object, schema);
  return { object, unknownFields };
}

/**
 * Schema and rule violations of a prepared custom object; `old` is the stored object on update.
 * apiVersion, kind and metadata are checked by the API server's generic object validation.
 */
export function validateCustomObject(obj: JsonObject, schema: JSONSchemaProps, old?: JsonObject): FieldError[] {
  const body: JsonObject = { ...obj };
  delete body['apiVersion'];
  delete body['kind'];
  delete body['metadata'];
  const bodySchema: JSONSchemaProps = { ...schema, properties: Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => !['apiVersion', 'kind', 'metadata'].includes(k))) };
  const errs = validateValue(body, bodySchema);
  // Type and required errors keep rules from running, as in kube-apiserver (hasBlockingErr).
  if (errs.some((e) => e.type === 'FieldValueTypeInvalid' || e.type === 'FieldValueRequired')) {
    errs.push(fe.invalid('<nil>', null, 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation'));
  } else errs.push(...validateRules(obj, old, schema));
  return errs;
}
