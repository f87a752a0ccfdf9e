/**
 * @module What a pod references, as the Node authorizer's graph records it: the secrets and
 * config maps of its volumes (projected sources included), environment, image pull secrets and
 * volume-plugin secret refs; its persistent volume claims (generic ephemeral volumes named
 * `<pod>-<volume>`); its service account. Pure functions over the pod JSON.
 */
import { arrayAt, isPlainObject, objectAt, stringAt } from '../../../api/meta/object.js';

export interface PodReferences {
  readonly secrets: Set<string>;
  readonly configMaps: Set<string>;
  readonly claims: Set<string>;
  readonly serviceAccount: string;
}

/** Volume sources whose `secretRef.name` (or `nodePublishSecretRef`) the kubelet reads. */
const SECRET_REF_SOURCES = ['cephfs', 'cinder', 'flexVolume', 'iscsi', 'rbd', 'scaleIO', 'storageos', 'csi'];

function containers(spec: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of arrayAt(spec, key) ?? []) if (isPlainObject(c)) out.push(c);
  }
  return out;
}

function addVolumeSource(v: Record<string, unknown>, refs: PodReferences): void {
  const secret = stringAt(objectAt(v, 'secret'), 'secretName');
  if (secret) refs.secrets.add(secret);
  const cm = stringAt(objectAt(v, 'configMap'), 'name');
  if (cm) refs.configMaps.add(cm);
  const claim = stringAt(objectAt(v, 'persistentVolumeClaim'), 'claimName');
  if (claim) refs.claims.add(claim);
  for (const src of arrayAt(objectAt(v, 'projected'), 'sources') ?? []) {
    const s = stringAt(objectAt(src, 'secret'), 'name');
    if (s) refs.secrets.add(s);
    const c = stringAt(objectAt(src, 'configMap'), 'name');
    if (c) refs.configMaps.add(c);
  }
  for (const kind of SECRET_REF_SOURCES) {
    const plugin = objectAt(v, kind);
    if (!plugin) continue;
    const name = stringAt(objectAt(plugin, 'secretRef'), 'name') ?? stringAt(objectAt(plugin, 'nodePublishSecretRef'), 'name');
    if (name) refs.secrets.add(name);
  }
  const azureFile = stringAt(objectAt(v, 'azureFile'), 'secretName');
  if (azureFile) refs.secrets.add(azureFile);
}

/** Everything `pod` references in its own namespace. */
export function podReferences(pod: Record<string, unknown>): PodReferences {
  const spec = objectAt(pod, 'spec') ?? {};
  const podName = stringAt(objectAt(pod, 'metadata'), 'name') ?? '';
  const refs: PodReferences = {
    secrets: new Set(), configMaps: new Set(), claims: new Set(),
    serviceAccount: stringAt(spec, 'serviceAccountName') ?? stringAt(spec, 'serviceAccount') ?? 'default',
  };
  for (const s of arrayAt(spec, 'imagePullSecrets') ?? []) {
    const n = stringAt(s, 'name');
    if (n) refs.secrets.add(n);
  }
  for (const v of arrayAt(spec, 'volumes') ?? []) {
    if (!isPlainObject(v)) continue;
    addVolumeSource(v, refs);
    // A generic ephemeral volume's claim is named after the pod and the volume.
    if (objectAt(v, 'ephemeral')) refs.claims.add(`${podName}-${stringAt(v, 'name') ?? ''}`);
  }
  for (const c of containers(spec)) {
    for (const e of arrayAt(c, 'env') ?? []) {
      const from = objectAt(e, 'valueFrom');
      const s = stringAt(objectAt(from, 'secretKeyRef'), 'name');
      if (s) refs.secrets.add(s);
      const cm = stringAt(objectAt(from, 'configMapKeyRef'), 'name');
      if (cm) refs.configMaps.add(cm);
    }
    for (const e of arrayAt(c, 'envFrom') ?? []) {
      const s = stringAt(objectAt(e, 'secretRef'), 'name');
      if (s) refs.secrets.add(s);
      const cm = stringAt(objectAt(e, 'configMapRef'), 'name');
      if (cm) refs.configMaps.add(cm);
    }
  }
  return refs;
}
