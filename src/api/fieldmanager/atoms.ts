/**
 * @module How apply sees one node of an object: a scalar, a list (atomic, set or map-keyed) or a
 * map (a struct's fields or a map's entries, granular or atomic), deduced for untyped values from
 * the value itself; and the path element that identifies an item of a set or map-typed list.
 */
import { isObject } from '../merge/json.js';
import { UNTYPED, type ListNode, type MergeNode, type StructNode } from '../merge/schema.js';
import { sortKey, type KeyField, type PathElement } from './path.js';

export type Atom =
  | { readonly kind: 'scalar' }
  | { readonly kind: 'list'; readonly atomic: boolean; readonly list: ListNode }
  | { readonly kind: 'map'; readonly atomic: boolean; readonly node: MergeNode };

const DEDUCED_LIST: ListNode = { kind: 'list', item: UNTYPED, listType: 'atomic', keys: [] };

/** The atom of `node` for a value (untyped nodes take the value's own shape). */
export function atomOf(node: MergeNode, v: unknown): Atom {
  switch (node.kind) {
    case 'scalar': return { kind: 'scalar' };
    case 'list': return { kind: 'list', atomic: node.listType === 'atomic', list: node };
    case 'struct':
    case 'map': return { kind: 'map', atomic: node.atomic, node };
    default:
      // null deduces to no particular shape; structured-merge-diff then treats it as a map.
      if (isObject(v) || v === null) return { kind: 'map', atomic: false, node: UNTYPED };
      if (Array.isArray(v)) return { kind: 'list', atomic: true, list: DEDUCED_LIST };
      return { kind: 'scalar' };
  }
}

/** The type of a map entry, or undefined for a field a struct does not declare. */
export function entryNode(node: MergeNode, key: string): MergeNode | undefined {
  if (node.kind === 'struct') return node.field(key)?.node ?? (node.preserveUnknown ? UNTYPED : undefined);
  if (node.kind === 'map') return node.value;
  return UNTYPED;
}

/** Whether `key` is a declared struct field (undeclared map entries are members themselves). */
export function isDeclared(node: MergeNode, key: string): boolean {
  return node.kind === 'struct' && node.field(key) !== undefined;
}

/** An item's identity in a set or map-typed list; throws with structured-merge-diff's reason. */
export function itemElement(list: ListNode, item: unknown): PathElement {
  if (list.listType === 'atomic') throw new Error('invalid indexing of non-associative list');
  if (list.keys.length) {
    if (item === null) throw new Error('associative list with keys may not have a null element');
    if (!isObject(item)) throw new Error('associative list with keys may not have non-map elements');
    const fields: KeyField[] = [];
    for (const name of list.keys) {
      if (Object.hasOwn(item, name)) fields.push({ name, value: item[name] });
      else {
        const def = (list.item as StructNode).kind === 'struct' ? (list.item as StructNode).field(name)?.default : undefined;
        if (def !== undefined) fields.push({ name, value: def });
      }
    }
    if (!fields.length) {
      throw new Error(`associative list with keys has an element that omits all key fields [${list.keys.map((k) => JSON.stringify(k)).join(' ')}] (and doesn't have default values for any key fields)`);
    }
    return { key: sortKey(fields) };
  }
  if (isObject(item)) throw new Error("associative list without keys has an element that's a map type");
  if (Array.isArray(item)) throw new Error('not supported: associative list with lists as elements');
  if (item === null) throw new Error("associative list without keys has an element that's an explicit null");
  return { value: item };
}
