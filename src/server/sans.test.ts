import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SERVER_FLAGS } from '../cli/flags/server.js';
import { resolveCommandSettings } from '../cli/settings.js';
import { resolveServerConfig } from '../config/server-config.js';
import type { HostFacts } from '../config/host.js';
import { servingSans } from './sans.js';

const host: HostFacts = { uid: 0, home: '/root', hostname: 'VM', cwd: '/', addresses: ['192.0.2.2'], readFile: () => '' };

async function config(argv: string[]) {
  return resolveServerConfig((await resolveCommandSettings(SERVER_FLAGS, argv, { env: { K3S_CONFIG_FILE: '/nonexistent/k3ts.yaml' } })).flags, host);
}

test('servingSans() lists k3s\'s names: kubernetes service names, loopback, service IP, host and node', async () => {
  const sans = servingSans(await config([]), 'VM');
  assert.deepEqual(sans.dnsNames, ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', 'localhost', 'vm']);
  assert.deepEqual(sans.ips, ['127.0.0.1', '::1', '10.43.0.1', '192.0.2.2']);
});

test('servingSans() adds the node name, node and external IPs, advertise and bind addresses, and every --tls-san', async () => {
  const c = await config(['--cluster-domain', 'corp.local', '--service-cidr', '10.96.0.0/12,fd00::/108', '--node-name', 'n1', '--node-ip', '10.0.0.5',
    '--node-external-ip', '203.0.113.5', '--advertise-address', '10.0.0.6', '--bind-address', '10.0.0.7', '--tls-san', 'api.example.com,10.0.0.8']);
  const sans = servingSans(c, 'vm');
  assert.deepEqual(sans.dnsNames, ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.corp.local', 'localhost', 'vm', 'n1', 'api.example.com']);
  assert.deepEqual(sans.ips, ['127.0.0.1', '::1', '10.96.0.1', 'fd00::1', '10.0.0.5', '203.0.113.5', '10.0.0.6', '10.0.0.7', '10.0.0.8']);
});
