/**
 * @module Types of io.k8s.api.authentication.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';

/** An object a requested token is tied to; the token stops working when it is deleted. */
export interface BoundObjectReference {
  /** Kind of the object: Pod, Secret or Node. */
  kind?: string;
  /** Group and version of the bound object. */
  apiVersion?: string;
  /** Name of the object. */
  name?: string;
  /** UID of the object. */
  uid?: string;
}

/** Asks the server who the caller is; the answer is in status. */
export interface SelfSubjectReview {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'authentication.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'SelfSubjectReview';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The authenticated identity, filled in by the server. */
  status?: SelfSubjectReviewStatus;
}

/** The identity the server resolved for the caller. */
export interface SelfSubjectReviewStatus {
  /** The caller's user attributes. */
  userInfo?: UserInfo;
}

/** Asks for a service account token with chosen audiences and lifetime. */
export interface TokenRequest {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'authentication.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'TokenRequest';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** What the token should say. */
  spec: TokenRequestSpec;
  /** The issued token. */
  status?: TokenRequestStatus;
}

/** The audiences, lifetime and binding of a requested token. */
export interface TokenRequestSpec {
  /** Audiences the token is valid for; the API server's own when empty. */
  audiences: string[];
  /** Wanted lifetime in seconds; the server may shorten or lengthen it. */
  expirationSeconds?: number;
  /** Object whose deletion invalidates the token. */
  boundObjectRef?: BoundObjectReference;
}

/** The token the server issued. */
export interface TokenRequestStatus {
  /** The bearer token. */
  token: string;
  /** When the token expires. */
  expirationTimestamp: metaV1.Time;
}

/** Asks the server to authenticate a token; the answer is in status. */
export interface TokenReview {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'authentication.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'TokenReview';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The token to check. */
  spec: TokenReviewSpec;
  /** Whether the token is valid and whose it is, filled in by the server. */
  status?: TokenReviewStatus;
}

/** A token to authenticate and the audiences it must match. */
export interface TokenReviewSpec {
  /** The opaque bearer token. */
  token?: string;
  /** Audiences the caller accepts; the API server's own when empty. */
  audiences?: string[];
}

/** The verdict on a reviewed token. */
export interface TokenReviewStatus {
  /** True when the token is valid. */
  authenticated?: boolean;
  /** The user the token belongs to. */
  user?: UserInfo;
  /** The requested audiences the token is valid for. */
  audiences?: string[];
  /** Why the token could not be checked. */
  error?: string;
}

/** The attributes of an authenticated user. */
export interface UserInfo {
  /** The user name. */
  username?: string;
  /** A stable identifier of the user, more unique than the name. */
  uid?: string;
  /** Groups the user belongs to. */
  groups?: string[];
  /** Further attributes supplied by the authenticator. */
  extra?: { [key: string]: string[] };
}
