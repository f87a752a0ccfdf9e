/**
 * `--kube-apiserver-arg admission-control-config-file=...` on the real `k3ts server`, as k3s's
 * hardening guide sets it: the PodSecurity plugin's cluster-wide default (restricted) applies to
 * namespaces without labels, a namespace label still wins, exempt namespaces are not checked;
 * `default-not-ready-toleration-seconds` sets the toleration new pods get. Seen with kubectl 1.33.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, kubectl, kubectlPath, startServer, tmpDir } from './harness.js';

const KUBECTL = kubectlPath(33) ?? 'kubectl';

test('a PodSecurity admission configuration sets the cluster default and exemptions; toleration seconds are configurable', async (t) => {
  const dir = tmpDir(t);
  const env = cleanEnv(dir);
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  const psa = join(dir, 'psa.yaml');
  writeFileSync(psa, [
    'apiVersion: apiserver.config.k8s.io/v1', 'kind: AdmissionConfiguration', 'plugins:', '- name: PodSecurity', '  configuration:',
    '    apiVersion: pod-security.admission.config.k8s.io/v1', '    kind: PodSecurityConfiguration',
    '    defaults: {enforce: restricted, enforce-version: latest}', '    exemptions: {namespaces: [open]}', ''].join('\n'));
  const server = await startServer(['-d', join(dir, 'server'), '--https-listen-port', '0', '--bind-address', '127.0.0.1', '-o', kubeconfig,
    '--kube-apiserver-arg', `admission-control-config-file=${psa}`, '--kube-apiserver-arg', 'default-not-ready-toleration-seconds=60'], { env, kubeconfig });
  t.after(() => server.stop());
  const k = (...args: string[]) => kubectl(KUBECTL, args, { kubeconfig, home: dir });

  const refused = k('run', 'plain', '--image=nginx');
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /pods "plain" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false/);
  assert.equal(k('create', 'namespace', 'open').status, 0);
  const exempt = k('-n', 'open', 'run', 'plain', '--image=nginx');
  assert.equal(exempt.status, 0, exempt.stderr);
  assert.equal(k('-n', 'open', 'get', 'pod', 'plain', '-o', 'jsonpath={.spec.tolerations[?(@.key=="node.kubernetes.io/not-ready")].tolerationSeconds}').stdout, '60');
  assert.equal(k('create', 'namespace', 'loose').status, 0);
  assert.equal(k('label', 'namespace', 'loose', 'pod-security.kubernetes.io/enforce=privileged').status, 0);
  const labelled = k('-n', 'loose', 'run', 'plain', '--image=nginx');
  assert.equal(labelled.status, 0, labelled.stderr);
});
