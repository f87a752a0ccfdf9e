/**
 * @module The server's certificate set under `<data-dir>/server/tls/`, with k3s's file names:
 * three CAs, the service-account key, the API serving certificate and the admin client
 * certificate. Created on first start, reused after; a leaf is re-issued when it is missing,
 * has fewer than 120 days left, lacks a wanted SAN, names another CN/O, or another CA signed it.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { allExist, readTextIfExists, writeFileAtomic } from '../base/atomic-file.js';
import { PkiError } from '../base/errors.js';
import { createCa, issueCertificate, loadCa, type CertificateAuthority, type LeafSpec } from './authority.js';
import { generateEcKey, generateRsaKey, loadPrivateKey, pemBlocks, privateKeyPem, toPem } from './keys.js';
import { parseCertificate, type ParsedCertificate } from './x509.js';

const DAY_MS = 86_400_000;

/** Leaf certificates live this long (k3s: 365 days). */
export const LEAF_DAYS = 365;
/** Leaf certificates with fewer days left are renewed at start (k3s: 120). */
export const RENEW_BEFORE_DAYS = 120;

/** Paths of the files this module manages, by role. */
export function tlsPaths(dataDir: string) {
  const tls = join(dataDir, 'server', 'tls');
  const f = (name: string): string => join(tls, name);
  return {
    dir: tls,
    serverCa: f('server-ca.crt'), serverCaKey: f('server-ca.key'), serverCaNoChain: f('server-ca.nochain.crt'),
    clientCa: f('client-ca.crt'), clientCaKey: f('client-ca.key'), clientCaNoChain: f('client-ca.nochain.crt'),
    requestHeaderCa: f('request-header-ca.crt'), requestHeaderCaKey: f('request-header-ca.key'),
    serviceKey: f('service.key'), serviceCurrentKey: f('service.current.key'),
    servingApiCert: f('serving-kube-apiserver.crt'), servingApiKey: f('serving-kube-apiserver.key'),
    clientAdminCert: f('client-admin.crt'), clientAdminKey: f('client-admin.key'),
  } as const;
}
export type TlsPaths = ReturnType<typeof tlsPaths>;

/** A certificate and key as PEM (the certificate followed by its CA chain). */
export interface CertPair {
  readonly certPem: string;
  readonly keyPem: string;
  readonly cert: ParsedCertificate;
}

/** The loaded certificate set. */
export interface ServerTls {
  readonly paths: TlsPaths;
  readonly serverCa: CertificateAuthority;
  readonly clientCa: CertificateAuthority;
  readonly requestHeaderCa: CertificateAuthority;
  /** The service-account signing key (PEM). */
  readonly serviceKeyPem: string;
  readonly serving: CertPair;
  readonly admin: CertPair;
  /** Base names of files written during this call (for logs and tests). */
  readonly written: readonly string[];
}

/** Options for {@link ensureServerTls}. */
export interface ServerTlsOptions {
  /** DNS names and IPs for the API serving certificate (k3s's SAN list). */
  readonly servingDnsNames: readonly string[];
  readonly servingIps: readonly string[];
  readonly now?: Date;
}

const keyMode = { mode: 0o600, dirMode: 0o700 };
const certMode = { mode: 0o644, dirMode: 0o700 };

/** What to ensure: file paths, the time, and the list that collects written files. */
interface EnsureContext {
  readonly now: Date;
  readonly written: string[];
}

async function ensureCa(cn: string, paths: { cert: string; key: string }, ctx: EnsureContext): Promise<{ ca: CertificateAuthority; created: boolean }> {
  const { cert: certPath, key: keyPath } = paths;
  const { now, written } = ctx;
  const [certPem, keyPem] = await Promise.all([readTextIfExists(certPath), readTextIfExists(keyPath)]);
  if (certPem !== undefined && keyPem !== undefined) return { ca: loadCa(certPem, keyPem, { what: certPath }), created: false };
  if (certPem !== undefined) {
    // Creating a new CA here would silently invalidate every token and certificate issued so far.
    throw new PkiError(`${certPath} exists but its key ${keyPath} is missing; restore the key, or remove both to create a new CA`);
  }
  // A key without a certificate is kept, as k3s does (LoadOrGenerateKeyFile), so a custom key can be supplied.
  const key = keyPem !== undefined ? loadPrivateKey(keyPem, keyPath) : await generateEcKey();
  const ca = createCa(`${cn}@${Math.floor(now.getTime() / 1000)}`, key, { now });
  if (keyPem === undefined) await writeFileAtomic(keyPath, privateKeyPem(key), keyMode);
  await writeFileAtomic(certPath, ca.bundlePem, certMode);
  written.push(certPath);
  return { ca, created: true };
}

/** Why an existing leaf must be re-issued, or undefined when it is still good. */
export function renewalReason(cert: ParsedCertificate, want: LeafSpec, opts: { ca: CertificateAuthority; now: Date }): string | undefined {
  const { ca, now } = opts;
  if (cert.notAfter.getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY_MS) return `it expires ${cert.notAfter.toISOString()}, within ${RENEW_BEFORE_DAYS} days`;
  if (cert.subject.cn !== want.cn) return `its CN is ${cert.subject.cn ?? '(none)'}, want ${want.cn}`;
  const o = [...cert.subject.o].sort().join(','), wantO = [...(want.o ?? [])].sort().join(',');
  if (o !== wantO) return `its O is [${o}], want [${wantO}]`;
  const missingDns = (want.dnsNames ?? []).filter((d) => !cert.dnsNames.includes(d));
  const missingIp = (want.ips ?? []).filter((ip) => !cert.ips.includes(ip));
  if (missingDns.length || missingIp.length) return `it lacks SANs ${[...missingDns, ...missingIp].join(', ')}`;
  if (ca.cert.subjectKeyId && cert.authorityKeyId && !ca.cert.subjectKeyId.equals(cert.authorityKeyId)) return 'another CA signed it';
  return undefined;
}

/**
 * Loads the leaf at `ctx.paths`, or (re-)issues it from `ca` when it is missing, `ctx.forced`
 * (its CA is new), or {@link renewalReason} finds a reason. Written paths go to `ctx.written`.
 */
export async function ensureLeafCertificate(ca: CertificateAuthority, spec: LeafSpec, ctx: EnsureContext & { paths: { cert: string; key: string }; forced: boolean }): Promise<CertPair> {
  const paths = ctx.paths;
  const [certPem, keyPem] = await Promise.all([readTextIfExists(paths.cert), readTextIfExists(paths.key)]);
  if (!ctx.forced && certPem !== undefined && keyPem !== undefined) {
    const [first] = pemBlocks(certPem, 'CERTIFICATE');
    const cert = first ? parseCertificate(first) : undefined;
    if (cert && !renewalReason(cert, spec, { ca, now: ctx.now })) return { certPem, keyPem, cert };
  }
  const issued = issueCertificate(ca, await generateEcKey(), { ...spec, now: ctx.now });
  await writeFileAtomic(paths.key, issued.keyPem, keyMode);
  await writeFileAtomic(paths.cert, issued.certPem, certMode);
  ctx.written.push(paths.cert);
  return issued;
}

async function ensureServiceKey(p: TlsPaths, written: string[]): Promise<string> {
  let pem = await readTextIfExists(p.serviceKey);
  if (pem === undefined) {
    pem = privateKeyPem(await generateRsaKey());
    await writeFileAtomic(p.serviceKey, pem, keyMode);
    written.push(p.serviceKey);
  }
  // service.key may hold old keys after a rotation; the current (first) one signs (k3s: service.current.key).
  const current = privateKeyPem(loadPrivateKey(pem, p.serviceKey));
  if ((await readTextIfExists(p.serviceCurrentKey)) !== current) await writeFileAtomic(p.serviceCurrentKey, current, keyMode);
  return pem;
}

async function writeNoChain(ca: CertificateAuthority, path: string): Promise<void> {
  const [first] = pemBlocks(ca.bundlePem, 'CERTIFICATE');
  const pem = toPem('CERTIFICATE', first ?? Buffer.alloc(0));
  if ((await readTextIfExists(path)) !== pem) await writeFileAtomic(path, pem, certMode);
}

/** Creates or loads every certificate the server needs, renewing leaves as described above. */
export async function ensureServerTls(dataDir: string, opts: ServerTlsOptions): Promise<ServerTls> {
  const now = opts.now ?? new Date();
  const p = tlsPaths(dataDir);
  const written: string[] = [];
  await fsp.mkdir(p.dir, { recursive: true, mode: 0o700 });
  // RSA key generation is the slowest step of a first start; it runs while the EC work proceeds.
  const serviceKey = ensureServiceKey(p, written);
  // Handled below; this only keeps a failure here from surfacing as unhandled if a CA step throws first.
  serviceKey.catch(() => undefined);
  const server = await ensureCa('k3s-server-ca', { cert: p.serverCa, key: p.serverCaKey }, { now, written });
  const client = await ensureCa('k3s-client-ca', { cert: p.clientCa, key: p.clientCaKey }, { now, written });
  const requestHeader = await ensureCa('k3s-request-header-ca', { cert: p.requestHeaderCa, key: p.requestHeaderCaKey }, { now, written });
  await Promise.all([writeNoChain(server.ca, p.serverCaNoChain), writeNoChain(client.ca, p.clientCaNoChain)]);
  const serving = await ensureLeafCertificate(server.ca, {
    cn: 'kube-apiserver', usages: ['serverAuth'], days: LEAF_DAYS,
    dnsNames: opts.servingDnsNames, ips: opts.servingIps,
  }, { paths: { cert: p.servingApiCert, key: p.servingApiKey }, now, forced: server.created, written });
  const admin = await ensureLeafCertificate(client.ca, {
    cn: 'system:admin', o: ['system:masters'], usages: ['clientAuth'], days: LEAF_DAYS,
  }, { paths: { cert: p.clientAdminCert, key: p.clientAdminKey }, now, forced: client.created, written });
  const serviceKeyPem = await serviceKey;
  return { paths: p, serverCa: server.ca, clientCa: client.ca, requestHeaderCa: requestHeader.ca, serviceKeyPem, serving, admin, written };
}

/** True when the server's CA files already exist (a restart rather than a first start). */
export function serverCaExists(dataDir: string): Promise<boolean> {
  const p = tlsPaths(dataDir);
  return allExist(p.serverCa, p.serverCaKey);
}
