/**
 * @module Types of io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';

/** An extra column kubectl get shows for a custom resource. */
export interface CustomResourceColumnDefinition {
  /** Column heading. */
  name: string;
  /** OpenAPI type of the values: integer, number, string, boolean or date. */
  type: string;
  /** Optional OpenAPI format refining the type, such as int32 or byte. */
  format?: string;
  /** Human-readable explanation of the column. */
  description?: string;
  /** Importance of the column; only 0 is shown without -o wide. */
  priority?: number;
  /** Simple JSONPath, evaluated against each object, giving the cell value. */
  jsonPath: string;
}

/** How custom objects are converted between the versions of a CRD. */
export interface CustomResourceConversion {
  /** None (only apiVersion is rewritten) or Webhook. */
  strategy: string;
  /** The conversion webhook, when strategy is Webhook. */
  webhook?: WebhookConversion;
}

/** Adds a custom resource type to the API server, served under the CRD's group. */
export interface CustomResourceDefinition {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apiextensions.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'CustomResourceDefinition';
  /** Standard object metadata; the name is <plural>.<group>. */
  metadata?: metaV1.ObjectMeta;
  /** The resource's names, scope and versions. */
  spec: CustomResourceDefinitionSpec;
  /** Whether the names were accepted and the resource is being served. */
  status?: CustomResourceDefinitionStatus;
}

/** One aspect of a CRD's state at a point in time. */
export interface CustomResourceDefinitionCondition {
  /** Which aspect: Established, NamesAccepted, NonStructuralSchema, Terminating or KubernetesAPIApprovalPolicyConformant. */
  type: string;
  /** Whether the condition holds: True, False or Unknown. */
  status: string;
  /** When the status last flipped. */
  lastTransitionTime?: metaV1.Time;
  /** One-word CamelCase cause of the last transition. */
  reason?: string;
  /** Free-form explanation of the most recent status change. */
  message?: string;
}

/** A page of CustomResourceDefinition objects. */
export interface CustomResourceDefinitionList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apiextensions.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'CustomResourceDefinitionList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The definitions returned. */
  items: CustomResourceDefinition[];
}

/** The names a custom resource is known by in URLs, kinds and kubectl. */
export interface CustomResourceDefinitionNames {
  /** Lower-case plural used in URLs; must match the CRD name before the dot. */
  plural: string;
  /** Lower-case singular; the lowered kind when empty. */
  singular?: string;
  /** Short aliases kubectl accepts. */
  shortNames?: string[];
  /** CamelCase kind of the objects. */
  kind: string;
  /** Kind of a list of the objects; <kind>List when empty. */
  listKind?: string;
  /** Groupings the resource belongs to, such as all. */
  categories?: string[];
}

/** What a CRD defines: group, names, scope and versions. */
export interface CustomResourceDefinitionSpec {
  /** API group the resource is served in. */
  group: string;
  /** The resource's names. */
  names: CustomResourceDefinitionNames;
  /** Cluster or Namespaced. */
  scope: string;
  /** Versions served; exactly one is the storage version. */
  versions: CustomResourceDefinitionVersion[];
  /** How objects convert between versions. */
  conversion?: CustomResourceConversion;
  /** Legacy switch that keeps unknown fields; must be false in v1 (use x-kubernetes-preserve-unknown-fields). */
  preserveUnknownFields?: boolean;
}

/** The observed state of a CRD. */
export interface CustomResourceDefinitionStatus {
  /** The latest observations of the definition. */
  conditions?: CustomResourceDefinitionCondition[];
  /** The names actually in use, which may differ from spec.names after a conflict. */
  acceptedNames?: CustomResourceDefinitionNames;
  /** Every version objects have ever been persisted in, for storage migration. */
  storedVersions?: string[];
}

/** One version of a custom resource and how it is served. */
export interface CustomResourceDefinitionVersion {
  /** Version name used in URLs, e.g. v1 or v2beta1. */
  name: string;
  /** Whether the version is served by the REST API. */
  served: boolean;
  /** Whether objects are persisted in this version; exactly one version says so. */
  storage: boolean;
  /** Whether requests to this version get a deprecation warning. */
  deprecated?: boolean;
  /** Overrides the default deprecation warning text. */
  deprecationWarning?: string;
  /** The schema that validates and prunes objects of this version. */
  schema?: CustomResourceValidation;
  /** Status and scale subresources of this version. */
  subresources?: CustomResourceSubresources;
  /** Columns kubectl get shows; creation age only when empty. */
  additionalPrinterColumns?: CustomResourceColumnDefinition[];
  /** Fields usable in field selectors. */
  selectableFields?: SelectableField[];
}

/** Where the replica counts of a custom resource live, for its scale subresource. */
export interface CustomResourceSubresourceScale {
  /** JSON path (under .spec) of the wanted replica count. */
  specReplicasPath: string;
  /** JSON path (under .status) of the observed replica count. */
  statusReplicasPath: string;
  /** JSON path (under .status or .spec) of the pod selector in string form. */
  labelSelectorPath?: string;
}

/** Enables the status subresource: spec and status are then written separately. */
export interface CustomResourceSubresourceStatus {
}

/** The subresources a custom resource version serves. */
export interface CustomResourceSubresources {
  /** Serve /status when set. */
  status?: CustomResourceSubresourceStatus;
  /** Serve /scale when set. */
  scale?: CustomResourceSubresourceScale;
}

/** The validation schema of a custom resource version. */
export interface CustomResourceValidation {
  /** The structural OpenAPI v3 schema. */
  openAPIV3Schema?: JSONSchemaProps;
}

/** A pointer to more documentation about a schema. */
export interface ExternalDocumentation {
  /** What the linked documentation covers. */
  description?: string;
  /** Where the documentation is. */
  url?: string;
}

/** Any JSON value (used for defaults, enums and examples in schemas). */
export type JSON = unknown;

/** An OpenAPI v3 schema node, restricted to the structural subset CRDs allow. */
export interface JSONSchemaProps {
  /** Schema identifier; not used by Kubernetes. */
  id?: string;
  /** URI of the meta-schema; not used by Kubernetes. */
  $schema?: string;
  /** Reference to another schema; not allowed in CRDs. */
  $ref?: string;
  /** Human-readable explanation, shown by kubectl explain. */
  description?: string;
  /** JSON type of the value: object, array, string, integer, number or boolean. */
  type?: string;
  /** Refinement of the type, such as int32, date-time or byte; unknown formats are ignored. */
  format?: string;
  /** Short title of the schema. */
  title?: string;
  /** Value set when the field is absent (needs a structural schema). */
  default?: JSON;
  /** Largest allowed number. */
  maximum?: number;
  /** Whether maximum itself is excluded. */
  exclusiveMaximum?: boolean;
  /** Smallest allowed number. */
  minimum?: number;
  /** Whether minimum itself is excluded. */
  exclusiveMinimum?: boolean;
  /** Longest allowed string, in characters. */
  maxLength?: number;
  /** Shortest allowed string, in characters. */
  minLength?: number;
  /** ECMA 262 regular expression strings must match. */
  pattern?: string;
  /** Most items an array may hold. */
  maxItems?: number;
  /** Fewest items an array may hold. */
  minItems?: number;
  /** Whether array items must be distinct; not allowed in CRDs (use list-type set). */
  uniqueItems?: boolean;
  /** Numbers must be a multiple of this. */
  multipleOf?: number;
  /** The only values allowed. */
  enum?: JSON[];
  /** Most properties an object may hold. */
  maxProperties?: number;
  /** Fewest properties an object may hold. */
  minProperties?: number;
  /** Properties that must be present. */
  required?: string[];
  /** Schema of the array items. */
  items?: JSONSchemaPropsOrArray;
  /** Schemas the value must all satisfy. */
  allOf?: JSONSchemaProps[];
  /** Schemas of which exactly one must be satisfied. */
  oneOf?: JSONSchemaProps[];
  /** Schemas of which at least one must be satisfied. */
  anyOf?: JSONSchemaProps[];
  /** A schema the value must not satisfy. */
  not?: JSONSchemaProps;
  /** Schemas of the named object properties. */
  properties?: { [key: string]: JSONSchemaProps };
  /** Schema of the other properties, or whether they are allowed; makes the object a map. */
  additionalProperties?: JSONSchemaPropsOrBool;
  /** Schemas of properties whose names match a pattern; not allowed in CRDs. */
  patternProperties?: { [key: string]: JSONSchemaProps };
  /** Constraints that apply when a property is present; not allowed in CRDs. */
  dependencies?: { [key: string]: JSONSchemaPropsOrStringArray };
  /** Schema of array items beyond a tuple; not allowed in CRDs. */
  additionalItems?: JSONSchemaPropsOrBool;
  /** Named schemas for references; not allowed in CRDs. */
  definitions?: { [key: string]: JSONSchemaProps };
  /** Link to further documentation. */
  externalDocs?: ExternalDocumentation;
  /** An example value. */
  example?: JSON;
  /** Whether null is accepted (and kept) as a value. */
  nullable?: boolean;
  /** Keeps fields the schema does not declare instead of pruning them. */
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  /** The value is a whole Kubernetes object with apiVersion, kind and metadata. */
  'x-kubernetes-embedded-resource'?: boolean;
  /** The value may be an integer or a string. */
  'x-kubernetes-int-or-string'?: boolean;
  /** Item fields that identify entries of a map-type list. */
  'x-kubernetes-list-map-keys'?: string[];
  /** How server-side apply merges the array: atomic, set or map. */
  'x-kubernetes-list-type'?: string;
  /** How server-side apply merges the object: granular or atomic. */
  'x-kubernetes-map-type'?: string;
  /** CEL rules the value must satisfy. */
  'x-kubernetes-validations'?: ValidationRule[];
}

/** A schema, or a list of schemas for tuple-style arrays. */
export type JSONSchemaPropsOrArray = JSONSchemaProps | JSONSchemaProps[];

/** A schema, or a boolean allowing (true) or forbidding (false) the values. */
export type JSONSchemaPropsOrBool = JSONSchemaProps | boolean;

/** A schema, or a list of property names that must also be present. */
export type JSONSchemaPropsOrStringArray = JSONSchemaProps | string[];

/** A field of a custom resource usable in field selectors. */
export interface SelectableField {
  /** Simple JSON path to a string, integer or boolean field. */
  jsonPath: string;
}

/** An in-cluster service that serves a conversion webhook. */
export interface ServiceReference {
  /** Namespace of the service. */
  namespace: string;
  /** Name of the service. */
  name: string;
  /** URL path the request is posted to. */
  path?: string;
  /** Service port to call; 443 when unset. */
  port?: number;
}

/** A CEL rule in a CRD schema. */
export interface ValidationRule {
  /** CEL expression evaluated with self (and oldSelf on updates); must return true. */
  rule: string;
  /** Message returned when the rule fails. */
  message?: string;
  /** CEL expression producing the failure message. */
  messageExpression?: string;
  /** Field error reason returned on failure; FieldValueInvalid when unset. */
  reason?: 'FieldValueDuplicate' | 'FieldValueForbidden' | 'FieldValueInvalid' | 'FieldValueRequired';
  /** Path, relative to the schema node, of the field reported on failure. */
  fieldPath?: string;
  /** Also evaluate the transition rule on creates, with oldSelf unset. */
  optionalOldSelf?: boolean;
}

/** How to reach a conversion webhook over TLS: a URL or a service. */
export interface WebhookClientConfig {
  /** Location of the webhook as an https URL; exclusive with service. */
  url?: string;
  /** An in-cluster service; exclusive with url. */
  service?: ServiceReference;
  /** PEM CA bundle to verify the webhook's certificate; the system roots when empty. */
  caBundle?: string;
}

/** The webhook that converts custom objects between versions. */
export interface WebhookConversion {
  /** How to call the webhook. */
  clientConfig?: WebhookClientConfig;
  /** ConversionReview versions the webhook accepts, in order of preference. */
  conversionReviewVersions: string[];
}
