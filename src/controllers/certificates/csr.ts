/**
 * @module Reading a PKCS#10 certificate request (the PEM in a CertificateSigningRequest's
 * `spec.request`): subject CN and O, the public key, DNS and IP SANs from the extension request,
 * with its self-signature verified so a request cannot name a key it does not hold.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { children, decode, readOid, readString, Tag, type Element } from '../../pki/der.js';

export interface ParsedCsr {
  readonly cn: string;
  readonly o: readonly string[];
  readonly publicKey: KeyObject;
  readonly dnsNames: readonly string[];
  readonly ips: readonly string[];
  readonly emails: readonly string[];
  readonly uris: readonly string[];
}

const OID_CN = '2.5.4.3';
const OID_O = '2.5.4.10';
const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const OID_SAN = '2.5.29.17';
const SIGNATURE_HASH: Readonly<Record<string, string | null>> = {
  '1.2.840.10045.4.3.2': 'sha256', '1.2.840.10045.4.3.3': 'sha384', '1.2.840.10045.4.3.4': 'sha512',
  '1.2.840.113549.1.1.11': 'sha256', '1.2.840.113549.1.1.12': 'sha384', '1.2.840.113549.1.1.13': 'sha512',
  '1.3.101.112': null,
};

export class CsrError extends Error {}

function ipText(b: Buffer): string {
  if (b.length === 4) return [...b].join('.');
  const parts: string[] = [];
  for (let i = 0; i < 16; i += 2) parts.push(b.readUInt16BE(i).toString(16));
  return parts.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

function sans(attrs: Element | undefined): { dns: string[]; ips: string[]; emails: string[]; uris: string[] } {
  const out = { dns: [] as string[], ips: [] as string[], emails: [] as string[], uris: [] as string[] };
  for (const attr of attrs ? children(attrs) : []) {
    const [type, values] = children(attr);
    if (!type || !values || readOid(type) !== OID_EXTENSION_REQUEST) continue;
    for (const exts of children(values)) {
      for (const ext of children(exts)) {
        const parts = children(ext);
        const id = parts[0];
        const value = parts[parts.length - 1];
        if (!id || !value || readOid(id) !== OID_SAN) continue;
        for (const name of children(decode(value.value))) {
          const n = name.tag & 0x1f;
          if (n === 2) out.dns.push(name.value.toString('ascii'));
          else if (n === 7) out.ips.push(ipText(name.value));
          else if (n === 1) out.emails.push(name.value.toString('ascii'));
          else if (n === 6) out.uris.push(name.value.toString('ascii'));
        }
      }
    }
  }
  return out;
}

/** Parses and verifies a PEM (or DER) certificate request; throws CsrError when it is not one. */
export function parseCsr(input: string | Buffer): ParsedCsr {
  let derBytes: Buffer;
  if (typeof input === 'string' || input.subarray(0, 11).toString() === '-----BEGIN ') {
    const m = /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([\s\S]*?)-----END (?:NEW )?CERTIFICATE REQUEST-----/.exec(input.toString());
    if (!m) throw new CsrError('PEM block type must be CERTIFICATE REQUEST');
    derBytes = Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64');
  } else {
    derBytes = input;
  }
  try {
    const [info, alg, sig] = children(decode(derBytes));
    if (!info || !alg || !sig || sig.tag !== Tag.BitString) throw new CsrError('not a certificate request');
    const [, subject, spki, attrs] = children(info);
    if (!subject || !spki) throw new CsrError('not a certificate request');
    let cn = '';
    const o: string[] = [];
    for (const rdn of children(subject)) {
      for (const atv of children(rdn)) {
        const [type, value] = children(atv);
        if (!type || !value) continue;
        const id = readOid(type);
        if (id === OID_CN) cn = readString(value);
        else if (id === OID_O) o.push(readString(value));
      }
    }
    const publicKey = createPublicKey({ key: spki.raw, format: 'der', type: 'spki' });
    const algOid = children(alg)[0];
    const hash = algOid ? SIGNATURE_HASH[readOid(algOid)] : undefined;
    if (hash === undefined) throw new CsrError('unsupported signature algorithm');
    if (!verify(hash, info.raw, publicKey, sig.value.subarray(1))) throw new CsrError('signature verification failed');
    const s = sans(attrs);
    return { cn, o, publicKey, dnsNames: s.dns, ips: s.ips, emails: s.emails, uris: s.uris };
  } catch (err) {
    if (err instanceof CsrError) throw err;
    throw new CsrError(`malformed certificate request: ${err instanceof Error ? err.message : String(err)}`);
  }
}
