import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasCode } from '../base/errors.js';
import { setLogSink } from '../base/log.js';
import { SERVER_FLAGS } from './flags/server.js';
import { resolveCommandSettings } from './settings.js';
import { tempDir } from '../base/testing/tmp.js';

test('precedence is command line > config file > K3S_* environment > default', async (t) => {
  const dir = tempDir(t, 'k3ts-set-');
  const cfg = join(dir, 'config.yaml');
  writeFileSync(cfg, 'token: from-file\nwrite-kubeconfig-mode: "0640"\n');
  const env = { K3S_CONFIG_FILE: cfg, K3S_TOKEN: 'from-env', K3S_KUBECONFIG_MODE: '0644', K3S_NODE_NAME: 'env-node', K3S_DATA_DIR: '/env/data' };
  const s = (await resolveCommandSettings(SERVER_FLAGS, ['--token', 'from-cli'], { env: env })).flags;
  assert.deepEqual(s.string('token'), { value: 'from-cli', source: { kind: 'cli', flag: 'token' } });
  assert.deepEqual(s.string('write-kubeconfig-mode'), { value: '0640', source: { kind: 'file', file: cfg, key: 'write-kubeconfig-mode' } });
  assert.deepEqual(s.string('node-name'), { value: 'env-node', source: { kind: 'env', name: 'K3S_NODE_NAME' } });
  assert.equal(s.string('data-dir')?.value, '/env/data');
  assert.equal(s.string('cluster-domain'), undefined);
});

test('a repeatable flag on the command line replaces the whole list from the config files', async (t) => {
  const dir = tempDir(t, 'k3ts-set-');
  const cfg = join(dir, 'config.yaml');
  writeFileSync(cfg, 'node-label: [foo=bar, something=amazing]\ntls-san: [a.example]\n');
  mkdirSync(`${cfg}.d`);
  writeFileSync(join(`${cfg}.d`, '50.yaml'), 'tls-san+: [b.example]\n');
  const s = (await resolveCommandSettings(SERVER_FLAGS, ['--node-label', 'cli=1'], { env: { K3S_CONFIG_FILE: cfg } })).flags;
  assert.deepEqual(s.list('node-label').items.map((i) => i.value), ['cli=1']);
  assert.deepEqual(s.list('tls-san').items.map((i) => i.value), ['a.example', 'b.example']);
});

test('list environment variables are split on commas, as urfave/cli does', async () => {
  const s = (await resolveCommandSettings(SERVER_FLAGS, [], { env: { K3S_CONFIG_FILE: '/nonexistent/k3ts.yaml', K3S_TOKEN: 'x' } })).flags;
  assert.equal(s.list('tls-san').items.length, 0);
  assert.equal(s.string('token')?.value, 'x');
});

test('$K3S_CONFIG_FILE wins over --config, as in k3s, and moves the drop-in folder with it', async (t) => {
  const dir = tempDir(t, 'k3ts-set-');
  writeFileSync(join(dir, 'a.yaml'), 'node-name: from-a\n');
  mkdirSync(join(dir, 'b.yaml.d'));
  writeFileSync(join(dir, 'b.yaml.d', 'x.yaml'), 'node-name: from-b-dropin\n');
  const prev = setLogSink({ write: () => undefined });
  try {
    const viaEnv = await resolveCommandSettings(SERVER_FLAGS, ['-c', join(dir, 'a.yaml')], { env: { K3S_CONFIG_FILE: join(dir, 'b.yaml') } });
    assert.equal(viaEnv.flags.string('node-name')?.value, 'from-b-dropin');
    assert.deepEqual(viaEnv.configFiles, [join(dir, 'b.yaml.d', 'x.yaml')]);
    const viaFlag = await resolveCommandSettings(SERVER_FLAGS, ['--config', join(dir, 'a.yaml')], { env: {} });
    assert.equal(viaFlag.flags.string('node-name')?.value, 'from-a');
  } finally {
    setLogSink(prev);
  }
});

test('an explicitly named config file that is missing is a warning, as k3s ignores it', async () => {
  const r = await resolveCommandSettings(SERVER_FLAGS, ['-c', '/nonexistent/k3ts.yaml'], { env: {} });
  assert.match(r.warnings[0] ?? '', /config file \/nonexistent\/k3ts.yaml does not exist/);
});

test('flags k3ts lacks are refused from the command line, a config file or a K3S_* variable', async (t) => {
  const dir = tempDir(t, 'k3ts-set-');
  const cfg = join(dir, 'config.yaml');
  const none = { K3S_CONFIG_FILE: join(dir, 'absent.yaml') };
  await assert.rejects(resolveCommandSettings(SERVER_FLAGS, ['--cluster-init'], { env: none }),
    (e: unknown) => hasCode(e, 'ERR_UNSUPPORTED') && /--cluster-init is not supported by k3ts yet: embedded etcd .* \(set by --cluster-init\)/.test((e as Error).message));
  writeFileSync(cfg, 'kube-scheduler-arg: [v=2]\n');
  await assert.rejects(resolveCommandSettings(SERVER_FLAGS, [], { env: { K3S_CONFIG_FILE: cfg } }),
    new RegExp(`--kube-scheduler-arg is not supported by k3ts yet.*\\(set by key "kube-scheduler-arg" in ${cfg}\\)`));
  await assert.rejects(resolveCommandSettings(SERVER_FLAGS, [], { env: { ...none, K3S_URL: 'https://other:6443' } }),
    /--server is not supported by k3ts yet: joining a server to an existing cluster .*\(set by \$K3S_URL \(for --server\)\)/);
});

test('restating k3s\'s default for a flag k3ts lacks is accepted; unrelated AWS_* variables are not read', async (t) => {
  const dir = tempDir(t, 'k3ts-set-');
  const cfg = join(dir, 'config.yaml');
  writeFileSync(cfg, 'cluster-init: false\nselinux: false\netcd-snapshot-retention: 5\ntls-san-security: true\n');
  const r = await resolveCommandSettings(SERVER_FLAGS, [], { env: { K3S_CONFIG_FILE: cfg, AWS_ACCESS_KEY_ID: 'AKIA...' } });
  assert.equal(r.help, false);
});

test('positional arguments are refused', async () => {
  await assert.rejects(resolveCommandSettings(SERVER_FLAGS, ['oops'], { env: {} }), /unexpected argument "oops": "server" takes flags only/);
});

test('a config file URL is refused rather than silently ignored', async () => {
  await assert.rejects(resolveCommandSettings(SERVER_FLAGS, ['--config', 'https://example.com/k3s.yaml'], { env: {} }), /reading the config file from a URL \(https:\/\/example.com\/k3s.yaml\) is not supported by k3ts yet/);
});
