/**
 * @module The ReplicaSet (and ReplicationController) controller: keeps `spec.replicas` active
 * pods matching the selector, adopting orphans and releasing strays, creating in slow-start
 * batches (1, 2, 4, ...) and deleting the least valuable pods first, and reports replicas,
 * fullyLabeledReplicas, readyReplicas, availableReplicas, observedGeneration and the
 * ReplicaFailure condition. Expectations keep it from acting twice on the same change.
 */
import { messageOf } from '../../base/errors.js';
import type { EventSink } from '../../client/event-recorder.js';
import { isNotFound, isAlreadyExists } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Pod } from '../../client/kinds/core.js';
import type { ReplicaSetStatus } from '../../client/kinds/apps.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { controllerOf, objectKey, splitKey, type KubeObject } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { claimObjects } from '../common/claim.js';
import { removeCondition, setCondition } from '../common/conditions.js';
import { indexedInformer, ownedOrOrphans, workerCount, type Controller, type ControllerContext } from '../common/context.js';
import { Expectations } from '../common/expectations.js';
import { controllerRefTo, deletionOrder, isPodActive, isPodAvailable, isPodReady, podFromTemplate } from '../common/pods.js';
import { writeStatus } from '../common/status.js';
import type { ReplicaKind } from './kinds.js';

/** At most this many creations or deletions per sync (kube-controller-manager's burstReplicas). */
const BURST_REPLICAS = 500;

/** Keeps replica counts for one owner kind. */
export class ReplicaController<T extends KubeObject & { status?: ReplicaSetStatus }> implements Controller {
  readonly name: string;
  private readonly owners: SharedInformer<T>;
  private readonly pods: SharedInformer<Pod>;
  private readonly ownerClient: ResourceClient<T>;
  private readonly podClient: ResourceClient<Pod>;
  private readonly events: EventSink;
  private readonly queue = new WorkQueue<string>();
  private readonly expectations = new Expectations();

  constructor(private readonly ctx: ControllerContext, private readonly kind: ReplicaKind<T>) {
    this.name = kind.component;
    const client = ctx.clientFor(kind.component);
    this.ownerClient = client.resource<T>(kind.type);
    this.podClient = client.resource<Pod>(resources.pods);
    this.events = ctx.events(kind.component);
    this.owners = indexedInformer<T>(ctx, kind.type);
    this.pods = indexedInformer<Pod>(ctx, resources.pods);
    this.owners.addEventHandler({
      onAdd: (o) => this.queue.add(objectKey(o)),
      onUpdate: (_old, o) => this.queue.add(objectKey(o)),
      onDelete: (o) => { this.expectations.delete(objectKey(o)); this.queue.add(objectKey(o)); },
    });
    this.pods.addEventHandler({
      onAdd: (p) => this.podAdded(p),
      onUpdate: (a, b) => this.podUpdated(a, b),
      onDelete: (p) => this.podDeleted(p),
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (key) => this.sync(key, signal), { workers: workerCount(this.ctx, this.kind.manager, 5), name: this.name, signal });
  }

  /** The owner key of a pod's controller, if it is one of ours and still cached. */
  private ownerKeyOf(p: Pod): string | undefined {
    const ref = controllerOf(p);
    if (!ref || ref.kind !== this.kind.kind) return undefined;
    const key = `${p.metadata.namespace ?? ''}/${ref.name}`;
    const owner = this.owners.store.get(key);
    return owner && owner.metadata.uid === ref.uid ? key : undefined;
  }

  private enqueueMatching(p: Pod): void {
    for (const o of this.owners.store.byIndex('namespace', p.metadata.namespace ?? '')) {
      if (this.kind.selects(o, p.metadata.labels)) this.queue.add(objectKey(o));
    }
  }

  private podAdded(p: Pod): void {
    if (p.metadata.deletionTimestamp) {
      this.podDeleted(p);
      return;
    }
    const key = this.ownerKeyOf(p);
    if (key) {
      this.expectations.creationObserved(key);
      this.queue.add(key);
    } else if (!controllerOf(p)) {
      this.enqueueMatching(p);
    }
  }

  private podUpdated(old: Pod, cur: Pod): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    if (cur.metadata.deletionTimestamp && !old.metadata.deletionTimestamp) {
      this.podDeleted(cur);
      return;
    }
    const oldKey = this.ownerKeyOf(old);
    const key = this.ownerKeyOf(cur);
    if (oldKey && oldKey !== key) this.queue.add(oldKey);
    if (key) {
      this.queue.add(key);
      // A pod that just became ready becomes available only after minReadySeconds: look again then.
      const owner = this.owners.store.get(key);
      const minReady = owner ? this.kind.minReadySeconds(owner) : 0;
      if (minReady > 0 && !isPodReady(old) && isPodReady(cur)) this.queue.addAfter(key, minReady * 1000 + 1000);
    } else if (!controllerOf(cur)) {
      this.enqueueMatching(cur);
    }
  }

  private podDeleted(p: Pod): void {
    const ref = controllerOf(p);
    if (!ref || ref.kind !== this.kind.kind) return;
    const key = `${p.metadata.namespace ?? ''}/${ref.name}`;
    this.expectations.deletionObserved(key, objectKey(p));
    this.queue.add(key);
  }

  private async sync(key: string, signal: AbortSignal): Promise<void> {
    const owner = this.owners.store.get(key);
    if (!owner) {
      this.expectations.delete(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    const { namespace } = splitKey(key);
    const candidates = ownedOrOrphans(this.pods, owner).filter(isPodActive);
    const pods = await claimObjects(candidates, {
      owner, ref: controllerRefTo(owner, this.kind.apiVersion, this.kind.kind), client: this.podClient, signal,
      matches: (p) => this.kind.selects(owner, p.metadata.labels),
      recheckOwner: () => this.ownerClient.get(owner.metadata.name ?? '', { namespace, signal }).catch((e: unknown) => (isNotFound(e) ? undefined : Promise.reject(e))),
    });
    let manageErr: unknown;
    if (needsSync && !owner.metadata.deletionTimestamp) {
      try {
        await this.manage(key, owner, pods, signal);
      } catch (err) {
        manageErr = err;
      }
    }
    await this.updateStatus(owner, pods, manageErr, signal);
    if (manageErr) throw manageErr;
  }

  private async manage(key: string, owner: T, pods: Pod[], signal: AbortSignal): Promise<void> {
    const want = this.kind.replicas(owner);
    const diff = pods.length - want;
    if (diff < 0) {
      const n = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, n);
      const template = this.kind.template(owner) ?? {};
      const ref = controllerRefTo(owner, this.kind.apiVersion, this.kind.kind);
      const ns = owner.metadata.namespace ?? '';
      const created = await slowStartBatch(n, async () => {
        try {
          const pod = await this.podClient.create(podFromTemplate(template, ns, owner.metadata.name ?? '', ref), { namespace: ns, signal });
          this.events.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name ?? ''}`, this.kind);
        } catch (err) {
          this.expectations.creationObserved(key);
          if (isAlreadyExists(err)) return;
          this.events.event(owner, 'Warning', 'FailedCreate', `Error creating: ${messageOf(err)}`, this.kind);
          throw err;
        }
      });
      // Creations never attempted will never be observed either.
      for (let i = created.attempted; i < n; i++) this.expectations.creationObserved(key);
      if (created.error) throw created.error;
    } else if (diff > 0) {
      const n = Math.min(diff, BURST_REPLICAS);
      const perNode = new Map<string, number>();
      for (const p of pods) perNode.set(p.spec?.nodeName ?? '', (perNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
      const victims = [...pods].sort(deletionOrder(perNode)).slice(0, n);
      this.expectations.expectDeletions(key, victims.map(objectKey));
      const results = await Promise.allSettled(victims.map(async (p) => {
        try {
          await this.podClient.delete(p.metadata.name ?? '', { namespace: p.metadata.namespace, signal });
          this.events.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name ?? ''}`, this.kind);
        } catch (err) {
          this.expectations.deletionObserved(key, objectKey(p));
          if (isNotFound(err)) return;
          this.events.event(owner, 'Warning', 'FailedDelete', `Error deleting: ${messageOf(err)}`, this.kind);
          throw err;
        }
      }));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
  }

  private async updateStatus(owner: T, pods: Pod[], manageErr: unknown, signal: AbortSignal): Promise<void> {
    const now = Date.now();
    const minReady = this.kind.minReadySeconds(owner);
    const templateLabels = this.kind.template(owner)?.metadata?.labels ?? {};
    const prev = this.kind.status(owner);
    const status: ReplicaSetStatus = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: pods.filter(isPodReady).length,
      availableReplicas: pods.filter((p) => isPodAvailable(p, minReady, now)).length,
      observedGeneration: owner.metadata.generation ?? 0,
    };
    const want = this.kind.replicas(owner);
    let conds = prev?.conditions;
    if (manageErr && pods.length !== want) {
      const verb = pods.length < want ? 'FailedCreate' : 'FailedDelete';
      conds = setCondition(conds, { type: 'ReplicaFailure', status: 'True', reason: verb, message: messageOf(manageErr) });
    } else if (!manageErr) {
      conds = removeCondition(conds, 'ReplicaFailure');
    }
    if (conds && conds.length) status.conditions = conds;
    await writeStatus(this.ownerClient, owner, status, signal);
    if (minReady > 0 && status.readyReplicas === want && status.availableReplicas !== want) {
      this.queue.addAfter(objectKey(owner), minReady * 1000);
    }
  }
}

/**
 * Runs `n` calls in batches of 1, 2, 4, ... and stops after the first batch with a failure,
 * so a systematic error (quota, admission) costs one call, not hundreds.
 */
export async function slowStartBatch(n: number, fn: () => Promise<void>): Promise<{ attempted: number; error?: unknown }> {
  let attempted = 0;
  for (let batch = 1; attempted < n; batch *= 2) {
    const size = Math.min(batch, n - attempted);
    attempted += size;
    const results = await Promise.allSettled(Array.from({ length: size }, fn));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) return { attempted, error: failed.reason };
  }
  return { attempted };
}
