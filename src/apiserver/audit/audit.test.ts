import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from './audit-log.js';
import { auditLevel, parseAuditPolicy } from './policy.js';

const policy = parseAuditPolicy({
  apiVersion: 'audit.k8s.io/v1', kind: 'Policy', omitStages: ['RequestReceived'],
  rules: [
    { level: 'None', users: ['system:kube-proxy'], verbs: ['watch'] },
    { level: 'None', nonResourceURLs: ['/healthz*', '/version'] },
    { level: 'RequestResponse', resources: [{ group: '', resources: ['secrets'], resourceNames: ['keep'] }] },
    { level: 'Request', resources: [{ group: 'apps', resources: ['deployments/scale', '*/status'] }], namespaces: ['prod'] },
    { level: 'None', userGroups: ['system:nodes'] },
    { level: 'Metadata', omitStages: ['ResponseStarted'] },
  ],
});
const who = { user: 'alice', groups: ['dev', 'system:authenticated'] };
const res = (group: string, resource: string, subresource = '', namespace = 'default', name = '') => ({ group, resource, subresource, namespace, name });

test('auditLevel(): the first matching rule decides, with kube-apiserver\'s matching of users, verbs, resources and URLs', () => {
  assert.equal(auditLevel(policy, { user: 'system:kube-proxy', groups: [], verb: 'watch', resource: res('', 'pods') }).level, 'None');
  assert.equal(auditLevel(policy, { user: 'system:kube-proxy', groups: [], verb: 'list', resource: res('', 'pods') }).level, 'Metadata');
  assert.equal(auditLevel(policy, { ...who, verb: 'get', path: '/healthz/etcd' }).level, 'None');
  assert.equal(auditLevel(policy, { ...who, verb: 'get', path: '/versions' }).level, 'Metadata', '/version is exact');
  assert.equal(auditLevel(policy, { ...who, verb: 'get', resource: res('', 'secrets', '', 'default', 'keep') }).level, 'RequestResponse');
  assert.equal(auditLevel(policy, { ...who, verb: 'get', resource: res('', 'secrets', '', 'default', 'other') }).level, 'Metadata');
  assert.equal(auditLevel(policy, { ...who, verb: 'update', resource: res('apps', 'deployments', 'scale', 'prod') }).level, 'Request');
  assert.equal(auditLevel(policy, { ...who, verb: 'update', resource: res('apps', 'statefulsets', 'status', 'prod') }).level, 'Request', '*/status');
  assert.equal(auditLevel(policy, { ...who, verb: 'update', resource: res('apps', 'deployments', 'scale', 'dev') }).level, 'Metadata', 'other namespace');
  assert.equal(auditLevel(policy, { user: 'system:node:n1', groups: ['system:nodes'], verb: 'get', resource: res('', 'pods') }).level, 'None');
  assert.deepEqual([...auditLevel(policy, { ...who, verb: 'get', resource: res('', 'pods') }).omitStages].sort(), ['RequestReceived', 'ResponseStarted']);
  assert.equal(auditLevel(parseAuditPolicy({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'None', users: ['x'] }] }), { ...who, verb: 'get', path: '/' }).level, 'None', 'no rule: not audited');
});

test('parseAuditPolicy() names what is wrong', () => {
  assert.throws(() => parseAuditPolicy({ kind: 'Policy', apiVersion: 'audit.k8s.io/v1beta1', rules: [] }), /expected kind Policy of audit.k8s.io\/v1/);
  assert.throws(() => parseAuditPolicy({ kind: 'Policy', apiVersion: 'audit.k8s.io/v1', rules: [{ level: 'Everything' }] }), /rules\[0\].level: "Everything" is not one of None, Metadata, Request, RequestResponse/);
  assert.throws(() => parseAuditPolicy({ kind: 'Policy', apiVersion: 'audit.k8s.io/v1', rules: [{ level: 'None', omitStages: ['Later'] }] }), /rules\[0\].omitStages: "Later"/);
  assert.throws(() => parseAuditPolicy({ kind: 'Policy', apiVersion: 'audit.k8s.io/v1', rules: [{ level: 'None', nonResourceURLs: ['/x'], namespaces: ['a'] }] }), /not both/);
});

test('AuditLog writes JSON lines and rotates past its size, keeping maxBackups files', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-audit-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'audit.log');
  const logw = new AuditLog({ path, maxBytes: 200, maxBackups: 2 });
  for (let i = 0; i < 12; i++) {
    logw.write({ kind: 'Event', n: i, pad: 'x'.repeat(60) });
    logw.flush();
    await new Promise((r) => setTimeout(r, 2));
  }
  logw.close();
  const files = readdirSync(dir).sort();
  assert.equal(files.filter((f) => f.startsWith('audit-')).length, 2, files.join(' '));
  const last = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { n: number });
  assert.equal(last[last.length - 1]?.n, 11);
});
