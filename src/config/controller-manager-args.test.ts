import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_FLAGS } from '../cli/flags/server.js';
import { resolveCommandSettings } from '../cli/settings.js';
import type { HostFacts } from './host.js';
import { resolveServerConfig } from './server-config.js';

const host: HostFacts = { uid: 0, home: '/root', hostname: 'n1', cwd: '/work', addresses: ['192.0.2.2'], readFile: () => { throw new Error('no files'); } };

async function cm(argv: string[], configFile = '/nonexistent/k3ts.yaml') {
  const s = await resolveCommandSettings(SERVER_FLAGS, argv, { env: { K3S_CONFIG_FILE: configFile } });
  return resolveServerConfig(s.flags, host).controllerManager;
}

const arg = (...items: string[]): string[] => items.flatMap((i) => ['--kube-controller-manager-arg', i]);

test('resolveControllerManagerArgs() leaves every setting to the controllers when no flag is given', async () => {
  assert.deepEqual(await cm([]), {
    nodeMonitorGracePeriodMs: undefined, nodeMonitorPeriodMs: undefined, terminatedPodGcThreshold: undefined, nodeCidrMaskSize: undefined,
    workers: {}, leaseDurationMs: undefined, renewDeadlineMs: undefined, retryPeriodMs: undefined, controllers: undefined,
    nodeStartupGracePeriodMs: undefined, evictionRate: undefined, secondaryEvictionRate: undefined, unhealthyZoneThreshold: undefined,
    largeClusterSizeThreshold: undefined,
  });
});

test('resolveControllerManagerArgs() reads controllers= with canonical and short names, and refuses unknown ones', async () => {
  assert.deepEqual((await cm(arg('controllers=*,-podgc,cronjob-controller, -node-ipam-controller,tokencleaner'))).controllers,
    ['*', '-podgc', 'cronjob', '-nodeipam', 'tokencleaner']);
  await assert.rejects(cm(arg('controllers=*,-deployments')),
    (e: unknown) => e instanceof Error && e.message === '--kube-controller-manager-arg: controllers: "deployments" is not in the list of known controllers');
});

test('resolveControllerManagerArgs() reads Go durations and integers, k3s\'s item forms, and lets the last repeat win', async () => {
  const c = await cm([
    '--kube-controller-manager-arg=node-monitor-grace-period=20s', ...arg('--node-monitor-period=1m30.5s', 'terminated-pod-gc-threshold=5'),
    ...arg('concurrent-deployment-syncs=3', 'concurrent_rc_syncs=2', 'concurrent-gc-syncs+=7', 'node-cidr-mask-size=26', 'terminated-pod-gc-threshold=-1'),
    ...arg('leader-elect-lease-duration=30s', 'leader-elect-renew-deadline=20s', 'leader-elect-retry-period=500ms'),
  ]);
  assert.equal(c.nodeMonitorGracePeriodMs, 20_000);
  assert.equal(c.nodeMonitorPeriodMs, 90_500);
  assert.equal(c.terminatedPodGcThreshold, -1);
  assert.equal(c.nodeCidrMaskSize, 26);
  assert.deepEqual(c.workers, { deployment: 3, replicationcontroller: 2, garbagecollector: 7 });
  assert.deepEqual([c.leaseDurationMs, c.renewDeadlineMs, c.retryPeriodMs], [30_000, 20_000, 500]);
  // The hidden older spelling feeds the same settings.
  assert.equal((await cm(['--kube-controller-arg', 'node-monitor-period=2s'])).nodeMonitorPeriodMs, 2000);
});

test('resolveControllerManagerArgs() takes a list from config.yaml and names the file and key on errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-cm-'));
  try {
    const file = join(dir, 'config.yaml');
    writeFileSync(file, 'kube-controller-manager-arg:\n  - node-monitor-grace-period=15s\n  - concurrent-job-syncs=9\n');
    const c = await cm([], file);
    assert.equal(c.nodeMonitorGracePeriodMs, 15_000);
    assert.deepEqual(c.workers, { job: 9 });
    writeFileSync(file, 'kube-controller-manager-arg: [pod-eviction-timeout=1m]\n');
    await assert.rejects(cm([], file), (err: Error) => {
      assert.equal(err.message.startsWith(`key "kube-controller-manager-arg" in ${file}: "pod-eviction-timeout=1m": k3ts's controller manager does not take --pod-eviction-timeout; it takes `), true, err.message);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('resolveControllerManagerArgs() refuses unknown keys and bad values, naming the flag and the key', async () => {
  await assert.rejects(cm(arg('node-cidr-mask-size-ipv6=64')),
    /--kube-controller-manager-arg: "node-cidr-mask-size-ipv6=64": k3ts's controller manager does not take --node-cidr-mask-size-ipv6; it takes concurrent-cron-job-syncs, .*node-monitor-grace-period, .*terminated-pod-gc-threshold, unhealthy-zone-threshold$/);
  await assert.rejects(cm(arg('node-monitor-grace-period=20')), /--kube-controller-manager-arg: node-monitor-grace-period: "20" is not a duration such as 40s or 1m30s/);
  await assert.rejects(cm(arg('node-monitor-period=0s')), /node-monitor-period: "0s" must be longer than zero/);
  await assert.rejects(cm(arg('terminated-pod-gc-threshold=lots')), /terminated-pod-gc-threshold: "lots" is not an integer/);
  await assert.rejects(cm(arg('concurrent-gc-syncs=0')), /concurrent-gc-syncs: 0 workers: must be at least 1/);
  await assert.rejects(cm(arg('node-cidr-mask-size-ipv4=33')), /node-cidr-mask-size-ipv4: 33 is not an IPv4 prefix length/);
  await assert.rejects(cm(arg('node-cidr-mask-size=12')), /node CIDR mask size 12 is shorter than the cluster CIDR's \/16/);
  await assert.rejects(cm(arg('node-cidr-mask-size=24', 'node-cidr-mask-size-ipv4=24')), /may not both be given/);
  await assert.rejects(cm(['--cluster-cidr', '10.42.0.0/16,fd00::/56', ...arg('node-cidr-mask-size=24')]), /not allowed with a dual-stack --cluster-cidr/);
  await assert.rejects(cm(arg('leader-elect-renew-deadline=20s')), /leader-elect-lease-duration \(15000 ms\) must be longer than leader-elect-renew-deadline \(20000 ms\)/);
  await assert.rejects(cm(arg('leader-elect-retry-period=9s')), /leader-elect-renew-deadline \(10000 ms\) must be longer than 1\.2 × leader-elect-retry-period/);
  await assert.rejects(cm(arg('')), /does not take an empty flag/);
});

test('resolveServerConfig() still refuses the other pass-through flags', async () => {
  await assert.rejects(cm(['--kube-scheduler-arg', 'v=2']), /--kube-scheduler-arg is not supported by k3ts yet: k3ts runs its own scheduler/);
  await assert.rejects(cm(['--kube-apiserver-arg', 'v=2']), /--kube-apiserver-arg: "v=2": k3ts's API server does not take --v; it takes admission-control-config-file, /);
});

test('resolveControllerManagerArgs() reads the node eviction rates, zone threshold and startup grace period', async () => {
  const c = await cm(arg('node-startup-grace-period=2m', 'node-eviction-rate=0.5', 'secondary-node-eviction-rate=0', 'unhealthy-zone-threshold=.7', 'large-cluster-size-threshold=10'));
  assert.deepEqual([c.nodeStartupGracePeriodMs, c.evictionRate, c.secondaryEvictionRate, c.unhealthyZoneThreshold, c.largeClusterSizeThreshold], [120_000, 0.5, 0, 0.7, 10]);
  await assert.rejects(cm(arg('unhealthy-zone-threshold=1.5')), /unhealthy-zone-threshold: 1\.5: a share of a zone's nodes, more than 0 and at most 1/);
  await assert.rejects(cm(arg('node-eviction-rate=fast')), /node-eviction-rate: "fast" is not a number/);
  await assert.rejects(cm(arg('node-eviction-rate=-1')), /node-eviction-rate: -1: a rate may not be negative/);
});
