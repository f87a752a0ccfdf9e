// Real kubectl (1.27 and 1.33) against `k3ts server` (in process, port 0, embedded SQLite, the
// admin kubeconfig it writes): the everyday commands and their output, watches that must see
// DELETED events, and error paths.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runKubectl } from '../../src/apiserver/testing/kubectl.js';
import { startTestServer, type TestServer } from '../../src/server/testing/fixture.js';
import { kubectlPath } from './harness.js';


for (const minor of [27, 33]) {
  const version = `1.${minor}`;
  const bin = kubectlPath(minor);
  describe(`kubectl ${version}`, { skip: bin ? false : `kubectl.${version} is not installed next to kubectl` }, () => {
    let ts: TestServer;
    let dir: string;
    const cleanups: Array<() => unknown> = [];
    const k = (...args: string[]) => runKubectl(bin as string, { kubeconfig: ts.kubeconfig, dir }, args);
    const ok = async (...args: string[]) => {
      const r = await k(...args);
      assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    const file = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    before(async () => {
      // API server behaviour only: no controllers acting on the objects (status, GC, managedFields).
      ts = await startTestServer({ after: (fn) => { cleanups.push(fn); } }, { args: ['--disable-controller-manager'] });
      dir = dirname(ts.kubeconfig);
    });
    after(async () => { for (const fn of cleanups.reverse()) await fn(); });

    test('create -f, get in every output form, label, annotate, patch, replace', async () => {
      const cm = file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels: {app: web}\ndata:\n  a: "1"\n');
      assert.equal(await ok('create', '-f', cm), 'configmap/cfg created\n');
      assert.match(await ok('get', 'cm', 'cfg'), /^NAME\s+DATA\s+AGE\ncfg\s+1\s+\d+s\n$/);
      const yaml = await ok('get', 'cm', 'cfg', '-o', 'yaml');
      assert.match(yaml, /^apiVersion: v1\ndata:\n {2}a: "1"\nkind: ConfigMap\nmetadata:\n/);
      assert.match(yaml, /resourceVersion: "\d+"/);
      const json = JSON.parse(await ok('get', 'cm', 'cfg', '-o', 'json')) as { metadata: { uid: string } };
      assert.match(json.metadata.uid, /^[0-9a-f-]{36}$/);
      assert.equal(await ok('get', 'cm', '-l', 'app=web', '-o', 'name'), 'configmap/cfg\n');
      assert.equal(await ok('label', 'cm', 'cfg', 'tier=front'), 'configmap/cfg labeled\n');
      // kubectl 1.27 prints "annotate", later versions "annotated".
      assert.match(await ok('annotate', 'cm', 'cfg', 'note=hi'), /^configmap\/cfg annotated?\n$/);
      assert.equal(await ok('patch', 'cm', 'cfg', '--type', 'merge', '-p', '{"data":{"b":"2"}}'), 'configmap/cfg patched\n');
      assert.equal(await ok('patch', 'cm', 'cfg', '--type', 'json', '-p', '[{"op":"remove","path":"/data/a"}]'), 'configmap/cfg patched\n');
      assert.equal(await ok('get', 'cm', 'cfg', '-o', 'jsonpath={.data}'), '{"b":"2"}');
      assert.equal(await ok('get', 'cm', 'cfg', '-o', 'jsonpath={.metadata.labels.tier},{.metadata.annotations.note}'), 'front,hi');
      const bad = await k('patch', 'cm', 'cfg', '--type', 'json', '-p', '[{"op":"replace","path":"/data/nope","value":"x"}]');
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /The request is invalid.*(replace operation does not apply|the server rejected our request)/);
      const edited = (await ok('get', 'cm', 'cfg', '-o', 'yaml')).replace('b: "2"', 'b: "3"');
      assert.equal(await ok('replace', '-f', file('cm2.yaml', edited)), 'configmap/cfg replaced\n');
      const stale = await k('replace', '-f', file('cm3.yaml', edited));
      assert.notEqual(stale.code, 0);
      assert.match(stale.stderr, /Operation cannot be fulfilled on configmaps "cfg": the object has been modified/);
    });

    test('pods: wide output, describe, validation errors as kubectl prints them', async () => {
      const pod = file('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    ports: [{containerPort: 80, name: http}]\n');
      await ok('create', '-f', pod);
      assert.match(await ok('get', 'pods'), /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+0\/1\s+Pending\s+0\s+\d+s\n$/);
      assert.match(await ok('get', 'pods', '-o', 'wide'), /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\nweb\s+0\/1\s+Pending\s+0\s+\d+s\s+<none>\s+<none>\s+<none>\s+<none>\n$/);
      const d = await ok('describe', 'pod', 'web');
      assert.match(d, /^Name:\s+web\nNamespace:\s+default\n/);
      assert.match(d, /QoS Class:\s+BestEffort/);
      const noContainers = await k('create', '-f', file('bad1.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers: []\n'));
      assert.match(noContainers.stderr, /The Pod "bad" is invalid: spec.containers: Required value/);
      const badName = await k('create', '-f', file('bad2.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n'));
      assert.match(badName.stderr, /The ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of/);
      const dupPort = await k('create', '-f', file('bad3.yaml',
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: dup\nspec:\n  containers:\n  - name: c\n    image: x\n    ports: [{containerPort: 80, name: http}, {containerPort: 81, name: http}]\n'));
      assert.match(dupPort.stderr, /spec.containers\[0\].ports\[1\].name: Duplicate value: "http"/);
      const immutable = await k('patch', 'pod', 'web', '--type', 'merge', '-p', '{"spec":{"restartPolicy":"Never"}}');
      assert.match(immutable.stderr, /pod updates may not change fields other than/);
      assert.equal(await ok('delete', 'pod', 'web'), 'pod "web" deleted\n');
    });

    test('get -w sees ADDED, MODIFIED and DELETED; delete --wait and wait return', async () => {
      await ok('create', '-f', file('w.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\ndata: {a: "1"}\n'));
      const watch = k('get', 'cm', 'w', '-w', '--request-timeout=5s');
      const wait = k('wait', '--for=delete', 'cm/w', '--timeout=20s');
      const cond = k('wait', '--for=jsonpath={.data.a}=2', 'cm/w', '--timeout=20s');
      await new Promise((r) => setTimeout(r, 1500));
      await ok('patch', 'cm', 'w', '--type', 'merge', '-p', '{"data":{"a":"2"}}');
      assert.equal((await cond).stdout, 'configmap/w condition met\n');
      await ok('delete', 'cm', 'w', '--wait=true');
      const w = await watch;
      assert.equal(w.stdout.trim().split('\n').filter((l: string) => l.startsWith('w ')).length, 3, w.stdout);
      assert.equal((await wait).stdout, 'configmap/w condition met\n');
    });

    test('wait --for=condition sees a status condition set through /status', async () => {
      await ok('create', '-f', file('cond.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: cond\nspec:\n  containers:\n  - name: c\n    image: busybox\n'));
      const wait = k('wait', '--for=condition=Ready', 'pod/cond', '--timeout=20s');
      await new Promise((r) => setTimeout(r, 1000));
      const patched = await k('patch', 'pod', 'cond', '--subresource=status', '--type', 'merge', '-p', '{"status":{"conditions":[{"type":"Ready","status":"True"}]}}');
      assert.equal(patched.code, 0, patched.stderr);
      assert.equal((await wait).stdout, 'pod/cond condition met\n');
      assert.equal(await ok('get', 'pod', 'cond', '-o', 'jsonpath={.status.phase}'), 'Pending', 'status patches keep the rest of the status');
    });

    test('explain, strict field validation, and the create generators (protobuf bodies on 1.32+)', async () => {
      const explain = await ok('explain', 'pod.spec.containers.ports');
      assert.match(explain, /KIND:\s+Pod\n/);
      assert.match(explain, /containerPort\t<integer> -required-/);
      assert.match(await ok('explain', 'deployment.spec.strategy'), /rollingUpdate\t<RollingUpdateDeployment>/);
      const bad = file('unknown.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: unknown\n  foo: bar\ndata: {a: "1"}\n');
      const strict = await k('create', '-f', bad);
      assert.match(strict.stderr, /Error from server \(BadRequest\): error when creating ".*unknown.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "metadata.foo"/);
      const warn = await k('create', '-f', bad, '--validate=warn');
      assert.equal(warn.code, 0, warn.stderr);
      assert.match(warn.stderr, /Warning: unknown field "metadata.foo"/);
      assert.equal(await ok('create', 'configmap', 'gen', '--from-literal=k=v'), 'configmap/gen created\n');
      assert.equal(await ok('create', 'namespace', 'gen-ns'), 'namespace/gen-ns created\n');
      assert.equal(await ok('create', 'deployment', 'gen', '--image=nginx:1.27', '--replicas=2'), 'deployment.apps/gen created\n');
      assert.match(await ok('get', 'deploy', 'gen'), /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\ngen\s+0\/2\s+0\s+0\s+/);
      assert.equal(await ok('scale', 'deployment', 'gen', '--replicas=3'), 'deployment.apps/gen scaled\n');
      assert.equal(await ok('get', 'deploy', 'gen', '-o', 'jsonpath={.spec.replicas}/{.metadata.generation}'), '3/2');
      assert.equal(await ok('create', 'secret', 'generic', 'gen', '--from-literal=p=q'), 'secret/gen created\n');
      assert.equal(await ok('create', 'service', 'clusterip', 'gen', '--tcp=80:8080'), 'service/gen created\n');
      assert.match(await ok('get', 'svc', 'gen'), /gen\s+ClusterIP\s+10\.43\.\d+\.\d+\s+<none>\s+80\/TCP/);
      assert.match(await ok('auth', 'can-i', 'create', 'pods'), /^yes$/m);
      await ok('delete', 'deployment', 'gen');
    });

    test('delete with --cascade and --grace-period: finalizers, graceful pods, forced deletion', async () => {
      await ok('create', '-f', file('o.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orphaned\n'));
      assert.equal(await ok('delete', 'cm', 'orphaned', '--cascade=orphan', '--wait=false'), 'configmap "orphaned" deleted\n');
      // The garbage collector removes the orphan finalizer; until then the object is marked for deletion.
      assert.equal(await ok('get', 'cm', 'orphaned', '-o', 'jsonpath={.metadata.finalizers}'), '["orphan"]');
      assert.notEqual(await ok('get', 'cm', 'orphaned', '-o', 'jsonpath={.metadata.deletionTimestamp}'), '');
      await ok('create', '-f', file('bound.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bound\nspec:\n  nodeName: node1\n  containers:\n  - name: c\n    image: busybox\n'));
      await ok('delete', 'pod', 'bound', '--wait=false');
      assert.match(await ok('get', 'pod', 'bound'), /\nbound\s+0\/1\s+Terminating\s+0\s+/);
      assert.equal(await ok('get', 'pod', 'bound', '-o', 'jsonpath={.metadata.deletionGracePeriodSeconds}'), '30');
      const forced = await k('delete', 'pod', 'bound', '--grace-period=0', '--force');
      assert.equal(forced.code, 0, forced.stderr);
      assert.match(forced.stderr, /Immediate deletion does not wait for confirmation/);
      const gone = await k('get', 'pod', 'bound');
      assert.match(gone.stderr, /pods "bound" not found/);
    });

    test('chunked lists, get all, api-resources, api-versions, namespaces', async () => {
      for (let i = 0; i < 5; i++) await ok('create', '-f', file(`c${i}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: chunk${i}\n`));
      const chunked = await ok('get', 'cm', '--chunk-size=2', '-o', 'name');
      for (let i = 0; i < 5; i++) assert.match(chunked, new RegExp(`configmap/chunk${i}\\n`));
      assert.match(await ok('get', 'all', '-A'), /service\/kubernetes\s+ClusterIP\s+10\.43\.0\.1\s+<none>\s+443\/TCP/);
      const resources = await ok('api-resources');
      assert.match(resources, /^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND\n/);
      assert.match(resources, /\npods\s+po\s+v1\s+true\s+Pod\n/);
      assert.match(await ok('api-versions'), /^v1$/m);
      assert.match(await ok('get', 'ns'), /default\s+Active[\s\S]*kube-node-lease\s+Active[\s\S]*kube-public\s+Active[\s\S]*kube-system\s+Active/);
      const del = await k('delete', 'ns', 'kube-system');
      assert.match(del.stderr, /namespaces "kube-system" is forbidden: this namespace may not be deleted/);
    });
  });
}
