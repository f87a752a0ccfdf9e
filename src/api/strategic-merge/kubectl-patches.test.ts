import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strategicMergePatch } from './merge.js';
import { builtinMergeSchema } from '../merge/catalog-schema.js';
import { kubectlPatches, type CapturedPatch } from './testing/kubectl-patches.js';

// Results of applying the patches real kubectl 1.27 and 1.33 sent (captured by
// scripts/capture-kubectl-patches.mjs) to the live objects they were computed against.

type Obj = Record<string, any>; // any: test assertions walk deep into known shapes

function apply(c: CapturedPatch): Obj | undefined {
  const [group, version] = String(c.live['apiVersion']).includes('/') ? String(c.live['apiVersion']).split('/') : ['', String(c.live['apiVersion'])];
  const node = builtinMergeSchema().forKind(group ?? '', version ?? '', String(c.live['kind']));
  return node && strategicMergePatch(c.live, c.patch, node);
}

const podSpec = (o: Obj) => o['spec']['template']['spec'];
const envNames = (o: Obj) => podSpec(o).containers[0].env.map((e: Obj) => e['name']);

const expectations: Record<string, (o: Obj) => void> = {
  'apply-deployment': (o) => {
    const spec = podSpec(o);
    assert.deepEqual(spec.containers.map((c: Obj) => c['name']), ['c1', 'sidecar']);
    assert.equal(spec.containers[0].image, 'nginx:1.28');
    // B left the manifest and is removed; INJECTED was set by another actor and survives.
    assert.deepEqual(envNames(o), ['A', 'INJECTED']);
    assert.deepEqual(spec.containers[0].ports, [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443, protocol: 'TCP' }]);
    assert.equal(spec.containers[0].terminationMessagePath, '/dev/termination-log');
    assert.deepEqual(spec.volumes, [{ name: 'data', configMap: { name: 'cfg' } }]);
    assert.deepEqual(o['spec']['strategy'], { type: 'Recreate' });
    assert.equal(o['metadata']['labels']['team'], 'ops');
    assert.equal(o['metadata']['annotations']['deployment.kubernetes.io/revision'], '1');
    assert.match(o['metadata']['annotations']['kubectl.kubernetes.io/last-applied-configuration'], /"image":"nginx:1.28"/);
  },
  // Each later capture saw the state the earlier patches left (the stub applies them).
  'set-image': (o) => assert.deepEqual(podSpec(o).containers.map((c: Obj) => c['image']), ['nginx:1.29', 'busybox']),
  'set-env': (o) => {
    assert.deepEqual(envNames(o), ['INJECTED', 'FOO']);
    assert.equal(podSpec(o).containers[0].env[1].value, 'bar');
  },
  'edit-deployment': (o) => {
    assert.equal(o['spec']['replicas'], 5);
    assert.deepEqual(envNames(o), ['FOO']);
  },
  'rollout-restart': (o) => assert.match(o['spec']['template']['metadata']['annotations']['kubectl.kubernetes.io/restartedAt'], /^\d{4}-/),
  'apply-configmap': (o) => {
    assert.deepEqual(o['data'], { a: '1', c: '3' });
    assert.deepEqual(o['metadata']['labels'], { tier: 'x' });
  },
  'apply-service': (o) => {
    assert.deepEqual(o['spec']['ports'], [{ name: 'https', port: 443, targetPort: 443 }]);
    assert.equal(o['spec']['clusterIP'], '10.43.0.10');
  },
};

for (const c of kubectlPatches) {
  test(`strategicMergePatch() applies the ${c.name} patch of kubectl ${c.kubectl.join(' and ')} as Kubernetes does`, (t) => {
    assert.equal(c.contentType, 'application/strategic-merge-patch+json');
    const out = apply(c);
    if (!out) {
      t.skip(`${String(c.live['apiVersion'])} ${String(c.live['kind'])} is not in the schema catalog yet`);
      return;
    }
    assert.doesNotMatch(JSON.stringify(out), /"\$(patch|retainKeys|setElementOrder|deleteFromPrimitiveList)/);
    const expect = expectations[c.name];
    assert.ok(expect, `no expectation for ${c.name}`);
    expect(out);
  });
}

test('kubectl 1.27 and 1.33 send the same strategic merge patches', () => {
  for (const c of kubectlPatches) assert.deepEqual(c.kubectl, ['1.27', '1.33'], c.name);
});
