/**
 * @module The Deployment controller: owns ReplicaSets (one per pod template, named
 * `<deployment>-<pod-template-hash>`), rolls from old to new with RollingUpdate
 * (maxSurge/maxUnavailable) or Recreate, keeps revisions (`deployment.kubernetes.io/revision`,
 * reused when a rollback brings an old template back), scales proportionally when replicas
 * change mid-rollout, honours `paused`, prunes history beyond revisionHistoryLimit and reports
 * status and conditions as `kubectl rollout status` reads them.
 */
import { messageOf } from '../../base/errors.js';
import type { EventSink } from '../../client/event-recorder.js';
import { isAlreadyExists, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Deployment, ReplicaSet } from '../../client/kinds/apps.js';
import type { Pod } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { selectorIsEmpty, selectorMatches } from '../../client/selector.js';
import { controllerOf, objectKey, type KubeObject } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { claimObjects } from '../common/claim.js';
import { findCondition } from '../common/conditions.js';
import { workerCount, indexedInformer, ownedOrOrphans, type Controller, type ControllerContext } from '../common/context.js';
import { controllerRefTo } from '../common/pods.js';
import { writeStatus } from '../common/status.js';
import { activeOrLatest, cleanupUnhealthy, healthyScaleDown, newRSReplicas, oldScaleDownBudget, proportionalScale, type Scale } from './plan.js';
import { calculateStatus, deploymentComplete, msUntilDeadline, rolloutStatus, setDeploymentCondition } from './status.js';
import {
  activeReplicaSets, byCreation, copiedAnnotations, DESIRED_REPLICAS, findNewReplicaSet, MAX_REPLICAS, maxRevision, maxSurge,
  POD_TEMPLATE_HASH, podTemplateHash, replicasOf, REVISION, REVISION_HISTORY, revisionOf, rsReplicas, sameTemplate, sum,
} from './util.js';

const KIND = { apiVersion: 'apps/v1', kind: 'Deployment' };

/** One sync's view: the deployment (a private copy) and its ReplicaSets, updated as we write. */
interface SyncState {
  d: Deployment;
  rss: ReplicaSet[];
  readonly signal: AbortSignal;
}

export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  private readonly deployments: SharedInformer<Deployment>;
  private readonly replicaSets: SharedInformer<ReplicaSet>;
  private readonly pods: SharedInformer<Pod>;
  private readonly dClient: ResourceClient<Deployment>;
  private readonly rsClient: ResourceClient<ReplicaSet>;
  private readonly events: EventSink;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext) {
    const client = ctx.clientFor('deployment-controller');
    this.dClient = client.resource<Deployment>(resources.deployments);
    this.rsClient = client.resource<ReplicaSet>(resources.replicasets);
    this.events = ctx.events(this.name);
    this.deployments = indexedInformer<Deployment>(ctx, resources.deployments);
    this.replicaSets = indexedInformer<ReplicaSet>(ctx, resources.replicasets);
    this.pods = indexedInformer<Pod>(ctx, resources.pods);
    this.deployments.addEventHandler({
      onAdd: (d) => this.queue.add(objectKey(d)),
      onUpdate: (_o, d) => this.queue.add(objectKey(d)),
      onDelete: (d) => this.queue.add(objectKey(d)),
    });
    this.replicaSets.addEventHandler({
      onAdd: (rs) => this.rsChanged(rs),
      onUpdate: (old, rs) => {
        const a = this.ownerKey(old);
        if (a && a !== this.ownerKey(rs)) this.queue.add(a);
        this.rsChanged(rs);
      },
      onDelete: (rs) => { const k = this.ownerKey(rs); if (k) this.queue.add(k); },
    });
    // Recreate waits for old pods to be gone: their deletion is what lets it proceed.
    this.pods.addEventHandler({ onDelete: (p) => this.podDeleted(p) });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (key) => this.sync(key, signal), { workers: workerCount(this.ctx, 'deployment', 5), name: this.name, signal });
  }

  private ownerKey(rs: KubeObject): string | undefined {
    const ref = controllerOf(rs);
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const key = `${rs.metadata.namespace ?? ''}/${ref.name}`;
    return this.deployments.store.get(key)?.metadata.uid === ref.uid ? key : undefined;
  }

  private rsChanged(rs: ReplicaSet): void {
    const key = this.ownerKey(rs);
    if (key) {
      this.queue.add(key);
      return;
    }
    if (controllerOf(rs)) return;
    for (const d of this.deployments.store.byIndex('namespace', rs.metadata.namespace ?? '')) {
      if (selectorMatches(d.spec.selector, rs.metadata.labels)) this.queue.add(objectKey(d));
    }
  }

  private podDeleted(p: Pod): void {
    const ref = controllerOf(p);
    if (!ref || ref.kind !== 'ReplicaSet') return;
    const rs = this.replicaSets.store.get(`${p.metadata.namespace ?? ''}/${ref.name}`);
    const key = rs && this.ownerKey(rs);
    if (!key) return;
    const d = this.deployments.store.get(key);
    if (d?.spec.strategy?.type === 'Recreate') this.queue.add(key);
  }

  private async sync(key: string, signal: AbortSignal): Promise<void> {
    const cached = this.deployments.store.get(key);
    if (!cached) return;
    const d = structuredClone(cached);
    if (selectorIsEmpty(d.spec.selector)) {
      this.events.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', KIND);
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        await writeStatus(this.dClient, cached, { ...d.status, observedGeneration: d.metadata.generation ?? 0 }, signal);
      }
      return;
    }
    const st: SyncState = { d, rss: await this.claim(d, signal), signal };
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = await this.replicaSetsAndRevision(st, false);
      await this.writeStatus(st, calculateStatus(st.d, [...oldRSs, ...(newRS ? [newRS] : [])], newRS));
      return;
    }
    await this.pausedConditions(st);
    if (d.spec.paused || (await this.isScalingEvent(st))) {
      await this.scaleOnly(st);
      return;
    }
    if (d.spec.strategy?.type === 'Recreate') await this.rolloutRecreate(st);
    else await this.rolloutRolling(st);
  }

  /** The ReplicaSets this deployment controls, after adoption and release. */
  private async claim(d: Deployment, signal: AbortSignal): Promise<ReplicaSet[]> {
    return claimObjects(ownedOrOrphans(this.replicaSets, d), {
      owner: d, ref: controllerRefTo(d, 'apps/v1', 'Deployment'), client: this.rsClient, signal,
      matches: (rs) => selectorMatches(d.spec.selector, rs.metadata.labels),
      recheckOwner: () => this.dClient.get(d.metadata.name ?? '', { namespace: d.metadata.namespace, signal }).catch((e: unknown) => (isNotFound(e) ? undefined : Promise.reject(e))),
    });
  }

  /** Progressing=Unknown with DeploymentPaused / DeploymentResumed as `rollout pause|resume` flips it. */
  private async pausedConditions(st: SyncState): Promise<void> {
    const d = st.d;
    const cond = findCondition(d.status?.conditions, 'Progressing');
    if (!cond && d.spec.progressDeadlineSeconds === undefined) return;
    const pausedNow = !!d.spec.paused;
    let conditions = d.status?.conditions;
    if (pausedNow && cond?.reason !== 'DeploymentPaused') {
      conditions = setDeploymentCondition(conditions, { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    } else if (!pausedNow && cond?.reason === 'DeploymentPaused') {
      conditions = setDeploymentCondition(conditions, { type: 'Progressing', status: 'Unknown', reason: 'DeploymentResumed', message: 'Deployment is resumed' });
    } else {
      return;
    }
    await this.writeStatus(st, { ...d.status, conditions });
  }

  /**
   * Finds (or creates) the new ReplicaSet and brings revisions in line: the new one gets
   * max(old)+1 (a rollback re-numbers the old template's set, remembering its previous numbers
   * in revision-history), and the deployment carries the same revision annotation.
   */
  private async replicaSetsAndRevision(st: SyncState, create: boolean): Promise<{ newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] }> {
    const d = st.d;
    let newRS = findNewReplicaSet(d, st.rss);
    const oldRSs = st.rss.filter((rs) => rs !== newRS);
    const revision = String(maxRevision(oldRSs) + 1);
    if (newRS) {
      const updated = this.newRSAnnotations(d, newRS, revision);
      if (updated || (newRS.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0)) {
        const copy = structuredClone(newRS);
        if (updated) copy.metadata.annotations = updated;
        copy.spec.minReadySeconds = d.spec.minReadySeconds ?? 0;
        newRS = this.replace(st, newRS, await this.rsClient.update(copy, { signal: st.signal }));
      }
      await this.setDeploymentRevision(st, newRS.metadata.annotations?.[REVISION] ?? revision);
      if (!findCondition(d.status?.conditions, 'Progressing') && d.spec.progressDeadlineSeconds !== undefined) {
        const conditions = setDeploymentCondition(d.status?.conditions, { type: 'Progressing', status: 'True', reason: 'FoundNewReplicaSet', message: `Found new replica set "${newRS.metadata.name ?? ''}"` });
        await this.writeStatus(st, { ...d.status, conditions });
      }
      return { newRS, oldRSs };
    }
    if (!create) return { newRS: undefined, oldRSs };
    return { newRS: await this.createNewRS(st, oldRSs, revision), oldRSs };
  }

  /** The new ReplicaSet's annotations when they need to change, else undefined. */
  private newRSAnnotations(d: Deployment, rs: ReplicaSet, revision: string): Record<string, string> | undefined {
    const ann = { ...rs.metadata.annotations };
    let changed = false;
    for (const [k, v] of Object.entries(copiedAnnotations(d))) {
      if (ann[k] !== v) { ann[k] = v; changed = true; }
    }
    const old = ann[REVISION];
    if (!old || Number(old) < Number(revision)) {
      if (old) ann[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${old}` : old;
      ann[REVISION] = revision;
      changed = true;
    }
    const desired = String(replicasOf(d));
    const max = String(replicasOf(d) + maxSurge(d));
    if (ann[DESIRED_REPLICAS] !== desired || ann[MAX_REPLICAS] !== max) {
      ann[DESIRED_REPLICAS] = desired;
      ann[MAX_REPLICAS] = max;
      changed = true;
    }
    return changed ? ann : undefined;
  }

  private async setDeploymentRevision(st: SyncState, revision: string): Promise<void> {
    if (st.d.metadata.annotations?.[REVISION] === revision) return;
    // An update, not a patch: the deployment-controller role may update deployments but not patch them.
    const d = await this.dClient.update({ ...st.d, metadata: { ...st.d.metadata, annotations: { ...st.d.metadata.annotations, [REVISION]: revision } } }, { signal: st.signal });
    st.d.metadata = d.metadata;
  }

  private async createNewRS(st: SyncState, oldRSs: ReplicaSet[], revision: string): Promise<ReplicaSet | undefined> {
    const d = st.d;
    const template = structuredClone(d.spec.template);
    const hash = podTemplateHash(d.spec.template, d.status?.collisionCount);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash } };
    const sel = d.spec.selector;
    const rs: ReplicaSet = {
      metadata: {
        name: `${d.metadata.name ?? ''}-${hash}`, namespace: d.metadata.namespace ?? '',
        labels: { ...template.metadata.labels },
        annotations: {
          ...copiedAnnotations(d), [REVISION]: revision,
          [DESIRED_REPLICAS]: String(replicasOf(d)), [MAX_REPLICAS]: String(replicasOf(d) + maxSurge(d)),
        },
        ownerReferences: [controllerRefTo(d, 'apps/v1', 'Deployment')],
      },
      spec: {
        replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, template,
        selector: { ...sel, matchLabels: { ...sel.matchLabels, [POD_TEMPLATE_HASH]: hash } },
      },
    };
    rs.spec.replicas = newRSReplicas(d, [...oldRSs, rs], rs);
    let created: ReplicaSet;
    try {
      created = await this.rsClient.create(rs, { signal: st.signal });
    } catch (err) {
      if (isAlreadyExists(err)) {
        const existing = await this.rsClient.get(rs.metadata.name ?? '', { namespace: rs.metadata.namespace, signal: st.signal });
        if (controllerOf(existing)?.uid === d.metadata.uid && sameTemplate(existing.spec.template, d.spec.template)) {
          st.rss.push(existing);
          return existing;
        }
        // A namesake with another template: a hash collision. Bump collisionCount and retry.
        await this.writeStatus(st, { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 });
        throw new Error(`found a hash collision for deployment "${d.metadata.name ?? ''}" - bumping collisionCount`, { cause: err });
      }
      const msg = `Failed to create new replica set "${rs.metadata.name ?? ''}": ${messageOf(err)}`;
      this.events.event(d, 'Warning', 'FailedCreate', msg, KIND);
      const conditions = setDeploymentCondition(d.status?.conditions, { type: 'Progressing', status: 'False', reason: 'ReplicaSetCreateError', message: msg });
      await this.writeStatus(st, { ...d.status, conditions });
      throw err;
    }
    st.rss.push(created);
    const n = rsReplicas(created);
    if (n > 0) this.events.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name ?? ''} from 0 to ${n}`, KIND);
    await this.setDeploymentRevision(st, revision);
    if (d.spec.progressDeadlineSeconds !== undefined) {
      const conditions = setDeploymentCondition(d.status?.conditions, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${created.metadata.name ?? ''}"` });
      await this.writeStatus(st, { ...d.status, conditions });
    }
    return created;
  }

  /** Some active ReplicaSet was sized for another spec.replicas (isScalingEvent). */
  private async isScalingEvent(st: SyncState): Promise<boolean> {
    const { newRS, oldRSs } = await this.replicaSetsAndRevision(st, false);
    const all = newRS ? [...oldRSs, newRS] : oldRSs;
    return activeReplicaSets(all).some((rs) => {
      const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
      return desired !== undefined && Number(desired) !== replicasOf(st.d);
    });
  }

  /** Paused deployments and scaling events: resize without rolling (sync()). */
  private async scaleOnly(st: SyncState): Promise<void> {
    const { newRS, oldRSs } = await this.replicaSetsAndRevision(st, false);
    await this.scale(st, newRS, oldRSs);
    const fresh = this.current(st, newRS, oldRSs);
    if (st.d.spec.paused) await this.cleanup(st, fresh.oldRSs);
    await this.writeStatus(st, calculateStatus(st.d, fresh.all, fresh.newRS));
  }

  private async scale(st: SyncState, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): Promise<void> {
    const d = st.d;
    const one = activeOrLatest(newRS, oldRSs);
    if (one) {
      if (rsReplicas(one) !== replicasOf(d) || this.newRSAnnotations(d, one, one.metadata.annotations?.[REVISION] ?? '0')) await this.scaleRS(st, one, replicasOf(d));
      return;
    }
    // A new set at full size, all available: the rest can go at once.
    if (newRS && rsReplicas(newRS) === replicasOf(d) && (newRS.status?.availableReplicas ?? 0) === replicasOf(d) &&
        newRS.metadata.annotations?.[DESIRED_REPLICAS] === String(replicasOf(d))) {
      for (const rs of activeReplicaSets(oldRSs)) await this.scaleRS(st, rs, 0);
      return;
    }
    if (d.spec.strategy?.type === 'Recreate') return;
    for (const s of proportionalScale(d, activeReplicaSets(newRS ? [...oldRSs, newRS] : oldRSs))) await this.scaleRS(st, s.rs, s.to);
  }

  private async rolloutRolling(st: SyncState): Promise<void> {
    const { newRS, oldRSs } = await this.replicaSetsAndRevision(st, true);
    if (!newRS) return;
    const d = st.d;
    let changed = false;
    // Grow the new set within maxSurge.
    const want = rsReplicas(newRS) > replicasOf(d) ? replicasOf(d) : newRSReplicas(d, [...oldRSs, newRS], newRS);
    if (want !== rsReplicas(newRS)) changed = await this.scaleRS(st, newRS, want);
    if (!changed) {
      // Shrink old sets within maxUnavailable: unhealthy pods first, then healthy ones.
      let cur = this.current(st, newRS, oldRSs);
      const activeOld = activeReplicaSets(cur.oldRSs);
      if (sum(activeOld, rsReplicas) > 0) {
        const budget = oldScaleDownBudget(d, cur.all, cur.newRS);
        if (budget > 0) {
          changed = (await this.applyScales(st, cleanupUnhealthy(activeOld, budget))) || changed;
          cur = this.current(st, newRS, oldRSs);
          changed = (await this.applyScales(st, healthyScaleDown(d, cur.all, activeReplicaSets(cur.oldRSs)))) || changed;
        }
      }
    }
    const cur = this.current(st, newRS, oldRSs);
    if (!changed && deploymentComplete(d, calculateStatus(d, cur.all, cur.newRS))) await this.cleanup(st, cur.oldRSs);
    await this.syncRolloutStatus(st, cur.all, cur.newRS);
  }

  private async rolloutRecreate(st: SyncState): Promise<void> {
    let { newRS, oldRSs } = await this.replicaSetsAndRevision(st, false);
    const d = st.d;
    const activeOld = activeReplicaSets(oldRSs);
    if (activeOld.length) {
      for (const rs of activeOld) await this.scaleRS(st, rs, 0);
      const cur = this.current(st, newRS, oldRSs);
      await this.syncRolloutStatus(st, cur.all, cur.newRS);
      return;
    }
    // Recreate starts new pods only once every old pod has stopped running.
    if (this.oldPodsRunning(oldRSs)) {
      const cur = this.current(st, newRS, oldRSs);
      await this.syncRolloutStatus(st, cur.all, cur.newRS);
      return;
    }
    if (!newRS) ({ newRS, oldRSs } = await this.replicaSetsAndRevision(st, true));
    if (newRS && rsReplicas(newRS) !== replicasOf(d)) await this.scaleRS(st, newRS, replicasOf(d));
    const cur = this.current(st, newRS, oldRSs);
    if (deploymentComplete(d, calculateStatus(d, cur.all, cur.newRS))) await this.cleanup(st, cur.oldRSs);
    await this.syncRolloutStatus(st, cur.all, cur.newRS);
  }

  private oldPodsRunning(oldRSs: readonly ReplicaSet[]): boolean {
    if (sum(oldRSs, (rs) => rs.status?.replicas) > 0) return true;
    for (const rs of oldRSs) {
      for (const p of this.pods.store.byIndex('ownerUid', rs.metadata.uid ?? '')) {
        const phase = p.status?.phase;
        if (phase !== 'Failed' && phase !== 'Succeeded') return true;
      }
    }
    return false;
  }

  /** Deletes the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit. */
  private async cleanup(st: SyncState, oldRSs: readonly ReplicaSet[]): Promise<void> {
    const limit = st.d.spec.revisionHistoryLimit;
    if (limit === undefined) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    const sorted = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of sorted.slice(0, diff)) {
      if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      try {
        await this.rsClient.delete(rs.metadata.name ?? '', { namespace: rs.metadata.namespace, signal: st.signal });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }

  private async syncRolloutStatus(st: SyncState, all: ReplicaSet[], newRS: ReplicaSet | undefined): Promise<void> {
    const now = Date.now();
    const status = rolloutStatus(st.d, all, newRS, now);
    await this.writeStatus(st, status);
    const wait = msUntilDeadline(st.d, status, now);
    if (wait !== undefined) this.queue.addAfter(objectKey(st.d), wait + 1000);
  }

  private async applyScales(st: SyncState, scales: readonly Scale[]): Promise<boolean> {
    let changed = false;
    for (const s of scales) changed = (await this.scaleRS(st, this.latest(st, s.rs), s.to)) || changed;
    return changed;
  }

  /** Sets spec.replicas (and the desired/max annotations); records ScalingReplicaSet. Returns whether the size changed. */
  private async scaleRS(st: SyncState, rs: ReplicaSet, to: number): Promise<boolean> {
    const d = st.d;
    const from = rsReplicas(rs);
    const ann = { ...rs.metadata.annotations, [DESIRED_REPLICAS]: String(replicasOf(d)), [MAX_REPLICAS]: String(replicasOf(d) + maxSurge(d)) };
    const annChanged = ann[DESIRED_REPLICAS] !== rs.metadata.annotations?.[DESIRED_REPLICAS] || ann[MAX_REPLICAS] !== rs.metadata.annotations?.[MAX_REPLICAS];
    if (from === to && !annChanged) return false;
    const copy = structuredClone(rs);
    copy.metadata.annotations = ann;
    copy.spec.replicas = to;
    this.replace(st, rs, await this.rsClient.update(copy, { signal: st.signal }));
    if (from !== to) {
      const verb = to > from ? 'up' : 'down';
      this.events.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${rs.metadata.name ?? ''} from ${from} to ${to}`, KIND);
    }
    return from !== to;
  }

  private replace(st: SyncState, old: ReplicaSet, next: ReplicaSet): ReplicaSet {
    const i = st.rss.findIndex((r) => r.metadata.uid === old.metadata.uid);
    if (i >= 0) st.rss[i] = next;
    else st.rss.push(next);
    return next;
  }

  private latest(st: SyncState, rs: ReplicaSet): ReplicaSet {
    return st.rss.find((r) => r.metadata.uid === rs.metadata.uid) ?? rs;
  }

  /** The current versions of the new and old sets after the writes of this sync. */
  private current(st: SyncState, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[]; all: ReplicaSet[] } {
    const n = newRS ? this.latest(st, newRS) : undefined;
    const o = oldRSs.map((rs) => this.latest(st, rs));
    return { newRS: n, oldRSs: o, all: n ? [...o, n] : o };
  }

  private async writeStatus(st: SyncState, status: Deployment['status']): Promise<void> {
    const written = await writeStatus(this.dClient, st.d, status, st.signal);
    if (written) {
      const next = written.status ?? status;
      if (next) st.d.status = next;
      st.d.metadata = written.metadata;
    }
  }
}
