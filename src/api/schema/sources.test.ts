/**
 * @module Invariants of every catalog source (core and named groups alike) that the reference
 * comparison cannot check: protobuf slots unique per message, one-sentence descriptions, and
 * consistent enum, default, list and merge metadata.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allGroups } from './groups/index.js';

const definitions = allGroups.flatMap((g) => g.definitions);

test('catalog sources declare each protobuf number once per (embedded) message', () => {
  for (const d of definitions) {
    const seen = new Map<string, string>();
    for (const f of d.fields) {
      if (f.proto === 0) continue;
      const slot = `${(f.embeddedIn ?? []).join('.')}#${f.proto}`;
      assert.equal(seen.get(slot), undefined, `${d.name}: ${f.name} reuses protobuf slot ${slot} of ${seen.get(slot)}`);
      seen.set(slot, f.name);
    }
  }
});

test('catalog sources describe every definition and field in one short sentence', () => {
  for (const d of definitions) {
    assert.match(d.doc, /^\S.{2,150}[.)]$/, d.name);
    for (const f of d.fields) assert.match(f.doc, /^\S.{2,150}[.)]$/, `${d.name}.${f.name}`);
  }
});

test('catalog sources keep enum, default, list and merge metadata consistent', () => {
  for (const d of definitions) {
    for (const f of d.fields) {
      const where = `${d.name}.${f.name}`;
      if (f.enum && f.default !== undefined) assert.ok(f.enum.includes(String(f.default)), where);
      if (f.listMapKeys) assert.equal(f.listType, 'map', `${where}: map keys need list type map`);
      if (f.listType === 'map') assert.ok(f.listMapKeys?.length, `${where}: list type map needs keys`);
      if (f.patchMergeKey) assert.match(f.patchStrategy ?? '', /merge/, `${where}: merge key without merge`);
    }
  }
});
