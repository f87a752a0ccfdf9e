import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFileList, loadConfigFiles } from './config-file.js';
import { AGENT_FLAGS } from './flags/agent.js';
import { SERVER_FLAGS } from './flags/server.js';
import { tempDir } from '../base/testing/tmp.js';

async function load(dir: string, table = SERVER_FLAGS) {
  const r = await loadConfigFiles(table, await configFileList(join(dir, 'config.yaml')));
  return { ...r, v: Object.fromEntries([...r.values].map(([k, list]) => [k, list.map((x) => x.value)])) };
}

test('configFileList() reads the main file first, then .yaml/.yml drop-ins in lexical order', async (t) => {
  const dir = tempDir(t, 'k3ts-cfg-');
  writeFileSync(join(dir, 'config.yaml'), '');
  mkdirSync(join(dir, 'config.yaml.d', 'sub.yaml'), { recursive: true });
  for (const f of ['20-b.yml', '10-a.YAML', 'notes.txt', '30-c.yaml']) writeFileSync(join(dir, 'config.yaml.d', f), '');
  const d = join(dir, 'config.yaml.d');
  assert.deepEqual(await configFileList(join(dir, 'config.yaml')), [join(dir, 'config.yaml'), join(d, '10-a.YAML'), join(d, '20-b.yml'), join(d, '30-c.yaml')]);
  rmSync(join(dir, 'config.yaml'));
  assert.equal((await configFileList(join(dir, 'config.yaml'))).length, 3);
});

test('later files replace values, and key+ appends across files', async (t) => {
  const dir = tempDir(t, 'k3ts-cfg-');
  writeFileSync(join(dir, 'config.yaml'), 'write-kubeconfig-mode: "0644"\ntls-san: [a.example]\nnode-label:\n  - foo=bar\n  - something=amazing\n');
  mkdirSync(join(dir, 'config.yaml.d'));
  writeFileSync(join(dir, 'config.yaml.d', '10.yaml'), 'write-kubeconfig-mode: 0640\ntls-san+: [b.example]\nnode-label: [only=this]\n');
  writeFileSync(join(dir, 'config.yaml.d', '20.yaml'), 'tls-san+: c.example,10.0.0.9\nnode-taint+:\n  - k=v:NoSchedule\n');
  const { v } = await load(dir);
  assert.deepEqual(v, {
    'write-kubeconfig-mode': ['0640'],
    'tls-san': ['a.example', 'b.example', 'c.example', '10.0.0.9'],
    'node-label': ['only=this'],
    'node-taint': ['k=v:NoSchedule'],
  });
});

test('values keep their YAML meaning: booleans as k3s (YAML 1.1), plain scalars verbatim for strings', async (t) => {
  const dir = tempDir(t, 'k3ts-cfg-');
  writeFileSync(join(dir, 'config.yaml'), 'debug: yes\nwith-node-id: "false"\nhttps-listen-port: "7443"\nv: 2\ntoken: 0123\nd: /data\n');
  const { v } = await load(dir);
  assert.deepEqual(v, { debug: [true], 'with-node-id': [false], 'https-listen-port': [7443], v: [2], token: ['0123'], 'data-dir': ['/data'] });
});

test('unknown keys are warned about with the file and skipped; keys of the other command too', async (t) => {
  const dir = tempDir(t, 'k3ts-cfg-');
  writeFileSync(join(dir, 'config.yaml'), 'no-such-thing: 1\ncluster-cidr: 10.42.0.0/16\nnode-name: n1\n');
  const agent = await load(dir, AGENT_FLAGS);
  assert.deepEqual(agent.v, { 'node-name': ['n1'] });
  assert.equal(agent.warnings.length, 2);
  assert.match(agent.warnings[0] ?? '', new RegExp(`Unknown flag --no-such-thing found in config file ${join(dir, 'config.yaml')}, skipping`));
  assert.match(agent.warnings[1] ?? '', /--cluster-cidr .* not a flag of "agent"/);
});

test('malformed YAML and wrong types are errors naming the file, the key and what was expected', async (t) => {
  const dir = tempDir(t, 'k3ts-cfg-');
  const file = join(dir, 'config.yaml');
  const cases: Array<[string, RegExp]> = [
    ['debug: [true\n', new RegExp(`${file}: malformed YAML: .* at line 2, column 1`)],
    ['token: a\ntoken: b\n', /malformed YAML: Map keys must be unique/],
    ['- just\n- a list\n', /expected a mapping of flag names to values/],
    ['https-listen-port: many\n', new RegExp(`${file}: key "https-listen-port": expected an integer, got "many"`)],
    ['https-listen-port: 1.5\n', /key "https-listen-port": expected an integer, got 1.5/],
    ['debug: sometimes\n', /key "debug": expected true or false, got "sometimes"/],
    ['data-dir: [a, b]\n', /key "data-dir": expected a single string, got a list \(only repeatable flags take lists\)/],
    ['node-label: {a: b}\n', /key "node-label": expected a list of strings, but an item is a mapping/],
    ['token+: more\n', /key "token\+": "\+" appends only to repeatable flags/],
  ];
  for (const [text, want] of cases) {
    writeFileSync(file, text);
    await assert.rejects(load(dir), want, text);
  }
});
