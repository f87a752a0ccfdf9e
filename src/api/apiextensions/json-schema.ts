/**
 * @module The OpenAPI v3 schema of a CustomResourceDefinition version (JSONSchemaProps), as the
 * CRD object carries it, with the Kubernetes extensions; and small readers over it.
 */

/** One x-kubernetes-validations rule. */
export interface ValidationRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly reason?: string;
  readonly fieldPath?: string;
  readonly optionalOldSelf?: boolean;
}

export interface JSONSchemaProps {
  readonly type?: string;
  readonly format?: string;
  readonly description?: string;
  readonly title?: string;
  readonly default?: unknown;
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, JSONSchemaProps>>;
  /** A schema, or true/false (the JSONSchemaPropsOrBool union). */
  readonly additionalProperties?: JSONSchemaProps | boolean;
  /** A schema (an array of schemas is rejected by CRD validation). */
  readonly items?: JSONSchemaProps | readonly JSONSchemaProps[];
  readonly allOf?: readonly JSONSchemaProps[];
  readonly anyOf?: readonly JSONSchemaProps[];
  readonly oneOf?: readonly JSONSchemaProps[];
  readonly not?: JSONSchemaProps;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-embedded-resource'?: boolean;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-list-type'?: string;
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  readonly 'x-kubernetes-map-type'?: string;
  readonly 'x-kubernetes-validations'?: readonly ValidationRule[];
}

/** The schema of the items of an array schema (undefined when items is absent or an array). */
export function itemsOf(s: JSONSchemaProps): JSONSchemaProps | undefined {
  return s.items && !Array.isArray(s.items) ? s.items as JSONSchemaProps : undefined;
}

/** The schema for undeclared keys of an object schema, when additionalProperties is a schema (or true: anything). */
export function additionalOf(s: JSONSchemaProps): JSONSchemaProps | undefined {
  if (s.additionalProperties === true) return {};
  return typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
}

export const preservesUnknown = (s: JSONSchemaProps): boolean => s['x-kubernetes-preserve-unknown-fields'] === true;
export const isEmbedded = (s: JSONSchemaProps): boolean => s['x-kubernetes-embedded-resource'] === true;
export const isIntOrString = (s: JSONSchemaProps): boolean => s['x-kubernetes-int-or-string'] === true;
