/**
 * @module Checks on the named API group sources that the reference comparison cannot make:
 * kubectl's short names and categories, create-only reviews, scale subresources, and
 * metrics.k8s.io (absent from the reference). Shared invariants are in ../../sources.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCatalog } from '../../catalog.js';
import { coreGroups } from '../core/index.js';
import { apiGroups } from './index.js';

const cat = buildCatalog([...coreGroups, ...apiGroups]);

test('every named-group resource has its kind, list kind and subresource kinds in the catalog', () => {
  for (const r of apiGroups.flatMap((g) => g.resources)) {
    const where = `${r.group}/${r.version}/${r.plural}`;
    assert.equal(cat.definitionFor(r.group, r.version, r.kind)?.name, r.definition, where);
    if (r.listKind) assert.ok(cat.definitionFor(r.group, r.version, r.listKind), `${where}: ${r.listKind}`);
    for (const s of r.subresources ?? []) assert.ok(cat.definitionFor(s.kind.group, s.kind.version, s.kind.kind), `${where}/${s.name}`);
  }
});

test('named-group resources carry the short names and categories kubectl api-resources shows', () => {
  const expected: Record<string, [(string[] | undefined)?, (string[] | undefined)?]> = {
    'apps/deployments': [['deploy'], ['all']], 'apps/replicasets': [['rs'], ['all']],
    'apps/statefulsets': [['sts'], ['all']], 'apps/daemonsets': [['ds'], ['all']], 'apps/controllerrevisions': [],
    'batch/jobs': [undefined, ['all']], 'batch/cronjobs': [['cj'], ['all']],
    'autoscaling/horizontalpodautoscalers': [['hpa'], ['all']], 'policy/poddisruptionbudgets': [['pdb']],
    'networking.k8s.io/ingresses': [['ing']], 'networking.k8s.io/networkpolicies': [['netpol']],
    'networking.k8s.io/ipaddresses': [['ip']], 'networking.k8s.io/ingressclasses': [], 'networking.k8s.io/servicecidrs': [],
    'certificates.k8s.io/certificatesigningrequests': [['csr']], 'events.k8s.io/events': [['ev']],
    'scheduling.k8s.io/priorityclasses': [['pc']], 'storage.k8s.io/storageclasses': [['sc']],
    'apiextensions.k8s.io/customresourcedefinitions': [['crd', 'crds'], ['api-extensions']],
    'apiregistration.k8s.io/apiservices': [undefined, ['api-extensions']],
    'admissionregistration.k8s.io/mutatingwebhookconfigurations': [undefined, ['api-extensions']],
    'admissionregistration.k8s.io/validatingwebhookconfigurations': [undefined, ['api-extensions']],
    'admissionregistration.k8s.io/validatingadmissionpolicies': [undefined, ['api-extensions']],
    'admissionregistration.k8s.io/validatingadmissionpolicybindings': [undefined, ['api-extensions']],
  };
  for (const [key, [shortNames, categories]] of Object.entries(expected)) {
    const [group = '', plural = ''] = key.split('/');
    const rs = cat.resources.filter((r) => r.group === group && r.plural === plural);
    assert.ok(rs.length > 0, key);
    for (const r of rs) {
      assert.deepEqual(r.shortNames, shortNames, `${key} ${r.version}`);
      assert.deepEqual(r.categories, categories, `${key} ${r.version}`);
    }
  }
});

test('review resources accept only create and are never listed', () => {
  const reviews = cat.resources.filter((r) => /review(s)?$/.test(r.plural));
  assert.deepEqual(reviews.map((r) => r.plural).sort(), [
    'localsubjectaccessreviews', 'selfsubjectaccessreviews', 'selfsubjectreviews', 'selfsubjectrulesreviews',
    'subjectaccessreviews', 'tokenreviews',
  ]);
  for (const r of reviews) {
    assert.deepEqual(r.verbs, ['create'], r.plural);
    assert.equal(r.listKind, undefined, r.plural);
  }
  assert.equal(cat.resource('authorization.k8s.io', 'v1', 'localsubjectaccessreviews')?.namespaced, true);
});

test('scale subresources speak autoscaling/v1 Scale; CSRs have approval', () => {
  for (const plural of ['deployments', 'replicasets', 'statefulsets']) {
    const scale = cat.resource('apps', 'v1', plural)?.subresources?.find((s) => s.name === 'scale');
    assert.deepEqual(scale?.kind, { group: 'autoscaling', version: 'v1', kind: 'Scale' }, plural);
  }
  const csr = cat.resource('certificates.k8s.io', 'v1', 'certificatesigningrequests');
  assert.deepEqual(csr?.subresources?.map((s) => s.name).sort(), ['approval', 'status']);
});

test('metrics.k8s.io/v1beta1 serves read-only node and pod metrics with a Duration window', () => {
  const nodes = cat.resource('metrics.k8s.io', 'v1beta1', 'nodes');
  const pods = cat.resource('metrics.k8s.io', 'v1beta1', 'pods');
  assert.deepEqual([nodes?.kind, nodes?.namespaced, nodes?.verbs], ['NodeMetrics', false, ['get', 'list']]);
  assert.deepEqual([pods?.kind, pods?.namespaced, pods?.verbs], ['PodMetrics', true, ['get', 'list']]);
  const pm = cat.definitionFor('metrics.k8s.io', 'v1beta1', 'PodMetrics');
  assert.deepEqual(pm?.fields.map((f) => [f.name, f.proto]), [['apiVersion', 0], ['kind', 0], ['metadata', 1], ['timestamp', 2], ['window', 3], ['containers', 4]]);
  const window = pm?.fields.find((f) => f.name === 'window')?.type;
  assert.deepEqual(window, { ref: 'io.k8s.apimachinery.pkg.apis.meta.v1.Duration' });
  assert.equal(cat.definitions.get('io.k8s.apimachinery.pkg.apis.meta.v1.Duration')?.custom, 'Duration');
});
