/**
 * @module The garbage collector's dependency graph (GraphBuilder): a node per object uid with
 * its owner references and its dependents, kept current from every resource's metadata events.
 * Owners not seen (yet) are "virtual" nodes whose existence the collector checks with the API.
 * The builder decides what needs attention and hands it to two queues: attempt-to-delete and
 * attempt-to-orphan.
 */
import type { ResourceType } from '../../client/resource-type.js';
import type { KubeObject, OwnerReference } from '../../client/types.js';

export const FOREGROUND = 'foregroundDeletion';
export const ORPHAN = 'orphan';

/** One object in the graph. */
export interface GNode {
  readonly uid: string;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  owners: OwnerReference[];
  readonly dependents: Set<GNode>;
  /** Known only as somebody's owner. */
  virtual: boolean;
  /** Deleted in the foreground: waits for its blocking dependents. */
  deletingDependents: boolean;
  beingDeleted: boolean;
}

/** What the builder asks the collector to do. */
export interface GraphSink {
  attemptToDelete(n: GNode): void;
  attemptToOrphan(n: GNode): void;
}

const apiVersionOf = (t: ResourceType): string => (t.group ? `${t.group}/${t.version}` : t.version);

export class DependencyGraph {
  readonly nodes = new Map<string, GNode>();

  constructor(private readonly sink: GraphSink, private readonly isNamespacedKind: (apiVersion: string, kind: string) => boolean | undefined) {}

  /** An object was added or changed. */
  upsert(type: ResourceType, obj: KubeObject): void {
    const m = obj.metadata;
    const uid = m.uid ?? '';
    if (!uid) return;
    const owners = [...(m.ownerReferences ?? [])];
    let n = this.nodes.get(uid);
    if (!n) {
      n = { uid, apiVersion: apiVersionOf(type), kind: type.kind, namespace: m.namespace ?? '', name: m.name ?? '', owners, dependents: new Set(), virtual: false, deletingDependents: false, beingDeleted: false };
      this.nodes.set(uid, n);
      for (const r of owners) this.linkOwner(n, r);
    } else {
      const wasVirtual = n.virtual;
      n.virtual = false;
      n.apiVersion = apiVersionOf(type);
      n.kind = type.kind;
      n.namespace = m.namespace ?? '';
      n.name = m.name ?? '';
      this.updateOwners(n, owners);
      if (wasVirtual) for (const d of n.dependents) this.sink.attemptToDelete(d);
    }
    const deleting = !!m.deletionTimestamp;
    const finalizers = m.finalizers ?? [];
    n.beingDeleted = deleting;
    if (deleting && finalizers.includes(ORPHAN)) this.sink.attemptToOrphan(n);
    if (deleting && finalizers.includes(FOREGROUND)) {
      if (!n.deletingDependents) {
        n.deletingDependents = true;
        for (const d of n.dependents) this.sink.attemptToDelete(d);
      }
      this.sink.attemptToDelete(n);
    } else {
      n.deletingDependents = false;
    }
    // A dependent of an owner that is deleting its dependents must go too.
    for (const r of owners) {
      const o = this.nodes.get(r.uid);
      if (o?.deletingDependents) this.sink.attemptToDelete(n);
    }
  }

  /** An object was deleted. */
  remove(obj: KubeObject): void {
    const n = this.nodes.get(obj.metadata.uid ?? '');
    if (!n || n.virtual) return;
    this.nodes.delete(n.uid);
    for (const r of n.owners) {
      const o = this.nodes.get(r.uid);
      if (!o) continue;
      o.dependents.delete(n);
      if (o.deletingDependents) this.sink.attemptToDelete(o);
      this.dropIfOrphanedVirtual(o);
    }
    // Dependents of a deleted owner: the collector decides whether they go too (it finds the
    // owner absent through the API, since it is no longer in the graph).
    for (const d of n.dependents) this.sink.attemptToDelete(d);
  }

  /** Forgets a virtual node the collector found absent, once nothing points at it. */
  dropVirtual(n: GNode): void {
    if (n.virtual && n.dependents.size === 0) this.nodes.delete(n.uid);
  }

  private dropIfOrphanedVirtual(o: GNode): void {
    if (o.virtual && o.dependents.size === 0) this.nodes.delete(o.uid);
  }

  private linkOwner(n: GNode, r: OwnerReference): void {
    let o = this.nodes.get(r.uid);
    if (!o) {
      const namespaced = this.isNamespacedKind(r.apiVersion, r.kind);
      o = {
        uid: r.uid, apiVersion: r.apiVersion, kind: r.kind, name: r.name, namespace: namespaced === false ? '' : n.namespace,
        owners: [], dependents: new Set(), virtual: true, deletingDependents: false, beingDeleted: false,
      };
      this.nodes.set(r.uid, o);
      // An owner we have not seen may not exist: let the collector check.
      this.sink.attemptToDelete(o);
    } else if (!o.virtual && o.namespace && o.namespace !== n.namespace) {
      // A namespaced owner in another namespace than its dependent's: the collector judges (and reports) the reference.
      this.sink.attemptToDelete(n);
    }
    o.dependents.add(n);
  }

  private updateOwners(n: GNode, owners: OwnerReference[]): void {
    const before = new Map(n.owners.map((r) => [r.uid, r]));
    const after = new Map(owners.map((r) => [r.uid, r]));
    for (const [uid, r] of before) {
      if (after.has(uid)) {
        // A changed blockOwnerDeletion can unblock a foreground deletion.
        const o = this.nodes.get(uid);
        if (o?.deletingDependents && (after.get(uid)?.blockOwnerDeletion ?? false) !== (r.blockOwnerDeletion ?? false)) this.sink.attemptToDelete(o);
        continue;
      }
      const o = this.nodes.get(uid);
      if (!o) continue;
      o.dependents.delete(n);
      if (o.deletingDependents) this.sink.attemptToDelete(o);
      this.dropIfOrphanedVirtual(o);
    }
    n.owners = owners;
    for (const [uid, r] of after) if (!before.has(uid)) this.linkOwner(n, r);
  }
}
