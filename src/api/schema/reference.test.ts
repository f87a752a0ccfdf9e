/**
 * @module The catalog agrees with the official Kubernetes v1.33 API description wherever the
 * reference folder is present. Everything the catalog declares must agree; coverage is printed.
 * Set K3TS_CATALOG_COMPLETE=1 (or flip REQUIRE_COMPLETE once coverage is full) to also require
 * every served reference definition to exist.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalog } from './catalog.js';
import { compareWithReference } from './testing/compare-reference.js';
import { compareResources } from './testing/compare-resources.js';
import { referenceDir } from '../../base/testing/paths.js';

const REQUIRE_COMPLETE = process.env['K3TS_CATALOG_COMPLETE'] === '1';
const dir = referenceDir();

test('catalog agrees with the Kubernetes v1.33 reference', { skip: dir ? false : 'reference folder ../shared/reference/kubernetes-v1.33 is absent' }, () => {
  const r = compareWithReference(catalog(), dir ?? '');
  console.log(`catalog vs reference: ${r.definitionsAgreeing}/${r.definitionsExpected} definitions agree ` +
    `(${r.definitionsPresent} present), ${r.fieldsAgreeing}/${r.fieldsExpected} fields agree`);
  const shown = r.mismatches.slice(0, 40).map((m) => `  ${m.where}: ${m.what}`).join('\n');
  assert.equal(r.mismatches.length, 0, `${r.mismatches.length} disagreements with the reference:\n${shown}`);
  if (REQUIRE_COMPLETE) {
    assert.deepEqual(r.missing, [], `${r.missing.length} reference definitions are missing`);
  }
});

test('catalog resources agree with the Kubernetes v1.33 reference', { skip: dir ? false : 'reference folder ../shared/reference/kubernetes-v1.33 is absent' }, () => {
  const r = compareResources(catalog(), dir ?? '');
  console.log(`catalog vs reference: ${r.resourcesAgreeing}/${r.resourcesExpected} resources agree (${r.resourcesPresent} present)`);
  const shown = r.mismatches.slice(0, 40).map((m) => `  ${m.where}: ${m.what}`).join('\n');
  assert.equal(r.mismatches.length, 0, `${r.mismatches.length} disagreements with the reference:\n${shown}`);
  if (REQUIRE_COMPLETE) {
    assert.deepEqual(r.missing, [], `${r.missing.length} reference resources are missing`);
  }
});
