import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SERVER_FLAGS } from '../cli/flags/server.js';
import { resolveCommandSettings } from '../cli/settings.js';
import type { HostFacts } from './host.js';
import { resolveServerConfig } from './server-config.js';

const root: HostFacts = {
  uid: 0, home: '/root', hostname: 'Node-1', cwd: '/work', addresses: ['192.0.2.2', '2001:db8::2'],
  readFile: (p) => { if (p === '/work/tok') return 'filetoken\n'; throw new Error(`ENOENT: ${p}`); },
};

async function resolve(argv: string[], host: HostFacts = root, env: NodeJS.ProcessEnv = {}) {
  const s = await resolveCommandSettings(SERVER_FLAGS, argv, { env: { K3S_CONFIG_FILE: '/nonexistent/k3ts.yaml', ...env } });
  return resolveServerConfig(s.flags, host);
}

test('resolveServerConfig() applies k3s\'s defaults and freezes the result', async () => {
  const c = await resolve([]);
  assert.equal(c.dataDir, '/var/lib/rancher/k3s');
  assert.deepEqual(c.listener, { bindAddress: '0.0.0.0', httpsPort: 6443, advertiseAddress: undefined, advertisePort: undefined, tlsSans: [] });
  assert.deepEqual(c.kubeconfig, { path: '/etc/rancher/k3s/k3s.yaml', mode: 0o600, group: undefined });
  assert.deepEqual(c.networking, {
    clusterCidrs: ['10.42.0.0/16'], serviceCidrs: ['10.43.0.0/16'], clusterDns: ['10.43.0.10'], clusterDomain: 'cluster.local',
    serviceNodePortRange: { min: 30000, max: 32767 }, flannelBackend: 'vxlan',
  });
  assert.equal(c.node.name, 'node-1');
  assert.deepEqual(c.node.ips, ['192.0.2.2', '2001:db8::2']);
  assert.equal(c.token, undefined);
  assert.equal(Object.isFrozen(c.networking.clusterCidrs), true);
  assert.throws(() => { (c.listener as { httpsPort: number }).httpsPort = 1; }, TypeError);
});

test('resolveServerConfig() uses ~/.rancher/k3s and ~/.kube/k3s.yaml when not root, and makes paths absolute', async () => {
  const c = await resolve(['-o', 'kc.yaml', '--log', 'k.log'], { ...root, uid: 1000, home: '/home/u' });
  assert.equal(c.dataDir, '/home/u/.rancher/k3s');
  assert.equal(c.kubeconfig.path, '/work/kc.yaml');
  assert.equal(c.log.file, '/work/k.log');
  assert.equal((await resolve([], { ...root, uid: 1000, home: '/home/u' })).kubeconfig.path, '/home/u/.kube/k3s.yaml');
});

test('resolveServerConfig() derives cluster DNS from --service-cidr and normalises networks', async () => {
  const c = await resolve(['--service-cidr', '10.96.7.0/12,fd00:43::/112', '--cluster-cidr=10.244.1.1/16', '--service-node-port-range', '30000+100']);
  assert.deepEqual(c.networking.serviceCidrs, ['10.96.0.0/12', 'fd00:43::/112']);
  assert.deepEqual(c.networking.clusterDns, ['10.96.0.10', 'fd00:43::a']);
  assert.deepEqual(c.networking.clusterCidrs, ['10.244.0.0/16']);
  assert.deepEqual(c.networking.serviceNodePortRange, { min: 30000, max: 30099 });
});

test('resolveServerConfig() parses kubeconfig modes, tokens, disables, labels and taints', async () => {
  const c = await resolve(['--write-kubeconfig-mode', '644', '--token-file', 'tok', '--disable', 'traefik,servicelb', '--disable=traefik',
    '--node-label', 'topology.kubernetes.io/zone=a', '--node-taint', 'dedicated=infra:NoSchedule', '--node-taint', 'gpu:NoExecute', '--tls-san', 'K3S.Example.com,10.0.0.1']);
  assert.equal(c.kubeconfig.mode, 0o644);
  assert.equal(c.token?.parsed.password, 'filetoken');
  assert.equal(c.token?.source, 'the file tok');
  assert.deepEqual(c.components.disable, ['traefik', 'servicelb']);
  assert.deepEqual(c.node.labels, [{ key: 'topology.kubernetes.io/zone', value: 'a' }]);
  assert.deepEqual(c.node.taints, [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }, { key: 'gpu', value: '', effect: 'NoExecute' }]);
  assert.deepEqual(c.listener.tlsSans, ['k3s.example.com', '10.0.0.1']);
});

test('resolveServerConfig() rejects bad values, naming the flag and where the value came from', async () => {
  const cases: Array<[string[], NodeJS.ProcessEnv, RegExp]> = [
    [['--cluster-cidr', '10.42.0.0'], {}, /--cluster-cidr: "10.42.0.0" is not a CIDR/],
    [['--cluster-cidr', '10.42.0.0/16,10.52.0.0/16'], {}, /--cluster-cidr: at most one IPv4 CIDR/],
    [['--service-node-port-range', '32767-30000'], {}, /--service-node-port-range: "32767-30000" is not a port range/],
    [['--https-listen-port', '70000'], {}, /--https-listen-port: 70000 is not a port number/],
    [[], { K3S_KUBECONFIG_MODE: 'rw-r--r--' }, /\$K3S_KUBECONFIG_MODE \(for --write-kubeconfig-mode\): "rw-r--r--" is not an octal file mode/],
    [['--disable', 'kube-dns'], {}, /--disable: "kube-dns" is not one of coredns, servicelb, traefik, local-storage, metrics-server, runtimes/],
    [['--flannel-backend', 'ipsec'], {}, /--flannel-backend: "ipsec" was removed from k3s; use wireguard-native/],
    [['--flannel-backend', 'udp'], {}, /--flannel-backend: "udp" is not one of none, vxlan, host-gw, wireguard-native/],
    [['--cluster-domain', 'Bad_Domain'], {}, /--cluster-domain: "Bad_Domain" is not a DNS domain/],
    [['--node-label', 'novalue'], {}, /--node-label: "novalue" is not key=value/],
    [['--node-taint', 'k=v:Sometimes'], {}, /--node-taint: "k=v:Sometimes" is not key=value:Effect/],
    [['--node-ip', '192.0.2.9,192.0.2.10'], {}, /--node-ip: at most one IPv4 address/],
    [['--bind-address', 'localhost'], {}, /--bind-address: "localhost" is not an IPv4 or IPv6 address/],
    [['--tls-san', 'not a name'], {}, /--tls-san: "not a name" is neither an IP address nor a DNS name/],
    [['--token', 'a', '--token-file', 'tok'], {}, /--token: --token-file is also set; give the token one way only/],
    [['--token-file', 'missing'], {}, /--token-file: cannot read missing/],
    [['--token', 'K10abc::server:x'], {}, /--token: token has the K10<ca-hash>:: form but its CA hash is not 64 hex digits/],
    [['--datastore-endpoint', 'mongodb://u:pw@h/db'], {}, /--datastore-endpoint: expected sqlite:\/\/, postgres:\/\/, mysql:\/\/ or http\(s\):\/\/<etcd> endpoints, not mongodb:\/\//],
    [['-v', '-1'], {}, /-v: -1 is not a verbosity level/],
  ];
  for (const [argv, env, want] of cases) await assert.rejects(resolve(argv, root, env), want, argv.join(' '));
});

test('a datastore DSN never appears in error messages', async () => {
  await assert.rejects(resolve(['--datastore-endpoint', 'mongodb://user:hunter2@h/db']), (e: unknown) => !(e as Error).message.includes('hunter2'));
});

test('resolveServerConfig() reads the k3ts --simulate-* flags and names the bad one', async () => {
  const off = await resolve([]);
  assert.deepEqual(off.simulation, { nodes: 0, namePrefix: 'k3ts-sim-', capacity: { cpu: '32', memory: '256Gi', pods: '110', 'ephemeral-storage': '100Gi' }, zones: 0, labels: [], taints: [] });
  const c = await resolve(['--simulate-nodes', '5', '--simulate-node-cpu', '4', '--simulate-node-memory', '8Gi', '--simulate-node-label', 'tier=sim',
    '--simulate-node-taint', 'sim=true:NoSchedule', '--simulate-node-zones', '2', '--simulate-node-prefix', 'fake-', '--simulate-node-resource', 'example.com/gpu=4'], root, { K3TS_SIMULATE_NODES: '9' });
  assert.equal(c.simulation.nodes, 5);
  assert.equal(c.simulation.namePrefix, 'fake-');
  assert.deepEqual(c.simulation.capacity, { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi', 'example.com/gpu': '4' });
  assert.deepEqual(c.simulation.labels, [{ key: 'tier', value: 'sim' }]);
  assert.deepEqual(c.simulation.taints, [{ key: 'sim', value: 'true', effect: 'NoSchedule' }]);
  assert.equal(c.simulation.zones, 2);
  assert.equal((await resolve([], root, { K3TS_SIMULATE_NODES: '7' })).simulation.nodes, 7);
  await assert.rejects(resolve(['--simulate-node-memory', 'lots']), /--simulate-node-memory: "lots" is not a quantity such as 256Gi/);
  await assert.rejects(resolve(['--simulate-nodes', '-1']), /--simulate-nodes: -1 is not a node count/);
  await assert.rejects(resolve(['--simulate-node-resource', 'gpu=1']), /--simulate-node-resource: "gpu=1" is not <domain>\/<name>=<quantity>/);
  await assert.rejects(resolve(['--simulate-node-prefix', 'Bad_']), /--simulate-node-prefix: "Bad_" does not make valid node names/);
});
