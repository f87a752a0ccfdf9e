/**
 * @module The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount): a new pod
 * runs as `default` unless it names a service account, which must exist; unless automounting is
 * turned off (pod first, then service account), it gets the projected `kube-api-access-<x>`
 * volume (a bound token, the cluster CA from kube-root-ca.crt, the namespace) mounted read-only
 * at /var/run/secrets/kubernetes.io/serviceaccount in every container, and the service
 * account's image pull secrets when it has none. Mirror pods may not use service accounts.
 */
import { randomInt } from 'node:crypto';
import { arrayAt, isPlainObject, objectAt, type KubeObject } from '../../../api/meta/object.js';
import type { AdmissionAttributes, MutatingPlugin, Operation, ValidatingPlugin } from '../admission.js';
import { forbidden } from './forbidden.js';

export const SA_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Reads a service account (undefined when it does not exist). */
export type ServiceAccountGetter = (namespace: string, name: string) => Promise<KubeObject | undefined>;

const isPodCreate = (a: AdmissionAttributes) => a.operation === 'CREATE' && a.group === '' && a.resource === 'pods' && !a.subresource && a.object !== undefined;

export function isMirrorPod(pod: KubeObject): boolean {
  return pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined;
}

function randomSuffix(): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

function podContainers(spec: Record<string, unknown>): Record<string, unknown>[] {
  return [...(arrayAt(spec, 'initContainers') ?? []), ...(arrayAt(spec, 'containers') ?? [])].filter(isPlainObject);
}

/** The projected service account volume the plugin adds. */
export function apiAccessVolume(name: string): Record<string, unknown> {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

export function serviceAccountAdmission(getServiceAccount: ServiceAccountGetter): { mutating: MutatingPlugin; validating: ValidatingPlugin } {
  const lookup = async (a: AdmissionAttributes, name: string): Promise<KubeObject> => {
    const sa = await getServiceAccount(a.namespace, name);
    if (!sa) throw forbidden(a, `error looking up service account ${a.namespace}/${name}: serviceaccount "${name}" not found`);
    return sa;
  };
  const mutating: MutatingPlugin = {
    name: 'ServiceAccount',
    handles: (op: Operation) => op === 'CREATE',
    async admit(a) {
      if (!isPodCreate(a) || !a.object) return;
      const pod = a.object;
      if (isMirrorPod(pod)) return;
      const spec = (isPlainObject(pod['spec']) ? pod['spec'] : (pod['spec'] = {})) as Record<string, unknown>;
      if (typeof spec['serviceAccountName'] !== 'string' || !spec['serviceAccountName']) spec['serviceAccountName'] = 'default';
      const name = spec['serviceAccountName'] as string;
      spec['serviceAccount'] = name;
      const sa = await lookup(a, name);
      const automount = typeof spec['automountServiceAccountToken'] === 'boolean' ? spec['automountServiceAccountToken']
        : typeof sa['automountServiceAccountToken'] === 'boolean' ? sa['automountServiceAccountToken'] : true;
      const containers = podContainers(spec);
      const mounted = containers.some((c) => (arrayAt(c, 'volumeMounts') ?? []).some((m) => isPlainObject(m) && m['mountPath'] === SA_MOUNT_PATH));
      if (automount && !mounted && containers.length) {
        const volumes = arrayAt(spec, 'volumes') ?? [];
        const taken = new Set(volumes.map((v) => (isPlainObject(v) ? v['name'] : undefined)));
        let volName = `kube-api-access-${randomSuffix()}`;
        while (taken.has(volName)) volName = `kube-api-access-${randomSuffix()}`;
        spec['volumes'] = [...volumes, apiAccessVolume(volName)];
        for (const c of containers) c['volumeMounts'] = [...(arrayAt(c, 'volumeMounts') ?? []), { name: volName, readOnly: true, mountPath: SA_MOUNT_PATH }];
      }
      const podPull = arrayAt(spec, 'imagePullSecrets') ?? [];
      const saPull = arrayAt(sa, 'imagePullSecrets') ?? [];
      if (!podPull.length && saPull.length) spec['imagePullSecrets'] = saPull.filter(isPlainObject).map((s) => ({ name: s['name'] }));
    },
  };
  const validating: ValidatingPlugin = {
    name: 'ServiceAccount',
    handles: (op: Operation) => op === 'CREATE',
    async validate(a) {
      if (!isPodCreate(a) || !a.object) return;
      const pod = a.object;
      const spec = objectAt(pod, 'spec') ?? {};
      if (isMirrorPod(pod)) {
        if (spec['serviceAccountName']) throw forbidden(a, 'a mirror pod may not reference service accounts');
        const volumes = (arrayAt(spec, 'volumes') ?? []).filter(isPlainObject);
        if (volumes.some((v) => v['secret'] !== undefined)) throw forbidden(a, 'a mirror pod may not reference secrets');
        if (volumes.some((v) => (arrayAt(objectAt(v, 'projected'), 'sources') ?? []).some((s) => isPlainObject(s) && s['serviceAccountToken'] !== undefined))) {
          throw forbidden(a, 'a mirror pod may not use ServiceAccountToken volume projections');
        }
        return;
      }
      const name = typeof spec['serviceAccountName'] === 'string' && spec['serviceAccountName'] ? spec['serviceAccountName'] : 'default';
      const sa = await lookup(a, name);
      if (sa.metadata.annotations?.['kubernetes.io/enforce-mountable-secrets'] === 'true') {
        const allowed = new Set((arrayAt(sa, 'secrets') ?? []).filter(isPlainObject).map((s) => s['name']));
        for (const v of (arrayAt(spec, 'volumes') ?? []).filter(isPlainObject)) {
          const secretName = objectAt(v, 'secret')?.['secretName'];
          if (typeof secretName === 'string' && !allowed.has(secretName)) {
            throw forbidden(a, `volume with secret.secretName="${secretName}" is not allowed because service account ${name} does not reference that secret`);
          }
        }
      }
    },
  };
  return { mutating, validating };
}
