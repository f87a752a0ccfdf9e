/**
 * @module Every kubectl minor between the two that other tests exercise in depth (1.28–1.32) does
 * one quick pass against one in-process server: create -f, a create generator, get (table and
 * json), a refused invalid object, delete. Each minor works in its own namespace.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runKubectl } from '../../src/apiserver/testing/kubectl.js';
import { startTestServer, type TestServer } from '../../src/server/testing/fixture.js';
import { kubectlPath } from './harness.js';

const manifest = (ns: string) => [
  'apiVersion: v1', 'kind: ConfigMap', `metadata: {name: settings, namespace: ${ns}}`, 'data: {mode: fast}', '---',
  'apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: web, namespace: ${ns}}`, 'spec:', '  selector: {matchLabels: {app: web}}',
  '  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: "nginx:1.27"}]}}', ''].join('\n');

describe('kubectl 1.28–1.32: create -f, create generator, get, delete', () => {
  let ts: TestServer;
  let dir: string;
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    ts = await startTestServer({ after: (fn) => { cleanups.push(fn); } });
    dir = dirname(ts.kubeconfig);
  });
  after(async () => { for (const fn of cleanups.reverse()) await fn(); });

  for (const minor of [28, 29, 30, 31, 32]) {
    const bin = kubectlPath(minor);
    test(`kubectl 1.${minor}`, { skip: bin ? false : `kubectl.1.${minor} is not installed next to kubectl` }, async () => {
      const ns = `matrix-1-${minor}`;
      const k = (...args: string[]) => runKubectl(bin as string, { kubeconfig: ts.kubeconfig, dir }, args);
      const ok = async (...args: string[]) => {
        const r = await k(...args);
        assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
        return r.stdout;
      };
      assert.equal(await ok('create', 'namespace', ns), `namespace/${ns} created\n`);
      const file = join(dir, `${ns}.yaml`);
      writeFileSync(file, manifest(ns));
      assert.equal(await ok('create', '-f', file), 'configmap/settings created\ndeployment.apps/web created\n');
      assert.equal(await ok('-n', ns, 'create', 'service', 'clusterip', 'web', '--tcp=80:8080'), 'service/web created\n');

      const table = await ok('-n', ns, 'get', 'configmaps,services');
      // kube-root-ca.crt (published by the controllers) shares the table with ours.
      assert.match(table, /^NAME\s+DATA\s+AGE\n/);
      assert.match(table, /^configmap\/settings\s+1\s+\S+$/m);
      assert.match(table, /^service\/web\s+ClusterIP\s+10\.43\.\d+\.\d+\s+<none>\s+80\/TCP\s+\S+$/m);
      const deploy = JSON.parse(await ok('-n', ns, 'get', 'deployment', 'web', '-o', 'json')) as {
        spec: { replicas: number; strategy: unknown; template: { spec: { containers: Array<{ imagePullPolicy: string }> } } };
      };
      assert.equal(deploy.spec.replicas, 1);
      assert.deepEqual(deploy.spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
      assert.equal(deploy.spec.template.spec.containers[0]?.imagePullPolicy, 'IfNotPresent');

      const bad = await k('-n', ns, 'create', 'deployment', 'bad', '--image=nginx', '--replicas=-1');
      assert.notEqual(bad.code, 0);
      assert.equal(bad.stderr, 'error: failed to create deployment: Deployment.apps "bad" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');

      assert.equal(await ok('-n', ns, 'delete', 'deployment/web', 'configmap/settings', '--wait=false'),
        'deployment.apps "web" deleted\nconfigmap "settings" deleted\n');
      assert.equal(await ok('delete', 'namespace', ns, '--wait=false'), `namespace "${ns}" deleted\n`);
    });
  }
});
