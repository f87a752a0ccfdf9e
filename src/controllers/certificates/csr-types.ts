/** @module certificates.k8s.io/v1 CertificateSigningRequest as the certificate controllers use it. */
import type { Condition } from '../../client/kinds/core.js';
import type { KubeObject } from '../../client/types.js';

export interface CertificateSigningRequest extends KubeObject {
  spec: {
    request: string;
    signerName: string;
    usages?: string[];
    expirationSeconds?: number;
    username?: string;
    uid?: string;
    groups?: string[];
    extra?: Record<string, string[]>;
  };
  status?: { conditions?: Condition[]; certificate?: string };
}

export const conditionOf = (csr: CertificateSigningRequest, type: string): Condition | undefined =>
  csr.status?.conditions?.find((c) => c.type === type && c.status === 'True');

export const isApproved = (csr: CertificateSigningRequest): boolean => !!conditionOf(csr, 'Approved') && !conditionOf(csr, 'Denied');
export const isFinished = (csr: CertificateSigningRequest): boolean => !!(conditionOf(csr, 'Denied') || conditionOf(csr, 'Failed') || csr.status?.certificate);
