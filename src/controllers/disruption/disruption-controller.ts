/**
 * @module The disruption controller: keeps every PodDisruptionBudget's status current —
 * expectedPods (from the scale of the pods' controllers when the budget is a percentage or a
 * maxUnavailable), desiredHealthy, currentHealthy (ready pods), disruptionsAllowed, the
 * DisruptionAllowed condition, and disruptedPods entries (written by evictions) dropped once the
 * pod is gone or after 2 minutes. The eviction subresource of the API server reads this status.
 */
import type { EventSink } from '../../client/event-recorder.js';
import { isConflict, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Deployment, IntOrString, ReplicaSet, ReplicationController, StatefulSet } from '../../client/kinds/apps.js';
import type { Condition, Pod } from '../../client/kinds/core.js';
import type { LabelSelectorSpec } from '../../client/kinds/meta.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { selectorIsEmpty, selectorMatches } from '../../client/selector.js';
import { controllerOf, objectKey, type KubeObject } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { setCondition } from '../common/conditions.js';
import type { Controller, ControllerContext } from '../common/context.js';
import { isPodReady } from '../common/pods.js';
import { writeStatus } from '../common/status.js';
import { enqueueChanges, onChange } from '../common/handlers.js';

const KIND = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget' };
const DELETION_TIMEOUT_MS = 2 * 60_000;

export interface PodDisruptionBudget extends KubeObject {
  spec?: { minAvailable?: IntOrString; maxUnavailable?: IntOrString; selector?: LabelSelectorSpec; unhealthyPodEvictionPolicy?: string };
  status?: {
    observedGeneration?: number; disruptedPods?: Record<string, string>; disruptionsAllowed: number;
    currentHealthy: number; desiredHealthy: number; expectedPods: number; conditions?: Condition[];
  };
}

const isPercent = (v: IntOrString | undefined): v is string => typeof v === 'string' && v.endsWith('%');
const pct = (v: string): number => Number.parseInt(v, 10);

export class DisruptionController implements Controller {
  readonly name = 'disruption-controller';
  private readonly pdbs: SharedInformer<PodDisruptionBudget>;
  private readonly pods: SharedInformer<Pod>;
  private readonly rss: SharedInformer<ReplicaSet>;
  private readonly deployments: SharedInformer<Deployment>;
  private readonly sets: SharedInformer<StatefulSet>;
  private readonly rcs: SharedInformer<ReplicationController>;
  private readonly client: ResourceClient<PodDisruptionBudget>;
  private readonly events: EventSink;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext) {
    this.client = ctx.clientFor('disruption-controller').resource<PodDisruptionBudget>(resources.poddisruptionbudgets);
    this.events = ctx.events('controllermanager');
    this.pdbs = ctx.informers.informer<PodDisruptionBudget>(resources.poddisruptionbudgets);
    this.pods = ctx.informers.informer<Pod>(resources.pods);
    this.rss = ctx.informers.informer<ReplicaSet>(resources.replicasets);
    this.deployments = ctx.informers.informer<Deployment>(resources.deployments);
    this.sets = ctx.informers.informer<StatefulSet>(resources.statefulsets);
    this.rcs = ctx.informers.informer<ReplicationController>(resources.replicationcontrollers);
    enqueueChanges(this.pdbs, this.queue);
    onChange(this.pods, (p) => {
      for (const b of this.pdbs.store.byIndex('namespace', p.metadata.namespace ?? '')) {
        if (selectorMatches(b.spec?.selector, p.metadata.labels)) this.queue.add(objectKey(b));
      }
    }, { deletes: true });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (key) => this.sync(key, signal), { workers: this.ctx.workers ?? 5, name: this.name, signal });
  }

  private async sync(key: string, signal: AbortSignal): Promise<void> {
    const pdb = this.pdbs.store.get(key);
    if (!pdb) return;
    const sel = pdb.spec?.selector;
    const pods = selectorIsEmpty(sel) ? [] : this.pods.store.byIndex('namespace', pdb.metadata.namespace ?? '')
      .filter((p) => selectorMatches(sel, p.metadata.labels) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    if (pods.length === 0) this.events.event(pdb, 'Normal', 'NoPods', 'No matching pods found', KIND);
    const now = Date.now();
    const disrupted: Record<string, string> = {};
    let recheck: number | undefined;
    for (const [name, at] of Object.entries(pdb.status?.disruptedPods ?? {})) {
      const p = pods.find((x) => x.metadata.name === name);
      const t = Date.parse(at);
      // An eviction not yet followed by the pod's deletion counts as a disruption for 2 minutes.
      if (p && !p.metadata.deletionTimestamp && Number.isFinite(t) && t + DELETION_TIMEOUT_MS > now) {
        disrupted[name] = at;
        recheck = Math.min(recheck ?? Infinity, t + DELETION_TIMEOUT_MS - now);
      }
    }
    const { expected, desired } = this.budget(pdb, pods);
    const healthy = pods.filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp && !((p.metadata.name ?? '') in disrupted)).length;
    const allowed = Math.max(0, healthy - desired);
    const status: NonNullable<PodDisruptionBudget['status']> = {
      observedGeneration: pdb.metadata.generation ?? 0, disruptionsAllowed: allowed, currentHealthy: healthy, desiredHealthy: desired, expectedPods: expected,
      conditions: setCondition(pdb.status?.conditions, allowed > 0
        ? { type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: pdb.metadata.generation ?? 0 }
        : { type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration: pdb.metadata.generation ?? 0 }),
    };
    if (Object.keys(disrupted).length) status.disruptedPods = disrupted;
    try {
      await writeStatus(this.client, pdb, status, signal);
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
    if (recheck !== undefined) this.queue.addAfter(key, recheck + 100);
  }

  /** expectedPods and desiredHealthy (getExpectedPodCount + the budget arithmetic). */
  private budget(pdb: PodDisruptionBudget, pods: readonly Pod[]): { expected: number; desired: number } {
    const min = pdb.spec?.minAvailable;
    const max = pdb.spec?.maxUnavailable;
    if (max === undefined && !isPercent(min)) {
      // An integer minAvailable needs no controller scale: it is counted against the pods.
      return { expected: pods.length, desired: typeof min === 'number' ? min : Number.parseInt(String(min ?? 1), 10) || 0 };
    }
    const expected = this.expectedFromControllers(pods);
    if (max !== undefined) {
      const n = isPercent(max) ? Math.ceil((pct(max) * expected) / 100) : Number(max);
      return { expected, desired: Math.max(0, expected - n) };
    }
    return { expected, desired: Math.ceil((pct(min as string) * expected) / 100) };
  }

  /** The replicas of the controllers owning the pods (each counted once). */
  private expectedFromControllers(pods: readonly Pod[]): number {
    const seen = new Set<string>();
    let total = 0;
    for (const p of pods) {
      const ref = controllerOf(p);
      if (!ref) continue;
      const ns = p.metadata.namespace ?? '';
      let scale: { uid: string; replicas: number } | undefined;
      if (ref.kind === 'ReplicaSet') {
        const rs = this.rss.store.get(`${ns}/${ref.name}`);
        const owner = rs && controllerOf(rs);
        const d = owner?.kind === 'Deployment' ? this.deployments.store.get(`${ns}/${owner.name}`) : undefined;
        if (d) scale = { uid: d.metadata.uid ?? '', replicas: d.spec.replicas ?? 1 };
        else if (rs) scale = { uid: rs.metadata.uid ?? '', replicas: rs.spec.replicas ?? 1 };
      } else if (ref.kind === 'StatefulSet') {
        const s = this.sets.store.get(`${ns}/${ref.name}`);
        if (s) scale = { uid: s.metadata.uid ?? '', replicas: s.spec.replicas ?? 1 };
      } else if (ref.kind === 'ReplicationController') {
        const rc = this.rcs.store.get(`${ns}/${ref.name}`);
        if (rc) scale = { uid: rc.metadata.uid ?? '', replicas: rc.spec.replicas ?? 1 };
      }
      if (scale && !seen.has(scale.uid)) {
        seen.add(scale.uid);
        total += scale.replicas;
      }
    }
    return total;
  }
}
