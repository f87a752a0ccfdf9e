/**
 * @module The Namespace controller: when a namespace is being deleted (it carries the
 * `kubernetes` finalizer and a deletionTimestamp), deletes every namespaced object in it
 * (deletecollection per resource, background propagation), reports progress in the
 * namespace's conditions while content or finalizers remain, and finally removes its
 * finalizer through `/finalize` so the API server deletes the namespace.
 */
import { messageOf } from '../../base/errors.js';
import { discoverResources, type DiscoveredResource } from '../../client/discovery.js';
import { isConflict, isNotFound, isForbidden } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Condition, Namespace } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { nowTime } from '../common/conditions.js';
import { workerCount, type Controller, type ControllerContext } from '../common/context.js';

const FINALIZER = 'kubernetes';
const DISCOVERY_TTL_MS = 30_000;

interface Remaining {
  readonly counts: string[];
  readonly finalizers: Map<string, number>;
  readonly total: number;
}

export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';
  private readonly namespaces: SharedInformer<Namespace>;
  private readonly nsClient: ResourceClient<Namespace>;
  private readonly queue = new WorkQueue<string>();
  private discovered: { at: number; list: DiscoveredResource[] } | undefined;

  constructor(private readonly ctx: ControllerContext) {
    this.nsClient = ctx.clientFor('namespace-controller').resource<Namespace>(resources.namespaces);
    this.namespaces = ctx.informers.informer<Namespace>(resources.namespaces);
    const enqueue = (n: Namespace): void => { if (n.metadata.deletionTimestamp) this.queue.add(n.metadata.name ?? ''); };
    this.namespaces.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => enqueue(n) });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (name) => this.sync(name, signal), { workers: workerCount(this.ctx, 'namespace', 10), name: this.name, signal });
  }

  private async resourcesToDelete(signal: AbortSignal): Promise<DiscoveredResource[]> {
    if (!this.discovered || Date.now() - this.discovered.at > DISCOVERY_TTL_MS) {
      const all = await discoverResources(this.ctx.client, signal);
      this.discovered = { at: Date.now(), list: all.filter((r) => r.preferred && r.namespaced && r.verbs.includes('delete') && r.verbs.includes('list')) };
    }
    return this.discovered.list;
  }

  private async sync(name: string, signal: AbortSignal): Promise<void> {
    const ns = this.namespaces.store.get(name);
    if (!ns?.metadata.deletionTimestamp || !(ns.spec?.finalizers ?? []).includes(FINALIZER)) return;
    let list: DiscoveredResource[];
    try {
      list = await this.resourcesToDelete(signal);
    } catch (err) {
      await this.setConditions(ns, { discovery: messageOf(err) }, signal);
      throw err;
    }
    const failures: string[] = [];
    for (const r of list) {
      try {
        await this.deleteAll(r, name, signal);
      } catch (err) {
        if (!isNotFound(err)) failures.push(`${qualified(r)}: ${messageOf(err)}`);
      }
    }
    const left = await this.remaining(list, name, signal);
    await this.setConditions(ns, { content: failures, left }, signal);
    if (failures.length) throw new Error(`deleting content of namespace ${name}: ${failures.join('; ')}`);
    if (left.total > 0) {
      // Graceful pod deletion takes a while; look again shortly, as upstream's estimate does.
      this.queue.addAfter(name, 2000);
      return;
    }
    await this.finalize(name, signal);
  }

  private async deleteAll(r: DiscoveredResource, namespace: string, signal: AbortSignal): Promise<void> {
    const client = this.ctx.clientFor('namespace-controller').metadata(r);
    if (r.verbs.includes('deletecollection')) {
      await client.deleteCollection({ namespace, propagationPolicy: 'Background', signal });
      return;
    }
    const items = (await client.list({ namespace, signal })).items;
    for (const o of items) {
      try {
        await client.delete(o.metadata.name ?? '', { namespace, propagationPolicy: 'Background', signal });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }

  private async remaining(list: readonly DiscoveredResource[], namespace: string, signal: AbortSignal): Promise<Remaining> {
    const counts: string[] = [];
    const finalizers = new Map<string, number>();
    let total = 0;
    for (const r of list) {
      let items;
      try {
        items = (await this.ctx.clientFor('namespace-controller').metadata(r).list({ namespace, signal })).items;
      } catch (err) {
        if (isNotFound(err) || isForbidden(err)) continue;
        throw err;
      }
      if (items.length === 0) continue;
      total += items.length;
      // Upstream prints resource.group, with a bare trailing dot for the core group.
      counts.push(`${r.resource}.${r.group} has ${items.length} resource instances`);
      for (const o of items) for (const f of o.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    }
    return { counts: counts.sort(), finalizers, total };
  }

  /** The five deletion conditions Kubernetes keeps on a terminating namespace, in its words. */
  private async setConditions(ns: Namespace, s: { discovery?: string; content?: readonly string[]; left?: Remaining }, signal: AbortSignal): Promise<void> {
    const fins = s.left ? [...s.left.finalizers].map(([f, n]) => `${f} in ${n} resource instances`).sort() : [];
    const c = (type: string, bad: { reason: string; message: string } | undefined, ok: { reason: string; message: string }): Condition =>
      bad ? { type, status: 'True', ...bad } : { type, status: 'False', ...ok };
    const removed = 'All content successfully removed';
    const want: Condition[] = [
      c('NamespaceDeletionDiscoveryFailure', s.discovery ? { reason: 'DiscoveryFailed', message: s.discovery } : undefined,
        { reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' }),
      c('NamespaceDeletionGroupVersionParsingFailure', undefined, { reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' }),
      c('NamespaceDeletionContentFailure', s.content?.length ? { reason: 'ContentDeletionFailed', message: `Failed to delete all resource types, ${s.content.length} remaining: ${[...s.content].sort().join(', ')}` } : undefined,
        { reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' }),
      c('NamespaceContentRemaining', s.left?.counts.length ? { reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${s.left.counts.join(', ')}` } : undefined,
        { reason: 'ContentRemoved', message: removed }),
      // Upstream's reason is singular here.
      c('NamespaceFinalizersRemaining', fins.length ? { reason: 'SomeFinalizerRemain', message: `Some finalizers are remaining: ${fins.join(', ')}` } : undefined,
        { reason: 'ContentRemoved', message: removed }),
    ];
    const prev = ns.status?.conditions ?? [];
    const same = want.every((w) => prev.some((p) => p.type === w.type && p.status === w.status && p.reason === w.reason && p.message === w.message));
    if (same) return;
    const now = nowTime();
    const conditions = want.map((w) => {
      const p = prev.find((x) => x.type === w.type);
      return { ...w, lastTransitionTime: p && p.status === w.status ? p.lastTransitionTime ?? now : now };
    });
    try {
      await this.nsClient.updateStatus({ ...ns, status: { ...ns.status, phase: 'Terminating', conditions } }, { signal });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }

  private async finalize(name: string, signal: AbortSignal): Promise<void> {
    let ns: Namespace;
    try {
      ns = await this.nsClient.get(name, { signal });
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    const finalizers = (ns.spec?.finalizers ?? []).filter((f) => f !== FINALIZER);
    try {
      await this.nsClient.writeSubresource(name, 'finalize', { method: 'PUT', body: { apiVersion: 'v1', kind: 'Namespace', ...ns, spec: { ...ns.spec, finalizers } }, signal });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

const qualified = (r: DiscoveredResource): string => (r.group ? `${r.resource}.${r.group}` : r.resource);
