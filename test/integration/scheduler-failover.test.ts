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

function kubectlFor(dir: string, kubeconfig: string) {
  return (args: readonly string[]) => runKubectl(bin as string, { kubeconfig, dir }, args);
}

test('two servers on one PostgreSQL: one schedules, the other takes the kube-scheduler lease when it dies', { skip: !bin ? 'kubectl is not installed' : pgSkip ?? false }, async (t) => {
  const db = await pgScratch();
  t.after(() => db.drop());
  const dir = tmpDir(t);
  const servers: K3tsServer[] = [];
  t.after(async () => { for (const s of servers) await s.stop('SIGKILL'); });
  const start = async (name: string): Promise<K3tsServer> => {
    const kubeconfig = join(dir, `${name}.yaml`);
    const s = await startServer(['-d', join(dir, name), '--https-listen-port', '0', '--bind-address', '127.0.0.1', '-o', kubeconfig,
      '--datastore-endpoint', db.endpoint, '--simulate-nodes', '1', '--simulate-node-prefix', `${name}-`, '--token', 'shared-secret'], { env: cleanEnv(dir), kubeconfig });
    servers.push(s);
    return s;
  };
  const a = await start('a');
  await waitFor(() => (a.logs().includes('successfully acquired lease kube-system/kube-scheduler') ? true : undefined), { what: 'a leads', timeoutMs: 30_000 });
  const b = await start('b');
  await waitFor(() => (b.logs().includes('the scheduler runs on') ? true : undefined), { what: 'b sees the leader', timeoutMs: 30_000 });
  const kb = kubectlFor(dir, b.kubeconfig);
  const holder = async (): Promise<{ holder: string; transitions: string }> => {
    const r = await kb(['get', 'lease', '-n', 'kube-system', 'kube-scheduler', '-o', 'jsonpath={.spec.holderIdentity} {.spec.leaseTransitions}']);
    const [h = '', tr = ''] = r.stdout.split(' ');
    return { holder: h, transitions: tr };
  };
  const before = await holder();
  assert.notEqual(before.holder, '');
  assert.equal(b.logs().includes('successfully acquired lease kube-system/kube-scheduler'), false);

  const run = async (name: string, node: string): Promise<void> => {
    const r = await kb(['run', name, '--image=nginx', `--overrides={"spec":{"nodeSelector":{"kubernetes.io/hostname":"${node}"}}}`]);
    assert.equal(r.code, 0, r.stderr);
    await waitFor(async () => ((await kb(['get', 'pod', name, '-o', 'jsonpath={.status.phase}'])).stdout === 'Running' ? true : undefined), { what: `${name} Running`, timeoutMs: 60_000 });
  };
  await waitFor(async () => ((await kb(['get', 'nodes', '--no-headers'])).stdout.match(/ Ready /g)?.length === 2 ? true : undefined), { what: 'both nodes', timeoutMs: 30_000 });
  await run('first', 'b-0001');

  // The leader dies without releasing its lease: b takes over once the lease expires (15 s).
  await a.stop('SIGKILL');
  await waitFor(() => (b.logs().includes('successfully acquired lease kube-system/kube-scheduler') ? true : undefined), { what: 'b leads', timeoutMs: 40_000 });
  const after = await holder();
  assert.notEqual(after.holder, before.holder);
  assert.equal(Number(after.transitions), Number(before.transitions) + 1);
  await run('second', 'b-0001');
});

test('--disable-scheduler: the server runs no scheduler and takes no lease', { skip: bin ? false : 'kubectl is not installed' }, async (t) => {
  const srv = await startTestServer(t, { args: ['--disable-scheduler', '--simulate-nodes', '1'] });
  const k = (args: readonly string[]) => runKubectl(bin as string, { kubeconfig: srv.kubeconfig, dir: srv.dataDir }, args);
  await waitFor(async () => ((await k(['get', 'nodes', '--no-headers'])).stdout.includes(' Ready ') ? true : undefined), { what: 'node', timeoutMs: 30_000 });
  assert.equal((await k(['run', 'idle', '--image=nginx'])).code, 0);
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await k(['get', 'pod', 'idle', '-o', 'jsonpath={.spec.nodeName}{.status.phase}'])).stdout, 'Pending');
  assert.match((await k(['get', 'lease', '-n', 'kube-system', 'kube-scheduler'])).stderr, /NotFound|not found/);
});
