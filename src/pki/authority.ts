/**
 * @module Certificate authorities: create a self-signed CA (10 years, as k3s), load one from
 * PEM files (a custom CA may be a chain; the first certificate signs), and issue leaf
 * certificates whose PEM carries the leaf followed by the CA chain, as k3s writes them.
 */
import { X509Certificate, type KeyObject } from 'node:crypto';
import { PkiError } from '../base/errors.js';
import { loadPrivateKey, pemBlocks, privateKeyPem, publicKeyOf, toPem } from './keys.js';
import { buildCertificate, keyIdentifier, parseCertificate, type ExtKeyUsage, type ParsedCertificate } from './x509.js';

const DAY_MS = 86_400_000;

/** A CA able to sign: its bundle as on disk, its first certificate parsed, its private key. */
export interface CertificateAuthority {
  /** The PEM bundle exactly as stored (k3s hashes this file for the token). */
  readonly bundlePem: string;
  readonly cert: ParsedCertificate;
  readonly key: KeyObject;
}

/** Creates a self-signed CA named `cn` for `key`, valid for 10 years from `opts.now`. */
export function createCa(cn: string, key: KeyObject, opts: { now: Date }): CertificateAuthority {
  const now = opts.now;
  const pub = publicKeyOf(key);
  const der = buildCertificate({
    subject: { cn }, publicKey: pub, notBefore: now, notAfter: new Date(now.getTime() + 3650 * DAY_MS),
    isCa: true, keyUsage: ['digitalSignature', 'keyEncipherment', 'keyCertSign'],
  }, key);
  const bundlePem = toPem('CERTIFICATE', der);
  return { bundlePem, cert: parseCertificate(der), key };
}

/** Loads a CA from its PEM bundle and key; `opts.what` names the files in errors. */
export function loadCa(bundlePem: string, keyPem: string, opts: { what: string }): CertificateAuthority {
  const what = opts.what;
  const [first] = pemBlocks(bundlePem, 'CERTIFICATE');
  if (!first) throw new PkiError(`${what}: no CERTIFICATE block in the CA file`);
  const key = loadPrivateKey(keyPem, `${what} key`);
  let x: X509Certificate;
  try {
    x = new X509Certificate(first);
  } catch (err) {
    throw new PkiError(`${what}: unreadable CA certificate`, { cause: err });
  }
  if (!x.checkPrivateKey(key)) throw new PkiError(`${what}: the CA key does not match the CA certificate`);
  const cert = parseCertificate(first);
  if (!cert.isCa) throw new PkiError(`${what}: the certificate is not a CA (basicConstraints CA:FALSE)`);
  return { bundlePem, cert, key };
}

/** What a leaf certificate says. */
export interface LeafSpec {
  readonly cn: string;
  readonly o?: readonly string[];
  readonly usages: readonly ExtKeyUsage[];
  readonly dnsNames?: readonly string[];
  readonly ips?: readonly string[];
  /** Validity in days from `now` (k3s: 365). */
  readonly days: number;
}

/** An issued leaf: PEM of the leaf plus the CA chain, and its key. */
export interface IssuedCertificate {
  readonly certPem: string;
  readonly keyPem: string;
  readonly cert: ParsedCertificate;
}

/** Issues a leaf certificate for `key`, signed by `ca`. */
export function issueCertificate(ca: CertificateAuthority, key: KeyObject, opts: LeafSpec & { now: Date }): IssuedCertificate {
  const pub = publicKeyOf(key);
  const der = buildCertificate({
    subject: { cn: opts.cn, o: opts.o ?? [] },
    issuer: { cn: ca.cert.subject.cn ?? '', o: ca.cert.subject.o },
    publicKey: pub,
    // Back-dated to the CA's start as k3s (dynamiclistener) does, which tolerates clock skew between nodes.
    notBefore: ca.cert.notBefore,
    notAfter: new Date(opts.now.getTime() + opts.days * DAY_MS),
    isCa: false,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extKeyUsage: opts.usages,
    dnsNames: opts.dnsNames ?? [],
    ips: opts.ips ?? [],
    authorityKeyId: ca.cert.subjectKeyId ?? keyIdentifier(publicKeyOf(ca.key)),
  }, ca.key);
  return { certPem: toPem('CERTIFICATE', der) + ca.bundlePem, keyPem: privateKeyPem(key), cert: parseCertificate(der) };
}
