/**
 * @module X.509 v3 certificates on node:crypto: build and sign a certificate from a small
 * spec (subject CN/O, validity, CA flag, key usages, SANs, key identifiers), and parse the
 * fields k3ts checks (subject, validity, SANs, key identifiers) back out of DER.
 */
import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import { formatIp, parseIp } from '../base/cidr.js';
import { PkiError } from '../base/errors.js';
import * as der from './der.js';
import { spkiDer } from './keys.js';

const OID = {
  cn: '2.5.4.3', o: '2.5.4.10',
  ecdsaSha256: '1.2.840.10045.4.3.2', rsaSha256: '1.2.840.113549.1.1.11',
  subjectKeyId: '2.5.29.14', keyUsage: '2.5.29.15', subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19', authorityKeyId: '2.5.29.35', extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

/** A subject or issuer: common name and organizations (Kubernetes reads user = CN, groups = O). */
export interface DistinguishedName {
  readonly cn: string;
  readonly o?: readonly string[];
}

export type KeyUsage = 'digitalSignature' | 'keyEncipherment' | 'keyCertSign';
export type ExtKeyUsage = 'serverAuth' | 'clientAuth';
const keyUsageBit: Record<KeyUsage, number> = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5 };

/** What to put in a certificate. */
export interface CertificateSpec {
  readonly subject: DistinguishedName;
  /** Defaults to the subject (self-signed). */
  readonly issuer?: DistinguishedName;
  readonly publicKey: KeyObject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly isCa: boolean;
  readonly keyUsage: readonly KeyUsage[];
  readonly extKeyUsage?: readonly ExtKeyUsage[];
  readonly dnsNames?: readonly string[];
  readonly ips?: readonly string[];
  /** The issuer's subject key identifier (omitted for self-signed). */
  readonly authorityKeyId?: Uint8Array;
}

function encodeName(n: DistinguishedName): Buffer {
  const atv = (type: string, value: string): Buffer => der.set(der.seq(der.oid(type), der.utf8String(value)));
  // O before CN, one value per RDN: the order Go's crypto/x509 writes and openssl prints.
  return der.seq(...(n.o ?? []).map((o) => atv(OID.o, o)), atv(OID.cn, n.cn));
}

function extension(id: string, value: Buffer, opts: { critical: boolean }): Buffer {
  return der.seq(der.oid(id), ...(opts.critical ? [der.boolean(true)] : []), der.octetString(value));
}

/** SHA-1 of the subjectPublicKey bits: the key identifier method of RFC 5280 4.2.1.2 (1). */
export function keyIdentifier(key: KeyObject): Buffer {
  const [, bits] = der.children(der.decode(spkiDer(key)));
  if (!bits || bits.tag !== der.Tag.BitString) throw new PkiError('public key: malformed SubjectPublicKeyInfo');
  return createHash('sha1').update(bits.value.subarray(1)).digest();
}

function signatureAlgorithm(key: KeyObject): { id: string; params: Buffer[] } {
  if (key.asymmetricKeyType === 'ec') return { id: OID.ecdsaSha256, params: [] };
  if (key.asymmetricKeyType === 'rsa') return { id: OID.rsaSha256, params: [der.nullValue()] };
  throw new PkiError(`cannot sign certificates with a ${key.asymmetricKeyType ?? 'unknown'} key`);
}

/** Builds the certificate and signs it with `signer` (the issuer's private key). Returns DER. */
export function buildCertificate(spec: CertificateSpec, signer: KeyObject): Buffer {
  const alg = signatureAlgorithm(signer);
  const algId = der.seq(der.oid(alg.id), ...alg.params);
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const exts: Buffer[] = [
    extension(OID.keyUsage, der.namedBits(spec.keyUsage.map((u) => keyUsageBit[u])), { critical: true }),
  ];
  if (spec.extKeyUsage?.length) exts.push(extension(OID.extKeyUsage, der.seq(...spec.extKeyUsage.map((u) => der.oid(OID[u]))), { critical: false }));
  exts.push(extension(OID.basicConstraints, spec.isCa ? der.seq(der.boolean(true)) : der.seq(), { critical: true }));
  exts.push(extension(OID.subjectKeyId, der.octetString(keyIdentifier(spec.publicKey)), { critical: false }));
  if (spec.authorityKeyId) exts.push(extension(OID.authorityKeyId, der.seq(der.contextTag(0, spec.authorityKeyId, { constructed: false })), { critical: false }));
  const names: Buffer[] = [];
  for (const d of spec.dnsNames ?? []) names.push(der.contextTag(2, Buffer.from(d, 'ascii'), { constructed: false }));
  for (const text of spec.ips ?? []) {
    const ip = parseIp(text);
    if (!ip) throw new PkiError(`certificate SAN "${text}" is not an IP address`);
    names.push(der.contextTag(7, ip.bytes, { constructed: false }));
  }
  if (names.length) exts.push(extension(OID.subjectAltName, der.seq(...names), { critical: false }));
  const tbs = der.seq(
    der.contextTag(0, der.integer(2), { constructed: true }),
    der.integer(serial),
    algId,
    encodeName(spec.issuer ?? spec.subject),
    der.seq(der.time(spec.notBefore), der.time(spec.notAfter)),
    encodeName(spec.subject),
    spkiDer(spec.publicKey),
    der.contextTag(3, der.seq(...exts), { constructed: true }),
  );
  const signature = sign('sha256', tbs, signer);
  return der.seq(tbs, algId, der.bitString(signature));
}

/** The fields of a certificate k3ts reads. */
export interface ParsedCertificate {
  readonly der: Buffer;
  readonly serialHex: string;
  readonly subject: { readonly cn: string | undefined; readonly o: readonly string[] };
  readonly issuer: { readonly cn: string | undefined; readonly o: readonly string[] };
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly isCa: boolean;
  readonly dnsNames: readonly string[];
  readonly ips: readonly string[];
  readonly extKeyUsage: readonly string[];
  readonly subjectKeyId: Buffer | undefined;
  readonly authorityKeyId: Buffer | undefined;
}

function parseName(el: der.Element): { cn: string | undefined; o: string[] } {
  let cn: string | undefined;
  const o: string[] = [];
  for (const rdn of der.children(el)) {
    for (const atv of der.children(rdn)) {
      const [type, value] = der.children(atv);
      if (!type || !value) continue;
      const id = der.readOid(type);
      if (id === OID.cn) cn = der.readString(value);
      else if (id === OID.o) o.push(der.readString(value));
    }
  }
  return { cn, o };
}

/** Parses a DER certificate. Throws PkiError on malformed input. */
export function parseCertificate(input: Buffer): ParsedCertificate {
  const [tbs] = der.children(der.decode(input));
  if (!tbs) throw new PkiError('certificate: missing TBSCertificate');
  const f = der.children(tbs);
  const off = f[0]?.tag === 0xa0 ? 1 : 0;
  const [serial, , issuer, validity, subject] = f.slice(off, off + 5);
  if (!serial || !issuer || !validity || !subject) throw new PkiError('certificate: truncated TBSCertificate');
  const [nb, na] = der.children(validity);
  if (!nb || !na) throw new PkiError('certificate: malformed validity');
  const out = {
    der: input, serialHex: serial.value.toString('hex'), subject: parseName(subject), issuer: parseName(issuer),
    notBefore: der.readTime(nb), notAfter: der.readTime(na), isCa: false,
    dnsNames: [] as string[], ips: [] as string[], extKeyUsage: [] as string[],
    subjectKeyId: undefined as Buffer | undefined, authorityKeyId: undefined as Buffer | undefined,
  };
  const extsWrap = f.find((e) => e.tag === 0xa3);
  for (const ext of extsWrap ? der.children(der.children(extsWrap)[0] ?? extsWrap) : []) {
    const parts = der.children(ext);
    const id = der.readOid(parts[0] as der.Element);
    const body = parts[parts.length - 1];
    if (!body || body.tag !== der.Tag.OctetString) continue;
    const inner = der.decode(body.value);
    if (id === OID.basicConstraints) out.isCa = der.children(inner)[0]?.tag === der.Tag.Boolean && der.children(inner)[0]?.value[0] !== 0;
    else if (id === OID.subjectKeyId) out.subjectKeyId = inner.value;
    else if (id === OID.authorityKeyId) out.authorityKeyId = der.children(inner).find((c) => c.tag === 0x80)?.value;
    else if (id === OID.extKeyUsage) out.extKeyUsage = der.children(inner).map(der.readOid).map((o) => (o === OID.serverAuth ? 'serverAuth' : o === OID.clientAuth ? 'clientAuth' : o));
    else if (id === OID.subjectAltName) {
      for (const n of der.children(inner)) {
        if (n.tag === 0x82) out.dnsNames.push(n.value.toString('ascii'));
        else if (n.tag === 0x87 && (n.value.length === 4 || n.value.length === 16)) out.ips.push(formatIp({ family: n.value.length === 4 ? 4 : 6, bytes: n.value }));
      }
    }
  }
  return out;
}
