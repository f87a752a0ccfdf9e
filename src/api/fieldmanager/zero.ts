/**
 * @module The zero object of a kind as kube-apiserver's field manager sees it (a new Go struct
 * converted to JSON): non-pointer structs present as empty objects, required lists and maps as
 * null, everything else absent. Creates are compared against it, which decides which maps count
 * as added (and so appear with a "." in managedFields).
 */
import type { JsonObject } from '../merge/json.js';
import type { MergeNode } from '../merge/schema.js';

const cache = new WeakMap<MergeNode, JsonObject>();

/** The zero value of a struct node (an empty object for anything else); shared: do not mutate. */
export function zeroObject(node: MergeNode): JsonObject {
  let z = cache.get(node);
  if (!z) {
    z = build(node, 0);
    cache.set(node, z);
  }
  return z;
}

function build(node: MergeNode, depth: number): JsonObject {
  const out: JsonObject = {};
  if (node.kind !== 'struct' || depth > 16) return out;
  for (const f of node.fields()) {
    if (f.ptr) continue;
    if (f.node.kind === 'struct') out[f.name] = build(f.node, depth + 1);
    else if ((f.node.kind === 'list' || f.node.kind === 'map') && f.required) out[f.name] = null;
  }
  return out;
}
