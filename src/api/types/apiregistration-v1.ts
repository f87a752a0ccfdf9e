/**
 * @module Types of io.k8s.kube-aggregator.pkg.apis.apiregistration.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';

/** Registers the server of one group-version: the API server itself or an extension service. */
export interface APIService {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apiregistration.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'APIService';
  /** Standard object metadata; the name is <version>.<group>. */
  metadata?: metaV1.ObjectMeta;
  /** Where the group-version is served and how it ranks. */
  spec?: APIServiceSpec;
  /** Whether the service is reachable; read-only. */
  status?: APIServiceStatus;
}

/** One aspect of an APIService's state at a point in time. */
export interface APIServiceCondition {
  /** Which aspect this condition describes; Available is the one used. */
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

/** A page of APIService objects. */
export interface APIServiceList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apiregistration.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'APIServiceList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The API services returned. */
  items: APIService[];
}

/** Where a group-version is served and how it is ordered in discovery. */
export interface APIServiceSpec {
  /** The extension service serving it; the local API server when unset. */
  service?: ServiceReference;
  /** The API group. */
  group?: string;
  /** The API version. */
  version?: string;
  /** Skips verifying the service's certificate; discouraged. */
  insecureSkipTLSVerify?: boolean;
  /** PEM CA bundle to verify the service's certificate. */
  caBundle?: string;
  /** Priority of the group in discovery; higher groups are listed first. */
  groupPriorityMinimum: number;
  /** Order of this version within its group; higher first. */
  versionPriority: number;
}

/** The observed state of an APIService. */
export interface APIServiceStatus {
  /** The latest observations, such as Available. */
  conditions?: APIServiceCondition[];
}

/** The in-cluster service behind an APIService. */
export interface ServiceReference {
  /** Namespace of the service. */
  namespace?: string;
  /** Name of the service. */
  name?: string;
  /** Service port to call; 443 when unset. */
  port?: number;
}
