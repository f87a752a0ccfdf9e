/**
 * @module Warnings for pod specs (pkg/api/pod GetWarningsForPodTemplate, a subset): duplicate
 * container ports, env entries hiding earlier ones, negative termination grace periods, and
 * deprecated node labels in selectors. They go to the client as `Warning` headers.
 */
import type { FieldPath } from './field-errors.js';
import { list, obj, str } from './helpers.js';

const DEPRECATED_NODE_LABELS: Readonly<Record<string, readonly [string, number]>> = {
  'beta.kubernetes.io/arch': ['kubernetes.io/arch', 14],
  'beta.kubernetes.io/os': ['kubernetes.io/os', 14],
  'failure-domain.beta.kubernetes.io/region': ['topology.kubernetes.io/region', 17],
  'failure-domain.beta.kubernetes.io/zone': ['topology.kubernetes.io/zone', 17],
  'beta.kubernetes.io/instance-type': ['node.kubernetes.io/instance-type', 17],
};

const deprecated = (key: string, path: string): string | undefined => {
  const d = DEPRECATED_NODE_LABELS[key];
  return d ? `${path}: deprecated since v1.${d[1]}; use ${JSON.stringify(d[0])} instead` : undefined;
};

/** Warnings for the pod spec at `path` (appended to `out`). */
export function podSpecWarnings(out: string[], raw: unknown, path: FieldPath): void {
  const spec = obj(raw);
  const tgp = spec['terminationGracePeriodSeconds'];
  if (typeof tgp === 'number' && tgp < 0) out.push(`${String(path.child('terminationGracePeriodSeconds'))}: must be >= 0; negative values are invalid and will be treated as 1`);
  for (const k of Object.keys(obj(spec['nodeSelector']))) {
    const w = deprecated(k, String(path.child('nodeSelector').key(k)));
    if (w) out.push(w);
  }
  const terms = list(obj(obj(obj(spec['affinity'])['nodeAffinity'])['requiredDuringSchedulingIgnoredDuringExecution'])['nodeSelectorTerms']);
  terms.forEach((t, i) => list(obj(t)['matchExpressions']).forEach((e, j) => {
    const p = path.child('affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms').index(i).child('matchExpressions').index(j).child('key');
    const w = deprecated(str(obj(e)['key']), String(p));
    if (w) out.push(w);
  }));
  for (const kind of ['initContainers', 'containers'] as const) {
    list(spec[kind]).forEach((c, ci) => {
      const cp = path.child(kind).index(ci);
      const seen = new Map<string, number>();
      list(obj(c)['ports']).forEach((p, pi) => {
        const port = obj(p);
        const key = `${String(port['containerPort'])}/${str(port['protocol'])}/${str(port['hostIP'])}/${String(port['hostPort'] ?? 0)}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, pi);
        else out.push(`${String(cp.child('ports').index(pi))}: duplicate port definition with ${String(cp.child('ports').index(first))}`);
      });
      const names = new Set<string>();
      list(obj(c)['env']).forEach((e, ei) => {
        const name = str(obj(e)['name']);
        if (names.has(name)) out.push(`${String(cp.child('env').index(ei))}: hides previous definition of ${JSON.stringify(name)}, which may be dropped when using apply`);
        names.add(name);
      });
    });
  }
}
