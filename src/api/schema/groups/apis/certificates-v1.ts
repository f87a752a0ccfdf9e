/** @module certificates.k8s.io/v1: CertificateSigningRequests, approved and then signed in-cluster. */
import { defineGroup } from '../../dsl.js';

const KEY_USAGES = [
  'any', 'cert sign', 'client auth', 'code signing', 'content commitment', 'crl sign', 'data encipherment',
  'decipher only', 'digital signature', 'email protection', 'encipher only', 'ipsec end system', 'ipsec tunnel',
  'ipsec user', 'key agreement', 'key encipherment', 'microsoft sgc', 'netscape sgc', 'ocsp signing', 's/mime',
  'server auth', 'signing', 'timestamping',
];

export const certificatesV1 = defineGroup({ prefix: 'io.k8s.api.certificates.v1', group: 'certificates.k8s.io', version: 'v1' }, (g) => {
  g.kind('CertificateSigningRequest', 'Asks a named signer for an X.509 certificate; approved or denied, then signed.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['CertificateSigningRequestSpec', 2, 'The request and who made it; immutable.', { required: true }],
    status: ['CertificateSigningRequestStatus', 3, 'Approval conditions and the issued certificate.'],
  });
  g.struct('CertificateSigningRequestCondition', 'An approval decision or signing outcome of a CSR.', {
    type: ['string', 1, 'Approved, Denied or Failed (other values are allowed).', { required: true }],
    status: ['string', 6, 'Whether the condition holds: True, False or Unknown.', { required: true }],
    reason: ['string', 2, 'One-word CamelCase cause of the condition.'],
    message: ['string', 3, 'Human-readable details.'],
    lastUpdateTime: ['Time', 4, 'When the condition was last refreshed.'],
    lastTransitionTime: ['Time', 5, 'When the status last flipped.'],
  });
  g.kind('CertificateSigningRequestList', 'A page of CertificateSigningRequest objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]CertificateSigningRequest', 2, 'The requests returned.', { required: true }],
  });
  g.struct('CertificateSigningRequestSpec', 'What certificate is asked for, from which signer, and by whom.', {
    request: ['bytes', 1, 'The PEM-encoded PKCS#10 certificate request.', { required: true, list: 'atomic' }],
    signerName: ['string', 7, 'The signer asked to sign, e.g. kubernetes.io/kube-apiserver-client.', { required: true }],
    expirationSeconds: ['int32', 8, 'Wanted certificate lifetime in seconds; the signer may shorten it.', { ptr: true }],
    usages: ['[]string', 5, 'Key usages and extended key usages wanted in the certificate.', { list: 'atomic', enum: KEY_USAGES }],
    username: ['string', 2, 'The requesting user, filled in by the server.'],
    uid: ['string', 3, 'UID of the requesting user, filled in by the server.'],
    groups: ['[]string', 4, 'Groups of the requesting user, filled in by the server.', { list: 'atomic' }],
    extra: ['map[string][]string', 6, 'Extra attributes of the requesting user, filled in by the server.'],
  });
  g.struct('CertificateSigningRequestStatus', 'The approval state of a CSR and the certificate once issued.', {
    conditions: ['[]CertificateSigningRequestCondition', 1, 'Approval decisions and signing failures.', { list: 'map', keys: ['type'] }],
    certificate: ['bytes', 2, 'The issued certificate chain, PEM-encoded, set by the signer after approval.', { list: 'atomic' }],
  });

  g.resource('certificatesigningrequests', {
    kind: 'CertificateSigningRequest', namespaced: false, shortNames: ['csr'],
    sub: { approval: ['get', 'patch', 'update'], status: ['get', 'patch', 'update'] },
  });
});
