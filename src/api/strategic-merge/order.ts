/**
 * @module Element order after a strategic merge of a list, as apimachinery computes it: items
 * named in the patch (or its $setElementOrder list) keep the patch's order, items only on the
 * server keep their live order, and the two runs are interleaved by the live order.
 */
import { isObject, type JsonObject } from '../merge/json.js';
import { smpErrors } from './errors.js';

/** The identity of a list item: its merge key's value for maps, the item itself for scalars. */
export function identity(item: unknown, mergeKey: string): unknown {
  if (!mergeKey) return item;
  return isObject(item) ? item[mergeKey] : undefined;
}

/** Position of `item` in `list` by identity, or -1. */
function indexOf(list: readonly unknown[], item: unknown, mergeKey: string): number {
  const id = identity(item, mergeKey);
  for (let i = 0; i < list.length; i++) if (identity(list[i], mergeKey) === id) return i;
  return -1;
}

/** Splits `merged` into the items present in `by` (by identity) and the rest. */
export function partition(merged: readonly unknown[], by: readonly unknown[], mergeKey: string): [unknown[], unknown[]] {
  const inBy = new Set(by.map((x) => identity(x, mergeKey)));
  const present: unknown[] = [];
  const rest: unknown[] = [];
  for (const v of merged) {
    if (mergeKey && !(isObject(v) && Object.hasOwn(v, mergeKey))) throw smpErrors.noMergeKey(v, mergeKey);
    (inBy.has(identity(v, mergeKey)) ? present : rest).push(v);
  }
  return [present, rest];
}

/** Checks every map of the lists carries the merge key. */
function requireMergeKey(mergeKey: string, ...lists: (readonly unknown[])[]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isObject(item)) throw smpErrors.badArgType('map', item);
      if (!Object.hasOwn(item, mergeKey)) throw smpErrors.noMergeKey(item, mergeKey);
    }
  }
}

/**
 * Sorts `toSort` by the positions of its items in `order` (stable), keeping `$patch: delete`
 * items last. Items missing from `order` move ahead as Go's insertion sort moves them with the
 * comparison apimachinery uses.
 */
function sortByOrder(toSort: unknown[], order: readonly unknown[], mergeKey: string, ofMaps: boolean): unknown[] {
  let items = toSort;
  let deletes: unknown[] = [];
  if (ofMaps) {
    requireMergeKey(mergeKey, toSort, order);
    items = toSort.filter((v) => !((v as JsonObject)['$patch'] === 'delete'));
    deletes = toSort.filter((v) => (v as JsonObject)['$patch'] === 'delete');
  }
  const pos = items.map((v) => indexOf(order, v, mergeKey));
  if (pos.every((p) => p >= 0)) {
    const idx = items.map((_, i) => i).sort((a, b) => (pos[a] as number) - (pos[b] as number) || a - b);
    return [...idx.map((i) => items[i]), ...deletes];
  }
  const arr = items.map((v, i) => ({ v, p: pos[i] as number }));
  for (let i = 1; i < arr.length; i++) {
    for (let j = i; j > 0; j--) {
      const a = arr[j] as { v: unknown; p: number };
      const b = arr[j - 1] as { v: unknown; p: number };
      const less = a.p >= 0 && b.p >= 0 ? a.p < b.p : true;
      if (!less) break;
      arr[j] = b;
      arr[j - 1] = a;
    }
  }
  return [...arr.map((x) => x.v), ...deletes];
}

/**
 * Orders `patchItems` by `patchOrder` and `serverOnly` by `serverOrder`, then merges the two runs:
 * a server-only item goes before a patch item when the live list had it first.
 */
export function normalizeElementOrder(
  patchItems: unknown[], serverOnly: unknown[],
  opts: { patchOrder: readonly unknown[]; serverOrder: readonly unknown[]; mergeKey: string; ofMaps: boolean },
): unknown[] {
  const right = sortByOrder(patchItems, opts.patchOrder, opts.mergeKey, opts.ofMaps);
  const left = sortByOrder(serverOnly, opts.serverOrder, opts.mergeKey, opts.ofMaps);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexOf(opts.serverOrder, left[i], opts.mergeKey);
      const ri = indexOf(opts.serverOrder, right[j], opts.mergeKey);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}
