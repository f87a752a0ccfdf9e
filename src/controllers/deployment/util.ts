/**
 * @module Deployment facts (k8s.io/kubernetes pkg/controller/deployment/util): the annotations
 * it keeps on ReplicaSets, maxSurge/maxUnavailable resolution, revisions, the pod-template-hash
 * and template equality ignoring it.
 */
import type { Deployment, IntOrString, ReplicaSet } from '../../client/kinds/apps.js';
import type { PodTemplateSpec } from '../../client/kinds/core.js';
import { canonical } from '../common/status.js';
import { safeHash } from '../common/hash.js';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** Deployment annotations never copied to its ReplicaSets. */
const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

export const replicasOf = (d: Deployment): number => d.spec.replicas ?? 1;
export const rsReplicas = (rs: ReplicaSet): number => rs.spec.replicas ?? 0;

/** An int, or a percentage of `total` rounded up or down (intstr.GetScaledValueFromIntOrPercent). */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean, dflt: IntOrString): number {
  const x = v ?? dflt;
  if (typeof x === 'number') return x;
  const m = /^(\d+)%$/.exec(x);
  if (!m) return Number.parseInt(x, 10) || 0;
  const f = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(f) : Math.floor(f);
}

/** maxSurge and maxUnavailable as numbers; both 0 would deadlock, so unavailable becomes 1. */
export function fenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate;
  const n = replicasOf(d);
  const surge = scaledValue(ru?.maxSurge, n, true, '25%');
  let unavailable = scaledValue(ru?.maxUnavailable, n, false, '25%');
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export const isRollingUpdate = (d: Deployment): boolean => (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? fenceposts(d).surge : 0;
}

export function maxUnavailable(d: Deployment): number {
  const n = replicasOf(d);
  if (!isRollingUpdate(d) || n === 0) return 0;
  return Math.min(fenceposts(d).unavailable, n);
}

/** The revision number a ReplicaSet carries (0 when none). */
export function revisionOf(o: { metadata: { annotations?: Record<string, string> } }): number {
  const v = Number.parseInt(o.metadata.annotations?.[REVISION] ?? '', 10);
  return Number.isFinite(v) ? v : 0;
}

export function maxRevision(rss: readonly ReplicaSet[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** A pod template without the pod-template-hash label, as canonical JSON. */
function templateKey(t: PodTemplateSpec | undefined): string {
  const tt = structuredClone(t ?? {});
  if (tt.metadata?.labels) {
    delete tt.metadata.labels[POD_TEMPLATE_HASH];
    if (Object.keys(tt.metadata.labels).length === 0) delete tt.metadata.labels;
  }
  return canonical(tt);
}

/** EqualIgnoreHash: the templates are the same apart from the pod-template-hash label. */
export function sameTemplate(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return templateKey(a) === templateKey(b);
}

/** The pod-template-hash of a template (and the collision count). */
export function podTemplateHash(t: PodTemplateSpec, collisionCount: number | undefined): string {
  return safeHash(templateKey(t), collisionCount);
}

/** The Deployment annotations a new ReplicaSet gets. */
export function copiedAnnotations(d: Deployment): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!NOT_COPIED.has(k)) out[k] = v;
  return out;
}

/** Oldest first (by creationTimestamp, then name): ReplicaSetsByCreationTimestamp. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  return ta !== tb ? ta - tb : (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
}

/** The new ReplicaSet: the oldest one whose template equals the Deployment's. */
export function findNewReplicaSet(d: Deployment, rss: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rss].sort(byCreation).find((rs) => sameTemplate(rs.spec.template, d.spec.template));
}

/** Replica sets that have (or want) pods. */
export function activeReplicaSets(rss: readonly ReplicaSet[]): ReplicaSet[] {
  return rss.filter((rs) => rsReplicas(rs) > 0);
}

export const sum = (rss: readonly ReplicaSet[], f: (rs: ReplicaSet) => number | undefined): number => rss.reduce((s, rs) => s + (f(rs) ?? 0), 0);
