/**
 * The real `bin/k3ts` process on bad input: refused flags, broken config files, tokens for
 * another cluster, the `k3s` name, and commands that have not landed. Each exits 1 with one
 * clear line and starts nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, cleanEnv, runK3ts, tmpDir } from './harness.js';

test('k3ts refuses flags it lacks wherever they are set, naming the flag and its origin', (t) => {
  const dir = tmpDir(t);
  const data = join(dir, 'data');
  const cli = runK3ts(['server', '-d', data, '--cluster-init'], { env: cleanEnv(dir) });
  assert.equal(cli.status, 1);
  assert.match(cli.stderr, /^k3ts: --cluster-init is not supported by k3ts yet: embedded etcd .*\(set by --cluster-init\)\n$/);
  const cfg = join(dir, 'config.yaml');
  writeFileSync(cfg, 'embedded-registry: true\n');
  const file = runK3ts(['server', '-d', data], { env: cleanEnv(dir, { K3S_CONFIG_FILE: cfg }) });
  assert.equal(file.status, 1);
  assert.match(file.stderr, new RegExp(`--embedded-registry is not supported by k3ts yet.*\\(set by key "embedded-registry" in ${cfg}\\)`));
  const env = runK3ts(['server', '-d', data], { env: cleanEnv(dir, { K3S_URL: 'https://elsewhere:6443' }) });
  assert.match(env.stderr, /--server is not supported by k3ts yet.*\$K3S_URL/);
  assert.equal(existsSync(data), false, 'nothing was created');
});

test('k3ts server refuses a --kube-controller-manager-arg key it does not honour, naming the flag and the key', (t) => {
  const dir = tmpDir(t);
  const data = join(dir, 'data');
  const r = runK3ts(['server', '-d', data, '--kube-controller-manager-arg=node-monitor-grace-period=20s', '--kube-controller-manager-arg', 'pod-eviction-timeout=1m'], { env: cleanEnv(dir) });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^k3ts: --kube-controller-manager-arg: "pod-eviction-timeout=1m": k3ts's controller manager does not take --pod-eviction-timeout; it takes concurrent-cron-job-syncs, .*node-monitor-grace-period, .*terminated-pod-gc-threshold, unhealthy-zone-threshold\n$/);
  const bad = runK3ts(['server', '-d', data, '--kube-controller-manager-arg', 'node-monitor-grace-period=soon'], { env: cleanEnv(dir) });
  assert.equal(bad.status, 1);
  assert.equal(bad.stderr, 'k3ts: --kube-controller-manager-arg: node-monitor-grace-period: "soon" is not a duration such as 40s or 1m30s\n');
  assert.equal(existsSync(data), false, 'nothing was created');
});

test('k3ts reports broken config files by file, key and expectation', (t) => {
  const dir = tmpDir(t);
  const cfg = join(dir, 'config.yaml');
  mkdirSync(`${cfg}.d`);
  writeFileSync(cfg, 'https-listen-port: 6443\n');
  writeFileSync(join(`${cfg}.d`, '50-bad.yaml'), 'https-listen-port: lots\n');
  const r = runK3ts(['server', '-d', join(dir, 'data')], { env: cleanEnv(dir, { K3S_CONFIG_FILE: cfg }) });
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `k3ts: ${join(`${cfg}.d`, '50-bad.yaml')}: key "https-listen-port": expected an integer, got "lots"\n`);
  writeFileSync(join(`${cfg}.d`, '50-bad.yaml'), 'tls-san: [a\n');
  assert.match(runK3ts(['server'], { env: cleanEnv(dir, { K3S_CONFIG_FILE: cfg }) }).stderr, /50-bad\.yaml: malformed YAML: .*line 2/);
  writeFileSync(join(`${cfg}.d`, '50-bad.yaml'), 'cluster-cidr: 10.42.0.0/40\n');
  assert.match(runK3ts(['server'], { env: cleanEnv(dir, { K3S_CONFIG_FILE: cfg }) }).stderr, /key "cluster-cidr" in .*50-bad\.yaml: "10\.42\.0\.0\/40" is not a CIDR/);
});

test('k3ts server refuses a full token for another cluster on a fresh data dir', (t) => {
  const dir = tmpDir(t);
  const token = `K10${'ab'.repeat(32)}::server:secret`;
  const r = runK3ts(['server', '-d', join(dir, 'data'), '--https-listen-port', '0', '-o', join(dir, 'kc.yaml'), '--token', token], { env: cleanEnv(dir) });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /preparing certificates and tokens: the token given by --token is for another cluster: its CA hash does not match/);
  assert.equal(existsSync(join(dir, 'kc.yaml')), false);
});

test('k3ts answers to k3s through a link, prints help and version', (t) => {
  const dir = tmpDir(t);
  const link = join(dir, 'k3s');
  symlinkSync(BIN, link);
  const v = runK3ts(['--version'], { env: cleanEnv(dir), argv0Link: link });
  assert.match(v.stdout, /^k3s version v1\.33\.\d+\+k3ts \(\d+\.\d+\.\d+\)\n/);
  const h = runK3ts(['server', '--help'], { env: cleanEnv(dir), argv0Link: link });
  assert.equal(h.status, 0);
  assert.match(h.stdout, /^NAME:\n   k3s server - Run management server\n/);
  assert.match(h.stdout, /--https-listen-port value +\(listener\) HTTPS listen port \(default: 6443\)/);
  assert.match(runK3ts(['agent', '--help'], { env: cleanEnv(dir) }).stdout, /k3ts agent - Run node agent/);
  const top = runK3ts([], { env: cleanEnv(dir) });
  assert.match(top.stdout, /COMMANDS:\n   server +Run management server/);
});

test('k3ts agent validates its configuration, then says it is not implemented yet', (t) => {
  const dir = tmpDir(t);
  const missing = runK3ts(['agent'], { env: cleanEnv(dir) });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /--server \(or \$K3S_URL\) is required/);
  const r = runK3ts(['agent', '--node-name', 'w1'], { env: cleanEnv(dir, { K3S_URL: 'https://server:6443', K3S_TOKEN: 'x' }) });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /"k3ts agent" is not implemented yet: the configuration is valid \(server https:\/\/server:6443, node w1\)/);
});

test('k3s\'s other subcommands answer "not implemented", unknown ones are errors', (t) => {
  const dir = tmpDir(t);
  for (const c of ['token', 'etcd-snapshot', 'certificate', 'check-config']) {
    const r = runK3ts([c, 'list'], { env: cleanEnv(dir) });
    assert.equal(r.status, 1, c);
    assert.equal(r.stderr, `k3ts ${c}: not implemented in k3ts yet\n`);
  }
  const u = runK3ts(['frobnicate'], { env: cleanEnv(dir) });
  assert.equal(u.status, 1);
  assert.match(u.stderr, /unknown command "frobnicate"/);
});
