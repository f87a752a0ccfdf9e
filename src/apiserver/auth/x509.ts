/**
 * @module x509 client-certificate authentication as kube-apiserver does it: a TLS client
 * certificate signed by the client CA, currently valid and usable for client auth, names the
 * user in its CN and the groups in its O values.
 */
import { X509Certificate } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { logger } from '../../base/log.js';
import { pemBlocks } from '../../pki/keys.js';
import { parseCertificate } from '../../pki/x509.js';
import type { Authenticator, UserInfo } from './authenticator.js';

const log = logger('auth');

/** Authenticates requests by the client certificate presented in the TLS handshake. */
export class X509Authenticator implements Authenticator {
  private readonly cas: X509Certificate[];
  // The peer certificate is fixed for a connection: verify once per socket, not per request.
  private readonly bySocket = new WeakMap<object, { user: UserInfo | undefined; until: number }>();

  /** `clientCaPem`: the client CA bundle (k3s's client-ca.crt). */
  constructor(clientCaPem: string) {
    this.cas = pemBlocks(clientCaPem, 'CERTIFICATE').map((der) => new X509Certificate(der));
  }

  authenticate(req: IncomingMessage): UserInfo | undefined {
    const socket = req.socket as Partial<TLSSocket>;
    if (typeof socket.getPeerCertificate !== 'function') return undefined;
    const cached = this.bySocket.get(socket);
    if (cached && Date.now() <= cached.until) return cached.user;
    const verdict = this.verify(socket as TLSSocket);
    this.bySocket.set(socket, verdict);
    return verdict.user;
  }

  /** The user, and until when that answer holds (the certificate's expiry). */
  private verify(socket: TLSSocket): { user: UserInfo | undefined; until: number } {
    const none = { user: undefined, until: Number.POSITIVE_INFINITY };
    const raw = socket.getPeerCertificate(false)?.raw;
    if (!raw || raw.length === 0) return none;
    let leaf: X509Certificate;
    let parsed: ReturnType<typeof parseCertificate>;
    try {
      leaf = new X509Certificate(raw);
      parsed = parseCertificate(raw);
    } catch (err) {
      log.v(2, `client certificate unreadable: ${String(err)}`);
      return none;
    }
    const now = Date.now();
    const issuer = this.cas.find((ca) => leaf.checkIssued(ca) && leaf.verify(ca.publicKey));
    if (!issuer) {
      log.v(2, `client certificate ${parsed.subject.cn ?? ''} is not signed by the client CA`);
      return none;
    }
    if (parsed.notBefore.getTime() > now || parsed.notAfter.getTime() < now) {
      log.v(2, `client certificate ${parsed.subject.cn ?? ''} is not valid now`);
      return none;
    }
    // Kubernetes verifies with ExtKeyUsageClientAuth; a certificate without the extension may be used for anything.
    if (parsed.extKeyUsage.length && !parsed.extKeyUsage.includes('clientAuth')) return none;
    if (!parsed.subject.cn) return none;
    return { user: { name: parsed.subject.cn, groups: [...parsed.subject.o] }, until: parsed.notAfter.getTime() };
  }
}
