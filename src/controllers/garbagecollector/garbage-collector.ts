/**
 * @module The garbage collector: watches the metadata of every deletable resource, keeps the
 * owner/dependent graph, and deletes objects whose owners are all gone (background), deletes
 * the dependents of owners deleted in the foreground before releasing the owner's
 * `foregroundDeletion` finalizer, and strips owner references from the dependents of owners
 * deleted with `orphan` before releasing that finalizer. Owners may be cluster-scoped.
 */
import { sleep } from '../../base/async.js';
import { messageOf } from '../../base/errors.js';
import { logger } from '../../base/log.js';
import { discoverResources, KindIndex, type DiscoveredResource } from '../../client/discovery.js';
import { isConflict, isNotFound } from '../../client/errors.js';
import type { EventSink } from '../../client/event-recorder.js';
import type { SharedInformer } from '../../client/informer.js';
import type { ResourceClient } from '../../client/resource-client.js';
import type { KubeObject, OwnerReference } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { workerCount, type Controller, type ControllerContext } from '../common/context.js';
import { DependencyGraph, FOREGROUND, ORPHAN, type GNode } from './graph.js';

const log = logger('garbage-collector');

const describe = (n: GNode): string => `${n.kind} ${n.namespace ? `${n.namespace}/` : ''}${n.name}`;

/** Resources the collector never watches (events are not owned, and are many). */
const IGNORED = new Set(['events', 'events.events.k8s.io']);

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector-controller';
  private kinds = new KindIndex([]);
  private readonly graph: DependencyGraph;
  private readonly deleteQueue = new WorkQueue<GNode>();
  private readonly orphanQueue = new WorkQueue<GNode>();
  private readonly monitored = new Map<string, SharedInformer<KubeObject>>();
  private readonly events: EventSink;

  constructor(private readonly ctx: ControllerContext, private readonly opts: { rediscoverMs?: number } = {}) {
    this.events = ctx.events('garbage-collector-controller');
    this.graph = new DependencyGraph(
      { attemptToDelete: (n) => this.deleteQueue.add(n), attemptToOrphan: (n) => this.orphanQueue.add(n) },
      (apiVersion, kind) => this.kinds.lookup(apiVersion, kind)?.namespaced,
    );
  }

  async run(signal: AbortSignal): Promise<void> {
    await this.syncMonitors(signal).catch((err: unknown) => log.error(`discovery failed: ${messageOf(err)}`));
    await Promise.all([...this.monitored.values()].map((i) => i.waitForSync(signal))).catch(() => undefined);
    if (signal.aborted) return;
    log.info(`garbage collector synced ${this.monitored.size} resources`);
    await Promise.all([
      this.rediscover(signal),
      runWorkers(this.deleteQueue, (n) => this.attemptToDelete(n, signal), { workers: workerCount(this.ctx, 'garbagecollector', 20), name: this.name, signal, describe }),
      runWorkers(this.orphanQueue, (n) => this.attemptToOrphan(n, signal), { workers: 5, name: this.name, signal, describe }),
    ]);
  }

  /** Watches resources that appear later (custom resources), as upstream re-discovers every 30 s. */
  private async rediscover(signal: AbortSignal): Promise<void> {
    for (;;) {
      try {
        await sleep(this.opts.rediscoverMs ?? 30_000, signal);
        await this.syncMonitors(signal);
      } catch (err) {
        if (signal.aborted) return;
        log.warn(`re-discovery failed: ${messageOf(err)}`);
      }
    }
  }

  private async syncMonitors(signal: AbortSignal): Promise<void> {
    const all = await discoverResources(this.ctx.client, signal);
    this.kinds = new KindIndex(all);
    for (const r of all) {
      if (!r.preferred || !['list', 'watch', 'delete'].every((v) => r.verbs.includes(v))) continue;
      const key = r.group ? `${r.resource}.${r.group}` : r.resource;
      if (IGNORED.has(key) || this.monitored.has(key)) continue;
      this.monitored.set(key, this.monitor(r));
    }
  }

  private monitor(r: DiscoveredResource): SharedInformer<KubeObject> {
    // Share a full-object informer when a controller already has one; otherwise metadata only.
    const inf = this.ctx.informers.existing<KubeObject>(r) ?? this.ctx.informers.informer<KubeObject>(r, { metadataOnly: true });
    inf.addEventHandler({
      onAdd: (o) => this.graph.upsert(r, o),
      onUpdate: (_old, o) => this.graph.upsert(r, o),
      onDelete: (o) => this.graph.remove(o),
    });
    return inf;
  }

  private clientFor(apiVersion: string, kind: string): ResourceClient<KubeObject> {
    const r = this.kinds.lookup(apiVersion, kind);
    if (!r) throw new Error(`no resource is served for ${apiVersion} ${kind}`);
    return this.ctx.clientFor('generic-garbage-collector').metadata(r);
  }

  /** The live object behind a node, or undefined when it is gone (or replaced by a namesake). */
  private async live(n: GNode, signal: AbortSignal): Promise<KubeObject | undefined> {
    // A namespaced kind named without a namespace (a cluster-scoped dependent's owner) cannot exist.
    if (!n.namespace && this.kinds.lookup(n.apiVersion, n.kind)?.namespaced) return undefined;
    try {
      const o = await this.clientFor(n.apiVersion, n.kind).get(n.name, { namespace: n.namespace || undefined, signal });
      return o.metadata.uid === n.uid ? o : undefined;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /**
   * Whether `dep`'s owner `ref` exists where it may: a namespaced owner only in the dependent's
   * namespace, which a cluster-scoped dependent has not ('invalid': upstream leaves such an
   * object alone). An owner seen in another namespace is reported (OwnerRefInvalidNamespace).
   */
  private async ownerExists(dep: GNode, ref: OwnerReference, signal: AbortSignal): Promise<GNode | undefined | 'absent' | 'invalid'> {
    const known = this.graph.nodes.get(ref.uid);
    if (known && !known.virtual) {
      if (!known.namespace || known.namespace === dep.namespace) return known;
      this.reportInvalidNamespace(dep, ref);
    }
    const namespaced = this.kinds.lookup(ref.apiVersion, ref.kind)?.namespaced;
    if (namespaced && !dep.namespace) return 'invalid';
    const probe: GNode = {
      uid: ref.uid, apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, namespace: namespaced ? dep.namespace : '',
      owners: [], dependents: new Set(), virtual: true, deletingDependents: false, beingDeleted: false,
    };
    const o = await this.live(probe, signal);
    if (!o) return 'absent';
    return { ...probe, deletingDependents: !!o.metadata.deletionTimestamp && (o.metadata.finalizers ?? []).includes(FOREGROUND) };
  }

  private reportInvalidNamespace(dep: GNode, ref: OwnerReference): void {
    const obj = { metadata: { name: dep.name, uid: dep.uid, ...(dep.namespace ? { namespace: dep.namespace } : {}) } };
    const owner = `[${ref.apiVersion}/${ref.kind}, namespace: ${dep.namespace}, name: ${ref.name}, uid: ${ref.uid}]`;
    this.events.event(obj, 'Warning', 'OwnerRefInvalidNamespace', `ownerRef ${owner} does not exist in namespace "${dep.namespace}"`, { apiVersion: dep.apiVersion, kind: dep.kind });
  }

  private async attemptToDelete(n: GNode, signal: AbortSignal): Promise<void> {
    if (n.virtual) {
      // An owner only known from references: if it does not exist, its dependents are garbage.
      if (await this.live(n, signal)) return;
      for (const d of n.dependents) this.deleteQueue.add(d);
      this.graph.dropVirtual(n);
      return;
    }
    if (!this.graph.nodes.has(n.uid)) return;
    const obj = await this.live(n, signal);
    if (!obj) return;
    if (obj.metadata.deletionTimestamp && !n.deletingDependents) return;
    if (n.deletingDependents) {
      await this.deletingDependents(n, obj, signal);
      return;
    }
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const r of refs) {
      const o = await this.ownerExists(n, r, signal);
      if (o === 'invalid') return;
      if (o === 'absent') dangling.push(r);
      else if (o?.deletingDependents) waiting.push(r);
      else solid.push(r);
    }
    if (solid.length > 0) {
      // Still owned by someone alive: only drop the references to owners that are gone or going.
      if (dangling.length || waiting.length) await this.removeOwnerRefs(n, [...dangling, ...waiting].map((r) => r.uid), signal);
      return;
    }
    const fin = obj.metadata.finalizers ?? [];
    const policy = waiting.length ? 'Foreground' : fin.includes(ORPHAN) ? 'Orphan' : fin.includes(FOREGROUND) ? 'Foreground' : 'Background';
    log.v(2, `deleting ${n.kind} ${n.namespace ? `${n.namespace}/` : ''}${n.name} (${policy}): its owners are gone`);
    try {
      await this.clientFor(n.apiVersion, n.kind).delete(n.name, { namespace: n.namespace || undefined, propagationPolicy: policy, preconditions: { uid: n.uid }, signal });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }

  /** Foreground deletion: wait for dependents that block, then release the owner. */
  private async deletingDependents(n: GNode, obj: KubeObject, signal: AbortSignal): Promise<void> {
    const blocking = [...n.dependents].filter((d) => d.owners.some((r) => r.uid === n.uid && r.blockOwnerDeletion === true));
    if (blocking.length === 0) {
      await this.removeFinalizer(n, obj, FOREGROUND, signal);
      return;
    }
    for (const d of blocking) if (!d.deletingDependents) this.deleteQueue.add(d);
  }

  private async attemptToOrphan(n: GNode, signal: AbortSignal): Promise<void> {
    for (const d of [...n.dependents]) await this.removeOwnerRefs(d, [n.uid], signal);
    const obj = await this.live(n, signal);
    if (obj) await this.removeFinalizer(n, obj, ORPHAN, signal);
  }

  private async removeOwnerRefs(n: GNode, uids: readonly string[], signal: AbortSignal): Promise<void> {
    const obj = await this.live(n, signal);
    if (!obj) return;
    const refs = (obj.metadata.ownerReferences ?? []).filter((r) => !uids.includes(r.uid));
    if (refs.length === (obj.metadata.ownerReferences ?? []).length) return;
    try {
      await this.clientFor(n.apiVersion, n.kind).patch(n.name, { metadata: { resourceVersion: obj.metadata.resourceVersion, ownerReferences: refs.length ? refs : null } }, {
        namespace: n.namespace || undefined, type: 'merge', signal,
      });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  private async removeFinalizer(n: GNode, obj: KubeObject, finalizer: string, signal: AbortSignal): Promise<void> {
    const fins = obj.metadata.finalizers ?? [];
    if (!fins.includes(finalizer)) return;
    const rest = fins.filter((f) => f !== finalizer);
    try {
      await this.clientFor(n.apiVersion, n.kind).patch(n.name, { metadata: { resourceVersion: obj.metadata.resourceVersion, finalizers: rest.length ? rest : null } }, {
        namespace: n.namespace || undefined, type: 'merge', signal,
      });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}
