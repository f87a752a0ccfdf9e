import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDir } from '../../base/testing/paths.js';
import { builtinMergeSchema } from './catalog-schema.js';
import { listSemantics, type MergeNode } from './schema.js';

type Json = Record<string, any>; // any: the reference swagger is read as loose JSON

test('builtinMergeSchema() has the patch strategies, merge keys, list and map types of every reference definition', (t) => {
  const ref = referenceDir();
  if (!ref) {
    t.skip('the Kubernetes v1.33 reference (../shared/reference) is absent');
    return;
  }
  const swagger = JSON.parse(readFileSync(join(ref, 'swagger.json'), 'utf8')) as { definitions: Record<string, Json> };
  const schema = builtinMergeSchema();
  const problems: string[] = [];
  let checked = 0;
  for (const [name, def] of Object.entries(swagger.definitions)) {
    const node: MergeNode = schema.definition(name);
    if (node.kind !== 'struct') continue;
    for (const [prop, p] of Object.entries((def['properties'] ?? {}) as Record<string, Json>)) {
      const f = node.field(prop);
      const where = `${name}.${prop}`;
      if (!f) {
        problems.push(`${where}: missing`);
        continue;
      }
      const strategy = p['x-kubernetes-patch-strategy'];
      const key = p['x-kubernetes-patch-merge-key'];
      if ((f.patchStrategy ?? undefined) !== strategy) problems.push(`${where}: patch strategy ${f.patchStrategy} != ${strategy}`);
      if ((f.patchMergeKey ?? undefined) !== key) problems.push(`${where}: merge key ${f.patchMergeKey} != ${key}`);
      if (f.node.kind === 'list') {
        const want = listSemantics({ listType: p['x-kubernetes-list-type'], listMapKeys: p['x-kubernetes-list-map-keys'], patchStrategy: strategy, patchMergeKey: key });
        if (f.node.listType !== want.listType || f.node.keys.join() !== want.keys.join()) problems.push(`${where}: list ${f.node.listType}[${f.node.keys}] != ${want.listType}[${want.keys}]`);
      }
      if (f.node.kind === 'map' && (p['x-kubernetes-map-type'] === 'atomic') !== f.node.atomic) problems.push(`${where}: map type`);
      checked++;
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(checked > 2000, `only ${checked} fields checked`);
});
