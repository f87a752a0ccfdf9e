/**
 * @module Where a DaemonSet's pods belong: nodes its node selector and required node affinity
 * match and whose NoSchedule/NoExecute taints its pods tolerate (with the tolerations the
 * controller adds to every daemon pod), and the pod it creates for one node (pinned there by
 * node affinity on metadata.name, left to the scheduler to bind).
 */
import type { DaemonSet } from '../../client/kinds/apps.js';
import type { Node, NodeSelectorRequirement, Pod, Taint, Toleration } from '../../client/kinds/core.js';

/** The tolerations kube-controller-manager adds to daemon pods (AddOrUpdateDaemonPodTolerations). */
export function daemonTolerations(ds: DaemonSet): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (ds.spec.template.spec?.hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const own = ds.spec.template.spec?.tolerations ?? [];
  return [...own, ...t.filter((d) => !own.some((o) => o.key === d.key && o.effect === d.effect))];
}

function tolerated(taint: Taint, tols: readonly Toleration[]): boolean {
  return tols.some((t) => (!t.effect || t.effect === taint.effect) &&
    ((t.key ?? '') === '' ? t.operator === 'Exists' : t.key === taint.key && (t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? ''))));
}

function reqMatches(r: NodeSelectorRequirement, v: string | undefined): boolean {
  switch (r.operator) {
    case 'In': return v !== undefined && (r.values ?? []).includes(v);
    case 'NotIn': return v === undefined || !(r.values ?? []).includes(v);
    case 'Exists': return v !== undefined;
    case 'DoesNotExist': return v === undefined;
    case 'Gt': return v !== undefined && Number(v) > Number(r.values?.[0]);
    case 'Lt': return v !== undefined && Number(v) < Number(r.values?.[0]);
    default: return false;
  }
}

/** Should a daemon pod run on `node` (NodeShouldRunDaemonPod)? */
export function shouldRun(ds: DaemonSet, node: Node): boolean {
  const spec = ds.spec.template.spec;
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && !terms.some((t) => (t.matchExpressions ?? []).every((r) => reqMatches(r, labels[r.key])) &&
    (t.matchFields ?? []).every((r) => reqMatches(r, r.key === 'metadata.name' ? node.metadata.name : undefined)) &&
    ((t.matchExpressions ?? []).length + (t.matchFields ?? []).length > 0))) return false;
  const tols = daemonTolerations(ds);
  return (node.spec?.taints ?? []).every((taint) => taint.effect === 'PreferNoSchedule' || tolerated(taint, tols));
}

/** The node a daemon pod is for: its nodeName, or the metadata.name its affinity pins. */
export function targetNode(p: Pod): string | undefined {
  if (p.spec?.nodeName) return p.spec.nodeName;
  for (const t of p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

/** Pins `pod` to `node` (ReplaceDaemonSetPodNodeNameNodeAffinity) and adds the daemon tolerations. */
export function pinToNode(pod: Pod, ds: DaemonSet, node: string): void {
  if (!pod.spec) return;
  const affinity = { ...pod.spec.affinity };
  affinity.nodeAffinity = {
    ...affinity.nodeAffinity,
    requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] },
  };
  pod.spec.affinity = affinity;
  pod.spec.tolerations = daemonTolerations(ds);
}
