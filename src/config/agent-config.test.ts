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

test('the agent refuses --simulate-nodes until it can join a server, pointing at k3ts server', async () => {
  await assert.rejects(resolve(['-s', 'https://s:6443', '-t', 'x', '--simulate-nodes', '3']),
    /--simulate-nodes is not supported by k3ts yet: the agent cannot join a server yet; run simulated nodes with k3ts server --simulate-nodes/);
});
