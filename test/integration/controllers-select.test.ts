/**
 * `--kube-controller-manager-arg controllers=...` on the real `k3ts server`: kube-controller-
 * manager's selection rules (`*`, `-name`, canonical and short names), a warning for controllers
 * k3ts does not have, and the selection seen with the real kubectl.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { waitFor } from '../../src/base/async.js';
import { cleanEnv, kubectl, kubectlPath, startServer, tmpDir } from './harness.js';

const KUBECTL = kubectlPath(33) ?? 'kubectl';

test('controllers=*,-deployment-controller,bootstrapsigner runs every controller but the Deployment one and warns about the signer', async (t) => {
  const dir = tmpDir(t);
  const env = cleanEnv(dir);
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  const server = await startServer(['-d', join(dir, 'server'), '--https-listen-port', '0', '--bind-address', '127.0.0.1', '-o', kubeconfig,
    '--simulate-nodes', '1', '--kube-controller-manager-arg', 'controllers=*,-deployment-controller,bootstrapsigner'], { env, kubeconfig });
  t.after(() => server.stop());
  const k = (...args: string[]) => kubectl(KUBECTL, args, { kubeconfig, home: dir });
  const started = await waitFor(() => /started \d+ controllers: (.*)/.exec(server.logs())?.[1], { timeoutMs: 60_000, what: 'the controllers to start' });
  const names = started.split(', ');
  assert.ok(!names.includes('deployment-controller') && names.includes('replicaset-controller') && names.includes('job-controller'), started);
  assert.match(server.logs(), /controllers: k3ts has no bootstrapsigner controller; ignoring it/);
  // The Job controller runs: a Job completes. The Deployment controller does not: no ReplicaSet.
  assert.equal(k('create', 'deployment', 'web', '--image=nginx').status, 0);
  assert.equal(k('create', 'job', 'once', '--image=busybox', '--', 'true').status, 0);
  assert.equal(k('wait', '--for=condition=complete', 'job/once', '--timeout=60s').status, 0);
  assert.equal(k('get', 'replicasets', '-o', 'name').stdout.trim(), '');
});
