/**
 * @module meta/v1 (k8s.io/apimachinery/pkg/apis/meta/v1): object and list metadata, selectors,
 * conditions, managed fields, Status errors, delete options, watch events and discovery documents.
 */
import { defineGroup } from '../../dsl.js';
import { everyGroupVersion } from './registered-versions.js';

export const metaV1 = defineGroup({ prefix: 'io.k8s.apimachinery.pkg.apis.meta.v1', group: '', version: 'v1' }, (g) => {
  g.custom('Time', 'A point in time, serialized as an RFC 3339 string with second precision.', 'Time');
  g.custom('MicroTime', 'A point in time, serialized as an RFC 3339 string with microsecond precision.', 'MicroTime');
  g.custom('Duration', 'A length of time, serialized as a Go duration string such as 1m30s.', 'Duration');
  g.custom('FieldsV1', 'The set of fields a manager owns, kept as a JSON trie of field, key and value paths.', 'FieldsV1');
  g.struct('Patch', 'The body of a PATCH request; its shape depends on the patch content type.', {});

  g.struct('ObjectMeta', 'Metadata every persisted object carries: identity, labels, ownership and bookkeeping.', {
    name: ['string', 1, 'Unique name of the object within its namespace (or the cluster, for cluster-scoped kinds).'],
    generateName: ['string', 2, 'Prefix the server uses to invent a unique name when name is left empty.'],
    namespace: ['string', 3, 'Namespace the object lives in; empty for cluster-scoped kinds.'],
    selfLink: ['string', 4, 'Deprecated link to this object; no longer filled in by the server.'],
    uid: ['string', 5, 'Server-assigned identifier, unique across the whole life of the cluster.'],
    resourceVersion: ['string', 6, 'Opaque version string that changes on every write; used for concurrency checks and watches.'],
    generation: ['int64', 7, 'Counter the server increments whenever the desired state (usually spec) changes.'],
    creationTimestamp: ['Time', 8, 'When the server first stored the object.'],
    deletionTimestamp: ['Time', 9, 'When graceful deletion was requested; set by the server, read-only for clients.', { ptr: true }],
    deletionGracePeriodSeconds: ['int64', 10, 'Seconds the object is given to terminate gracefully once deletion started.', { ptr: true }],
    labels: ['map[string]string', 11, 'Key-value pairs used to organise and select objects.'],
    annotations: ['map[string]string', 12, 'Arbitrary non-identifying key-value data kept alongside the object.'],
    ownerReferences: ['[]OwnerReference', 13, 'Objects this one depends on; it is garbage collected when they are all gone.', { list: 'map', keys: ['uid'], patch: 'merge', mergeKey: 'uid' }],
    finalizers: ['[]string', 14, 'Names of pending clean-up steps that must finish before the object is removed.', { list: 'set', patch: 'merge' }],
    managedFields: ['[]ManagedFieldsEntry', 17, 'Which field manager owns which fields, for server-side apply.', { list: 'atomic' }],
  });

  g.struct('ListMeta', 'Metadata of a list response: its version and how to fetch the next chunk.', {
    selfLink: ['string', 1, 'Deprecated link to this list; no longer filled in by the server.'],
    resourceVersion: ['string', 2, 'Version of the storage state the list reflects; a watch may start from it.'],
    continue: ['string', 3, 'Token for fetching the next chunk of a paginated list; empty on the last chunk.'],
    remainingItemCount: ['int64', 4, 'Estimate of how many items remain after this chunk, when the server knows.', { ptr: true }],
  });

  g.struct('OwnerReference', 'Points at an object that owns this one, within the same namespace.', {
    apiVersion: ['string', 5, 'API version of the owner.', { required: true }],
    kind: ['string', 1, 'Kind of the owner.', { required: true }],
    name: ['string', 3, 'Name of the owner.', { required: true }],
    uid: ['string', 4, 'UID of the owner.', { required: true }],
    controller: ['boolean', 6, 'True when the owner is the managing controller; at most one owner may say so.', { ptr: true }],
    blockOwnerDeletion: ['boolean', 7, 'When true, foreground deletion of the owner waits for this object to go first.', { ptr: true }],
  }, { mapType: 'atomic' });

  g.struct('ManagedFieldsEntry', 'One field manager\'s ownership record for a set of fields.', {
    manager: ['string', 1, 'Name of the workflow that manages the fields.'],
    operation: ['string', 2, 'The kind of write that produced this entry: Apply or Update.'],
    apiVersion: ['string', 3, 'API version the field set is expressed in.'],
    time: ['Time', 4, 'When the entry was last changed.', { ptr: true }],
    fieldsType: ['string', 6, 'Format of the field set; only FieldsV1 exists.'],
    fieldsV1: ['FieldsV1', 7, 'The owned fields, in the FieldsV1 format.', { ptr: true }],
    subresource: ['string', 8, 'Subresource the write went through, or empty for the main resource.'],
  });

  g.struct('LabelSelector', 'Selects objects by exact label values and by set-based expressions; all terms must match.', {
    matchLabels: ['map[string]string', 1, 'Labels that must be present with exactly these values.'],
    matchExpressions: ['[]LabelSelectorRequirement', 2, 'Set-based requirements that must all hold.', { list: 'atomic' }],
  }, { mapType: 'atomic' });

  g.struct('LabelSelectorRequirement', 'One set-based label test: a key, an operator and values.', {
    key: ['string', 1, 'The label key tested.', { required: true }],
    operator: ['string', 2, 'How the key relates to the values: In, NotIn, Exists or DoesNotExist.', { required: true }],
    values: ['[]string', 3, 'Values for In and NotIn; must be empty for Exists and DoesNotExist.', { list: 'atomic' }],
  });

  g.struct('FieldSelectorRequirement', 'One field selector test: a field path, an operator and values.', {
    key: ['string', 1, 'The field path tested.', { required: true }],
    operator: ['string', 2, 'How the field relates to the values: In, NotIn, Exists or DoesNotExist.', { required: true }],
    values: ['[]string', 3, 'Values for In and NotIn; must be empty for Exists and DoesNotExist.', { list: 'atomic' }],
  });

  g.struct('Condition', 'One aspect of an object\'s current state, in the common condition shape.', {
    type: ['string', 1, 'The aspect this condition reports, in CamelCase.', { required: true }],
    status: ['string', 2, 'Whether the condition holds: True, False or Unknown.', { required: true, enum: ['True', 'False', 'Unknown'] }],
    observedGeneration: ['int64', 3, 'The object generation the condition was computed from.'],
    lastTransitionTime: ['Time', 4, 'When the status last changed.', { required: true }],
    reason: ['string', 5, 'Machine-readable CamelCase reason for the last transition.', { required: true }],
    message: ['string', 6, 'Human-readable details about the last transition.', { required: true }],
  });

  g.kind('Status', 'The result of an operation that returns no object, most often an error.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    status: ['string', 2, 'Success or Failure.'],
    message: ['string', 3, 'Human-readable explanation of the outcome.'],
    reason: ['string', 4, 'Machine-readable CamelCase reason; empty when nothing more is known.'],
    // Kubernetes publishes list-type atomic on this struct field (a stray marker upstream); kept to agree.
    details: ['StatusDetails', 5, 'Extra data that depends on the reason.', { ptr: true, list: 'atomic' }],
    code: ['int32', 6, 'The HTTP status code of the response, when set.'],
  });

  g.struct('StatusDetails', 'Extra information about a failed operation, keyed by the object it concerned.', {
    name: ['string', 1, 'Name of the object involved, when there was one.'],
    group: ['string', 2, 'API group of the object involved.'],
    kind: ['string', 3, 'Kind of the object involved.'],
    uid: ['string', 6, 'UID of the object involved, when known.'],
    causes: ['[]StatusCause', 4, 'The individual problems behind the failure, e.g. one per invalid field.', { list: 'atomic' }],
    retryAfterSeconds: ['int32', 5, 'How long the client should wait before retrying, when it should.'],
  });

  g.struct('StatusCause', 'One specific problem behind a failure.', {
    reason: ['string', 1, 'Machine-readable kind of problem.'],
    message: ['string', 2, 'Human-readable description of the problem.'],
    field: ['string', 3, 'Path of the offending field, e.g. spec.containers[0].name, when one is to blame.'],
  });

  g.kind('DeleteOptions', 'Options a client may pass when deleting an object.', {
    gracePeriodSeconds: ['int64', 1, 'Seconds to allow for graceful termination; 0 deletes at once.', { ptr: true }],
    preconditions: ['Preconditions', 2, 'Conditions the object must meet for the delete to go ahead.', { ptr: true }],
    orphanDependents: ['boolean', 3, 'Deprecated switch for orphaning dependents; use propagationPolicy.', { ptr: true }],
    propagationPolicy: ['string', 4, 'How dependents are garbage collected: Orphan, Background or Foreground.', { ptr: true }],
    dryRun: ['[]string', 5, 'When it holds All, the delete is checked but not persisted.', { list: 'atomic' }],
    ignoreStoreReadErrorWithClusterBreakingPotential: ['boolean', 6, 'Lets an object whose stored bytes cannot be decoded be removed anyway; dangerous.', { ptr: true }],
  }, { gvk: everyGroupVersion('DeleteOptions') });

  g.struct('Preconditions', 'Facts that must still be true of an object for an operation to proceed.', {
    uid: ['string', 1, 'The UID the object must have.', { ptr: true }],
    resourceVersion: ['string', 2, 'The resource version the object must be at.', { ptr: true }],
  });

  g.struct('WatchEvent', 'One event on a watch stream: what happened and the object it happened to.', {
    type: ['string', 1, 'ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.', { required: true }],
    object: ['RawExtension', 2, 'The object after the change (or a Status, for ERROR).', { required: true }],
  }, { gvk: everyGroupVersion('WatchEvent') });

  g.struct('APIResource', 'Discovery information about one resource of a group-version.', {
    name: ['string', 1, 'Plural resource name, possibly with a subresource suffix (pods/status).', { required: true }],
    singularName: ['string', 6, 'Singular name, used by kubectl in messages and as an alias.', { required: true }],
    namespaced: ['boolean', 2, 'Whether the resource lives in namespaces.', { required: true }],
    group: ['string', 8, 'Group of the resource\'s kind when it differs from the containing group.'],
    version: ['string', 9, 'Version of the resource\'s kind when it differs from the containing version.'],
    kind: ['string', 3, 'Kind of the objects served.', { required: true }],
    verbs: ['[]string', 4, 'Verbs the resource supports: get, list, watch, create, update, patch, delete, deletecollection.', { required: true }],
    shortNames: ['[]string', 5, 'Abbreviations kubectl accepts for the resource.', { list: 'atomic' }],
    categories: ['[]string', 7, 'Groupings the resource belongs to, such as all.', { list: 'atomic' }],
    storageVersionHash: ['string', 10, 'Opaque hash of the version objects are stored in; changes when that version does.'],
  });

  g.kind('APIResourceList', 'The resources one group-version serves.', {
    groupVersion: ['string', 1, 'The group-version described.', { required: true }],
    resources: ['[]APIResource', 2, 'The resources served.', { required: true, list: 'atomic' }],
  });

  g.struct('GroupVersionForDiscovery', 'A group-version name as listed by discovery.', {
    groupVersion: ['string', 1, 'Group and version joined as group/version.', { required: true }],
    version: ['string', 2, 'The version alone.', { required: true }],
  });

  g.struct('ServerAddressByClientCIDR', 'Which server address clients from a network range should use.', {
    clientCIDR: ['string', 1, 'The client network range this entry applies to.', { required: true }],
    serverAddress: ['string', 2, 'Address (host or host:port) those clients should connect to.', { required: true }],
  });

  g.kind('APIGroup', 'Discovery information about one API group and its versions.', {
    name: ['string', 1, 'Name of the group.', { required: true }],
    versions: ['[]GroupVersionForDiscovery', 2, 'Versions the group serves.', { required: true, list: 'atomic' }],
    preferredVersion: ['GroupVersionForDiscovery', 3, 'The version clients should use when they have no preference.'],
    serverAddressByClientCIDRs: ['[]ServerAddressByClientCIDR', 4, 'Per-network addresses of the server, for clients that need them.', { list: 'atomic' }],
  });

  g.kind('APIGroupList', 'Every API group the server offers under /apis.', {
    groups: ['[]APIGroup', 1, 'The groups.', { required: true, list: 'atomic' }],
  });

  g.kind('APIVersions', 'The versions of the legacy core API under /api.', {
    versions: ['[]string', 1, 'Versions available, e.g. v1.', { required: true, list: 'atomic' }],
    serverAddressByClientCIDRs: ['[]ServerAddressByClientCIDR', 2, 'Per-network addresses of the server.', { required: true, list: 'atomic' }],
  });
});
