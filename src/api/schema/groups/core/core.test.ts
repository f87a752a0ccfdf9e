/**
 * @module Checks on the core catalog sources that the reference comparison cannot make: kubectl's
 * short names and categories, and that meta/v1 plus core/v1 resolve on their own (the invariants
 * every source shares are in ../../sources.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCatalog } from '../../catalog.js';
import { coreGroups } from './index.js';

test('coreGroups resolve on their own, without the named API groups', () => {
  const cat = buildCatalog(coreGroups);
  assert.equal(cat.definitionFor('', 'v1', 'Pod')?.name, 'io.k8s.api.core.v1.Pod');
  assert.ok(cat.definitions.has('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'));
});

test('core resources carry the short names and categories kubectl api-resources shows', () => {
  const cat = buildCatalog(coreGroups);
  const expected: Record<string, [string[] | undefined, string[] | undefined]> = {
    bindings: [undefined, undefined], componentstatuses: [['cs'], undefined], configmaps: [['cm'], undefined],
    endpoints: [['ep'], undefined], events: [['ev'], undefined], limitranges: [['limits'], undefined],
    namespaces: [['ns'], undefined], nodes: [['no'], undefined], persistentvolumeclaims: [['pvc'], undefined],
    persistentvolumes: [['pv'], undefined], pods: [['po'], ['all']], podtemplates: [undefined, undefined],
    replicationcontrollers: [['rc'], ['all']], resourcequotas: [['quota'], undefined], secrets: [undefined, undefined],
    serviceaccounts: [['sa'], undefined], services: [['svc'], ['all']],
  };
  assert.deepEqual(cat.resources.map((r) => r.plural).sort(), Object.keys(expected).sort());
  for (const [plural, [shortNames, categories]] of Object.entries(expected)) {
    const r = cat.resource('', 'v1', plural);
    assert.deepEqual(r?.shortNames, shortNames, plural);
    assert.deepEqual(r?.categories, categories, plural);
  }
  assert.equal(cat.resource('', 'v1', 'endpoints')?.singular, 'endpoints');
  assert.equal(cat.resource('', 'v1', 'bindings')?.listKind, undefined);
  const sub = (p: string, s: string) => cat.resource('', 'v1', p)?.subresources?.find((x) => x.name === s)?.kind;
  assert.deepEqual(sub('pods', 'eviction'), { group: 'policy', version: 'v1', kind: 'Eviction' });
  assert.deepEqual(sub('serviceaccounts', 'token'), { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' });
  assert.deepEqual(sub('pods', 'log'), { group: '', version: 'v1', kind: 'Pod' });
});
