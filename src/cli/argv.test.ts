import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgv } from './argv.js';
import { SERVER_FLAGS } from './flags/server.js';

const values = (argv: string[]) => Object.fromEntries([...parseArgv(SERVER_FLAGS, argv).values].map(([k, v]) => [k, v.map((x) => x.value)]));

test('parseArgv() accepts --x v, --x=v, -x v and short aliases, as Go\'s flag package does', () => {
  assert.deepEqual(values(['--data-dir', '/a', '-https-listen-port=7443', '-o', 'k.yaml', '-t=tok', '-v', '3']), {
    'data-dir': ['/a'], 'https-listen-port': [7443], 'write-kubeconfig': ['k.yaml'], token: ['tok'], v: [3],
  });
});

test('parseArgv() takes booleans without a value, or as --x=false', () => {
  assert.deepEqual(values(['--debug', '--with-node-id=false', '--disable-agent=1']), { debug: [true], 'with-node-id': [false], 'disable-agent': [true] });
});

test('parseArgv() keeps every occurrence of repeatable flags and splits the comma-separated ones', () => {
  assert.deepEqual(values(['--tls-san', 'a.example', '--tls-san=10.0.0.1,b.example', '--node-label', 'x=1,y']), {
    'tls-san': ['a.example', '10.0.0.1', 'b.example'], 'node-label': ['x=1,y'],
  });
  assert.deepEqual(values(['--disable', 'traefik,servicelb', '--disable=coredns']), { disable: ['traefik', 'servicelb', 'coredns'] });
});

test('parseArgv() reports unknown flags, missing values and bad numbers by name', () => {
  assert.throws(() => parseArgv(SERVER_FLAGS, ['--no-such-flag=1']), /flag provided but not defined: --no-such-flag \(see 'server --help'\)/);
  assert.throws(() => parseArgv(SERVER_FLAGS, ['--data-dir']), /flag needs an argument: -data-dir/);
  assert.throws(() => parseArgv(SERVER_FLAGS, ['--https-listen-port', 'abc']), /--https-listen-port: expected an integer, got "abc"/);
  assert.throws(() => parseArgv(SERVER_FLAGS, ['--debug=maybe']), /--debug: expected true or false, got "maybe"/);
});

test('parseArgv() stops at -- and collects positionals and help', () => {
  const r = parseArgv(SERVER_FLAGS, ['extra', '--', '--debug']);
  assert.deepEqual(r.positionals, ['extra', '--debug']);
  assert.equal(parseArgv(SERVER_FLAGS, ['-h']).help, true);
});
