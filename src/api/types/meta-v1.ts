/**
 * @module Types of io.k8s.apimachinery.pkg.apis.meta.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as runtime from './runtime.js';

/** A point in time, serialized as an RFC 3339 string with second precision. */
export type Time = string;

/** A point in time, serialized as an RFC 3339 string with microsecond precision. */
export type MicroTime = string;

/** A length of time, serialized as a Go duration string such as 1m30s. */
export type Duration = string;

/** The set of fields a manager owns, kept as a JSON trie of field, key and value paths. */
export type FieldsV1 = { [key: string]: unknown };

/** The body of a PATCH request; its shape depends on the patch content type. */
export interface Patch {
}

/** Metadata every persisted object carries: identity, labels, ownership and bookkeeping. */
export interface ObjectMeta {
  /** Unique name of the object within its namespace (or the cluster, for cluster-scoped kinds). */
  name?: string;
  /** Prefix the server uses to invent a unique name when name is left empty. */
  generateName?: string;
  /** Namespace the object lives in; empty for cluster-scoped kinds. */
  namespace?: string;
  /** Deprecated link to this object; no longer filled in by the server. */
  selfLink?: string;
  /** Server-assigned identifier, unique across the whole life of the cluster. */
  uid?: string;
  /** Opaque version string that changes on every write; used for concurrency checks and watches. */
  resourceVersion?: string;
  /** Counter the server increments whenever the desired state (usually spec) changes. */
  generation?: number;
  /** When the server first stored the object. */
  creationTimestamp?: Time;
  /** When graceful deletion was requested; set by the server, read-only for clients. */
  deletionTimestamp?: Time;
  /** Seconds the object is given to terminate gracefully once deletion started. */
  deletionGracePeriodSeconds?: number;
  /** Key-value pairs used to organise and select objects. */
  labels?: { [key: string]: string };
  /** Arbitrary non-identifying key-value data kept alongside the object. */
  annotations?: { [key: string]: string };
  /** Objects this one depends on; it is garbage collected when they are all gone. */
  ownerReferences?: OwnerReference[];
  /** Names of pending clean-up steps that must finish before the object is removed. */
  finalizers?: string[];
  /** Which field manager owns which fields, for server-side apply. */
  managedFields?: ManagedFieldsEntry[];
}

/** Metadata of a list response: its version and how to fetch the next chunk. */
export interface ListMeta {
  /** Deprecated link to this list; no longer filled in by the server. */
  selfLink?: string;
  /** Version of the storage state the list reflects; a watch may start from it. */
  resourceVersion?: string;
  /** Token for fetching the next chunk of a paginated list; empty on the last chunk. */
  continue?: string;
  /** Estimate of how many items remain after this chunk, when the server knows. */
  remainingItemCount?: number;
}

/** Points at an object that owns this one, within the same namespace. */
export interface OwnerReference {
  /** API version of the owner. */
  apiVersion: string;
  /** Kind of the owner. */
  kind: string;
  /** Name of the owner. */
  name: string;
  /** UID of the owner. */
  uid: string;
  /** True when the owner is the managing controller; at most one owner may say so. */
  controller?: boolean;
  /** When true, foreground deletion of the owner waits for this object to go first. */
  blockOwnerDeletion?: boolean;
}

/** One field manager's ownership record for a set of fields. */
export interface ManagedFieldsEntry {
  /** Name of the workflow that manages the fields. */
  manager?: string;
  /** The kind of write that produced this entry: Apply or Update. */
  operation?: string;
  /** API version the field set is expressed in. */
  apiVersion?: string;
  /** When the entry was last changed. */
  time?: Time;
  /** Format of the field set; only FieldsV1 exists. */
  fieldsType?: string;
  /** The owned fields, in the FieldsV1 format. */
  fieldsV1?: FieldsV1;
  /** Subresource the write went through, or empty for the main resource. */
  subresource?: string;
}

/** Selects objects by exact label values and by set-based expressions; all terms must match. */
export interface LabelSelector {
  /** Labels that must be present with exactly these values. */
  matchLabels?: { [key: string]: string };
  /** Set-based requirements that must all hold. */
  matchExpressions?: LabelSelectorRequirement[];
}

/** One set-based label test: a key, an operator and values. */
export interface LabelSelectorRequirement {
  /** The label key tested. */
  key: string;
  /** How the key relates to the values: In, NotIn, Exists or DoesNotExist. */
  operator: string;
  /** Values for In and NotIn; must be empty for Exists and DoesNotExist. */
  values?: string[];
}

/** One field selector test: a field path, an operator and values. */
export interface FieldSelectorRequirement {
  /** The field path tested. */
  key: string;
  /** How the field relates to the values: In, NotIn, Exists or DoesNotExist. */
  operator: string;
  /** Values for In and NotIn; must be empty for Exists and DoesNotExist. */
  values?: string[];
}

/** One aspect of an object's current state, in the common condition shape. */
export interface Condition {
  /** The aspect this condition reports, in CamelCase. */
  type: string;
  /** Whether the condition holds: True, False or Unknown. */
  status: 'True' | 'False' | 'Unknown';
  /** The object generation the condition was computed from. */
  observedGeneration?: number;
  /** When the status last changed. */
  lastTransitionTime: Time;
  /** Machine-readable CamelCase reason for the last transition. */
  reason: string;
  /** Human-readable details about the last transition. */
  message: string;
}

/** The result of an operation that returns no object, most often an error. */
export interface Status {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Status';
  /** Standard list metadata. */
  metadata?: ListMeta;
  /** Success or Failure. */
  status?: string;
  /** Human-readable explanation of the outcome. */
  message?: string;
  /** Machine-readable CamelCase reason; empty when nothing more is known. */
  reason?: string;
  /** Extra data that depends on the reason. */
  details?: StatusDetails;
  /** The HTTP status code of the response, when set. */
  code?: number;
}

/** Extra information about a failed operation, keyed by the object it concerned. */
export interface StatusDetails {
  /** Name of the object involved, when there was one. */
  name?: string;
  /** API group of the object involved. */
  group?: string;
  /** Kind of the object involved. */
  kind?: string;
  /** UID of the object involved, when known. */
  uid?: string;
  /** The individual problems behind the failure, e.g. one per invalid field. */
  causes?: StatusCause[];
  /** How long the client should wait before retrying, when it should. */
  retryAfterSeconds?: number;
}

/** One specific problem behind a failure. */
export interface StatusCause {
  /** Machine-readable kind of problem. */
  reason?: string;
  /** Human-readable description of the problem. */
  message?: string;
  /** Path of the offending field, e.g. spec.containers[0].name, when one is to blame. */
  field?: string;
}

/** Options a client may pass when deleting an object. */
export interface DeleteOptions {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: string;
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: string;
  /** Seconds to allow for graceful termination; 0 deletes at once. */
  gracePeriodSeconds?: number;
  /** Conditions the object must meet for the delete to go ahead. */
  preconditions?: Preconditions;
  /** Deprecated switch for orphaning dependents; use propagationPolicy. */
  orphanDependents?: boolean;
  /** How dependents are garbage collected: Orphan, Background or Foreground. */
  propagationPolicy?: string;
  /** When it holds All, the delete is checked but not persisted. */
  dryRun?: string[];
  /** Lets an object whose stored bytes cannot be decoded be removed anyway; dangerous. */
  ignoreStoreReadErrorWithClusterBreakingPotential?: boolean;
}

/** Facts that must still be true of an object for an operation to proceed. */
export interface Preconditions {
  /** The UID the object must have. */
  uid?: string;
  /** The resource version the object must be at. */
  resourceVersion?: string;
}

/** One event on a watch stream: what happened and the object it happened to. */
export interface WatchEvent {
  /** ADDED, MODIFIED, DELETED, BOOKMARK or ERROR. */
  type: string;
  /** The object after the change (or a Status, for ERROR). */
  object: runtime.RawExtension;
}

/** Discovery information about one resource of a group-version. */
export interface APIResource {
  /** Plural resource name, possibly with a subresource suffix (pods/status). */
  name: string;
  /** Singular name, used by kubectl in messages and as an alias. */
  singularName: string;
  /** Whether the resource lives in namespaces. */
  namespaced: boolean;
  /** Group of the resource's kind when it differs from the containing group. */
  group?: string;
  /** Version of the resource's kind when it differs from the containing version. */
  version?: string;
  /** Kind of the objects served. */
  kind: string;
  /** Verbs the resource supports: get, list, watch, create, update, patch, delete, deletecollection. */
  verbs: string[];
  /** Abbreviations kubectl accepts for the resource. */
  shortNames?: string[];
  /** Groupings the resource belongs to, such as all. */
  categories?: string[];
  /** Opaque hash of the version objects are stored in; changes when that version does. */
  storageVersionHash?: string;
}

/** The resources one group-version serves. */
export interface APIResourceList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'APIResourceList';
  /** The group-version described. */
  groupVersion: string;
  /** The resources served. */
  resources: APIResource[];
}

/** A group-version name as listed by discovery. */
export interface GroupVersionForDiscovery {
  /** Group and version joined as group/version. */
  groupVersion: string;
  /** The version alone. */
  version: string;
}

/** Which server address clients from a network range should use. */
export interface ServerAddressByClientCIDR {
  /** The client network range this entry applies to. */
  clientCIDR: string;
  /** Address (host or host:port) those clients should connect to. */
  serverAddress: string;
}

/** Discovery information about one API group and its versions. */
export interface APIGroup {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'APIGroup';
  /** Name of the group. */
  name: string;
  /** Versions the group serves. */
  versions: GroupVersionForDiscovery[];
  /** The version clients should use when they have no preference. */
  preferredVersion?: GroupVersionForDiscovery;
  /** Per-network addresses of the server, for clients that need them. */
  serverAddressByClientCIDRs?: ServerAddressByClientCIDR[];
}

/** Every API group the server offers under /apis. */
export interface APIGroupList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'APIGroupList';
  /** The groups. */
  groups: APIGroup[];
}

/** The versions of the legacy core API under /api. */
export interface APIVersions {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'APIVersions';
  /** Versions available, e.g. v1. */
  versions: string[];
  /** Per-network addresses of the server. */
  serverAddressByClientCIDRs: ServerAddressByClientCIDR[];
}
