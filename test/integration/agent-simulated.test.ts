/**
 * `k3ts agent --simulate-nodes` joining a real `k3ts server` as child processes: the nodes turn
 * Ready and run a Deployment's pods (seen with the real kubectl), each node acts as its own
 * `system:node:<name>`, a second agent claiming the same names with another node password is
 * refused with k3s's message, and SIGTERM stops the agent cleanly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../../src/base/async.js';
import { BIN, cleanEnv, kubectl, kubectlPath, startServer, tmpDir } from './harness.js';

const KUBECTL = kubectlPath(33) ?? 'kubectl';

interface Agent {
  readonly proc: ChildProcess;
  logs(): string;
  readonly exited: Promise<number | null>;
}

function startAgent(args: readonly string[], env: NodeJS.ProcessEnv): Agent {
  const proc = spawn(BIN, ['agent', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stderr?.on('data', (c: Buffer) => { out += c.toString(); });
  proc.stdout?.on('data', (c: Buffer) => { out += c.toString(); });
  return { proc, logs: () => out, exited: new Promise((r) => proc.on('exit', (code) => r(code))) };
}

/** A `k3ts server` child process on port 0 in a temp dir, stopped after the test. */
async function startCluster(t: { after(fn: () => unknown): void }) {
  const dir = tmpDir(t);
  const env = cleanEnv(dir);
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  const server = await startServer(['-d', join(dir, 'server'), '--https-listen-port', '0', '--bind-address', '127.0.0.1', '-o', kubeconfig], { env, kubeconfig });
  t.after(() => server.stop());
  return { dir, env, kubeconfig, server };
}

test('k3ts agent --simulate-nodes joins a server and runs its pods; a node name with another password is refused', async (t) => {
  const { dir, env, kubeconfig, server } = await startCluster(t);
  const token = readFileSync(join(dir, 'server', 'server', 'node-token'), 'utf8').trim();
  const k = (...args: string[]) => kubectl(KUBECTL, args, { kubeconfig, home: dir });

  const agent = startAgent(['--server', server.url, '--token', token, '--simulate-nodes', '2', '-d', join(dir, 'agent')], env);
  t.after(() => { if (agent.proc.exitCode === null) agent.proc.kill('SIGKILL'); });
  const ready = await waitFor(() => {
    if (agent.proc.exitCode !== null) throw new Error(`the agent exited early:\n${agent.logs()}`);
    const r = k('get', 'nodes', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.status.conditions[?(@.type=="Ready")].status} {end}');
    return r.stdout.trim() === 'k3ts-sim-0001=True k3ts-sim-0002=True' ? r.stdout : undefined;
  }, { timeoutMs: 60_000, what: '2 Ready nodes' });
  assert.ok(ready);
  // The node password file sits under the agent's data dir (not /etc/rancher/node) and its hash in a Secret.
  assert.match(readFileSync(join(dir, 'agent', 'agent', 'etc', 'rancher', 'node', 'password'), 'utf8'), /^[0-9a-f]{32}\n$/);
  assert.equal(k('-n', 'kube-system', 'get', 'secret', 'k3ts-sim-0001.node-password.k3s', '-o', 'jsonpath={.immutable}').stdout, 'true');

  assert.equal(k('create', 'deployment', 'web', '--image=nginx', '--replicas=4').status, 0);
  await waitFor(() => {
    const r = k('get', 'pods', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.status.phase},{.spec.nodeName} {end}');
    const pods = r.stdout.trim().split(' ').filter(Boolean);
    return pods.length === 4 && pods.every((p) => /^Running,k3ts-sim-000[12]$/.test(p)) ? true : undefined;
  }, { timeoutMs: 60_000, what: '4 Running pods' });
  const holder = k('-n', 'kube-node-lease', 'get', 'lease', 'k3ts-sim-0002', '-o', 'jsonpath={.spec.holderIdentity}');
  assert.equal(holder.stdout, 'k3ts-sim-0002');

  // Same node names, another data dir, so another node password: refused, exit code 1.
  const intruder = startAgent(['--server', server.url, '--token', token, '--simulate-nodes', '2', '-d', join(dir, 'intruder')], env);
  assert.equal(await intruder.exited, 1, intruder.logs());
  assert.match(intruder.logs(), /Node password rejected, duplicate hostname or contents of '.*intruder\/agent\/etc\/rancher\/node\/password' may not match server node-passwd entry, try enabling a unique node name with the --with-node-id flag/);

  // The scaled-down pods are deleted by their node; SIGTERM then stops the agent cleanly.
  assert.equal(k('scale', 'deployment', 'web', '--replicas=1').status, 0);
  await waitFor(() => k('get', 'pods', '-l', 'app=web', '-o', 'name').stdout.trim().split('\n').filter(Boolean).length === 1 ? true : undefined, { timeoutMs: 60_000, what: 'pods deleted' });
  agent.proc.kill('SIGTERM');
  assert.equal(await agent.exited, 0, agent.logs());
  assert.match(agent.logs(), /k3ts agent stopped/);
});

test('k3ts agent refuses a full token whose CA hash does not match the server; its nodes are kubelets to NodeRestriction', async (t) => {
  const { dir, env, kubeconfig, server } = await startCluster(t);
  const agent = startAgent(['--server', server.url, '--token', `K10${'0'.repeat(64)}::node:secret`, '--simulate-nodes', '1', '-d', join(dir, 'agent')], env);
  assert.equal(await agent.exited, 1);
  assert.match(agent.logs(), /token CA hash does not match the Cluster CA certificate hash: 0{64} != [0-9a-f]{64}/);
  const wrong = startAgent(['--server', server.url, '--token', 'wrong-password', '--simulate-nodes', '1', '-d', join(dir, 'agent')], env);
  assert.equal(await wrong.exited, 1);
  assert.match(wrong.logs(), /401/);

  // A kubelet may not give its Node a node-restriction.kubernetes.io/ label; the server's own
  // simulated nodes (system:masters) could, so the refusal shows the agent's nodes act as themselves.
  const token = readFileSync(join(dir, 'server', 'server', 'node-token'), 'utf8').trim();
  const labelled = startAgent(['--server', server.url, '--token', token, '--simulate-nodes', '1', '--simulate-node-prefix', 'nr-',
    '--simulate-node-label', 'node-restriction.kubernetes.io/pool=a', '-d', join(dir, 'labelled')], env);
  t.after(() => { if (labelled.proc.exitCode === null) labelled.proc.kill('SIGKILL'); });
  await waitFor(() => /node "nr-0001" is not allowed to set the following labels: node-restriction\.kubernetes\.io\/pool/.test(labelled.logs()) ? true : undefined,
    { timeoutMs: 30_000, what: 'NodeRestriction to refuse the label' });
  labelled.proc.kill('SIGTERM');
  assert.equal(await labelled.exited, 0, labelled.logs());
});

test('an agent\'s simulated nodes get their pod CIDRs from the server\'s node IPAM, apart from the server\'s own simulated nodes', async (t) => {
  const dir = tmpDir(t);
  const env = cleanEnv(dir);
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  const server = await startServer(['-d', join(dir, 'server'), '--https-listen-port', '0', '--bind-address', '127.0.0.1', '-o', kubeconfig,
    '--simulate-nodes', '2', '--simulate-node-prefix', 'srv-'], { env, kubeconfig });
  t.after(() => server.stop());
  const k = (...args: string[]) => kubectl(KUBECTL, args, { kubeconfig, home: dir });
  const token = readFileSync(join(dir, 'server', 'server', 'node-token'), 'utf8').trim();
  const agent = startAgent(['--server', server.url, '--token', token, '--simulate-nodes', '2', '-d', join(dir, 'agent')], env);
  t.after(() => { if (agent.proc.exitCode === null) agent.proc.kill('SIGKILL'); });
  const cidrs = await waitFor(() => {
    if (agent.proc.exitCode !== null) throw new Error(`the agent exited early:\n${agent.logs()}`);
    const r = k('get', 'nodes', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.status.conditions[?(@.type=="Ready")].status}={.spec.podCIDR} {end}');
    const rows = r.stdout.trim().split(' ').filter(Boolean).map((x) => x.split('='));
    return rows.length === 4 && rows.every((row) => row[1] === 'True' && row[2]) ? rows : undefined;
  }, { timeoutMs: 60_000, what: '4 Ready nodes with pod CIDRs' });
  assert.equal(new Set(cidrs.map((row) => row[2])).size, 4, JSON.stringify(cidrs));
  // The agent's nodes report their address from the assigned range.
  const agentNode = cidrs.find((row) => row[0] === 'k3ts-sim-0001');
  const ip = k('get', 'node', 'k3ts-sim-0001', '-o', 'jsonpath={.status.addresses[?(@.type=="InternalIP")].address}').stdout;
  assert.equal(ip.split('.').slice(0, 3).join('.'), agentNode?.[2]?.split('.').slice(0, 3).join('.'));
});
