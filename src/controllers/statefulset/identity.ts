/**
 * @module StatefulSet pod identity: `<set>-<ordinal>` names, stable hostname and subdomain,
 * the pod-name and pod-index labels, and one PersistentVolumeClaim per claim template named
 * `<template>-<set>-<ordinal>` mounted in place of the template's volume.
 */
import type { StatefulSet } from '../../client/kinds/apps.js';
import type { PersistentVolumeClaim, Pod, PodTemplateSpec, Volume } from '../../client/kinds/core.js';
import { REVISION_HASH_LABEL } from '../common/history.js';
import { controllerRefTo, podFromTemplate } from '../common/pods.js';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** The ordinal of a pod of set `name`, or undefined for foreign names. */
export function ordinalOf(setName: string, p: Pod): number | undefined {
  const n = p.metadata.name ?? '';
  const prefix = `${setName}-`;
  if (!n.startsWith(prefix)) return undefined;
  const rest = n.slice(prefix.length);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : undefined;
}

export function claimName(set: StatefulSet, template: PersistentVolumeClaim, ordinal: number): string {
  return `${template.metadata.name ?? ''}-${set.metadata.name ?? ''}-${ordinal}`;
}

/** The pod for `ordinal` from `template` at revision `revision` (the ControllerRevision name). */
export function statefulPod(set: StatefulSet, template: PodTemplateSpec, ordinal: number, revision: string): Pod {
  const name = `${set.metadata.name ?? ''}-${ordinal}`;
  const pod = podFromTemplate(template, set.metadata.namespace ?? '', set.metadata.name ?? '', controllerRefTo(set, 'apps/v1', 'StatefulSet'));
  delete pod.metadata.generateName;
  pod.metadata.name = name;
  pod.metadata.labels = { ...pod.metadata.labels, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_HASH_LABEL]: revision };
  if (pod.spec) {
    pod.spec.hostname = name;
    if (set.spec.serviceName) pod.spec.subdomain = set.spec.serviceName;
    const claims = set.spec.volumeClaimTemplates ?? [];
    if (claims.length) {
      const vols: Volume[] = (pod.spec.volumes ?? []).filter((v) => !claims.some((c) => c.metadata.name === v.name));
      for (const c of claims) vols.push({ name: c.metadata.name ?? '', persistentVolumeClaim: { claimName: claimName(set, c, ordinal) } });
      pod.spec.volumes = vols;
    }
  }
  return pod;
}

/** The claim for one template and ordinal (labels from the set's selector, as upstream). */
export function statefulClaim(set: StatefulSet, template: PersistentVolumeClaim, ordinal: number): PersistentVolumeClaim {
  const claim: PersistentVolumeClaim = {
    metadata: {
      name: claimName(set, template, ordinal), namespace: set.metadata.namespace ?? '',
      labels: { ...template.metadata.labels, ...set.spec.selector.matchLabels },
      ...(template.metadata.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
    },
    spec: structuredClone(template.spec ?? {}),
  };
  if (set.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete') {
    claim.metadata.ownerReferences = [{ ...controllerRefTo(set, 'apps/v1', 'StatefulSet'), controller: false }];
  }
  return claim;
}
