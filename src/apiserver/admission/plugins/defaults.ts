/**
 * @module Two small defaulting plugins. DefaultTolerationSeconds: a new pod tolerates the
 * `node.kubernetes.io/not-ready` and `unreachable` NoExecute taints for 300 s
 * (--default-not-ready-toleration-seconds, --default-unreachable-toleration-seconds) unless it
 * says otherwise. DefaultStorageClass: a new claim without `storageClassName` gets the default
 * StorageClass (annotation `storageclass.kubernetes.io/is-default-class: "true"`; the newest
 * wins when several are marked, as since Kubernetes 1.28).
 */
import { arrayAt, isPlainObject, type KubeObject } from '../../../api/meta/object.js';
import type { MutatingPlugin, Operation } from '../admission.js';

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

function tolerates(tolerations: unknown[], key: string): boolean {
  return tolerations.some((t) => {
    if (!isPlainObject(t)) return false;
    const effectOk = t['effect'] === undefined || t['effect'] === '' || t['effect'] === 'NoExecute';
    const keyOk = t['key'] === key || ((t['key'] === undefined || t['key'] === '') && t['operator'] === 'Exists');
    return effectOk && keyOk;
  });
}

export function defaultTolerationSeconds(o: { notReadySeconds?: number; unreachableSeconds?: number } = {}): MutatingPlugin {
  return {
    name: 'DefaultTolerationSeconds',
    handles: (op: Operation) => op === 'CREATE',
    admit(a) {
      if (a.group !== '' || a.resource !== 'pods' || a.subresource || !a.object) return;
      const spec = a.object['spec'];
      if (!isPlainObject(spec)) return;
      const tolerations = arrayAt(spec, 'tolerations') ?? [];
      const add: Record<string, unknown>[] = [];
      if (!tolerates(tolerations, NOT_READY)) add.push({ key: NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: o.notReadySeconds ?? 300 });
      if (!tolerates(tolerations, UNREACHABLE)) add.push({ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: o.unreachableSeconds ?? 300 });
      if (add.length) spec['tolerations'] = [...tolerations, ...add];
    },
  };
}

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';

/** The default class among `classes`, if any. */
export function defaultStorageClass(classes: readonly KubeObject[]): string | undefined {
  const marked = classes.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS] === 'true' || c.metadata.annotations?.[BETA_DEFAULT_CLASS] === 'true');
  marked.sort((x, y) => (y.metadata.creationTimestamp ?? '').localeCompare(x.metadata.creationTimestamp ?? '') || (x.metadata.name ?? '').localeCompare(y.metadata.name ?? ''));
  return marked[0]?.metadata.name;
}

export function defaultStorageClassPlugin(listClasses: () => Promise<readonly KubeObject[]>): MutatingPlugin {
  return {
    name: 'DefaultStorageClass',
    handles: (op: Operation) => op === 'CREATE',
    async admit(a) {
      if (a.group !== '' || a.resource !== 'persistentvolumeclaims' || a.subresource || !a.object) return;
      const spec = a.object['spec'];
      if (!isPlainObject(spec) || spec['storageClassName'] !== undefined && spec['storageClassName'] !== null) return;
      const name = defaultStorageClass(await listClasses());
      if (name) spec['storageClassName'] = name;
    },
  };
}
