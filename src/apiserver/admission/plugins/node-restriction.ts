/**
 * @module The NodeRestriction admission plugin (plugin/pkg/admission/noderestriction): a kubelet
 * (`system:node:<name>`) may only create and change its own Node (not its taints after creation,
 * nor labels reserved to administrators), create mirror pods bound to itself that use no
 * service account, secret, config map or claim, delete, update the status of and evict only
 * pods bound to itself, request only tokens bound to its own pods, and write only its own Lease
 * and CSINode. Everyone else passes through.
 */
import { arrayAt, isPlainObject, jsonEqual, objectAt, stringAt, type KubeObject } from '../../../api/meta/object.js';
import { nodeNameOf } from '../../authorization/node/authorizer.js';
import type { AdmissionAttributes, Operation, ValidatingPlugin } from '../admission.js';
import { forbidden } from './forbidden.js';
import { isMirrorPod } from './service-account.js';

/** Reads a pod (undefined when absent). */
export type PodGetter = (namespace: string, name: string) => Promise<KubeObject | undefined>;

/** Labels a kubelet may set on its Node although they are in kubernetes.io or k8s.io. */
const KUBELET_LABELS = new Set([
  'kubernetes.io/hostname', 'kubernetes.io/arch', 'kubernetes.io/os', 'beta.kubernetes.io/arch', 'beta.kubernetes.io/os',
  'beta.kubernetes.io/instance-type', 'node.kubernetes.io/instance-type', 'failure-domain.beta.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone', 'topology.kubernetes.io/region', 'topology.kubernetes.io/zone',
]);

/** True for a label key a kubelet may not set (node-restriction.kubernetes.io/, other kubernetes.io and k8s.io keys). */
export function restrictedNodeLabel(key: string): boolean {
  const slash = key.indexOf('/');
  if (slash < 0) return false;
  const domain = key.slice(0, slash);
  if (domain === 'node-restriction.kubernetes.io' || domain.endsWith('.node-restriction.kubernetes.io')) return true;
  if (KUBELET_LABELS.has(key)) return false;
  if (['kubelet.kubernetes.io', 'node.kubernetes.io'].some((d) => domain === d || domain.endsWith(`.${d}`))) return false;
  return ['kubernetes.io', 'k8s.io'].some((d) => domain === d || domain.endsWith(`.${d}`));
}

function changedLabels(next: KubeObject, prev: KubeObject | undefined): string[] {
  const a = next.metadata.labels ?? {}, b = prev?.metadata.labels ?? {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

function podNode(pod: KubeObject | undefined): string | undefined {
  return stringAt(objectAt(pod, 'spec'), 'nodeName');
}

export function nodeRestriction(getPod: PodGetter): ValidatingPlugin {
  const checkPod = async (a: AdmissionAttributes, node: string) => {
    const who = `node "${node}"`;
    if (!a.subresource && a.operation === 'CREATE') {
      const pod = a.object as KubeObject;
      if (!isMirrorPod(pod)) throw forbidden(a, `pod does not have "kubernetes.io/config.mirror" annotation, ${who} can only create mirror pods`);
      if (podNode(pod) !== node) throw forbidden(a, `${who} can only create pods with spec.nodeName set to itself`);
      const spec = objectAt(pod, 'spec') ?? {};
      if (spec['serviceAccountName']) throw forbidden(a, `${who} can not create pods that use service accounts`);
      for (const v of (arrayAt(spec, 'volumes') ?? []).filter(isPlainObject)) {
        if (v['secret'] !== undefined) throw forbidden(a, `${who} can not create pods that reference secrets`);
        if (v['configMap'] !== undefined) throw forbidden(a, `${who} can not create pods that reference configmaps`);
        if (v['persistentVolumeClaim'] !== undefined) throw forbidden(a, `${who} can not create pods that reference persistentvolumeclaims`);
        if (v['projected'] !== undefined) throw forbidden(a, `${who} can not create pods that use projected volumes`);
      }
      for (const ref of pod.metadata.ownerReferences ?? []) {
        if (ref.kind !== 'Node' || ref.name !== node) throw forbidden(a, `${who} can only create pods with an owner reference set to itself`);
      }
      return;
    }
    if (!a.subresource && a.operation === 'DELETE') {
      if (podNode(a.oldObject ?? a.object) !== node) throw forbidden(a, `${who} can only delete pods with spec.nodeName set to itself`);
      return;
    }
    if (a.subresource === 'status') {
      if (podNode(a.oldObject) !== node) throw forbidden(a, `${who} can only update pod status for pods with spec.nodeName set to itself`);
      return;
    }
    if (a.subresource === 'eviction') {
      if (podNode(await getPod(a.namespace, a.name)) !== node) throw forbidden(a, `${who} can only evict pods with spec.nodeName set to itself`);
      return;
    }
    throw forbidden(a, `unexpected operation ${a.operation} on pods${a.subresource ? `/${a.subresource}` : ''} by ${who}`);
  };

  const checkNode = (a: AdmissionAttributes, node: string) => {
    const who = `node "${node}"`;
    const target = a.name || a.object?.metadata.name || '';
    if (target !== node) throw forbidden(a, `${who} is not allowed to modify node "${target}"`);
    if (a.operation === 'CREATE' && a.object) {
      const bad = Object.keys(a.object.metadata.labels ?? {}).filter(restrictedNodeLabel).sort();
      if (bad.length) throw forbidden(a, `${who} is not allowed to set the following labels: ${bad.join(', ')}`);
    }
    if (a.operation === 'UPDATE' && a.object && a.oldObject) {
      const bad = changedLabels(a.object, a.oldObject).filter(restrictedNodeLabel);
      if (bad.length) throw forbidden(a, `${who} is not allowed to modify labels: ${bad.join(', ')}`);
      if (!jsonEqual(objectAt(a.object, 'spec')?.['taints'] ?? [], objectAt(a.oldObject, 'spec')?.['taints'] ?? [])) throw forbidden(a, `${who} is not allowed to modify taints`);
    }
  };

  const checkToken = async (a: AdmissionAttributes, node: string) => {
    const ref = objectAt(objectAt(a.object, 'spec'), 'boundObjectRef');
    if (!ref || ref['kind'] !== 'Pod') throw forbidden(a, 'node requested token not bound to a pod');
    const pod = await getPod(a.namespace, stringAt(ref, 'name') ?? '');
    if (!pod) throw forbidden(a, 'node requested token bound to a pod that does not exist');
    if (podNode(pod) !== node) throw forbidden(a, 'node requested token bound to a pod scheduled on a different node');
    const uid = stringAt(ref, 'uid');
    if (uid && uid !== pod.metadata.uid) throw forbidden(a, `the UID in the bound object reference (${uid}) does not match the UID in record. The object might have been deleted and then recreated`);
  };

  return {
    name: 'NodeRestriction',
    handles: (op: Operation) => op !== 'CONNECT',
    async validate(a) {
      const node = a.user ? nodeNameOf(a.user) : undefined;
      if (!node) return;
      if (a.group === '' && a.resource === 'pods') return checkPod(a, node);
      if (a.group === '' && a.resource === 'nodes') return checkNode(a, node);
      if (a.group === '' && a.resource === 'serviceaccounts' && a.subresource === 'token') return checkToken(a, node);
      if (a.group === 'coordination.k8s.io' && a.resource === 'leases') {
        if (a.namespace !== 'kube-node-lease' || a.name !== node) throw forbidden(a, `node "${node}" is not allowed to modify lease "${a.namespace}/${a.name}"`);
        return;
      }
      if (a.group === 'storage.k8s.io' && a.resource === 'csinodes' && a.name !== node) {
        throw forbidden(a, `node "${node}" is not allowed to modify CSINode "${a.name}"`);
      }
    },
  };
}
