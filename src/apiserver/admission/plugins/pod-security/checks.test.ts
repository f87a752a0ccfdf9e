import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPod, formatViolations } from './checks.js';
import { namespacePolicy } from './plugin.js';

const restrictedOk = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [{ name: 'app', image: 'x', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } }],
};

test('checkPod() passes compliant pods at every level', () => {
  assert.deepEqual(checkPod('restricted', 1000, {}, restrictedOk), []);
  assert.deepEqual(checkPod('baseline', 1000, {}, { containers: [{ name: 'a', image: 'x' }] }), []);
  assert.deepEqual(checkPod('privileged', 1000, {}, { hostNetwork: true, containers: [{ name: 'a', securityContext: { privileged: true } }] }), []);
});

test('checkPod() words baseline violations as kube-apiserver does', () => {
  const spec = {
    hostNetwork: true, hostPID: true,
    volumes: [{ name: 'root', hostPath: { path: '/' } }],
    securityContext: { sysctls: [{ name: 'net.core.somaxconn', value: '1' }], seccompProfile: { type: 'Unconfined' } },
    containers: [
      { name: 'a', securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN', 'CHOWN'] }, procMount: 'Unmasked' }, ports: [{ containerPort: 80, hostPort: 8080 }] },
      { name: 'b', securityContext: { privileged: true, seLinuxOptions: { type: 'spc_t' } } },
    ],
  };
  assert.equal(formatViolations(checkPod('baseline', 1000, { annotations: { 'container.apparmor.security.beta.kubernetes.io/a': 'unconfined' } }, spec)), [
    'forbidden AppArmor profile (container.apparmor.security.beta.kubernetes.io/a="unconfined")',
    'non-default capabilities (container "a" must not include "NET_ADMIN" in securityContext.capabilities.add)',
    'host namespaces (hostNetwork=true, hostPID=true)',
    'hostPath volumes (volume "root")',
    'hostPort (container "a" uses hostPort 8080)',
    'privileged (containers "a", "b" must not set securityContext.privileged=true)',
    'procMount (container "a" must not set securityContext.procMount to "Unmasked")',
    'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")',
    'seLinuxOptions (container "b" set forbidden securityContext.seLinuxOptions: type "spc_t")',
    'forbidden sysctls (net.core.somaxconn)',
  ].join(', '));
});

test('checkPod() words restricted violations, and versions matter for sysctls', () => {
  const v = checkPod('restricted', 1000, {}, { volumes: [{ name: 'n', nfs: {} }], containers: [{ name: 'app', image: 'x', securityContext: { runAsUser: 0 } }] });
  assert.equal(formatViolations(v), 'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), '
    + 'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), '
    + 'restricted volume types (volume "n" uses restricted volume type "nfs"), '
    + 'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), '
    + 'runAsUser=0 (container "app" must not set runAsUser=0), '
    + 'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")');
  const sysctl = { securityContext: { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '1' }] }, containers: [{ name: 'a' }] };
  assert.equal(checkPod('baseline', 28, {}, sysctl).length, 1, 'not yet safe in v1.28');
  assert.equal(checkPod('baseline', 29, {}, sysctl).length, 0, 'safe from v1.29');
});

test('namespacePolicy() reads levels and versions, defaults warn to enforce, reports bad values', () => {
  const p = namespacePolicy({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.25' });
  assert.equal(p.enforce?.label, 'baseline:v1.25');
  assert.equal(p.warn?.label, 'baseline:v1.25');
  assert.equal(namespacePolicy({ 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.99' }).enforce?.label, 'restricted:latest');
  const bad = namespacePolicy({ 'pod-security.kubernetes.io/enforce': 'strict', 'pod-security.kubernetes.io/warn-version': '1.2' });
  assert.equal(bad.enforce?.level, 'restricted', 'fails closed');
  assert.deepEqual(bad.errors.map((e) => e.field), ['metadata.labels[pod-security.kubernetes.io/enforce]']);
  assert.equal(namespacePolicy({ 'pod-security.kubernetes.io/warn': 'baseline', 'pod-security.kubernetes.io/warn-version': 'x' }).errors.length, 1);
});
