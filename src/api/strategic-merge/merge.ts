/**
 * @module Strategic merge patch (kube-apiserver's `application/strategic-merge-patch+json`):
 * maps merge recursively and `null` deletes; lists whose field has the `merge` strategy merge
 * by merge key (scalar lists are unioned); other lists and scalars are replaced. Directives:
 * `$patch: replace|delete|merge`, `$retainKeys`, `$deleteFromPrimitiveList/<f>`,
 * `$setElementOrder/<f>`; none of them survives into the result. The algorithm follows
 * apimachinery's pkg/util/strategicpatch (apply side, MergeParallelList and
 * IgnoreUnmatchedNulls set), including its element ordering and its error messages.
 */
import { deepCopy, isObject, put, type JsonObject } from '../merge/json.js';
import { childOf, UNTYPED, type MergeNode } from '../merge/schema.js';
import { SMP_MESSAGES, smpBadRequest, smpErrors, smpUnprocessable } from './errors.js';
import { normalizeElementOrder, partition } from './order.js';
import { goType } from './go-format.js';

const MARKER = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM = '$deleteFromPrimitiveList';
const SET_ORDER = '$setElementOrder';

/**
 * Applies a strategic merge patch to `original` (the live object as JSON) for a kind whose merge
 * metadata is `node`, and returns the patched object. Inputs are not modified. Throws a
 * StatusError as kube-apiserver would answer a malformed patch.
 */
export function strategicMergePatch(original: unknown, patch: unknown, node: MergeNode): JsonObject {
  if (!isObject(patch)) throw smpBadRequest(`json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch === 'string' ? 'string' : patch === null ? 'null' : typeof patch === 'boolean' ? 'bool' : 'number'} into Go value of type map[string]interface {}`);
  return mergeMap(isObject(original) ? deepCopy(original) : {}, deepCopy(patch), node);
}

/** What a field lookup gives: the child's node and the field's patch strategy and merge key. */
interface Meta {
  node: MergeNode;
  strategy: string;
  retainKeys: boolean;
  mergeKey: string;
}

function lookup(node: MergeNode, key: string): Meta {
  const f = childOf(node, key);
  if (!f) return { node: UNTYPED, strategy: '', retainKeys: false, mergeKey: '' };
  const parts = (f.patchStrategy ?? '').split(',').filter(Boolean);
  return {
    node: f.node,
    strategy: parts.find((p) => p !== 'retainKeys') ?? '',
    retainKeys: parts.includes('retainKeys'),
    mergeKey: f.patchMergeKey ?? '',
  };
}

function itemNode(meta: Meta): MergeNode {
  return meta.node.kind === 'list' ? meta.node.item : UNTYPED;
}

/** Go's reflect kind of a JSON value, for the "same type" checks of the algorithm. */
function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (isObject(v)) return 'map';
  return goType(v);
}

function mergeMap(original: JsonObject, patch: JsonObject, node: MergeNode): JsonObject {
  if (Object.hasOwn(patch, MARKER)) {
    const directive = patch[MARKER];
    if (directive === 'replace') {
      delete patch[MARKER];
      return stripDirectives(patch) as JsonObject;
    }
    // apimachinery answers `$patch: delete` on a map with an empty map.
    if (directive === 'delete') return {};
    throw smpErrors.badPatchType(directive, patch);
  }
  applyRetainKeys(original, patch);
  mergeOrderedLists(original, patch, node);

  for (const rawKey of Object.keys(patch)) {
    const patchV = patch[rawKey];
    let key = rawKey;
    let isDeleteList = false;
    if (rawKey.startsWith(DELETE_FROM)) {
      key = extractKey(rawKey, DELETE_FROM, SMP_MESSAGES.primitiveList);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete original[key];
      continue;
    }
    if (!Object.hasOwn(original, key)) {
      if (!isDeleteList) setNew(original, key, patchV);
      continue;
    }
    const origV = original[key];
    if (kindOf(origV) !== kindOf(patchV)) {
      if (!isDeleteList) setNew(original, key, patchV);
      continue;
    }
    if (isObject(origV)) {
      const meta = lookup(node, key);
      put(original, key, meta.strategy === 'replace' ? stripDirectives(patchV) : mergeMap(origV, patchV as JsonObject, meta.node));
    } else if (Array.isArray(origV)) {
      const meta = lookup(node, key);
      put(original, key, meta.strategy === 'merge' || isDeleteList
        ? mergeSlice(origV, patchV as unknown[], { meta, isDeleteList }).merged
        : stripDirectives(patchV));
    } else {
      put(original, key, patchV);
    }
  }
  return original;
}

/** A value the original lacks (or holds with another type): nulls and directives are dropped. */
function setNew(original: JsonObject, key: string, value: unknown): void {
  const v = stripDirectives(dropNulls(value));
  if (v === DROP) delete original[key];
  else put(original, key, v);
}

const DROP = Symbol('drop');

/**
 * Removes directives from a value taken over whole: maps carrying `$patch` disappear (as
 * apimachinery's removeDirectives does), and the parallel-list directives, which have nothing to
 * act on in a new value, are removed so they never reach storage.
 */
function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives).filter((x) => x !== DROP);
  if (!isObject(v)) return v;
  if (Object.hasOwn(v, MARKER)) return DROP;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === RETAIN_KEYS || k.startsWith(`${DELETE_FROM}/`) || k.startsWith(`${SET_ORDER}/`)) continue;
    const s = stripDirectives(x);
    if (s !== DROP) put(out, k, s);
  }
  return out;
}

function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (!isObject(v)) return v;
  for (const k of Object.keys(v)) {
    if (v[k] === null) delete v[k];
    else dropNulls(v[k]);
  }
  return v;
}

function extractKey(key: string, prefix: string, message: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) throw smpBadRequest(message);
  return key.slice(slash + 1);
}

/** `$retainKeys`: clears every key of the original not listed; the patch may only set listed keys. */
function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list)) throw smpBadRequest(SMP_MESSAGES.retainKeys);
  const keep = new Set(list);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM) || k.startsWith(SET_ORDER)) continue;
    if (!keep.has(k)) throw smpBadRequest(SMP_MESSAGES.retainKeys);
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/** `$setElementOrder/<f>`: merges the list `f` and puts it in the order given. */
function mergeOrderedLists(original: JsonObject, patch: JsonObject, node: MergeNode): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ORDER)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw smpErrors.badArgType('slice', order);
    const field = extractKey(key, SET_ORDER, SMP_MESSAGES.setElementOrder);
    const foundOriginal = Object.hasOwn(original, field);
    const foundPatch = Object.hasOwn(patch, field);
    const origList = original[field];
    const patchList = patch[field];
    if (foundOriginal && !Array.isArray(origList)) throw smpErrors.badArgType('slice', origList);
    if (foundPatch && !Array.isArray(patchList)) throw smpErrors.badArgType('slice', patchList);
    const meta = lookup(node, field);
    validateOrder(foundPatch ? patchList as unknown[] : [], order, meta.mergeKey);
    let merged: unknown[];
    let serverOrder = foundOriginal ? origList as unknown[] : [];
    if (foundOriginal && foundPatch) {
      if (meta.strategy === 'merge') {
        const r = mergeSlice(origList as unknown[], patchList as unknown[], { meta, isDeleteList: false });
        merged = r.merged;
        serverOrder = r.view;
      } else merged = stripDirectives(patchList) as unknown[];
    } else if (foundPatch) merged = stripDirectives(patchList) as unknown[];
    else if (foundOriginal) merged = origList as unknown[];
    else continue;
    const [inOrder, serverOnly] = partition(merged, order, meta.mergeKey);
    const elem = elementKind([foundOriginal ? origList as unknown[] : [], foundPatch ? patchList as unknown[] : []]);
    put(original, field, normalizeElementOrder(inOrder, serverOnly, {
      patchOrder: order, serverOrder, mergeKey: meta.mergeKey, ofMaps: elem === 'map',
    }));
    delete patch[field];
  }
}

/** The relative order of the patch's items must agree with the $setElementOrder list. */
function validateOrder(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (!order.length || !patchList.length) return;
  const items = mergeKey ? patchList.filter((v) => !(isObject(v) && v[MARKER] === 'delete')) : patchList;
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    const item = items[p];
    if (isObject(item) && Object.hasOwn(item, MARKER)) {
      p++;
      continue;
    }
    if (sameKey(item, order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length && o >= order.length) throw smpErrors.orderMismatch(patchList, order);
}

function sameKey(a: unknown, b: unknown, mergeKey: string): boolean {
  if (!mergeKey) return a === b;
  if (!isObject(a)) throw smpErrors.badArgType('map', a);
  if (!isObject(b)) throw smpErrors.badArgType('map', b);
  if (!Object.hasOwn(a, mergeKey)) throw smpErrors.noMergeKey(a, mergeKey);
  if (!Object.hasOwn(b, mergeKey)) throw smpErrors.noMergeKey(b, mergeKey);
  return a[mergeKey] === b[mergeKey];
}

/** The common kind of the elements of the lists; lists of lists and mixed kinds are errors. */
function elementKind(lists: unknown[][]): string {
  let kind: string | undefined;
  for (const list of lists) {
    for (const v of list) {
      const k = kindOf(v);
      if (kind === undefined) {
        if (k === 'slice') throw smpUnprocessable();
        kind = k;
      } else if (k !== kind) throw smpErrors.elementTypes(lists);
    }
  }
  if (kind === undefined) throw smpErrors.noElements();
  return kind;
}

/**
 * The live list as apimachinery's ordering step sees it after a merge: Go deletes and appends in
 * place within the original slice's backing array, so a $setElementOrder merge orders server-only
 * items against that array (deleted slots hold shifted or newly appended items). Emulated to
 * give the same order as kube-apiserver.
 */
class Backing {
  private readonly arr: unknown[];
  private len: number;
  private detached = false;
  constructor(original: readonly unknown[]) {
    this.arr = [...original];
    this.len = original.length;
  }
  /** The original slice header's view (its full length). */
  view(): unknown[] {
    return this.arr;
  }
  removeAt(i: number): void {
    if (this.detached) return;
    this.arr.copyWithin(i, i + 1, this.len);
    this.len--;
  }
  append(v: unknown): void {
    if (this.detached) return;
    if (this.len < this.arr.length) this.arr[this.len++] = v;
    else this.detached = true;
  }
}

interface SliceResult {
  merged: unknown[];
  /** The original list as Go's aliasing leaves it (see Backing). */
  view: unknown[];
}

function mergeSlice(original: unknown[], patch: unknown[], opts: { meta: Meta; isDeleteList: boolean }): SliceResult {
  if (!original.length && !patch.length) return { merged: original, view: original };
  const { meta } = opts;
  const kind = elementKind([original, patch]);
  if (kind !== 'map') {
    if (opts.isDeleteList) {
      const drop = new Set(patch);
      return { merged: original.filter((v) => !drop.has(v)), view: original };
    }
    const merged = [...new Set([...original, ...patch])];
    const [inPatch, serverOnly] = partition(merged, patch, '');
    return { merged: normalizeElementOrder(inPatch, serverOnly, { patchOrder: patch, serverOrder: original, mergeKey: '', ofMaps: false }), view: original };
  }
  if (!meta.mergeKey) throw smpErrors.noMergeKeyDeclared('struct');
  const backing = new Backing(original);
  const [orig, items] = specialElements(original, patch, { mergeKey: meta.mergeKey, backing });
  const merged = mergeByKey(orig, items, { mergeKey: meta.mergeKey, node: itemNode(meta), backing });
  const [inPatch, serverOnly] = partition(merged, items, meta.mergeKey);
  return {
    merged: normalizeElementOrder(inPatch, serverOnly, { patchOrder: items, serverOrder: orig, mergeKey: meta.mergeKey, ofMaps: true }),
    view: backing.view(),
  };
}

/** Handles `$patch` items of a merging list: delete by key, or replace the whole list. */
function specialElements(original: unknown[], patch: unknown[], opts: { mergeKey: string; backing: Backing }): [unknown[], unknown[]] {
  const { mergeKey } = opts;
  const plain: unknown[] = [];
  let orig = original;
  let replace = false;
  for (const v of patch) {
    const m = v as JsonObject;
    if (!Object.hasOwn(m, MARKER)) {
      plain.push(v);
      continue;
    }
    const directive = m[MARKER];
    if (directive === 'delete') {
      if (!Object.hasOwn(m, mergeKey)) throw smpErrors.noMergeKey(m, mergeKey);
      for (;;) {
        const at = orig.findIndex((x, i) => {
          if (!isObject(x)) throw smpErrors.notAMap(i);
          return Object.hasOwn(x, mergeKey) && x[mergeKey] === m[mergeKey];
        });
        if (at < 0) break;
        orig = [...orig.slice(0, at), ...orig.slice(at + 1)];
        opts.backing.removeAt(at);
      }
    } else if (directive === 'replace') replace = true;
    else if (directive === 'merge') throw smpErrors.mergingLists();
    else throw smpErrors.badPatchType(directive, m);
  }
  return replace ? [plain.map(stripDirectives).filter((x) => x !== DROP), []] : [orig, plain];
}

function mergeByKey(original: unknown[], patch: unknown[], opts: { mergeKey: string; node: MergeNode; backing: Backing }): unknown[] {
  const out = [...original];
  for (const v of patch) {
    const m = v as JsonObject;
    if (!Object.hasOwn(m, opts.mergeKey)) throw smpErrors.noMergeKey(m, opts.mergeKey);
    const key = m[opts.mergeKey];
    const at = out.findIndex((x) => isObject(x) && Object.hasOwn(x, opts.mergeKey) && x[opts.mergeKey] === key);
    if (at >= 0) out[at] = mergeMap(out[at] as JsonObject, m, opts.node);
    else {
      const added = stripDirectives(dropNulls(m));
      out.push(added);
      opts.backing.append(added);
    }
  }
  return out;
}
