/** @module Endpoint parsing and password masking. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { ConfigError } from '../base/errors.js';
import { parseEndpoint, redactEndpoint } from './endpoint.js';

test('parseEndpoint() puts the default SQLite database in <data-dir>/server/db/state.db', () => {
  const ep = parseEndpoint('', { dataDir: '/var/lib/rancher/k3s' });
  assert.equal(ep.kind, 'sqlite');
  assert.equal(ep.kind === 'sqlite' && ep.path, '/var/lib/rancher/k3s/server/db/state.db');
  assert.throws(() => parseEndpoint(''), ConfigError);
  const rel = parseEndpoint('sqlite://db/state.db?_journal=WAL&cache=shared', { dataDir: '/d' });
  assert.deepEqual(rel.kind === 'sqlite' && [rel.path, rel.ignored], ['/d/server/db/state.db', ['_journal', 'cache']]);
  const abs = parseEndpoint('sqlite:///tmp/x.db');
  assert.equal(abs.kind === 'sqlite' && abs.path, '/tmp/x.db');
});

test('parseEndpoint() reads postgres URLs with k3s defaults for the bare form', () => {
  const bare = parseEndpoint('postgres://');
  assert.ok(bare.kind === 'postgres');
  assert.deepEqual([bare.host, bare.port, bare.user, bare.password?.reveal(), bare.database], ['localhost', 5432, 'postgres', 'postgres', 'kubernetes']);
  const full = parseEndpoint('postgresql://k3s:p%40ss@db.example:6543/cluster?sslmode=verify-full&application_name=x');
  assert.ok(full.kind === 'postgres');
  assert.deepEqual([full.host, full.port, full.user, full.password?.reveal(), full.database, full.sslmode], ['db.example', 6543, 'k3s', 'p@ss', 'cluster', 'verify-full']);
  assert.equal(full.params.get('application_name'), 'x');
  assert.throws(() => parseEndpoint('postgres://u:secret@h/db?sslmode=bogus'), (e) => e instanceof ConfigError && !e.message.includes('secret'));
});

test('parseEndpoint() reads Go-style mysql DSNs', () => {
  const bare = parseEndpoint('mysql://');
  assert.ok(bare.kind === 'mysql');
  assert.deepEqual([bare.user, bare.socket, bare.database], ['root', '/var/run/mysqld/mysqld.sock', 'kubernetes']);
  const tcp = parseEndpoint('mysql://k3s:pa:ss@w0rd@tcp(10.0.0.5:3307)/kube?tls=true');
  assert.ok(tcp.kind === 'mysql');
  assert.deepEqual([tcp.user, tcp.password?.reveal(), tcp.host, tcp.port, tcp.database, tcp.params.get('tls')], ['k3s', 'pa:ss@w0rd', '10.0.0.5', 3307, 'kube', 'true']);
  const sock = parseEndpoint('mysql://u:p@unix(/run/mysqld.sock)/db');
  assert.equal(sock.kind === 'mysql' && sock.socket, '/run/mysqld.sock');
  const plain = parseEndpoint('mysql://u:p@dbhost/db');
  assert.deepEqual(plain.kind === 'mysql' && [plain.host, plain.port], ['dbhost', 3306]);
  assert.throws(() => parseEndpoint('mysql://u:p@tcp(host:port'), ConfigError);
});

test('parseEndpoint() reads etcd endpoint lists', () => {
  const ep = parseEndpoint('https://10.0.0.1:2379,10.0.0.2:2379');
  assert.ok(ep.kind === 'etcd');
  assert.deepEqual(ep.urls.map((u) => u.href), ['https://10.0.0.1:2379/', 'https://10.0.0.2:2379/']);
  assert.throws(() => parseEndpoint('ftp://x'), (e) => e instanceof ConfigError && /expected sqlite/.test(e.message));
});

test('redactEndpoint() and Secret keep passwords out of messages and logs', () => {
  assert.equal(redactEndpoint('postgres://k3s:hunter2@db:5432/k'), 'postgres://k3s:***@db:5432/k');
  assert.equal(redactEndpoint('mysql://k3s:a@b:c@tcp(db:3306)/k'), 'mysql://k3s:***@tcp(db:3306)/k');
  assert.equal(redactEndpoint('https://etcd:2379'), 'https://etcd:2379');
  const ep = parseEndpoint('postgres://k3s:hunter2@db/k');
  for (const text of [inspect(ep, { depth: 5 }), JSON.stringify(ep), String(ep.display)]) assert.ok(!text.includes('hunter2'), text);
});
