import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT_FLAGS } from './flags/agent.js';
import { SERVER_FLAGS } from './flags/server.js';
import { appHelp, commandHelp } from './help.js';
import { COMMANDS } from './app.js';

test('commandHelp() lists every visible flag with its group, default, env var and support mark', () => {
  const text = commandHelp(SERVER_FLAGS, { app: 'k3s', summary: 'Run management server' });
  assert.match(text, /^NAME:\n   k3s server - Run management server\n\nUSAGE:\n   k3s server \[OPTIONS\]\n\nOPTIONS:\n/);
  assert.match(text, /\n   --config FILE, -c FILE +\(config\) Load configuration from FILE \(default: "\/etc\/rancher\/k3s\/config.yaml"\) \[\$K3S_CONFIG_FILE\]\n/);
  assert.match(text, /\n   -v value +\(logging\) Number for the log level verbosity \(default: 0\)\n/);
  assert.match(text, /\n   --https-listen-port value +\(listener\) HTTPS listen port \(default: 6443\)\n/);
  assert.match(text, /\n   --write-kubeconfig value, -o value +\(client\) Write kubeconfig for admin client to this file \[\$K3S_KUBECONFIG_OUTPUT\]\n/);
  assert.match(text, /\n   --cluster-init +\(cluster\) Initialize a new cluster using embedded Etcd \[\$K3S_CLUSTER_INIT\] \[not supported by k3ts yet\]\n/);
  assert.match(text, /valid items: coredns, servicelb, traefik, local-storage, metrics-server, runtimes/);
  for (const f of SERVER_FLAGS.flags) assert.equal(text.includes(`--${f.name} `) || text.includes(`-${f.name} `), !f.hidden, f.name);
});

test('every flag the foundation issue names is in the tables and supported', () => {
  const server = ['config', 'debug', 'v', 'log', 'data-dir', 'bind-address', 'https-listen-port', 'advertise-address', 'tls-san', 'write-kubeconfig',
    'write-kubeconfig-mode', 'token', 'token-file', 'agent-token', 'datastore-endpoint', 'cluster-cidr', 'service-cidr', 'cluster-dns', 'cluster-domain',
    'service-node-port-range', 'disable', 'disable-agent', 'node-name', 'with-node-id', 'node-label', 'node-taint', 'node-ip', 'flannel-backend'];
  for (const n of server) assert.equal(SERVER_FLAGS.lookup(n)?.unsupported, undefined, n);
  for (const n of ['config', 'debug', 'v', 'log', 'data-dir', 'token', 'token-file', 'server', 'node-name', 'with-node-id', 'node-label', 'node-taint', 'node-ip']) {
    assert.equal(AGENT_FLAGS.lookup(n)?.unsupported, undefined, n);
  }
  for (const [n, s] of [['c', 'config'], ['d', 'data-dir'], ['o', 'write-kubeconfig'], ['t', 'token'], ['s', 'server'], ['i', 'node-ip'], ['l', 'log']]) {
    assert.equal(SERVER_FLAGS.lookup(n as string)?.name, s);
  }
});

test('appHelp() lists the commands and the version', () => {
  const text = appHelp('k3ts', COMMANDS);
  for (const c of ['server', 'agent', 'kubectl', 'token', 'etcd-snapshot', 'certificate', 'secrets-encrypt', 'check-config']) assert.match(text, new RegExp(`\\n   ${c} +\\S`));
  assert.match(text, /VERSION:\n   v1\.33\.\d+\+k3ts/);
});
