/**
 * @module What each built-in signer accepts and how it signs (csrsigning): the kubelet client
 * and kubelet serving signers check the request looks like a node's, the kube-apiserver-client
 * signer takes any client certificate; client signers use the client CA, serving ones the
 * server CA (as k3s configures kube-controller-manager).
 */
import { buildCertificate, type ExtKeyUsage } from '../../pki/x509.js';
import { toPem } from '../../pki/keys.js';
import type { CertificateAuthority } from '../../pki/authority.js';
import type { ParsedCsr } from './csr.js';

export const KUBELET_CLIENT = 'kubernetes.io/kube-apiserver-client-kubelet';
export const KUBELET_SERVING = 'kubernetes.io/kubelet-serving';
export const APISERVER_CLIENT = 'kubernetes.io/kube-apiserver-client';
export const LEGACY_UNKNOWN = 'kubernetes.io/legacy-unknown';

export interface SigningCas {
  readonly client: CertificateAuthority;
  readonly server: CertificateAuthority;
}

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  [KUBELET_CLIENT]: ['digital signature', 'key encipherment', 'client auth'],
  [KUBELET_SERVING]: ['digital signature', 'key encipherment', 'server auth'],
  [APISERVER_CLIENT]: ['digital signature', 'key encipherment', 'client auth'],
};

/** Why the request may not be signed by `signer`, or undefined when it may. */
export function validate(signer: string, csr: ParsedCsr, usages: readonly string[]): string | undefined {
  const allowed = ALLOWED[signer];
  if (allowed && usages.some((u) => !allowed.includes(u))) return `invalid usage for ${signer}: ${usages.filter((u) => !allowed.includes(u)).join(', ')}`;
  if (signer === KUBELET_CLIENT || signer === KUBELET_SERVING) {
    if (csr.o.length !== 1 || csr.o[0] !== 'system:nodes') return 'subject organization is not system:nodes';
    if (!csr.cn.startsWith('system:node:')) return 'subject common name does not begin with system:node:';
    if (signer === KUBELET_CLIENT && (csr.dnsNames.length || csr.ips.length || csr.emails.length || csr.uris.length)) return 'kubelet client certificates carry no subject alternative names';
    if (signer === KUBELET_SERVING && (csr.emails.length || csr.uris.length)) return 'kubelet serving certificates carry only DNS and IP names';
    if (signer === KUBELET_SERVING && csr.dnsNames.length + csr.ips.length === 0) return 'kubelet serving certificates need a DNS or IP name';
  }
  return undefined;
}

/** The CA a signer uses, or undefined for signers this controller does not handle. */
export function caFor(signer: string, cas: SigningCas): CertificateAuthority | undefined {
  if (signer === KUBELET_CLIENT || signer === APISERVER_CLIENT) return cas.client;
  if (signer === KUBELET_SERVING || signer === LEGACY_UNKNOWN) return cas.server;
  return undefined;
}

/** Signs the request; the certificate lasts `seconds` (back-dated by 5 minutes for clock skew). */
export function sign(ca: CertificateAuthority, csr: ParsedCsr, usages: readonly string[], opts: { now: Date; seconds: number }): string {
  const ext: ExtKeyUsage[] = [];
  if (usages.includes('client auth')) ext.push('clientAuth');
  if (usages.includes('server auth')) ext.push('serverAuth');
  const der = buildCertificate({
    subject: { cn: csr.cn, o: [...csr.o] }, issuer: { cn: ca.cert.subject.cn ?? '', o: ca.cert.subject.o },
    publicKey: csr.publicKey, notBefore: new Date(opts.now.getTime() - 5 * 60_000), notAfter: new Date(opts.now.getTime() + opts.seconds * 1000),
    isCa: false, keyUsage: usages.includes('key encipherment') ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature'],
    extKeyUsage: ext, dnsNames: [...csr.dnsNames], ips: [...csr.ips],
    ...(ca.cert.subjectKeyId ? { authorityKeyId: ca.cert.subjectKeyId } : {}),
  }, ca.key);
  return toPem('CERTIFICATE', der);
}
