/**
 * @module The set of field paths a manager owns (structured-merge-diff's fieldpath.Set): a trie
 * whose nodes are path elements; a node can be a member (the path itself is in the set), have
 * children, or both. Set algebra, iteration in path order, and the FieldsV1 JSON form stored in
 * metadata.managedFields (`{"f:spec":{"f:replicas":{}}}`, `"."` marking a member with children).
 */
import { isObject, type JsonObject } from '../merge/json.js';
import { childOf, type MergeNode } from '../merge/schema.js';
import { comparePE, deserializePE, serializePE, type FieldPath, type PathElement } from './path.js';

interface Child {
  readonly pe: PathElement;
  readonly set: FieldSet;
}

function search<T>(arr: readonly T[], pe: PathElement, get: (x: T) => PathElement): [number, boolean] {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = comparePE(get(arr[mid] as T), pe);
    if (c === 0) return [mid, true];
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return [lo, false];
}

const self = (pe: PathElement) => pe;
const childPE = (c: Child) => c.pe;

/** A set of field paths. Operations return new sets; `insert` mutates. */
export class FieldSet {
  private constructor(
    private readonly members: PathElement[],
    private readonly children: Child[],
  ) {}

  /** A set holding the given paths. */
  static of(...paths: FieldPath[]): FieldSet {
    const s = new FieldSet([], []);
    for (const p of paths) s.insert(p);
    return s;
  }

  /** Adds a path (a no-op for the empty path). */
  insert(path: FieldPath): void {
    if (!path.length) return;
    let s: FieldSet = this;
    for (let i = 0; i < path.length - 1; i++) s = s.descend(path[i] as PathElement);
    const last = path[path.length - 1] as PathElement;
    const [at, found] = search(s.members, last, self);
    if (!found) s.members.splice(at, 0, last);
  }

  private descend(pe: PathElement): FieldSet {
    const [at, found] = search(this.children, pe, childPE);
    if (found) return (this.children[at] as Child).set;
    const set = new FieldSet([], []);
    this.children.splice(at, 0, { pe, set });
    return set;
  }

  /** Whether the exact path is a member. */
  has(path: FieldPath): boolean {
    if (!path.length) return false;
    let s: FieldSet | undefined = this;
    for (let i = 0; i < path.length - 1 && s; i++) s = s.child(path[i] as PathElement);
    return s ? search(s.members, path[path.length - 1] as PathElement, self)[1] : false;
  }

  /** The subtree under `pe` (an empty set when there is none). */
  withPrefix(pe: PathElement): FieldSet {
    return this.child(pe) ?? new FieldSet([], []);
  }

  private child(pe: PathElement): FieldSet | undefined {
    const [at, found] = search(this.children, pe, childPE);
    return found ? (this.children[at] as Child).set : undefined;
  }

  /** True when no path is a member anywhere. */
  empty(): boolean {
    return this.members.length === 0 && this.children.every((c) => c.set.empty());
  }

  union(o: FieldSet): FieldSet {
    const members = mergeSorted(this.members, o.members, self);
    const children: Child[] = [];
    let i = 0;
    let j = 0;
    while (i < this.children.length || j < o.children.length) {
      const a = this.children[i];
      const b = o.children[j];
      const c = a && b ? comparePE(a.pe, b.pe) : a ? -1 : 1;
      if (c < 0) { children.push(a as Child); i++; }
      else if (c > 0) { children.push(b as Child); j++; }
      else { children.push({ pe: (a as Child).pe, set: (a as Child).set.union((b as Child).set) }); i++; j++; }
    }
    return new FieldSet(members, children);
  }

  intersection(o: FieldSet): FieldSet {
    const members = this.members.filter((m) => search(o.members, m, self)[1]);
    const children: Child[] = [];
    for (const c of this.children) {
      const other = o.child(c.pe);
      if (!other) continue;
      const set = c.set.intersection(other);
      if (!set.empty()) children.push({ pe: c.pe, set });
    }
    return new FieldSet(members, children);
  }

  /** Paths of this set not in `o` (a member of `o` does not remove this set's children below it). */
  difference(o: FieldSet): FieldSet {
    const members = this.members.filter((m) => !search(o.members, m, self)[1]);
    const children: Child[] = [];
    for (const c of this.children) {
      const other = o.child(c.pe);
      if (!other) { children.push(c); continue; }
      const set = c.set.difference(other);
      if (!set.empty()) children.push({ pe: c.pe, set });
    }
    return new FieldSet(members, children);
  }

  /** Like difference, but a member of `o` also removes everything below it. */
  recursiveDifference(o: FieldSet): FieldSet {
    const members = this.members.filter((m) => !search(o.members, m, self)[1]);
    const children: Child[] = [];
    for (const c of this.children) {
      if (search(o.members, c.pe, self)[1]) continue;
      const other = o.child(c.pe);
      if (!other) { children.push(c); continue; }
      const set = c.set.recursiveDifference(other);
      if (!set.empty()) children.push({ pe: c.pe, set });
    }
    return new FieldSet(members, children);
  }

  /** Members that are not also parents of other members. */
  leaves(): FieldSet {
    const members = this.members.filter((m) => !this.child(m));
    return new FieldSet(members, this.children.map((c) => ({ pe: c.pe, set: c.set.leaves() })));
  }

  /** Makes every struct field that has children a member too (used before removing items). */
  ensureNamedFieldsAreMembers(node: MergeNode): FieldSet {
    const members = [...this.members];
    const children: Child[] = [];
    for (const c of this.children) {
      let sub: MergeNode | undefined;
      if ('field' in c.pe) {
        if (node.kind === 'struct' && node.field(c.pe.field)) {
          const [at, found] = search(members, c.pe, self);
          if (!found) members.splice(at, 0, c.pe);
        }
        sub = childOf(node, c.pe.field)?.node;
      } else if ('key' in c.pe && node.kind === 'list') sub = node.item;
      children.push({ pe: c.pe, set: sub ? c.set.ensureNamedFieldsAreMembers(sub) : c.set });
    }
    return new FieldSet(members, children);
  }

  /** Calls `fn` for every member path: this level's members first, then each child's, in order. */
  iterate(fn: (path: FieldPath) => void, prefix: FieldPath = []): void {
    for (const m of this.members) fn([...prefix, m]);
    for (const c of this.children) c.set.iterate(fn, [...prefix, c.pe]);
  }

  /** Every member path. */
  paths(): FieldPath[] {
    const out: FieldPath[] = [];
    this.iterate((p) => out.push(p));
    return out;
  }

  equals(o: FieldSet): boolean {
    return JSON.stringify(this.toFieldsV1()) === JSON.stringify(o.toFieldsV1());
  }

  /** The FieldsV1 JSON object. */
  toFieldsV1(): JsonObject {
    return this.emit(false);
  }

  private emit(includeSelf: boolean): JsonObject {
    const out: JsonObject = {};
    if (includeSelf && (this.members.length || this.children.length)) out['.'] = {};
    let i = 0;
    let j = 0;
    while (i < this.members.length || j < this.children.length) {
      const m = this.members[i];
      const c = this.children[j];
      const cmp = m && c ? comparePE(m, c.pe) : m ? -1 : 1;
      if (cmp < 0) { define(out, serializePE(m as PathElement), {}); i++; }
      else if (cmp > 0) { define(out, serializePE((c as Child).pe), (c as Child).set.emit(false)); j++; }
      else { define(out, serializePE((c as Child).pe), (c as Child).set.emit(true)); i++; j++; }
    }
    return out;
  }

  /** A set from sorted, duplicate-free members and children (for readers). */
  static build(members: PathElement[], children: { pe: PathElement; set: FieldSet }[]): FieldSet {
    return new FieldSet(members, children);
  }

  /** Reads a FieldsV1 object; throws an Error naming the bad key when it is malformed. */
  static fromFieldsV1(v: unknown): FieldSet {
    return read(v).children ?? new FieldSet([], []);
  }
}

function define(obj: JsonObject, key: string, value: unknown): void {
  // FieldsV1 keys start with "f:", "k:", "v:", "i:" or ".", never "__proto__".
  obj[key] = value;
}

const byPE = (a: PathElement, b: PathElement) => comparePE(a, b);

function read(v: unknown): { children: FieldSet | undefined; isMember: boolean } {
  if (!isObject(v)) throw new Error(`expected a FieldsV1 object, got ${JSON.stringify(v)}`);
  const members: PathElement[] = [];
  const children: Child[] = [];
  let isMember = false;
  let any = false;
  for (const [key, sub] of Object.entries(v)) {
    if (key === '.') {
      isMember = true;
      continue;
    }
    let pe: PathElement | undefined;
    try {
      pe = deserializePE(key);
    } catch (e) {
      throw new Error(`parsing key as path element: ${key}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!pe) continue;
    any = true;
    const r = read(sub);
    if (r.isMember) members.push(pe);
    if (r.children) children.push({ pe, set: r.children });
  }
  if (!any) return { children: undefined, isMember: true };
  // Stored sets are normally sorted already; sort only when they are not.
  if (!isSorted(members, self)) members.sort(byPE);
  if (!isSorted(children, childPE)) children.sort((a, b) => comparePE(a.pe, b.pe));
  return { children: FieldSet.build(members, children), isMember };
}

function isSorted<T>(arr: readonly T[], get: (x: T) => PathElement): boolean {
  for (let i = 1; i < arr.length; i++) if (comparePE(get(arr[i - 1] as T), get(arr[i] as T)) >= 0) return false;
  return true;
}

function mergeSorted<T>(a: readonly T[], b: readonly T[], get: (x: T) => PathElement): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const c = x !== undefined && y !== undefined ? comparePE(get(x), get(y)) : x !== undefined ? -1 : 1;
    if (c < 0) { out.push(x as T); i++; }
    else if (c > 0) { out.push(y as T); j++; }
    else { out.push(x as T); i++; j++; }
  }
  return out;
}
