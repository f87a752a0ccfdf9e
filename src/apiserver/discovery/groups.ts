/**
 * @module The group/version layout discovery documents describe, derived from the served
 * resources: groups in kube-apiserver's order (built-in groups first, then the rest by name),
 * versions in Kubernetes's version priority (v2 > v1 > v1beta2 > v1beta1 > v1alpha1), the first
 * one preferred.
 */
import type { ResourceDef } from '../../api/schema/types.js';
import type { ServedResource } from '../registry/resources.js';

/** kube-apiserver's group priority order in /apis. */
const GROUP_ORDER = [
  'apiregistration.k8s.io', 'apps', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'autoscaling', 'batch',
  'certificates.k8s.io', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'admissionregistration.k8s.io',
  'apiextensions.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'node.k8s.io', 'discovery.k8s.io', 'resource.k8s.io',
  'flowcontrol.apiserver.k8s.io',
];

/** Kubernetes's version priority: GA by number desc, then beta, then alpha, then anything else by name. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string): [number, number, number] | undefined => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return undefined;
    const level = m[2] === undefined ? 3 : m[2] === 'beta' ? 2 : 1;
    return [level, Number(m[1]), Number(m[3] ?? 0)];
  };
  const pa = parse(a);
  const pb = parse(b);
  if (pa && pb) {
    if (pa[0] !== pb[0]) return pb[0] - pa[0];
    if (pa[1] !== pb[1]) return pb[1] - pa[1];
    return pb[2] - pa[2];
  }
  if (pa) return -1;
  if (pb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface GroupLayout {
  readonly name: string;
  /** Versions, preferred first. */
  readonly versions: readonly { readonly version: string; readonly resources: readonly ResourceDef[] }[];
}

/** Groups (core as '' first) with their versions and resource definitions. */
export function layout(served: readonly ServedResource[]): GroupLayout[] {
  const groups = new Map<string, Map<string, ResourceDef[]>>();
  for (const s of served) {
    const d = s.def;
    let g = groups.get(d.group);
    if (!g) groups.set(d.group, (g = new Map()));
    let v = g.get(d.version);
    if (!v) g.set(d.version, (v = []));
    v.push(d);
  }
  const rank = (g: string) => (g === '' ? -1 : GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, versions]) => ({
      name,
      versions: [...versions.entries()].sort(([a], [b]) => compareVersions(a, b)).map(([version, resources]) => ({ version, resources })),
    }));
}
