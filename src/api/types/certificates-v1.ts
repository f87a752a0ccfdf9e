/**
 * @module Types of io.k8s.api.certificates.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';

/** Asks a named signer for an X.509 certificate; approved or denied, then signed. */
export interface CertificateSigningRequest {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'certificates.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'CertificateSigningRequest';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The request and who made it; immutable. */
  spec: CertificateSigningRequestSpec;
  /** Approval conditions and the issued certificate. */
  status?: CertificateSigningRequestStatus;
}

/** An approval decision or signing outcome of a CSR. */
export interface CertificateSigningRequestCondition {
  /** Approved, Denied or Failed (other values are allowed). */
  type: string;
  /** Whether the condition holds: True, False or Unknown. */
  status: string;
  /** One-word CamelCase cause of the condition. */
  reason?: string;
  /** Human-readable details. */
  message?: string;
  /** When the condition was last refreshed. */
  lastUpdateTime?: metaV1.Time;
  /** When the status last flipped. */
  lastTransitionTime?: metaV1.Time;
}

/** A page of CertificateSigningRequest objects. */
export interface CertificateSigningRequestList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'certificates.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'CertificateSigningRequestList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The requests returned. */
  items: CertificateSigningRequest[];
}

/** What certificate is asked for, from which signer, and by whom. */
export interface CertificateSigningRequestSpec {
  /** The PEM-encoded PKCS#10 certificate request. */
  request: string;
  /** The signer asked to sign, e.g. kubernetes.io/kube-apiserver-client. */
  signerName: string;
  /** Wanted certificate lifetime in seconds; the signer may shorten it. */
  expirationSeconds?: number;
  /** Key usages and extended key usages wanted in the certificate. */
  usages?: string[];
  /** The requesting user, filled in by the server. */
  username?: string;
  /** UID of the requesting user, filled in by the server. */
  uid?: string;
  /** Groups of the requesting user, filled in by the server. */
  groups?: string[];
  /** Extra attributes of the requesting user, filled in by the server. */
  extra?: { [key: string]: string[] };
}

/** The approval state of a CSR and the certificate once issued. */
export interface CertificateSigningRequestStatus {
  /** Approval decisions and signing failures. */
  conditions?: CertificateSigningRequestCondition[];
  /** The issued certificate chain, PEM-encoded, set by the signer after approval. */
  certificate?: string;
}
