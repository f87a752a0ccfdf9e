#!/usr/bin/env node
// Captures the strategic merge patches real kubectl binaries send, for the unit tests of
// src/api/strategic-merge. Runs a throwaway HTTP stub (legacy discovery, a minimal OpenAPI so
// kubectl uses its built-in patch metadata, an in-memory object store) and drives kubectl
// apply / edit / set image / set env / rollout restart against it. Writes
// src/api/strategic-merge/testing/kubectl-patches.ts. Needs `npm run build` first (the stub
// applies patches with k3ts's own SMP to keep its store realistic).
//   node scripts/capture-kubectl-patches.mjs [1.27 1.33]
import { createServer } from 'node:http';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync, readFileSync, realpathSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const { strategicMergePatch } = await import(join(root, 'dist/src/api/strategic-merge/merge.js'));
const { builtinMergeSchema } = await import(join(root, 'dist/src/api/merge/catalog-schema.js'));
const versions = process.argv.slice(2).length ? process.argv.slice(2) : ['1.27', '1.33'];
const kubectlDir = dirname(realpathSync(execFileSync('sh', ['-c', 'command -v kubectl']).toString().trim()));

const RESOURCES = {
  '/api/v1': [['pods', 'Pod', true], ['services', 'Service', true], ['configmaps', 'ConfigMap', true], ['replicationcontrollers', 'ReplicationController', true], ['namespaces', 'Namespace', false]],
  '/apis/apps/v1': [['deployments', 'Deployment', true]],
};
const resourceList = (gv, list) => ({
  kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv,
  resources: list.map(([name, kind, namespaced]) => ({ name, singularName: kind.toLowerCase(), namespaced, kind, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] })),
});
// swagger "2.0" and info{title, version}: the smallest openapi.v2.Document kubectl accepts.
const MINIMAL_V2 = Buffer.from([0x0a, 3, ...Buffer.from('2.0'), 0x12, 6, 0x0a, 1, 0x6b, 0x12, 1, 0x76]);

function startStub() {
  const store = new Map();
  const captured = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      const send = (code, obj, type = 'application/json') => {
        res.writeHead(code, { 'Content-Type': type });
        res.end(Buffer.isBuffer(obj) ? obj : JSON.stringify(obj));
      };
      const p = url.pathname;
      if (p === '/api') return send(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
      if (p === '/apis') return send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }] });
      if (RESOURCES[p]) return send(200, resourceList(p === '/api/v1' ? 'v1' : 'apps/v1', RESOURCES[p]));
      if (p === '/openapi/v2') return send(200, MINIMAL_V2, 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
      if (p === '/openapi/v3') return send(200, { paths: {} });
      if (p === '/version') return send(200, { major: '1', minor: '33', gitVersion: 'v1.33.0' });
      const m = /^\/(?:api|apis\/[^/]+)\/v1\/namespaces\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(p);
      if (!m) return send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
      const key = m[3] ? p : undefined;
      if (req.method === 'GET' && key) {
        const obj = store.get(key);
        return obj ? send(200, obj) : send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `${m[2]} "${m[3]}" not found`, details: { name: m[3], kind: m[2] } });
      }
      if (req.method === 'POST') {
        const obj = JSON.parse(body);
        obj.metadata.namespace ??= m[1];
        obj.metadata.resourceVersion = '1';
        store.set(`${p}/${obj.metadata.name}`, obj);
        return send(201, obj);
      }
      if (req.method === 'PATCH' && key) {
        const live = store.get(key);
        const patch = JSON.parse(body);
        captured.push({ contentType: req.headers['content-type'], live: structuredClone(live), patch, query: url.search });
        const [group, version] = p.startsWith('/apis/') ? p.split('/').slice(2, 4) : ['', 'v1'];
        const node = builtinMergeSchema().forKind(group, version, live.kind);
        const out = node ? strategicMergePatch(live, patch, node) : { ...live };
        out.metadata.resourceVersion = String(Number(live.metadata.resourceVersion) + 1);
        store.set(key, out);
        return send(200, out);
      }
      send(405, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'MethodNotAllowed', code: 405 });
    });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, store, captured, port: server.address().port })));
}

const deploymentV1 = {
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 2, selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'c1', image: 'nginx:1.27', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    },
  },
};
const deploymentV2 = structuredClone(deploymentV1);
deploymentV2.spec.template.spec.containers[0].image = 'nginx:1.28';
deploymentV2.spec.template.spec.containers[0].env = [{ name: 'A', value: '1' }];
deploymentV2.spec.template.spec.containers[0].ports.push({ containerPort: 443, protocol: 'TCP' });
deploymentV2.spec.template.spec.containers.push({ name: 'sidecar', image: 'busybox', command: ['sleep', '3600'] });
deploymentV2.spec.template.spec.volumes = [{ name: 'data', configMap: { name: 'cfg' } }];
deploymentV2.spec.strategy = { type: 'Recreate' };

const cmV1 = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1', b: '2' } };
const cmV2 = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels: { tier: 'x' } }, data: { a: '1', c: '3' } };
const svcV1 = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] } };
const svcV2 = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'https', port: 443, targetPort: 443 }] } };

/** What another actor (controllers, defaulting) adds to the live Deployment between applies. */
function otherActor(dep) {
  dep.metadata.labels.team = 'ops';
  dep.metadata.annotations['deployment.kubernetes.io/revision'] = '1';
  dep.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  const c = dep.spec.template.spec.containers[0];
  c.terminationMessagePath = '/dev/termination-log';
  c.imagePullPolicy = 'IfNotPresent';
  c.ports[0].protocol = 'TCP';
  c.env.push({ name: 'INJECTED', value: 'by-webhook' });
  dep.spec.template.spec.restartPolicy = 'Always';
  dep.status = { replicas: 2, readyReplicas: 2 };
}

const fixtures = [];
for (const v of versions) {
  const kubectl = join(kubectlDir, `kubectl.${v}`);
  const { server, store, captured, port } = await startStub();
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-capture-'));
  writeFileSync(join(dir, 'kubeconfig'), `apiVersion: v1\nkind: Config\nclusters: [{name: s, cluster: {server: "http://127.0.0.1:${port}"}}]\nusers: [{name: u, user: {}}]\ncontexts: [{name: c, context: {cluster: s, user: u, namespace: default}}]\ncurrent-context: c\n`);
  const env = { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), KUBECACHEDIR: join(dir, 'cache'), HOME: dir };
  // Async: the stub answers from this same event loop.
  const run = async (args, extra = {}) => {
    try {
      return (await promisify(execFile)(kubectl, args, { env: { ...env, ...extra } })).stdout;
    } catch (e) {
      throw new Error(`kubectl ${v} ${args.join(' ')}: ${e.stderr || e.message}`);
    }
  };
  const apply = (obj) => {
    writeFileSync(join(dir, 'm.json'), JSON.stringify(obj));
    return run(['apply', '-f', join(dir, 'm.json')]);
  };
  const take = (name, note) => {
    const c = captured.shift();
    if (!c) throw new Error(`kubectl ${v}: no PATCH captured for ${name}`);
    fixtures.push({ name, kubectl: v, note, ...c });
  };

  await apply(deploymentV1);
  otherActor(store.get('/apis/apps/v1/namespaces/default/deployments/web'));
  await apply(deploymentV2);
  take('apply-deployment', 'apply v2: image 1.28, env B removed, port 443 and a sidecar added, volume source emptyDir→configMap, strategy Recreate; another actor had added a label, an env var and defaults');
  await run(['set', 'image', 'deployment/web', 'c1=nginx:1.29']);
  take('set-image', 'kubectl set image deployment/web c1=nginx:1.29');
  await run(['set', 'env', 'deployment/web', '-c', 'c1', 'FOO=bar', 'A-']);
  take('set-env', 'kubectl set env deployment/web -c c1 FOO=bar A-');
  writeFileSync(join(dir, 'editor.sh'), `#!/bin/sh\nsed -i -e 's/replicas: 2/replicas: 5/' -e '/name: INJECTED/,/value: by-webhook/d' "$1"\n`);
  chmodSync(join(dir, 'editor.sh'), 0o755);
  await run(['edit', 'deployment/web'], { EDITOR: join(dir, 'editor.sh'), KUBE_EDITOR: join(dir, 'editor.sh') });
  take('edit-deployment', 'kubectl edit: replicas 2→5 and the INJECTED env var deleted in the editor');
  await run(['rollout', 'restart', 'deployment/web']);
  take('rollout-restart', 'kubectl rollout restart deployment/web');
  await apply(cmV1);
  await apply(cmV2);
  take('apply-configmap', 'apply v2: data.b removed, data.c added, a label added');
  await apply(svcV1);
  store.get('/api/v1/namespaces/default/services/web').spec.clusterIP = '10.43.0.10';
  await apply(svcV2);
  take('apply-service', 'apply v2: port http/80 replaced by https/443; clusterIP was allocated by the server');
  server.close();
}

// One entry per distinct patch, listing the kubectl versions that sent it (rollout restart's
// timestamp is normalized so that identical patches group).
const grouped = [];
for (const f of fixtures) {
  const restarted = f.patch?.spec?.template?.metadata?.annotations;
  if (restarted?.['kubectl.kubernetes.io/restartedAt']) restarted['kubectl.kubernetes.io/restartedAt'] = '2025-01-01T00:00:00Z';
  const { kubectl, ...rest } = f;
  const same = grouped.find((g) => JSON.stringify({ ...g, kubectl: undefined }) === JSON.stringify({ ...rest, kubectl: undefined }));
  if (same) same.kubectl.push(kubectl);
  else grouped.push({ ...rest, kubectl: [kubectl] });
}
const out = join(root, 'src/api/strategic-merge/testing/kubectl-patches.ts');
writeFileSync(out, `/**
 * @module Strategic merge patches captured from real kubectl binaries by
 * scripts/capture-kubectl-patches.mjs (kubectl against a stub server; regenerate with it).
 * Each entry: the live object kubectl read, the patch it sent and the query string.
 */
// Generated: do not edit by hand.
export interface CapturedPatch {
  readonly name: string;
  /** The kubectl versions that sent exactly this patch. */
  readonly kubectl: readonly string[];
  readonly note: string;
  readonly contentType: string;
  readonly query: string;
  readonly live: Record<string, unknown>;
  readonly patch: Record<string, unknown>;
}

export const kubectlPatches: readonly CapturedPatch[] = ${JSON.stringify(grouped, null, 1)};
`);
console.log(`wrote ${grouped.length} patches (from ${fixtures.length} captures) to ${out}`);
