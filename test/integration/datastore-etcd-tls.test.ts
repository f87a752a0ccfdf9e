/**
 * @module --datastore-cafile/-certfile/-keyfile against a real etcd that requires TLS and client
 * certificates (made with openssl for the test): the right files connect; a missing client
 * certificate or an unknown CA is a clear start-up error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatastoreUnavailableError } from '../../src/datastore/backend.js';
import { openBackend } from '../../src/datastore/open.js';
import { etcdUnavailable, startEtcd } from '../../src/datastore/testing/etcd-server.js';
import { dec, enc } from '../../src/datastore/testing/tap.js';

function haveOpenssl(): boolean {
  try { execFileSync('openssl', ['version']); return true; } catch { return false; }
}

/** A CA, and a certificate it signs for `cn` (with `ext` extensions); files in `dir`. */
function pki(dir: string): void {
  const ssl = (...args: string[]): void => { execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' }); };
  const key = (name: string): void => ssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`);
  for (const ca of ['ca', 'other-ca']) {
    key(ca);
    ssl('req', '-x509', '-new', '-key', `${ca}.key`, '-out', `${ca}.crt`, '-days', '2', '-subj', `/CN=k3ts test ${ca}`);
  }
  const leaf = (name: string, ext: string): void => {
    key(name);
    ssl('req', '-new', '-key', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`);
  };
  leaf('server', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  leaf('client', 'extendedKeyUsage=clientAuth\n');
}

test('the etcd driver connects with --datastore-cafile/-certfile/-keyfile and refuses without them', {
  skip: etcdUnavailable() ?? (haveOpenssl() ? undefined : 'openssl not installed'),
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-etcd-tls-'));
  pki(dir);
  const f = (name: string): string => join(dir, name);
  const etcd = await startEtcd({ tls: { certFile: f('server.crt'), keyFile: f('server.key'), caFile: f('ca.crt') } });
  try {
    assert.match(etcd.endpoint, /^https:/);
    const store = await openBackend(etcd.endpoint, { caFile: f('ca.crt'), certFile: f('client.crt'), keyFile: f('client.key') });
    await store.create('/tls/a', enc('secure'));
    assert.equal(dec((await store.get('/tls/a')).kv!.value), 'secure');
    await store.close();
    await assert.rejects(openBackend(etcd.endpoint, { caFile: f('ca.crt') }), DatastoreUnavailableError);
    await assert.rejects(openBackend(etcd.endpoint, { caFile: f('other-ca.crt'), certFile: f('client.crt'), keyFile: f('client.key') }),
      (e) => e instanceof DatastoreUnavailableError && /cannot connect to datastore https:\/\/127\.0\.0\.1/.test(e.message));
  } finally {
    await etcd.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
