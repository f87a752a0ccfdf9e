/**
 * @module The StatefulSet controller: pods `<set>-0..N-1` with stable names and claims, created
 * in order and each only once its predecessors are Running and Ready (OrderedReady), or all at
 * once (Parallel); scaled down from the highest ordinal, one at a time when ordered; rolling
 * updates from the highest ordinal down to the partition, one pod at a time; OnDelete updates
 * only pods the user deletes; ControllerRevisions and the status `kubectl rollout status` reads.
 */
import { messageOf } from '../../base/errors.js';
import type { EventSink } from '../../client/event-recorder.js';
import { isAlreadyExists, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { ControllerRevision, StatefulSet, StatefulSetStatus } from '../../client/kinds/apps.js';
import type { PersistentVolumeClaim, Pod } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { selectorMatches } from '../../client/selector.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { claimObjects } from '../common/claim.js';
import { workerCount, indexedInformer, ownedOrOrphans, type Controller, type ControllerContext } from '../common/context.js';
import { pruneHistory, REVISION_HASH_LABEL, syncHistory, templateOf, type History } from '../common/history.js';
import { controllerRefTo, isPodAvailable, isPodReady } from '../common/pods.js';
import { writeStatus } from '../common/status.js';
import { enqueueChanges, enqueueControllers } from '../common/handlers.js';
import { ordinalOf, statefulClaim, statefulPod } from './identity.js';

const KIND = { apiVersion: 'apps/v1', kind: 'StatefulSet' };

const runningAndReady = (p: Pod): boolean => p.status?.phase === 'Running' && isPodReady(p) && !p.metadata.deletionTimestamp;

export class StatefulSetController implements Controller {
  readonly name = 'statefulset-controller';
  private readonly sets: SharedInformer<StatefulSet>;
  private readonly pods: SharedInformer<Pod>;
  private readonly revisions: SharedInformer<ControllerRevision>;
  private readonly claims: SharedInformer<PersistentVolumeClaim>;
  private readonly setClient: ResourceClient<StatefulSet>;
  private readonly podClient: ResourceClient<Pod>;
  private readonly revClient: ResourceClient<ControllerRevision>;
  private readonly claimClient: ResourceClient<PersistentVolumeClaim>;
  private readonly events: EventSink;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext) {
    const client = ctx.clientFor('statefulset-controller');
    this.setClient = client.resource<StatefulSet>(resources.statefulsets);
    this.podClient = client.resource<Pod>(resources.pods);
    this.revClient = client.resource<ControllerRevision>(resources.controllerrevisions);
    this.claimClient = client.resource<PersistentVolumeClaim>(resources.persistentvolumeclaims);
    this.events = ctx.events(this.name);
    this.sets = indexedInformer<StatefulSet>(ctx, resources.statefulsets);
    this.pods = indexedInformer<Pod>(ctx, resources.pods);
    this.revisions = indexedInformer<ControllerRevision>(ctx, resources.controllerrevisions);
    this.claims = ctx.informers.informer<PersistentVolumeClaim>(resources.persistentvolumeclaims);
    enqueueChanges(this.sets, this.queue);
    enqueueControllers(this.pods, 'StatefulSet', this.queue);
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (key) => this.sync(key, signal), { workers: workerCount(this.ctx, 'statefulset', 5), name: this.name, signal });
  }

  private async sync(key: string, signal: AbortSignal): Promise<void> {
    const cached = this.sets.store.get(key);
    if (!cached) return;
    const set = structuredClone(cached);
    const name = set.metadata.name ?? '';
    const pods = await claimObjects(ownedOrOrphans(this.pods, set), {
      owner: set, ref: controllerRefTo(set, 'apps/v1', 'StatefulSet'), client: this.podClient, signal,
      matches: (p) => selectorMatches(set.spec.selector, p.metadata.labels) && ordinalOf(name, p) !== undefined,
      recheckOwner: () => this.setClient.get(name, { namespace: set.metadata.namespace, signal }).catch((e: unknown) => (isNotFound(e) ? undefined : Promise.reject(e))),
    });
    const history = await syncHistory({
      owner: set, apiVersion: 'apps/v1', kind: 'StatefulSet', template: set.spec.template, ...(set.status?.collisionCount !== undefined ? { collisionCount: set.status.collisionCount } : {}),
      informer: this.revisions, client: this.revClient, signal,
    });
    const updateRev = history.update.metadata.name ?? '';
    const currentRev = set.status?.currentRevision && history.revisions.some((r) => r.metadata.name === set.status?.currentRevision) ? set.status.currentRevision : updateRev;
    if (!set.metadata.deletionTimestamp) await this.manage(set, pods, history, currentRev, updateRev, signal);
    await this.updateStatus(set, pods, currentRev, updateRev, signal);
    const inUse = new Set(pods.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL] ?? ''));
    inUse.add(currentRev);
    await pruneHistory(history, set.spec.revisionHistoryLimit ?? 10, inUse, this.revClient, signal);
  }

  private async manage(set: StatefulSet, pods: Pod[], history: History, currentRev: string, updateRev: string, signal: AbortSignal): Promise<void> {
    const name = set.metadata.name ?? '';
    const replicas = set.spec.replicas ?? 1;
    const start = set.spec.ordinals?.start ?? 0;
    const ordered = (set.spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
    const byOrdinal = new Map<number, Pod>();
    const condemned: Pod[] = [];
    for (const p of pods) {
      const o = ordinalOf(name, p) as number;
      if (o >= start && o < start + replicas) byOrdinal.set(o, p);
      else condemned.push(p);
    }
    const strategy = set.spec.updateStrategy?.type ?? 'RollingUpdate';
    const partition = strategy === 'RollingUpdate' ? set.spec.updateStrategy?.rollingUpdate?.partition ?? 0 : Infinity;
    const currentTemplate = templateOf(history.revisions.find((r) => r.metadata.name === currentRev) ?? history.update) ?? set.spec.template;
    for (let o = start; o < start + replicas; o++) {
      const p = byOrdinal.get(o);
      if (!p) {
        // New pods get the update revision unless the partition (or OnDelete) holds them back.
        const useUpdate = currentRev === updateRev || o - start >= partition;
        await this.createPod(set, o, useUpdate ? set.spec.template : currentTemplate, useUpdate ? updateRev : currentRev, signal);
        if (ordered) return;
        continue;
      }
      if (p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded') {
        await this.deletePod(set, p, signal);
        if (ordered) return;
        continue;
      }
      if (ordered && !runningAndReady(p)) return;
    }
    // Scale down: highest ordinal first; ordered sets one at a time, after all others are healthy.
    condemned.sort((a, b) => (ordinalOf(name, b) ?? 0) - (ordinalOf(name, a) ?? 0));
    for (const p of condemned) {
      if (p.metadata.deletionTimestamp) {
        if (ordered) return;
        continue;
      }
      await this.deletePod(set, p, signal);
      if (ordered) return;
    }
    if (strategy !== 'RollingUpdate') return;
    // Rolling update: the highest ordinal at or above the partition that is not yet updated.
    for (let o = start + replicas - 1; o >= start + partition; o--) {
      const p = byOrdinal.get(o);
      if (!p) return;
      if (p.metadata.labels?.[REVISION_HASH_LABEL] !== updateRev) {
        if (!p.metadata.deletionTimestamp) await this.deletePod(set, p, signal);
        return;
      }
      if (!runningAndReady(p)) return;
    }
  }

  private async createPod(set: StatefulSet, ordinal: number, template: StatefulSet['spec']['template'], revision: string, signal: AbortSignal): Promise<void> {
    for (const t of set.spec.volumeClaimTemplates ?? []) {
      const claim = statefulClaim(set, t, ordinal);
      if (this.claims.store.has(`${claim.metadata.namespace ?? ''}/${claim.metadata.name ?? ''}`)) continue;
      try {
        await this.claimClient.create(claim, { signal });
        this.events.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${claim.metadata.name ?? ''} Pod ${set.metadata.name ?? ''}-${ordinal} in StatefulSet ${set.metadata.name ?? ''} success`, KIND);
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
      }
    }
    const pod = statefulPod(set, template, ordinal, revision);
    try {
      await this.podClient.create(pod, { signal });
      this.events.event(set, 'Normal', 'SuccessfulCreate', `create Pod ${pod.metadata.name ?? ''} in StatefulSet ${set.metadata.name ?? ''} successful`, KIND);
    } catch (err) {
      if (isAlreadyExists(err)) return;
      this.events.event(set, 'Warning', 'FailedCreate', `create Pod ${pod.metadata.name ?? ''} in StatefulSet ${set.metadata.name ?? ''} failed error: ${messageOf(err)}`, KIND);
      throw err;
    }
  }

  private async deletePod(set: StatefulSet, p: Pod, signal: AbortSignal): Promise<void> {
    try {
      await this.podClient.delete(p.metadata.name ?? '', { namespace: p.metadata.namespace, signal });
      this.events.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${p.metadata.name ?? ''} in StatefulSet ${set.metadata.name ?? ''} successful`, KIND);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  private async updateStatus(set: StatefulSet, pods: Pod[], currentRev: string, updateRev: string, signal: AbortSignal): Promise<void> {
    const live = pods.filter((p) => !p.metadata.deletionTimestamp);
    const now = Date.now();
    const updated = live.filter((p) => p.metadata.labels?.[REVISION_HASH_LABEL] === updateRev).length;
    const replicas = set.spec.replicas ?? 1;
    const status: StatefulSetStatus = {
      observedGeneration: set.metadata.generation ?? 0, replicas: live.length,
      readyReplicas: live.filter(isPodReady).length,
      currentReplicas: live.filter((p) => p.metadata.labels?.[REVISION_HASH_LABEL] === currentRev).length,
      updatedReplicas: updated,
      availableReplicas: live.filter((p) => isPodAvailable(p, set.spec.minReadySeconds ?? 0, now)).length,
      // Once every pod runs the update revision, it becomes the current one.
      currentRevision: updated === replicas && live.length === replicas ? updateRev : currentRev,
      updateRevision: updateRev,
      collisionCount: set.status?.collisionCount ?? 0,
    };
    if (status.currentRevision === updateRev) status.currentReplicas = updated;
    await writeStatus(this.setClient, set, status, signal);
  }
}
