/**
 * @module Test certificates made with the openssl binary: a CA, a server certificate for
 * 127.0.0.1/localhost and a client certificate (CN, O), for mTLS tests of the HTTPS transport.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCerts {
  readonly dir: string;
  readonly ca: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
}

/** True when the openssl binary can be run. */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Creates a CA, a server and a client certificate in a temp folder. */
export function makeTestCerts(client: { cn: string; o: string } = { cn: 'system:admin', o: 'system:masters' }): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-certs-'));
  const p = (n: string): string => join(dir, n);
  const ossl = (...args: string[]): void => { execFileSync('openssl', args, { stdio: 'ignore' }); };
  ossl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', p('ca.key'), '-out', p('ca.crt'), '-days', '2', '-subj', '/CN=test-ca');
  const leaf = (name: string, subj: string, ext: string): void => {
    writeFileSync(p(`${name}.ext`), ext);
    ossl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', p(`${name}.key`), '-out', p(`${name}.csr`), '-subj', subj);
    ossl('x509', '-req', '-in', p(`${name}.csr`), '-CA', p('ca.crt'), '-CAkey', p('ca.key'), '-CAcreateserial', '-out', p(`${name}.crt`), '-days', '2', '-extfile', p(`${name}.ext`));
  };
  leaf('server', '/CN=k3ts-test-server', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  leaf('client', `/O=${client.o}/CN=${client.cn}`, 'extendedKeyUsage=clientAuth\n');
  const r = (n: string): string => readFileSync(p(n), 'utf8');
  return { dir, ca: r('ca.crt'), serverCert: r('server.crt'), serverKey: r('server.key'), clientCert: r('client.crt'), clientKey: r('client.key') };
}
