import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT_FLAGS } from '../cli/flags/agent.js';
import { resolveCommandSettings } from '../cli/settings.js';
import { resolveAgentConfig } from './agent-config.js';
import type { HostFacts } from './host.js';

const host: HostFacts = { uid: 0, home: '/root', hostname: 'worker', cwd: '/', addresses: ['192.0.2.3'], readFile: () => 'x' };

async function resolve(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const s = await resolveCommandSettings(AGENT_FLAGS, argv, { env: { K3S_CONFIG_FILE: '/nonexistent/k3ts.yaml', ...env } });
  return resolveAgentConfig(s.flags, host);
}

test('resolveAgentConfig() takes the server and token from K3S_URL and K3S_TOKEN', async () => {
  const c = await resolve(['--node-name', 'W1'], { K3S_URL: 'https://server:6443', K3S_TOKEN: 'secret' });
  assert.equal(c.serverUrl, 'https://server:6443');
  assert.equal(c.token.parsed.password, 'secret');
  assert.equal(c.node.name, 'w1');
});

test('resolveAgentConfig() requires --server and a token, as k3s does', async () => {
  await assert.rejects(resolve([]), /--server \(or \$K3S_URL\) is required/);
  await assert.rejects(resolve(['-s', 'https://s:6443']), /--token or --token-file .* is required/);
  await assert.rejects(resolve(['-s', 'http://s:6443', '-t', 'x']), /--server: "http:\/\/s:6443" must be an https:\/\/ URL/);
});

test('resolveAgentConfig() takes the --simulate-* flags as the server does', async () => {
  const c = await resolve(['-s', 'https://s:6443', '-t', 'x', '--simulate-nodes', '3', '--simulate-node-prefix', 'w-', '--simulate-node-cpu', '4', '--simulate-node-taint', 'sim=yes:NoSchedule']);
  assert.equal(c.simulation.nodes, 3);
  assert.equal(c.simulation.namePrefix, 'w-');
  assert.equal(c.simulation.capacity['cpu'], '4');
  assert.deepEqual(c.simulation.taints, [{ key: 'sim', value: 'yes', effect: 'NoSchedule' }]);
  assert.equal((await resolve(['-s', 'https://s:6443', '-t', 'x'])).simulation.nodes, 0);
  await assert.rejects(resolve(['-s', 'https://s:6443', '-t', 'x', '--simulate-nodes', '-2']), /--simulate-nodes: -2 is not a node count/);
});
