/**
 * @module The DaemonSet controller: one pod on every node the DaemonSet should run on (node
 * selector, required affinity, tolerated taints), none elsewhere; rolling updates within
 * maxUnavailable (OnDelete leaves old pods alone); ControllerRevisions for `kubectl rollout
 * history/undo`; status as `kubectl rollout status` reads it.
 */
import { messageOf } from '../../base/errors.js';
import type { EventSink } from '../../client/event-recorder.js';
import { isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { ControllerRevision, DaemonSet, DaemonSetStatus } from '../../client/kinds/apps.js';
import type { Node, Pod } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { selectorMatches } from '../../client/selector.js';
import { objectKey } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { claimObjects } from '../common/claim.js';
import { indexedInformer, ownedOrOrphans, type Controller, type ControllerContext, workerCount } from '../common/context.js';
import { pruneHistory, REVISION_HASH_LABEL, syncHistory } from '../common/history.js';
import { controllerRefTo, isPodAvailable, isPodReady, podFromTemplate } from '../common/pods.js';
import { writeStatus } from '../common/status.js';
import { enqueueChanges, enqueueControllers } from '../common/handlers.js';
import { scaledValue } from '../deployment/util.js';
import { pinToNode, shouldRun, targetNode } from './placement.js';

const KIND = { apiVersion: 'apps/v1', kind: 'DaemonSet' };

export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';
  private readonly sets: SharedInformer<DaemonSet>;
  private readonly pods: SharedInformer<Pod>;
  private readonly nodes: SharedInformer<Node>;
  private readonly revisions: SharedInformer<ControllerRevision>;
  private readonly dsClient: ResourceClient<DaemonSet>;
  private readonly podClient: ResourceClient<Pod>;
  private readonly revClient: ResourceClient<ControllerRevision>;
  private readonly events: EventSink;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext) {
    const client = ctx.clientFor('daemon-set-controller');
    this.dsClient = client.resource<DaemonSet>(resources.daemonsets);
    this.podClient = client.resource<Pod>(resources.pods);
    this.revClient = client.resource<ControllerRevision>(resources.controllerrevisions);
    this.events = ctx.events('daemonset-controller');
    this.sets = indexedInformer<DaemonSet>(ctx, resources.daemonsets);
    this.pods = indexedInformer<Pod>(ctx, resources.pods);
    this.revisions = indexedInformer<ControllerRevision>(ctx, resources.controllerrevisions);
    this.nodes = ctx.informers.informer<Node>(resources.nodes);
    enqueueChanges(this.sets, this.queue);
    enqueueControllers(this.pods, 'DaemonSet', this.queue);
    const all = (): void => { for (const d of this.sets.store.list()) this.queue.add(objectKey(d)); };
    this.nodes.addEventHandler({ onAdd: all, onUpdate: (o, n) => { if (nodeChanged(o, n)) all(); }, onDelete: all });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (key) => this.sync(key, signal), { workers: workerCount(this.ctx, 'daemonset', 2), name: this.name, signal });
  }

  private async sync(key: string, signal: AbortSignal): Promise<void> {
    const cached = this.sets.store.get(key);
    if (!cached) return;
    const ds = structuredClone(cached);
    const pods = (await claimObjects(ownedOrOrphans(this.pods, ds), {
      owner: ds, ref: controllerRefTo(ds, 'apps/v1', 'DaemonSet'), client: this.podClient, signal,
      matches: (p) => selectorMatches(ds.spec.selector, p.metadata.labels),
      recheckOwner: () => this.dsClient.get(ds.metadata.name ?? '', { namespace: ds.metadata.namespace, signal }).catch((e: unknown) => (isNotFound(e) ? undefined : Promise.reject(e))),
    })).filter((p) => !p.metadata.deletionTimestamp);
    const history = await syncHistory({
      owner: ds, apiVersion: 'apps/v1', kind: 'DaemonSet', template: ds.spec.template, ...(ds.status?.collisionCount !== undefined ? { collisionCount: ds.status.collisionCount } : {}),
      informer: this.revisions, client: this.revClient, signal,
    });
    const byNode = new Map<string, Pod[]>();
    for (const p of pods) {
      const n = targetNode(p) ?? '';
      byNode.set(n, [...(byNode.get(n) ?? []), p]);
    }
    const nodes = this.nodes.store.list();
    if (!ds.metadata.deletionTimestamp) await this.manage(ds, nodes, byNode, history.hash, signal);
    await this.updateStatus(ds, nodes, byNode, history.hash, signal);
    const inUse = new Set(pods.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL] ?? ''));
    await pruneHistory(history, ds.spec.revisionHistoryLimit ?? 10, inUse, this.revClient, signal);
  }

  private async manage(ds: DaemonSet, nodes: readonly Node[], byNode: Map<string, Pod[]>, hash: string, signal: AbortSignal): Promise<void> {
    const create: string[] = [];
    const remove: Pod[] = [];
    for (const node of nodes) {
      const name = node.metadata.name ?? '';
      const here = byNode.get(name) ?? [];
      const want = shouldRun(ds, node);
      if (!want) { remove.push(...here); continue; }
      // A failed daemon pod is replaced (upstream backs off repeated failures).
      const failed = here.filter((p) => p.status?.phase === 'Failed');
      remove.push(...failed);
      const alive = here.filter((p) => p.status?.phase !== 'Failed').sort((a, b) => (Date.parse(a.metadata.creationTimestamp ?? '') || 0) - (Date.parse(b.metadata.creationTimestamp ?? '') || 0));
      if (alive.length === 0) create.push(name);
      else remove.push(...alive.slice(1));
    }
    for (const [n, ps] of byNode) if (n && !nodes.some((x) => x.metadata.name === n)) remove.push(...ps);
    remove.push(...this.rollingVictims(ds, nodes, byNode, hash).filter((p) => !remove.includes(p)));
    for (const n of create) await this.createPod(ds, n, hash, signal);
    for (const p of remove) await this.deletePod(ds, p, signal);
  }

  /** Old-revision pods to delete now: within maxUnavailable, unavailable ones first. */
  private rollingVictims(ds: DaemonSet, nodes: readonly Node[], byNode: Map<string, Pod[]>, hash: string): Pod[] {
    if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return [];
    const eligible = nodes.filter((n) => shouldRun(ds, n));
    const maxUnavailable = Math.max(1, scaledValue(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable, eligible.length, true, 1));
    const minReady = ds.spec.minReadySeconds ?? 0;
    const now = Date.now();
    let unavailable = 0;
    const oldAvailable: Pod[] = [];
    const oldUnavailable: Pod[] = [];
    for (const n of eligible) {
      const p = (byNode.get(n.metadata.name ?? '') ?? [])[0];
      const avail = !!p && isPodAvailable(p, minReady, now);
      if (!avail) unavailable++;
      if (p && p.metadata.labels?.[REVISION_HASH_LABEL] !== hash) (avail ? oldAvailable : oldUnavailable).push(p);
    }
    return [...oldUnavailable, ...oldAvailable.slice(0, Math.max(0, maxUnavailable - unavailable))];
  }

  private async createPod(ds: DaemonSet, node: string, hash: string, signal: AbortSignal): Promise<void> {
    const pod = podFromTemplate(ds.spec.template, ds.metadata.namespace ?? '', ds.metadata.name ?? '', controllerRefTo(ds, 'apps/v1', 'DaemonSet'));
    pod.metadata.labels = { ...pod.metadata.labels, [REVISION_HASH_LABEL]: hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) };
    pinToNode(pod, ds, node);
    try {
      const made = await this.podClient.create(pod, { signal });
      this.events.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${made.metadata.name ?? ''}`, KIND);
    } catch (err) {
      this.events.event(ds, 'Warning', 'FailedCreate', `Error creating: ${messageOf(err)}`, KIND);
      throw err;
    }
  }

  private async deletePod(ds: DaemonSet, p: Pod, signal: AbortSignal): Promise<void> {
    try {
      await this.podClient.delete(p.metadata.name ?? '', { namespace: p.metadata.namespace, signal });
      this.events.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name ?? ''}`, KIND);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  private async updateStatus(ds: DaemonSet, nodes: readonly Node[], byNode: Map<string, Pod[]>, hash: string, signal: AbortSignal): Promise<void> {
    const now = Date.now();
    const minReady = ds.spec.minReadySeconds ?? 0;
    let desired = 0, current = 0, mis = 0, ready = 0, updated = 0, available = 0;
    for (const n of nodes) {
      const here = (byNode.get(n.metadata.name ?? '') ?? []).filter((p) => !!p.spec?.nodeName);
      if (shouldRun(ds, n)) {
        desired++;
        if (here.length === 0) continue;
        current++;
        const p = here[0] as Pod;
        if (isPodReady(p)) ready++;
        if (isPodAvailable(p, minReady, now)) available++;
        if (p.metadata.labels?.[REVISION_HASH_LABEL] === hash) updated++;
      } else if (here.length) {
        mis++;
      }
    }
    const status: DaemonSetStatus = {
      currentNumberScheduled: current, numberMisscheduled: mis, desiredNumberScheduled: desired, numberReady: ready,
      observedGeneration: ds.metadata.generation ?? 0, updatedNumberScheduled: updated, numberAvailable: available,
      numberUnavailable: Math.max(0, desired - available),
    };
    if (ds.status?.collisionCount !== undefined) status.collisionCount = ds.status.collisionCount;
    if (status.numberAvailable === 0) delete status.numberAvailable;
    if (status.numberUnavailable === 0) delete status.numberUnavailable;
    await writeStatus(this.dsClient, ds, status, signal);
    if (minReady > 0 && ready !== available) this.queue.addAfter(objectKey(ds), minReady * 1000);
  }
}

function nodeChanged(a: Node, b: Node): boolean {
  return JSON.stringify(a.metadata.labels) !== JSON.stringify(b.metadata.labels) || JSON.stringify(a.spec?.taints) !== JSON.stringify(b.spec?.taints);
}
