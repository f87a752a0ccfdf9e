/**
 * @module The taints the node lifecycle controller keeps in step with node conditions
 * (TaintNodesByCondition and taint-based eviction), and which NoExecute taints a pod tolerates
 * for how long.
 */
import type { Condition, Node, Pod, Taint, Toleration } from '../../client/kinds/core.js';

export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';
export const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
const MANAGED = new Set([UNREACHABLE, NOT_READY, UNSCHEDULABLE]);

/** The not-ready or unreachable taint key a node's Ready condition calls for (none when Ready or never reported). */
export function conditionTaintKey(node: Node): string | undefined {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  // A node that never reported Ready gets no taint until the grace period turns it Unknown.
  return ready?.status === 'Unknown' ? UNREACHABLE : ready?.status === 'False' ? NOT_READY : undefined;
}

/** True when the node carries the not-ready or unreachable NoExecute taint. */
export function hasConditionNoExecute(node: Node): boolean {
  return (node.spec?.taints ?? []).some((t) => t.effect === 'NoExecute' && (t.key === UNREACHABLE || t.key === NOT_READY));
}

/**
 * The managed taints a node should carry given its Ready condition and spec.unschedulable;
 * the NoExecute one only when `noExecute` (its rate limit and zone state allow it).
 */
export function wantedTaints(node: Node, timeAdded: string, noExecute = true): Taint[] {
  const out: Taint[] = [];
  const key = conditionTaintKey(node);
  if (key) {
    out.push({ key, effect: 'NoSchedule' });
    if (noExecute) out.push({ key, effect: 'NoExecute', timeAdded });
  }
  if (node.spec?.unschedulable) out.push({ key: UNSCHEDULABLE, effect: 'NoSchedule', timeAdded });
  return out;
}

/** The node's taints with the managed ones replaced by `wanted` (existing timeAdded kept). */
export function mergeTaints(current: readonly Taint[] | undefined, wanted: readonly Taint[]): Taint[] {
  const keep = (current ?? []).filter((t) => !MANAGED.has(t.key));
  const merged = wanted.map((w) => {
    const had = (current ?? []).find((t) => t.key === w.key && t.effect === w.effect);
    if (had?.timeAdded) return { ...w, timeAdded: had.timeAdded };
    if (w.effect === 'NoSchedule') { const { timeAdded: _t, ...rest } = w; return rest; }
    return w;
  });
  return [...keep, ...merged];
}

export function sameTaints(a: readonly Taint[] | undefined, b: readonly Taint[] | undefined): boolean {
  const k = (l: readonly Taint[] | undefined): string => (l ?? []).map((t) => `${t.key}=${t.value ?? ''}:${t.effect}`).sort().join(',');
  return k(a) === k(b);
}

function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if ((t.key ?? '') === '') return t.operator === 'Exists';
  if (t.key !== taint.key) return false;
  return t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '');
}

/**
 * How long a pod may stay on a node with these NoExecute taints: 0 to evict now, undefined to
 * stay forever. (Pods normally carry 300 s tolerations for not-ready/unreachable, added by the
 * DefaultTolerationSeconds admission plugin; a pod without any is evicted at once, as upstream.)
 */
export function evictionDelayMs(pod: Pod, taints: readonly Taint[], now: number): number | undefined {
  let delay: number | undefined;
  for (const taint of taints) {
    if (taint.effect !== 'NoExecute') continue;
    const tols = (pod.spec?.tolerations ?? []).filter((t) => tolerates(t, taint));
    if (tols.length === 0) return 0;
    const secs = tols.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined);
    if (secs.length === 0) continue;
    const added = Date.parse(taint.timeAdded ?? '') || now;
    const left = added + Math.max(0, Math.min(...secs)) * 1000 - now;
    delay = delay === undefined ? left : Math.min(delay, left);
  }
  return delay === undefined ? undefined : Math.max(0, delay);
}

/**
 * Conditions of an unresponsive node: everything Unknown (tryUpdateNodeHealth), with
 * NodeStatusNeverUpdated for a node whose kubelet never reported at all.
 */
export function unknownConditions(conds: readonly Condition[] | undefined, now: string): Condition[] {
  const types = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];
  const out = (conds ?? []).filter((c) => !types.includes(c.type));
  const never = !conds?.some((c) => c.type === 'Ready');
  for (const type of types) {
    const prev = conds?.find((c) => c.type === type);
    out.push({
      type, status: 'Unknown',
      reason: never ? 'NodeStatusNeverUpdated' : 'NodeStatusUnknown', message: never ? 'Kubelet never posted node status.' : 'Kubelet stopped posting node status.',
      lastHeartbeatTime: prev?.lastHeartbeatTime ?? now, lastTransitionTime: prev?.status === 'Unknown' ? prev.lastTransitionTime ?? now : now,
    });
  }
  return out;
}
