// bench/security: what the security layer costs per request. Authorization decisions (system:masters,
// RBAC allow and deny over the bootstrap policy, the Node authorizer over a pod graph), bearer
// token checks (service-account JWTs, bootstrap tokens), secret encryption per provider, and
// end to end: GETs over HTTPS against a real `k3ts server` (SQLite) as the admin, as an RBAC
// user and with a service-account token, 64 clients. Prints JSON, then a table.
//   node dist/bench/security/main.js [--quick]
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../../src/api/meta/object.js';
import { setLogSink } from '../../src/base/log.js';
import { ServiceAccountTokens } from '../../src/apiserver/auth/serviceaccount/tokens.js';
import { BootstrapTokenAuthenticator } from '../../src/apiserver/auth/bootstrap-token.js';
import { NodeAuthorizer } from '../../src/apiserver/authorization/node/authorizer.js';
import { RbacAuthorizer } from '../../src/apiserver/authorization/rbac/authorizer.js';
import { aggregatedRules } from '../../src/apiserver/authorization/rbac/aggregation.js';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles } from '../../src/apiserver/authorization/rbac/bootstrap-policy.js';
import type { AuthorizationAttributes } from '../../src/apiserver/authorization/authorizer.js';
import { UnionAuthorizer, privilegedGroupAuthorizer } from '../../src/apiserver/authorization/union.js';
import { decryptWith, encryptWith, type Provider } from '../../src/apiserver/storage/encryption/providers.js';
import { issueCertificate, loadCa } from '../../src/pki/authority.js';
import { generateEcKey } from '../../src/pki/keys.js';
import { tlsPaths } from '../../src/pki/server-tls.js';
import { SERVER_FLAGS } from '../../src/cli/flags/server.js';
import { resolveCommandSettings } from '../../src/cli/settings.js';
import { currentHost } from '../../src/config/host.js';
import { resolveServerConfig } from '../../src/config/server-config.js';
import { startServer } from '../../src/server/run.js';
import { Agent, request } from 'node:https';

const quick = process.argv.includes('--quick');
const N = quick ? 2_000 : 50_000;

/** Mean microseconds per call of `fn`. */
async function perCall(n: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(1000, n); i++) await fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return +(((performance.now() - t0) * 1000) / n).toFixed(2);
}

// Authorization over the bootstrap policy plus 200 namespaces with their own bindings.
const roles = bootstrapClusterRoles().map((r) => ({ metadata: { name: r.name, labels: { ...r.labels } }, rules: r.rules, ...(r.aggregateFrom ? { aggregationRule: { clusterRoleSelectors: r.aggregateFrom.map((m) => ({ matchLabels: m })) } } : {}) }) as KubeObject);
for (let i = 0; i < 2; i++) for (const r of roles) { const rules = aggregatedRules(r, roles); if (rules) r['rules'] = rules; }
const crbs = bootstrapClusterRoleBindings().map((b) => ({ metadata: { name: b.name }, roleRef: { kind: 'ClusterRole', name: b.role }, subjects: b.subjects }) as unknown as KubeObject);
const rbs = new Map<string, KubeObject[]>();
for (let i = 0; i < 200; i++) rbs.set(`ns${i}`, [{ metadata: { name: 'edit', namespace: `ns${i}` }, roleRef: { kind: 'ClusterRole', name: 'edit' }, subjects: [{ kind: 'Group', name: `team${i}` }] } as unknown as KubeObject]);
const rbac = new RbacAuthorizer({ clusterRole: (n) => roles.find((r) => r.metadata.name === n), role: () => undefined, clusterRoleBindings: () => crbs, roleBindings: (ns) => rbs.get(ns) ?? [] });
const pods = Array.from({ length: 5000 }, (_, i) => ({ metadata: { name: `p${i}`, namespace: 'ns' }, spec: { nodeName: `n${i % 50}`, volumes: [{ name: 'v', secret: { secretName: `s${i}` } }] } }) as KubeObject);
const node = new NodeAuthorizer({ revision: () => '1', pods: () => pods, claim: () => undefined, volumeAttachment: () => undefined });
const union = new UnionAuthorizer([privilegedGroupAuthorizer, node, rbac]);
const attrs = (user: AuthorizationAttributes['user'], o: Partial<AuthorizationAttributes>): AuthorizationAttributes => ({ user, verb: 'get', resourceRequest: true, namespace: 'ns7', apiGroup: '', apiVersion: 'v1', resource: 'configmaps', subresource: '', name: 'x', path: '', ...o });
const admin = { name: 'system:admin', groups: ['system:masters', 'system:authenticated'] };
const dev = { name: 'alice', groups: ['team7', 'system:authenticated'] };
const kubelet = { name: 'system:node:n7', groups: ['system:nodes', 'system:authenticated'] };
const authz = {
  adminUs: await perCall(N, () => union.authorize(attrs(admin, {}))),
  rbacAllowUs: await perCall(N, () => union.authorize(attrs(dev, {}))),
  rbacDenyUs: await perCall(N, () => union.authorize(attrs(dev, { namespace: 'ns8' }))),
  nodeSecretUs: await perCall(N, () => union.authorize(attrs(kubelet, { resource: 'secrets', namespace: 'ns', name: 's7' }))),
};

// Tokens, with lookups answered from memory as the watch caches do.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const objects: Record<string, KubeObject> = { 'sa/ns/bot': { metadata: { name: 'bot', uid: 'u1' } } };
const lookup = { serviceAccount: (ns: string, n: string) => Promise.resolve(objects[`sa/${ns}/${n}`]), secret: () => Promise.resolve(undefined), pod: () => Promise.resolve(undefined), node: () => Promise.resolve(undefined) };
const sat = new ServiceAccountTokens({ privateKey: rsa.privateKey, issuer: 'https://k', apiAudiences: ['k3s'], lookup });
const token = sat.issueBound({ namespace: 'ns', serviceAccount: { name: 'bot', uid: 'u1' }, audiences: [], expirationSeconds: 3600 }).token;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const bts: KubeObject = { metadata: { name: 'bootstrap-token-abcdef' }, type: 'bootstrap.kubernetes.io/token', data: { 'token-id': b64('abcdef'), 'token-secret': b64('0123456789abcdef'), 'usage-bootstrap-authentication': b64('true') } };
const boot = new BootstrapTokenAuthenticator({ secret: () => Promise.resolve(bts), apiAudiences: ['k3s'] });
const tokens = {
  serviceAccountJwtUs: await perCall(N / 10, () => sat.authenticateToken(token, [])),
  bootstrapTokenUs: await perCall(N, () => boot.authenticateToken('abcdef.0123456789abcdef', [])),
};

// Encryption of a 1 KiB secret per provider.
const secret = Buffer.from(JSON.stringify({ kind: 'Secret', data: { k: randomBytes(768).toString('base64') } }));
const encryption: Record<string, { encryptUs: number; decryptUs: number }> = {};
for (const type of ['aescbc', 'aesgcm', 'secretbox'] as const) {
  const p: Provider = { type, keys: [{ name: 'k', secret: randomBytes(32) }] };
  const stored = encryptWith(p, secret, '/registry/secrets/ns/s');
  encryption[type] = { encryptUs: await perCall(N / 10, () => encryptWith(p, secret, '/registry/secrets/ns/s')), decryptUs: await perCall(N / 10, () => decryptWith([p], stored, '/registry/secrets/ns/s')) };
}

// End to end against a real server.
setLogSink({ write: () => undefined });
const dir = mkdtempSync(join(tmpdir(), 'k3ts-bench-security-'));
const flags = (await resolveCommandSettings(SERVER_FLAGS, ['-d', join(dir, 'data'), '--https-listen-port', '0', '-o', join(dir, 'kubeconfig'), '--bind-address', '127.0.0.1'], { env: { K3S_CONFIG_FILE: join(dir, 'none.yaml') } })).flags;
const server = await startServer(resolveServerConfig(flags, currentHost()));
const paths = tlsPaths(join(dir, 'data'));
const ca = readFileSync(paths.serverCa, 'utf8');
const clientCa = loadCa(readFileSync(paths.clientCa, 'utf8'), readFileSync(paths.clientCaKey, 'utf8'), { what: 'client CA' });
const cert = async (cn: string, o: string[]) => issueCertificate(clientCa, await generateEcKey(), { cn, o, usages: ['clientAuth'], days: 1, now: new Date() });
const send = (agent: Agent, method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
  const t0 = performance.now();
  const data = body === undefined ? undefined : JSON.stringify(body);
  const req = request(`${server.url}${path}`, { method, agent, headers: { ...headers, ...(data ? { 'content-type': 'application/json' } : {}) } }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - t0 }));
  });
  req.on('error', reject);
  req.end(data);
});
const adminCert = await cert('system:admin', ['system:masters']);
const adminAgent = new Agent({ keepAlive: true, maxSockets: 64, ca, cert: adminCert.certPem, key: adminCert.keyPem });
await send(adminAgent, 'POST', '/api/v1/namespaces', {}, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
await send(adminAgent, 'POST', '/api/v1/namespaces/team/configmaps', {}, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
await send(adminAgent, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/team/rolebindings', {}, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'dev' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' }, subjects: [{ kind: 'Group', name: 'dev' }, { kind: 'ServiceAccount', name: 'bot', namespace: 'team' }] });
await send(adminAgent, 'POST', '/api/v1/namespaces/team/serviceaccounts', {}, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'bot' } });
const tr = JSON.parse((await send(adminAgent, 'POST', '/api/v1/namespaces/team/serviceaccounts/bot/token', {}, { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} })).body) as { status: { token: string } };
const devCert = await cert('alice', ['dev']);
const clients = {
  admin: { agent: adminAgent, headers: {} },
  rbacUser: { agent: new Agent({ keepAlive: true, maxSockets: 64, ca, cert: devCert.certPem, key: devCert.keyPem }), headers: {} },
  serviceAccountToken: { agent: new Agent({ keepAlive: true, maxSockets: 64, ca }), headers: { authorization: `Bearer ${tr.status.token}` } },
};
const requests = quick ? 500 : 5000;
const e2e: Record<string, { perSec: number; p50ms: number; p99ms: number; errors: number }> = {};
for (const [name, c] of Object.entries(clients)) {
  const run = async () => {
    const times: number[] = [];
    let errors = 0, next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 64 }, async () => {
      while (next++ < requests) {
        const r = await send(c.agent, 'GET', '/api/v1/namespaces/team/configmaps/c', c.headers);
        if (r.status !== 200) errors++;
        times.push(r.ms);
      }
    }));
    times.sort((a, b) => a - b);
    return { perSec: Math.round(requests / ((performance.now() - t0) / 1000)), p50ms: +(times[Math.floor(times.length / 2)] ?? 0).toFixed(2), p99ms: +(times[Math.floor(times.length * 0.99)] ?? 0).toFixed(2), errors };
  };
  await run();
  e2e[name] = await run();
  c.agent.destroy();
}
await server.close();
rmSync(dir, { recursive: true, force: true });

const result = { quick, authorization: authz, tokens, encryption, endToEndGets: e2e };
console.log(JSON.stringify(result));
const rows: [string, string][] = [
  ['authorize system:masters (µs)', String(authz.adminUs)], ['authorize RBAC allow (µs)', String(authz.rbacAllowUs)], ['authorize RBAC deny (µs)', String(authz.rbacDenyUs)],
  ['authorize node secret, 5k pods (µs)', String(authz.nodeSecretUs)], ['service-account JWT check (µs)', String(tokens.serviceAccountJwtUs)], ['bootstrap token check (µs)', String(tokens.bootstrapTokenUs)],
  ...Object.entries(encryption).map(([k, v]) => [`${k} 1 KiB secret enc/dec (µs)`, `${v.encryptUs} / ${v.decryptUs}`] as [string, string]),
  ...Object.entries(e2e).map(([k, v]) => [`GET as ${k} (req/s, p50/p99 ms)`, `${v.perSec}, ${v.p50ms}/${v.p99ms}${v.errors ? `, ${v.errors} errors` : ''}`] as [string, string]),
];
const w = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
