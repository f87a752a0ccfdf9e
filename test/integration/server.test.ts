/**
 * The real `k3ts server` process, reached by the real kubectl 1.27 and 1.33 through the
 * kubeconfig it writes: /version, /readyz, Status answers, supervisor endpoints, restart on the
 * same data dir, and SIGTERM shutdown.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { join } from 'node:path';
import { cleanEnv, httpsGet, kubectl, kubectlPath, readKubeconfig, runK3ts, startServer, tmpDir } from './harness.js';

const KUBECTLS = [27, 28, 29, 30, 31, 32, 33].map((minor) => ({ minor, bin: kubectlPath(minor) }));

test('k3ts server: kubectl reaches it, Status answers, restart reuses CA and token, SIGTERM stops it', async (t) => {
  const dir = tmpDir(t);
  const data = join(dir, 'data'), kc = join(dir, 'kube', 'k3s.yaml'), log = join(dir, 'k3ts.log');
  const cfg = join(dir, 'config.yaml');
  mkdirSync(`${cfg}.d`);
  writeFileSync(cfg, 'tls-san:\n  - k3ts.test.example\nnot-a-k3s-flag: true\n');
  writeFileSync(join(`${cfg}.d`, '10-more.yaml'), 'tls-san+: [192.0.2.77]\n');
  const env = cleanEnv(dir, { K3S_CONFIG_FILE: cfg });
  const server = await startServer(['-d', data, '--https-listen-port', '0', '-o', kc, '--log', log, '--alsologtostderr'], { env, kubeconfig: kc });
  t.after(() => server.stop('SIGKILL'));

  await t.test('writes the kubeconfig (0600, named default) and k3s\'s files', () => {
    assert.equal(statSync(kc).mode & 0o777, 0o600);
    const k = readKubeconfig(kc);
    assert.equal(k.server, `https://127.0.0.1:${server.port}`);
    assert.match(JSON.stringify(k.doc), /"current-context":"default"/);
    const tls = join(data, 'server', 'tls');
    for (const f of ['server-ca.key', 'client-ca.key', 'request-header-ca.key', 'service.key', 'serving-kube-apiserver.key', 'client-admin.key']) {
      assert.equal(statSync(join(tls, f)).mode & 0o777, 0o600, f);
    }
    const token = readFileSync(join(data, 'server', 'token'), 'utf8').trim();
    const caHash = createHash('sha256').update(readFileSync(join(tls, 'server-ca.crt'))).digest('hex');
    assert.match(token, new RegExp(`^K10${caHash}::server:[0-9a-f]{32}$`));
    assert.equal(readlinkSync(join(data, 'server', 'node-token')), join(data, 'server', 'token'));
    assert.equal(lstatSync(join(data, 'server', 'agent-token')).isSymbolicLink(), true);
    assert.match(server.logs(), /Unknown flag --not-a-k3s-flag found in config file .*config\.yaml, skipping/);
  });

  for (const { minor, bin } of KUBECTLS) {
    await t.test(`kubectl 1.${minor} version and get --raw /readyz through the kubeconfig`, { skip: !bin && `kubectl.1.${minor} not installed` }, () => {
      const v = kubectl(bin as string, ['version', '-o', 'json'], { kubeconfig: kc, home: dir });
      assert.equal(v.status, 0, v.stderr);
      const info = JSON.parse(v.stdout) as { serverVersion: { gitVersion: string; major: string; minor: string; platform: string } };
      assert.match(info.serverVersion.gitVersion, /^v1\.33\.\d+\+k3ts$/);
      assert.equal(info.serverVersion.major, '1');
      assert.equal(info.serverVersion.minor, '33');
      const plain = kubectl(bin as string, ['version'], { kubeconfig: kc, home: dir });
      // kubectl 1.27 prints version.Info{...GitVersion:"..."}; later ones print the bare version.
      assert.match(plain.stdout, /Server Version: (v1\.33\.\d+\+k3ts|version\.Info\{.*GitVersion:"v1\.33\.\d+\+k3ts")/);
      const ready = kubectl(bin as string, ['get', '--raw', '/readyz'], { kubeconfig: kc, home: dir });
      assert.equal(ready.status, 0, ready.stderr);
      assert.equal(ready.stdout, 'ok');
      const verbose = kubectl(bin as string, ['get', '--raw', '/readyz?verbose'], { kubeconfig: kc, home: dir });
      assert.match(verbose.stdout, /\[\+\]ping ok\n[\s\S]*\[\+\]shutdown ok\nreadyz check passed/);
      const missing = kubectl(bin as string, ['get', '--raw', '/api/v1/nothings'], { kubeconfig: kc, home: dir });
      assert.notEqual(missing.status, 0);
      assert.match(missing.stderr, /Error from server \(NotFound\): the server could not find the requested resource/);
    });
  }

  await t.test('401 Status without credentials, 404 Status with the admin certificate for what is not served', async () => {
    const k = readKubeconfig(kc);
    const anon = await httpsGet(`${k.server}/api/v1/pods`, { ca: k.ca });
    assert.equal(anon.status, 401);
    assert.deepEqual(JSON.parse(anon.body), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    assert.equal((await httpsGet(`${k.server}/api/v1/pods`, { ca: k.ca, cert: k.cert, key: k.key })).status, 200);
    const admin = await httpsGet(`${k.server}/api/v1/nothings`, { ca: k.ca, cert: k.cert, key: k.key });
    assert.equal(admin.status, 404);
    assert.equal(admin.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(admin.body), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
  });

  await t.test('protocol upgrades (exec, port-forward) get 401 without credentials and 404 until the API serves them', async () => {
    const k = readKubeconfig(kc);
    const upgrade = (withCert: boolean) => new Promise<number>((resolve, reject) => {
      const req = httpsRequest(`${k.server}/api/v1/namespaces/default/pods/p/exec?command=sh`, {
        method: 'POST', ca: k.ca, agent: false, headers: { connection: 'Upgrade', upgrade: 'SPDY/3.1' }, ...(withCert ? { cert: k.cert, key: k.key } : {}),
      });
      req.on('response', (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.on('upgrade', () => reject(new Error('unexpected 101')));
      req.on('error', reject);
      req.end();
    });
    assert.equal(await upgrade(false), 401);
    assert.equal(await upgrade(true), 404);
  });

  await t.test('anonymous /version, /healthz, /livez, /readyz, /cacerts and /ping', async () => {
    const k = readKubeconfig(kc);
    const v = await httpsGet(`${k.server}/version`, { ca: k.ca });
    assert.equal(v.status, 200);
    assert.deepEqual(Object.keys(JSON.parse(v.body) as object), ['major', 'minor', 'emulationMajor', 'emulationMinor', 'minCompatibilityMajor', 'minCompatibilityMinor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);
    for (const p of ['/healthz', '/livez', '/readyz']) assert.deepEqual([(await httpsGet(`${k.server}${p}`, { ca: k.ca })).body], ['ok'], p);
    const ca = await httpsGet(`${k.server}/cacerts`, { ca: k.ca });
    assert.equal(ca.body, readFileSync(join(data, 'server', 'tls', 'server-ca.crt'), 'utf8'));
    assert.equal((await httpsGet(`${k.server}/ping`, { ca: k.ca })).body, 'pong');
  });

  await t.test('the serving certificate carries the SANs from the config file and its drop-in', async () => {
    const { X509Certificate } = await import('node:crypto');
    const x = new X509Certificate(readFileSync(join(data, 'server', 'tls', 'serving-kube-apiserver.crt')));
    for (const san of ['DNS:kubernetes', 'DNS:kubernetes.default.svc.cluster.local', 'DNS:localhost', 'DNS:k3ts.test.example', 'IP Address:127.0.0.1', 'IP Address:10.43.0.1', 'IP Address:192.0.2.77']) {
      assert.ok(x.subjectAltName?.split(', ').includes(san), `${san} in ${x.subjectAltName ?? ''}`);
    }
  });

  await t.test('k3ts kubectl runs kubectl against the written kubeconfig', { skip: !kubectlPath(33) && 'kubectl not installed' }, () => {
    const r = runK3ts(['kubectl', 'get', '--raw', '/livez'], { env: cleanEnv(dir, { K3S_CONFIG_FILE: cfg, K3S_KUBECONFIG_OUTPUT: kc }) });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'ok');
  });

  const caBefore = readFileSync(join(data, 'server', 'tls', 'server-ca.crt'), 'utf8');
  const tokenBefore = readFileSync(join(data, 'server', 'token'), 'utf8');

  await t.test('SIGTERM closes the listener, flushes the log and exits 0', async () => {
    const code = await server.stop('SIGTERM');
    assert.equal(code, 0, server.logs());
    assert.match(readFileSync(log, 'utf8'), /received SIGTERM, shutting down\n(?:.*\n)*.*k3ts stopped\n$/);
    const refused = await new Promise<boolean>((resolve) => {
      const s = connect(server.port, '127.0.0.1');
      s.on('connect', () => { s.destroy(); resolve(false); });
      s.on('error', () => resolve(true));
    });
    assert.equal(refused, true);
  });

  await t.test('a second start on the same data dir reuses the CA and the token', async () => {
    const again = await startServer(['-d', data, '--https-listen-port', '0', '-o', kc], { env: { ...env, K3S_KUBECONFIG_MODE: '0644', K3S_KUBECONFIG_GROUP: 'daemon' }, kubeconfig: kc });
    try {
      assert.equal(readFileSync(join(data, 'server', 'tls', 'server-ca.crt'), 'utf8'), caBefore);
      assert.equal(readFileSync(join(data, 'server', 'token'), 'utf8'), tokenBefore);
      assert.doesNotMatch(again.logs(), /wrote .*\.crt/);
      assert.equal(statSync(kc).mode & 0o777, 0o644);
      const daemon = /^daemon:[^:]*:(\d+):/m.exec(readFileSync('/etc/group', 'utf8'))?.[1];
      if (daemon !== undefined) assert.equal(statSync(kc).gid, Number(daemon));
      const k = readKubeconfig(kc);
      // The cluster's state survived the restart: the bootstrap Service is still there, not recreated.
      const svc = await httpsGet(`${k.server}/api/v1/namespaces/default/services/kubernetes`, { ca: k.ca, cert: k.cert, key: k.key });
      assert.equal(svc.status, 200);
      assert.equal((JSON.parse(svc.body) as { spec: { clusterIP: string } }).spec.clusterIP, '10.43.0.1');
    } finally {
      assert.equal(await again.stop('SIGINT'), 0);
    }
  });

  await t.test('a restart with a different --token is refused', () => {
    const r = runK3ts(['server', '-d', data, '--https-listen-port', '0', '-o', kc, '--token', 'another-secret'], { env });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /preparing certificates and tokens: the token given by --token does not match the token this server was created with/);
    assert.doesNotMatch(r.stderr, /another-secret/);
  });
});
