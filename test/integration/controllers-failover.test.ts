/**
 * The controller manager across servers: two `k3ts server` processes on one PostgreSQL, one
 * holds the kube-controller-manager lease and runs the controllers; when it is killed the other
 * takes the lease over (about 15 s) and the controllers keep working. And
 * --disable-controller-manager runs none.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { waitFor } from '../../src/base/async.js';
import { runKubectl } from '../../src/apiserver/testing/kubectl.js';
import { pgScratch, pgUnavailable } from '../../src/datastore/testing/sql-services.js';
import { startTestServer } from '../../src/server/testing/fixture.js';
import { cleanEnv, startServer, tmpDir, type K3tsServer } from './harness.js';
import { newestKubectl } from './sim-cluster.js';

const bin = newestKubectl();
const pgSkip = await pgUnavailable();

test('two servers on one PostgreSQL: one runs the controllers, the other takes over when it dies', { skip: !bin ? 'kubectl is not installed' : pgSkip ?? false }, async (t) => {
  const db = await pgScratch();
  t.after(() => db.drop());
  const dir = tmpDir(t);
  const servers: K3tsServer[] = [];
  t.after(async () => { for (const s of servers) await s.stop('SIGKILL'); });
  const start = async (name: string): Promise<K3tsServer> => {
    const kubeconfig = join(dir, `${name}.yaml`);
    const s = await startServer(['-d', join(dir, name), '--https-listen-port', '0', '--bind-address', '127.0.0.1', '-o', kubeconfig,
      '--datastore-endpoint', db.endpoint, '--token', 'shared-secret'], { env: cleanEnv(dir), kubeconfig });
    servers.push(s);
    return s;
  };
  const a = await start('a');
  await waitFor(() => (a.logs().includes('successfully acquired lease kube-system/kube-controller-manager') ? true : undefined), { what: 'a leads', timeoutMs: 30_000 });
  const b = await start('b');
  await waitFor(() => (b.logs().includes('the controller manager runs on') ? true : undefined), { what: 'b sees the leader', timeoutMs: 30_000 });
  const kb = (args: readonly string[]) => runKubectl(bin as string, { kubeconfig: b.kubeconfig, dir }, args);
  const replicaSetFor = async (name: string): Promise<void> => {
    assert.equal((await kb(['create', 'deployment', name, '--image=nginx'])).code, 0);
    await waitFor(async () => ((await kb(['get', 'rs', '-l', `app=${name}`, '-o', 'name'])).stdout.trim() ? true : undefined), { what: `a ReplicaSet for ${name}`, timeoutMs: 30_000 });
  };
  await replicaSetFor('first');
  assert.equal(b.logs().includes('successfully acquired lease kube-system/kube-controller-manager'), false);
  const lease = async (): Promise<string> => (await kb(['get', 'lease', '-n', 'kube-system', 'kube-controller-manager', '-o', 'jsonpath={.spec.holderIdentity} {.spec.leaseTransitions}'])).stdout;
  const before = await lease();
  // The leader dies without releasing its lease: b takes over once the lease expires (15 s).
  await a.stop('SIGKILL');
  await waitFor(() => (b.logs().includes('successfully acquired lease kube-system/kube-controller-manager') ? true : undefined), { what: 'b leads', timeoutMs: 40_000 });
  const after = await lease();
  assert.notEqual(after.split(' ')[0], before.split(' ')[0]);
  assert.equal(Number(after.split(' ')[1]), Number(before.split(' ')[1]) + 1);
  await replicaSetFor('second');
});

test('--disable-controller-manager: the server runs no controllers and takes no lease', { skip: bin ? false : 'kubectl is not installed' }, async (t) => {
  const srv = await startTestServer(t, { args: ['--disable-controller-manager'] });
  const k = (args: readonly string[]) => runKubectl(bin as string, { kubeconfig: srv.kubeconfig, dir: srv.dataDir }, args);
  assert.equal((await k(['create', 'deployment', 'idle', '--image=nginx'])).code, 0);
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await k(['get', 'rs', '-o', 'name'])).stdout, '');
  assert.match((await k(['get', 'lease', '-n', 'kube-system', 'kube-controller-manager'])).stderr, /NotFound|not found/);
});
