/**
 * @module Pod facts controllers share: active, ready, available (ready for minReadySeconds),
 * a pod made from a template for an owner, and the order in which surplus pods are deleted.
 */
import type { OwnerReference } from '../../client/types.js';
import type { Condition, Pod, PodTemplateSpec } from '../../client/kinds/core.js';
import { nowTime } from './conditions.js';

/** Not finished and not being deleted: counts towards a controller's replicas. */
export function isPodActive(p: Pod): boolean {
  const phase = p.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !p.metadata.deletionTimestamp;
}

export function isPodTerminating(p: Pod): boolean {
  return !!p.metadata.deletionTimestamp;
}

export function podCondition(p: Pod, type: string): Condition | undefined {
  return p.status?.conditions?.find((c) => c.type === type);
}

/** The pod's conditions with DisruptionTarget=True set: why it is about to be deleted (PodDisruptionConditions). */
export function disruptionConditions(p: Pod, reason: string, message: string): Condition[] {
  return [...(p.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
    { type: 'DisruptionTarget', status: 'True', reason, message, lastTransitionTime: nowTime() }];
}

export function isPodReady(p: Pod): boolean {
  return podCondition(p, 'Ready')?.status === 'True';
}

/** Ready for at least `minReadySeconds` at time `now` (ms). */
export function isPodAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  const ready = podCondition(p, 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : Number.NaN;
  return Number.isFinite(since) && since + minReadySeconds * 1000 <= now;
}

/** The ownerReference a controller puts on what it creates. */
export function controllerRefTo(owner: { metadata: { name?: string; uid?: string } }, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/**
 * A new pod from `template` for the owner (GetPodFromTemplate): the template's labels,
 * annotations, finalizers and spec, `generateName: <owner>-`, the controller reference.
 */
export function podFromTemplate(template: PodTemplateSpec, namespace: string, ownerName: string, ref: OwnerReference): Pod {
  const meta = template.metadata ?? {};
  const pod: Pod = {
    metadata: {
      namespace,
      generateName: `${ownerName}-`,
      labels: { ...meta.labels },
      ownerReferences: [ref],
    },
    spec: structuredClone(template.spec ?? { containers: [] }),
  };
  if (meta.annotations && Object.keys(meta.annotations).length) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers?.length) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}

const PHASE_RANK: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

const time = (s: string | null | undefined): number => (s ? Date.parse(s) : 0);

/**
 * Orders pods so the ones to delete first come first (ActivePods.Less): unscheduled before
 * scheduled, pending before unknown before running, not ready before ready, pods on crowded
 * nodes before others, ready for less time before longer, more restarts before fewer, newer
 * before older.
 */
export function deletionOrder(podsOnNode: ReadonlyMap<string, number> = new Map()): (a: Pod, b: Pod) => number {
  return (a, b) => {
    const na = a.spec?.nodeName ?? '';
    const nb = b.spec?.nodeName ?? '';
    if ((na === '') !== (nb === '')) return na === '' ? -1 : 1;
    const pa = PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0;
    const pb = PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0;
    if (pa !== pb) return pa - pb;
    const ra = isPodReady(a);
    const rb = isPodReady(b);
    if (ra !== rb) return ra ? 1 : -1;
    const ca = podsOnNode.get(na) ?? 0;
    const cb = podsOnNode.get(nb) ?? 0;
    if (ca !== cb) return cb - ca;
    if (ra && rb) {
      const ta = time(podCondition(a, 'Ready')?.lastTransitionTime);
      const tb = time(podCondition(b, 'Ready')?.lastTransitionTime);
      if (ta !== tb) return tb - ta;
    }
    const restarts = (p: Pod): number => (p.status?.containerStatuses ?? []).reduce((s, c) => s + (c.restartCount ?? 0), 0);
    const xa = restarts(a);
    const xb = restarts(b);
    if (xa !== xb) return xb - xa;
    return time(b.metadata.creationTimestamp) - time(a.metadata.creationTimestamp);
  };
}
