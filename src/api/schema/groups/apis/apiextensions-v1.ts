/**
 * @module apiextensions.k8s.io/v1: CustomResourceDefinitions and the structural OpenAPI schema
 * (JSONSchemaProps and its union helpers) that validates and prunes custom objects.
 */
import { defineGroup } from '../../dsl.js';

export const apiextensionsV1 = defineGroup({ prefix: 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1', group: 'apiextensions.k8s.io', version: 'v1' }, (g) => {
  g.struct('CustomResourceColumnDefinition', 'An extra column kubectl get shows for a custom resource.', {
    name: ['string', 1, 'Column heading.', { required: true }],
    type: ['string', 2, 'OpenAPI type of the values: integer, number, string, boolean or date.', { required: true }],
    format: ['string', 3, 'Optional OpenAPI format refining the type, such as int32 or byte.'],
    description: ['string', 4, 'Human-readable explanation of the column.'],
    priority: ['int32', 5, 'Importance of the column; only 0 is shown without -o wide.'],
    jsonPath: ['string', 6, 'Simple JSONPath, evaluated against each object, giving the cell value.', { required: true }],
  });
  g.struct('CustomResourceConversion', 'How custom objects are converted between the versions of a CRD.', {
    strategy: ['string', 1, 'None (only apiVersion is rewritten) or Webhook.', { required: true }],
    webhook: ['WebhookConversion', 2, 'The conversion webhook, when strategy is Webhook.', { ptr: true }],
  });
  g.kind('CustomResourceDefinition', 'Adds a custom resource type to the API server, served under the CRD\'s group.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata; the name is <plural>.<group>.'],
    spec: ['CustomResourceDefinitionSpec', 2, 'The resource\'s names, scope and versions.', { required: true }],
    status: ['CustomResourceDefinitionStatus', 3, 'Whether the names were accepted and the resource is being served.'],
  });
  g.struct('CustomResourceDefinitionCondition', 'One aspect of a CRD\'s state at a point in time.', {
    type: ['string', 1, 'Which aspect: Established, NamesAccepted, NonStructuralSchema, Terminating or KubernetesAPIApprovalPolicyConformant.', { required: true }],
    status: ['string', 2, 'Whether the condition holds: True, False or Unknown.', { required: true }],
    lastTransitionTime: ['Time', 3, 'When the status last flipped.'],
    reason: ['string', 4, 'One-word CamelCase cause of the last transition.'],
    message: ['string', 5, 'Free-form explanation of the most recent status change.'],
  });
  g.kind('CustomResourceDefinitionList', 'A page of CustomResourceDefinition objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]CustomResourceDefinition', 2, 'The definitions returned.', { required: true }],
  });
  g.struct('CustomResourceDefinitionNames', 'The names a custom resource is known by in URLs, kinds and kubectl.', {
    plural: ['string', 1, 'Lower-case plural used in URLs; must match the CRD name before the dot.', { required: true }],
    singular: ['string', 2, 'Lower-case singular; the lowered kind when empty.'],
    shortNames: ['[]string', 3, 'Short aliases kubectl accepts.', { list: 'atomic' }],
    kind: ['string', 4, 'CamelCase kind of the objects.', { required: true }],
    listKind: ['string', 5, 'Kind of a list of the objects; <kind>List when empty.'],
    categories: ['[]string', 6, 'Groupings the resource belongs to, such as all.', { list: 'atomic' }],
  });
  g.struct('CustomResourceDefinitionSpec', 'What a CRD defines: group, names, scope and versions.', {
    group: ['string', 1, 'API group the resource is served in.', { required: true }],
    names: ['CustomResourceDefinitionNames', 3, 'The resource\'s names.', { required: true }],
    scope: ['string', 4, 'Cluster or Namespaced.', { required: true }],
    versions: ['[]CustomResourceDefinitionVersion', 7, 'Versions served; exactly one is the storage version.', { required: true, list: 'atomic' }],
    conversion: ['CustomResourceConversion', 9, 'How objects convert between versions.', { ptr: true }],
    preserveUnknownFields: ['boolean', 10, 'Legacy switch that keeps unknown fields; must be false in v1 (use x-kubernetes-preserve-unknown-fields).'],
  });
  g.struct('CustomResourceDefinitionStatus', 'The observed state of a CRD.', {
    conditions: ['[]CustomResourceDefinitionCondition', 1, 'The latest observations of the definition.', { list: 'map', keys: ['type'] }],
    acceptedNames: ['CustomResourceDefinitionNames', 2, 'The names actually in use, which may differ from spec.names after a conflict.'],
    storedVersions: ['[]string', 3, 'Every version objects have ever been persisted in, for storage migration.', { list: 'atomic' }],
  });
  g.struct('CustomResourceDefinitionVersion', 'One version of a custom resource and how it is served.', {
    name: ['string', 1, 'Version name used in URLs, e.g. v1 or v2beta1.', { required: true }],
    served: ['boolean', 2, 'Whether the version is served by the REST API.', { required: true }],
    storage: ['boolean', 3, 'Whether objects are persisted in this version; exactly one version says so.', { required: true }],
    deprecated: ['boolean', 7, 'Whether requests to this version get a deprecation warning.'],
    deprecationWarning: ['string', 8, 'Overrides the default deprecation warning text.', { ptr: true }],
    schema: ['CustomResourceValidation', 4, 'The schema that validates and prunes objects of this version.', { ptr: true }],
    subresources: ['CustomResourceSubresources', 5, 'Status and scale subresources of this version.', { ptr: true }],
    additionalPrinterColumns: ['[]CustomResourceColumnDefinition', 6, 'Columns kubectl get shows; creation age only when empty.', { list: 'atomic' }],
    selectableFields: ['[]SelectableField', 9, 'Fields usable in field selectors.', { list: 'atomic' }],
  });
  g.struct('CustomResourceSubresourceScale', 'Where the replica counts of a custom resource live, for its scale subresource.', {
    specReplicasPath: ['string', 1, 'JSON path (under .spec) of the wanted replica count.', { required: true }],
    statusReplicasPath: ['string', 2, 'JSON path (under .status) of the observed replica count.', { required: true }],
    labelSelectorPath: ['string', 3, 'JSON path (under .status or .spec) of the pod selector in string form.', { ptr: true }],
  });
  g.struct('CustomResourceSubresourceStatus', 'Enables the status subresource: spec and status are then written separately.', {});
  g.struct('CustomResourceSubresources', 'The subresources a custom resource version serves.', {
    status: ['CustomResourceSubresourceStatus', 1, 'Serve /status when set.', { ptr: true }],
    scale: ['CustomResourceSubresourceScale', 2, 'Serve /scale when set.', { ptr: true }],
  });
  g.struct('CustomResourceValidation', 'The validation schema of a custom resource version.', {
    openAPIV3Schema: ['JSONSchemaProps', 1, 'The structural OpenAPI v3 schema.', { ptr: true }],
  });
  g.struct('ExternalDocumentation', 'A pointer to more documentation about a schema.', {
    description: ['string', 1, 'What the linked documentation covers.'],
    url: ['string', 2, 'Where the documentation is.'],
  });

  g.custom('JSON', 'Any JSON value (used for defaults, enums and examples in schemas).', 'JSON');
  g.struct('JSONSchemaProps', 'An OpenAPI v3 schema node, restricted to the structural subset CRDs allow.', {
    id: ['string', 1, 'Schema identifier; not used by Kubernetes.'],
    $schema: ['string', 2, 'URI of the meta-schema; not used by Kubernetes.'],
    $ref: ['string', 3, 'Reference to another schema; not allowed in CRDs.', { ptr: true }],
    description: ['string', 4, 'Human-readable explanation, shown by kubectl explain.'],
    type: ['string', 5, 'JSON type of the value: object, array, string, integer, number or boolean.'],
    format: ['string', 6, 'Refinement of the type, such as int32, date-time or byte; unknown formats are ignored.'],
    title: ['string', 7, 'Short title of the schema.'],
    default: ['JSON', 8, 'Value set when the field is absent (needs a structural schema).', { ptr: true }],
    maximum: ['double', 9, 'Largest allowed number.', { ptr: true }],
    exclusiveMaximum: ['boolean', 10, 'Whether maximum itself is excluded.'],
    minimum: ['double', 11, 'Smallest allowed number.', { ptr: true }],
    exclusiveMinimum: ['boolean', 12, 'Whether minimum itself is excluded.'],
    maxLength: ['int64', 13, 'Longest allowed string, in characters.', { ptr: true }],
    minLength: ['int64', 14, 'Shortest allowed string, in characters.', { ptr: true }],
    pattern: ['string', 15, 'ECMA 262 regular expression strings must match.'],
    maxItems: ['int64', 16, 'Most items an array may hold.', { ptr: true }],
    minItems: ['int64', 17, 'Fewest items an array may hold.', { ptr: true }],
    uniqueItems: ['boolean', 18, 'Whether array items must be distinct; not allowed in CRDs (use list-type set).'],
    multipleOf: ['double', 19, 'Numbers must be a multiple of this.', { ptr: true }],
    enum: ['[]JSON', 20, 'The only values allowed.', { list: 'atomic' }],
    maxProperties: ['int64', 21, 'Most properties an object may hold.', { ptr: true }],
    minProperties: ['int64', 22, 'Fewest properties an object may hold.', { ptr: true }],
    required: ['[]string', 23, 'Properties that must be present.', { list: 'atomic' }],
    items: ['JSONSchemaPropsOrArray', 24, 'Schema of the array items.', { ptr: true }],
    allOf: ['[]JSONSchemaProps', 25, 'Schemas the value must all satisfy.', { list: 'atomic' }],
    oneOf: ['[]JSONSchemaProps', 26, 'Schemas of which exactly one must be satisfied.', { list: 'atomic' }],
    anyOf: ['[]JSONSchemaProps', 27, 'Schemas of which at least one must be satisfied.', { list: 'atomic' }],
    not: ['JSONSchemaProps', 28, 'A schema the value must not satisfy.', { ptr: true }],
    properties: ['map[string]JSONSchemaProps', 29, 'Schemas of the named object properties.'],
    additionalProperties: ['JSONSchemaPropsOrBool', 30, 'Schema of the other properties, or whether they are allowed; makes the object a map.', { ptr: true }],
    patternProperties: ['map[string]JSONSchemaProps', 31, 'Schemas of properties whose names match a pattern; not allowed in CRDs.'],
    dependencies: ['map[string]JSONSchemaPropsOrStringArray', 32, 'Constraints that apply when a property is present; not allowed in CRDs.'],
    additionalItems: ['JSONSchemaPropsOrBool', 33, 'Schema of array items beyond a tuple; not allowed in CRDs.', { ptr: true }],
    definitions: ['map[string]JSONSchemaProps', 34, 'Named schemas for references; not allowed in CRDs.'],
    externalDocs: ['ExternalDocumentation', 35, 'Link to further documentation.', { ptr: true }],
    example: ['JSON', 36, 'An example value.', { ptr: true }],
    nullable: ['boolean', 37, 'Whether null is accepted (and kept) as a value.'],
    'x-kubernetes-preserve-unknown-fields': ['boolean', 38, 'Keeps fields the schema does not declare instead of pruning them.', { ptr: true }],
    'x-kubernetes-embedded-resource': ['boolean', 39, 'The value is a whole Kubernetes object with apiVersion, kind and metadata.'],
    'x-kubernetes-int-or-string': ['boolean', 40, 'The value may be an integer or a string.'],
    'x-kubernetes-list-map-keys': ['[]string', 41, 'Item fields that identify entries of a map-type list.', { list: 'atomic' }],
    'x-kubernetes-list-type': ['string', 42, 'How server-side apply merges the array: atomic, set or map.', { ptr: true }],
    'x-kubernetes-map-type': ['string', 43, 'How server-side apply merges the object: granular or atomic.', { ptr: true }],
    'x-kubernetes-validations': ['[]ValidationRule', 44, 'CEL rules the value must satisfy.', { list: 'map', keys: ['rule'], patch: 'merge', mergeKey: 'rule' }],
  });
  g.custom('JSONSchemaPropsOrArray', 'A schema, or a list of schemas for tuple-style arrays.', 'JSONSchemaPropsOrArray');
  g.custom('JSONSchemaPropsOrBool', 'A schema, or a boolean allowing (true) or forbidding (false) the values.', 'JSONSchemaPropsOrBool');
  g.custom('JSONSchemaPropsOrStringArray', 'A schema, or a list of property names that must also be present.', 'JSONSchemaPropsOrStringArray');

  g.struct('SelectableField', 'A field of a custom resource usable in field selectors.', {
    jsonPath: ['string', 1, 'Simple JSON path to a string, integer or boolean field.', { required: true }],
  });
  g.struct('ServiceReference', 'An in-cluster service that serves a conversion webhook.', {
    namespace: ['string', 1, 'Namespace of the service.', { required: true }],
    name: ['string', 2, 'Name of the service.', { required: true }],
    path: ['string', 3, 'URL path the request is posted to.', { ptr: true }],
    port: ['int32', 4, 'Service port to call; 443 when unset.', { ptr: true }],
  });
  g.struct('ValidationRule', 'A CEL rule in a CRD schema.', {
    rule: ['string', 1, 'CEL expression evaluated with self (and oldSelf on updates); must return true.', { required: true }],
    message: ['string', 2, 'Message returned when the rule fails.'],
    messageExpression: ['string', 3, 'CEL expression producing the failure message.'],
    reason: ['string', 4, 'Field error reason returned on failure; FieldValueInvalid when unset.', { ptr: true, enum: ['FieldValueDuplicate', 'FieldValueForbidden', 'FieldValueInvalid', 'FieldValueRequired'] }],
    fieldPath: ['string', 5, 'Path, relative to the schema node, of the field reported on failure.'],
    optionalOldSelf: ['boolean', 6, 'Also evaluate the transition rule on creates, with oldSelf unset.', { ptr: true }],
  });
  g.struct('WebhookClientConfig', 'How to reach a conversion webhook over TLS: a URL or a service.', {
    url: ['string', 3, 'Location of the webhook as an https URL; exclusive with service.', { ptr: true }],
    service: ['ServiceReference', 1, 'An in-cluster service; exclusive with url.', { ptr: true }],
    caBundle: ['bytes', 2, 'PEM CA bundle to verify the webhook\'s certificate; the system roots when empty.'],
  });
  g.struct('WebhookConversion', 'The webhook that converts custom objects between versions.', {
    clientConfig: ['WebhookClientConfig', 2, 'How to call the webhook.', { ptr: true }],
    conversionReviewVersions: ['[]string', 3, 'ConversionReview versions the webhook accepts, in order of preference.', { required: true, list: 'atomic' }],
  });

  g.resource('customresourcedefinitions', {
    kind: 'CustomResourceDefinition', namespaced: false, shortNames: ['crd', 'crds'], categories: ['api-extensions'],
    sub: { status: ['get', 'patch', 'update'] },
  });
});
