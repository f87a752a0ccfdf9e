import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../src/base/testing/paths.js';
import { waitFor } from '../../src/base/async.js';
import { startTestServer } from '../../src/apiserver/testing/test-server.js';
import { clientFromKubeconfig } from '../../src/client/client.js';
import { resources } from '../../src/client/resources.js';
import type { Lease } from '../../src/client/kinds/coordination.js';

// Two candidates in two processes against one real API server (HTTPS, kubeconfig).
const CHILD = join(repoRoot(), 'dist/src/client/testing/elector-child.js');

interface Candidate {
  readonly proc: ChildProcess;
  out(): string;
  readonly exited: Promise<void>;
}

function candidate(kubeconfig: string, identity: string, timing: readonly string[] = []): Candidate {
  const proc = spawn(process.execPath, [CHILD, kubeconfig, identity, ...timing], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => { out += c.toString(); });
  const exited = new Promise<void>((r) => proc.on('exit', () => r()));
  return { proc, out: () => out, exited };
}

test('LeaderElector: one of two candidates leads; when it is killed the other takes over within the lease duration', async (t) => {
  const srv = await startTestServer();
  t.after(() => srv.close());
  const a = candidate(srv.kubeconfig, 'cand-a');
  const b = candidate(srv.kubeconfig, 'cand-b');
  t.after(() => { a.proc.kill('SIGKILL'); b.proc.kill('SIGKILL'); });
  const first = await waitFor(() => (a.out().includes('leading') ? a : b.out().includes('leading') ? b : undefined), { timeoutMs: 30_000, what: 'a leader' });
  const second = first === a ? b : a;
  assert.equal(second.out().includes('leading'), false, 'only one candidate leads');
  const leases = clientFromKubeconfig(srv.kubeconfig).resource<Lease>(resources.leases);
  const before = await leases.get('test-election', { namespace: 'kube-system' });
  assert.equal(before.spec?.leaseDurationSeconds, 15);
  assert.equal(before.spec?.holderIdentity, first === a ? 'cand-a' : 'cand-b');
  first.proc.kill('SIGKILL');
  await first.exited;
  // Takeover needs the default 15 s lease to run out as the survivor observes it, plus one retry period.
  await waitFor(() => (second.out().includes('leading') ? true : undefined), { timeoutMs: 40_000, intervalMs: 200, what: 'the survivor to take over' });
  const after = await leases.get('test-election', { namespace: 'kube-system' });
  assert.equal(after.spec?.holderIdentity, first === a ? 'cand-b' : 'cand-a');
  assert.equal(after.spec?.leaseTransitions, (before.spec?.leaseTransitions ?? 0) + 1);
});

test('LeaderElector: a leader that stops cleanly releases the lease and the other candidate takes over at once', async (t) => {
  const srv = await startTestServer();
  t.after(() => srv.close());
  // A long lease: the takeover can only be quick because the lease was released.
  const timing = ['60000', '10000', '500'];
  const a = candidate(srv.kubeconfig, 'cand-a', timing);
  await waitFor(() => (a.out().includes('leading') ? true : undefined), { timeoutMs: 30_000, what: 'a to lead' });
  const b = candidate(srv.kubeconfig, 'cand-b', timing);
  t.after(() => { a.proc.kill('SIGKILL'); b.proc.kill('SIGKILL'); });
  a.proc.kill('SIGTERM');
  await a.exited;
  assert.match(a.out(), /stopped cand-a/);
  const leases = clientFromKubeconfig(srv.kubeconfig).resource<Lease>(resources.leases);
  await waitFor(() => (b.out().includes('leading') ? true : undefined), { timeoutMs: 20_000, what: 'b to take over the released lease' });
  assert.equal((await leases.get('test-election', { namespace: 'kube-system' })).spec?.holderIdentity, 'cand-b');
});
