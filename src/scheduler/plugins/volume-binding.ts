/**
 * @module VolumeBinding: a pod's PersistentVolumeClaims decide where it may run. Bound claims
 * pin it to their volume's node affinity; unbound WaitForFirstConsumer claims need, on the node,
 * either an available static volume that fits (class, size, access modes, selector, node
 * affinity) or a provisioner whose allowedTopologies include the node; unbound Immediate claims
 * keep the pod waiting for the volume controller. PreBind (run by the binder) records the choice
 * the way the PV controller expects: a static volume gets spec.claimRef, a claim to provision
 * gets the volume.kubernetes.io/selected-node annotation; the pod is bound once the claims are.
 */
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from '../../client/kinds/core.js';
import { selectorMatches } from '../../client/selector.js';
import type { IndexedStore } from '../../client/store.js';
import { type CycleState, type FilterPlugin, type PreFilterPlugin, SKIP, type Status, SUCCESS, unresolvable } from '../framework.js';
import type { StorageClass } from '../kinds.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { quantityValue } from '../resources.js';
import { nodeSelectorTermsMatch } from './node-affinity.js';

export const VOLUME_BINDING = 'VolumeBinding';
export const ERR_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

export interface VolumeStores {
  readonly claims: IndexedStore<PersistentVolumeClaim>;
  readonly volumes: IndexedStore<PersistentVolume>;
  readonly classes: IndexedStore<StorageClass>;
}

/** One claim of the pod and what it needs. */
export interface ClaimState {
  readonly claim: PersistentVolumeClaim;
  readonly className: string;
  /** Bound: its volume (undefined when the volume is missing). */
  readonly bound: boolean;
  readonly volume: PersistentVolume | undefined;
  readonly storageClass: StorageClass | undefined;
}

/** The claim names a pod's volumes refer to (persistentVolumeClaim and generic ephemeral volumes). */
export function podClaimNames(pod: Pod): string[] {
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim) out.push(v.persistentVolumeClaim.claimName);
    else if (v['ephemeral']) out.push(`${pod.metadata.name ?? ''}-${v.name}`);
  }
  return out;
}

const pvAffinityMatches = (pv: PersistentVolume, node: Node): boolean => {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  return !terms || nodeSelectorTermsMatch(terms, node);
};

const boundTo = (pv: PersistentVolume, c: PersistentVolumeClaim): boolean => {
  const ref = pv.spec?.claimRef;
  return !!ref && ref.name === c.metadata.name && ref.namespace === c.metadata.namespace && (!ref.uid || ref.uid === c.metadata.uid);
};

/** The smallest available volume that satisfies the claim on `node` (findMatchingVolume), skipping `taken`. */
export function matchingVolume(cs: ClaimState, node: Node, volumes: readonly PersistentVolume[], taken: ReadonlySet<string>): PersistentVolume | undefined {
  const c = cs.claim;
  const want = quantityValue(c.spec?.resources?.requests?.['storage']);
  const modes = c.spec?.accessModes ?? [];
  let best: PersistentVolume | undefined;
  let bestSize = Infinity;
  for (const pv of volumes) {
    const name = pv.metadata.name ?? '';
    if (taken.has(name) || pv.metadata.deletionTimestamp) continue;
    const prebound = boundTo(pv, c);
    if (pv.spec?.claimRef && !prebound) continue;
    if (!pvAffinityMatches(pv, node)) continue;
    if (prebound) return pv;
    if ((pv.spec?.storageClassName ?? '') !== cs.className) continue;
    // Only Available volumes bind (the PV controller makes new volumes Available).
    if (pv.status?.phase !== 'Available') continue;
    const size = quantityValue(pv.spec?.capacity?.['storage']);
    if (size < want) continue;
    if ((pv.spec?.['volumeMode'] ?? 'Filesystem') !== (c.spec?.['volumeMode'] ?? 'Filesystem')) continue;
    if (!modes.every((m) => (pv.spec?.accessModes ?? []).includes(m))) continue;
    if (c.spec?.selector && !selectorMatches(c.spec.selector, pv.metadata.labels)) continue;
    if (size < bestSize) {
      best = pv;
      bestSize = size;
    }
  }
  return best;
}

/** Whether the class can provision a volume reachable from `node` (allowedTopologies). */
export function canProvision(sc: StorageClass | undefined, node: Node): boolean {
  if (!sc || sc.provisioner === NO_PROVISIONER) return false;
  const topologies = sc.allowedTopologies ?? [];
  if (topologies.length === 0) return true;
  const labels = node.metadata.labels ?? {};
  return topologies.some((t) => (t.matchLabelExpressions ?? []).every((e) => labels[e.key] !== undefined && e.values.includes(labels[e.key] as string)));
}

export interface VolumeBindingState {
  readonly claims: ClaimState[];
  readonly volumes: readonly PersistentVolume[];
}

export class VolumeBindingPlugin implements PreFilterPlugin, FilterPlugin {
  readonly name = VOLUME_BINDING;
  /** Volumes promised to claims whose pods are being bound (name → claim key). */
  readonly reserved = new Map<string, string>();

  constructor(private readonly stores: VolumeStores) {}

  /** The class a claim asks for: its storageClassName, else the default class, else ''. */
  classOf(c: PersistentVolumeClaim): string {
    if (c.spec?.storageClassName !== undefined) return c.spec.storageClassName;
    const def = this.stores.classes.list().find((sc) => sc.metadata.annotations?.[DEFAULT_CLASS] === 'true');
    return def?.metadata.name ?? '';
  }

  /** The pod's claims, or a rejecting status. */
  claimsOf(pod: Pod): ClaimState[] | Status {
    const out: ClaimState[] = [];
    for (const name of podClaimNames(pod)) {
      const claim = this.stores.claims.get(`${pod.metadata.namespace ?? ''}/${name}`);
      if (!claim) return unresolvable(`persistentvolumeclaim "${name}" not found`);
      if (claim.metadata.deletionTimestamp) return unresolvable(`persistentvolumeclaim "${name}" is being deleted`);
      const className = this.classOf(claim);
      const volumeName = claim.spec?.volumeName;
      const storageClass = className ? this.stores.classes.get(className) : undefined;
      if (volumeName) {
        out.push({ claim, className, bound: true, volume: this.stores.volumes.get(volumeName), storageClass });
        continue;
      }
      if (storageClass?.volumeBindingMode !== 'WaitForFirstConsumer') return unresolvable(ERR_UNBOUND_IMMEDIATE);
      out.push({ claim, className, bound: false, volume: undefined, storageClass });
    }
    return out;
  }

  preFilter(state: CycleState, pi: PodInfo): Status {
    if (podClaimNames(pi.pod).length === 0) {
      state.skipFilter.add(this.name);
      return SKIP;
    }
    const claims = this.claimsOf(pi.pod);
    if (!Array.isArray(claims)) return claims;
    const volumes = claims.some((c) => !c.bound) ? this.stores.volumes.list() : [];
    state.write(this.name, { claims, volumes } satisfies VolumeBindingState);
    return SUCCESS;
  }

  filter(state: CycleState, _pi: PodInfo, ni: NodeInfo): Status {
    const s = state.read<VolumeBindingState>(this.name);
    if (!s) return SUCCESS;
    const taken = new Set(this.reserved.keys());
    for (const cs of s.claims) {
      if (cs.bound) {
        if (!cs.volume) return unresolvable(ERR_PV_NOT_EXIST);
        if (!pvAffinityMatches(cs.volume, ni.node)) return unresolvable(ERR_NODE_CONFLICT);
        continue;
      }
      const pv = matchingVolume(cs, ni.node, s.volumes, taken);
      if (pv) taken.add(pv.metadata.name ?? '');
      else if (!canProvision(cs.storageClass, ni.node)) return unresolvable(ERR_BIND_CONFLICT);
    }
    return SUCCESS;
  }

  /** Bound claims whose volume must exist before the pod may bind. Exposed for the binder. */
  stateOf(state: CycleState): VolumeBindingState | undefined {
    return state.read<VolumeBindingState>(this.name);
  }
}
