import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SERVER_FLAGS } from '../cli/flags/server.js';
import { resolveCommandSettings } from '../cli/settings.js';
import type { HostFacts } from './host.js';
import { resolveServerConfig } from './server-config.js';

function hostWith(files: Record<string, string>): HostFacts {
  return {
    uid: 0, home: '/root', hostname: 'n1', cwd: '/work', addresses: ['192.0.2.2'],
    readFile: (p) => { const f = files[p]; if (f === undefined) throw new Error(`ENOENT: no such file, open '${p}'`); return f; },
  };
}

async function args(items: string[], files: Record<string, string> = {}) {
  const s = await resolveCommandSettings(SERVER_FLAGS, items.flatMap((i) => ['--kube-apiserver-arg', i]), { env: { K3S_CONFIG_FILE: '/nonexistent/k3ts.yaml' } });
  return resolveServerConfig(s.flags, hostWith(files)).apiServerArgs;
}

const PSA = `apiVersion: apiserver.config.k8s.io/v1
kind: AdmissionConfiguration
plugins:
- name: PodSecurity
  configuration:
    apiVersion: pod-security.admission.config.k8s.io/v1
    kind: PodSecurityConfiguration
    defaults: {enforce: restricted, enforce-version: latest, warn: baseline}
    exemptions: {namespaces: [kube-system], usernames: [admin], runtimeClasses: []}
`;

test('resolveApiServerArgs() reads a PodSecurity admission configuration, inline or by path, and the toleration defaults', async () => {
  const a = await args(['admission-control-config-file=/etc/psa.yaml', 'default-not-ready-toleration-seconds=60', '--default-unreachable-toleration-seconds=30'], { '/etc/psa.yaml': PSA });
  assert.equal(a.admissionControlConfigFile, '/etc/psa.yaml');
  assert.deepEqual(a.podSecurity, {
    enforce: { level: 'restricted', version: 'latest' }, audit: { level: 'privileged', version: 'latest' }, warn: { level: 'baseline', version: 'latest' },
    exemptions: { usernames: ['admin'], namespaces: ['kube-system'], runtimeClasses: [] },
  });
  assert.deepEqual([a.notReadyTolerationSeconds, a.unreachableTolerationSeconds], [60, 30]);
  const byPath = await args(['admission-control-config-file=/etc/k/admission.yaml'], {
    '/etc/k/admission.yaml': 'apiVersion: apiserver.config.k8s.io/v1\nkind: AdmissionConfiguration\nplugins: [{name: PodSecurity, path: psa.yaml}]\n',
    '/etc/k/psa.yaml': 'apiVersion: pod-security.admission.config.k8s.io/v1beta1\nkind: PodSecurityConfiguration\ndefaults: {enforce: baseline}\n',
  });
  assert.equal(byPath.podSecurity?.enforce.level, 'baseline');
  assert.deepEqual(await args([]), { admissionControlConfigFile: undefined, podSecurity: undefined, notReadyTolerationSeconds: undefined, unreachableTolerationSeconds: undefined, audit: undefined });
});

test('resolveApiServerArgs() refuses unknown keys, other plugins and bad configurations, naming the file and field', async () => {
  await assert.rejects(args(['enable-admission-plugins=EventRateLimit']), /--kube-apiserver-arg: "enable-admission-plugins=EventRateLimit": k3ts's API server does not take --enable-admission-plugins; it takes admission-control-config-file, audit-log-format, .*default-unreachable-toleration-seconds$/);
  await assert.rejects(args(['audit-log-format=legacy']), /audit-log-format: "legacy": k3ts writes the json format only/);
  await assert.rejects(args(['admission-control-config-file=/missing.yaml']), /admission-control-config-file: cannot read \/missing.yaml: ENOENT/);
  await assert.rejects(args(['admission-control-config-file=/a.yaml'], { '/a.yaml': PSA.replace('PodSecurity\n', 'EventRateLimit\n') }),
    /\/a.yaml: plugins\[0\]: k3ts reads only the PodSecurity plugin's configuration, not "EventRateLimit"'s/);
  await assert.rejects(args(['admission-control-config-file=/a.yaml'], { '/a.yaml': PSA.replace('enforce: restricted', 'enforce: strict') }),
    /\/a.yaml: plugins\[0\].configuration.defaults.enforce: "strict" must be one of privileged, baseline, restricted/);
  await assert.rejects(args(['admission-control-config-file=/a.yaml'], { '/a.yaml': 'kind: Nope\n' }), /expected kind AdmissionConfiguration/);
  await assert.rejects(args(['default-not-ready-toleration-seconds=-5']), /default-not-ready-toleration-seconds: -5: may not be negative/);
});
