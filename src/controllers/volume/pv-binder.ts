/**
 * @module The PersistentVolume binder (persistentvolume-binder): binds Pending claims to
 * matching Available volumes (both sides: the volume's claimRef and phase Bound, the claim's
 * volumeName, bind-completed annotation, capacity and phase Bound), waits for the first
 * consumer where the storage class says so, asks the class's external provisioner (the
 * local-path provisioner) for a volume by annotating the claim, and releases volumes whose
 * claims are gone (deleting them under reclaim policy Delete unless a provisioner owns them).
 */
import { messageOf } from '../../base/errors.js';
import type { EventSink } from '../../client/event-recorder.js';
import { isConflict, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Node, PersistentVolume, PersistentVolumeClaim } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { objectKey, type KubeObject } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import type { Controller, ControllerContext } from '../common/context.js';
import { findMatchingVolume } from './matching.js';

const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
const BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
const STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
const BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
const CLAIM_KIND = { apiVersion: 'v1', kind: 'PersistentVolumeClaim' };

interface StorageClass extends KubeObject {
  provisioner?: string;
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  reclaimPolicy?: string;
}

export class PersistentVolumeBinder implements Controller {
  readonly name = 'persistentvolume-binder-controller';
  private readonly claims: SharedInformer<PersistentVolumeClaim>;
  private readonly volumes: SharedInformer<PersistentVolume>;
  private readonly classes: SharedInformer<StorageClass>;
  private readonly nodes: SharedInformer<Node>;
  private readonly claimClient: ResourceClient<PersistentVolumeClaim>;
  private readonly volumeClient: ResourceClient<PersistentVolume>;
  private readonly events: EventSink;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext) {
    const client = ctx.clientFor('persistent-volume-binder');
    this.claimClient = client.resource<PersistentVolumeClaim>(resources.persistentvolumeclaims);
    this.volumeClient = client.resource<PersistentVolume>(resources.persistentvolumes);
    this.events = ctx.events('persistentvolume-controller');
    this.claims = ctx.informers.informer<PersistentVolumeClaim>(resources.persistentvolumeclaims);
    this.volumes = ctx.informers.informer<PersistentVolume>(resources.persistentvolumes);
    this.classes = ctx.informers.informer<StorageClass>(resources.storageclasses);
    this.nodes = ctx.informers.informer<Node>(resources.nodes);
    const claim = (c: PersistentVolumeClaim): void => this.queue.add(`claim:${objectKey(c)}`);
    this.claims.addEventHandler({ onAdd: claim, onUpdate: (_o, c) => claim(c), onDelete: (c) => { for (const v of this.volumes.store.list()) if (v.spec?.claimRef?.uid === c.metadata.uid) this.queue.add(`volume:${v.metadata.name ?? ''}`); } });
    const volume = (v: PersistentVolume): void => {
      this.queue.add(`volume:${v.metadata.name ?? ''}`);
      // A new or freed volume may be what a pending claim waits for.
      for (const c of this.claims.store.list()) if (c.status?.phase !== 'Bound') claim(c);
    };
    this.volumes.addEventHandler({ onAdd: volume, onUpdate: (_o, v) => volume(v) });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, (key) => (key.startsWith('claim:') ? this.syncClaim(key.slice(6), signal) : this.syncVolume(key.slice(7), signal)),
      { workers: this.ctx.workers ?? 3, name: this.name, signal });
  }

  private async syncClaim(key: string, signal: AbortSignal): Promise<void> {
    const claim = this.claims.store.get(key);
    if (!claim || claim.metadata.deletionTimestamp) return;
    if (claim.spec?.volumeName) {
      await this.completeClaimBinding(claim, signal);
      return;
    }
    const cls = this.classes.store.get(claim.spec?.storageClassName ?? '');
    const selected = claim.metadata.annotations?.[SELECTED_NODE];
    if (cls?.volumeBindingMode === 'WaitForFirstConsumer' && !selected) {
      this.events.event(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', CLAIM_KIND);
      return;
    }
    const node = selected ? this.nodes.store.get(selected) : undefined;
    const pv = findMatchingVolume(claim, this.volumes.store.list(), node);
    if (pv) {
      await this.bind(claim, pv, signal);
      return;
    }
    const provisioner = cls?.provisioner;
    if (provisioner && provisioner !== NO_PROVISIONER) {
      if (claim.metadata.annotations?.[STORAGE_PROVISIONER] !== provisioner) {
        await this.claimClient.patch(claim.metadata.name ?? '', { metadata: { annotations: { [STORAGE_PROVISIONER]: provisioner, [BETA_STORAGE_PROVISIONER]: provisioner } } }, { namespace: claim.metadata.namespace, type: 'merge', signal });
      }
      this.events.event(claim, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`, CLAIM_KIND);
      return;
    }
    const why = claim.spec?.storageClassName ? `storageclass.storage.k8s.io "${claim.spec.storageClassName}" not found` : 'no persistent volumes available for this claim and no storage class is set';
    this.events.event(claim, 'Normal', 'FailedBinding', why, CLAIM_KIND);
    await this.setClaimPhase(claim, 'Pending', signal);
  }

  /** Binds both sides: the volume first (its claimRef reserves it), then the claim. */
  private async bind(claim: PersistentVolumeClaim, pv: PersistentVolume, signal: AbortSignal): Promise<void> {
    let vol = pv;
    if (pv.spec?.claimRef?.uid !== claim.metadata.uid) {
      const claimRef = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace ?? '', name: claim.metadata.name ?? '', uid: claim.metadata.uid ?? '', apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion ?? '' };
      vol = await this.volumeClient.update({ ...pv, metadata: { ...pv.metadata, annotations: { ...pv.metadata.annotations, [BOUND_BY_CONTROLLER]: 'yes' } }, spec: { ...pv.spec, claimRef } }, { signal });
    }
    if (vol.status?.phase !== 'Bound') vol = await this.volumeClient.updateStatus({ ...vol, status: { ...vol.status, phase: 'Bound' } }, { signal });
    const ann = { ...claim.metadata.annotations, [BIND_COMPLETED]: 'yes', ...(pv.spec?.claimRef?.uid ? {} : { [BOUND_BY_CONTROLLER]: 'yes' }) };
    const updated = await this.claimClient.update({ ...claim, metadata: { ...claim.metadata, annotations: ann }, spec: { ...claim.spec, volumeName: vol.metadata.name ?? '' } }, { signal });
    await this.completeClaimBinding(updated, signal, vol);
  }

  /** A claim that names its volume: make its status Bound with the volume's capacity. */
  private async completeClaimBinding(claim: PersistentVolumeClaim, signal: AbortSignal, known?: PersistentVolume): Promise<void> {
    const pv = known ?? this.volumes.store.get(claim.spec?.volumeName ?? '');
    if (!pv) {
      await this.setClaimPhase(claim, 'Lost', signal);
      this.events.event(claim, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!', CLAIM_KIND);
      return;
    }
    if (pv.spec?.claimRef?.uid && pv.spec.claimRef.uid !== claim.metadata.uid) return;
    if (!pv.spec?.claimRef?.name) {
      await this.bind(claim, pv, signal);
      return;
    }
    if (claim.status?.phase === 'Bound') return;
    const status = { ...claim.status, phase: 'Bound', accessModes: pv.spec?.accessModes ?? [], capacity: { ...pv.spec?.capacity } };
    try {
      await this.claimClient.updateStatus({ ...claim, status }, { signal });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }

  private async setClaimPhase(claim: PersistentVolumeClaim, phase: string, signal: AbortSignal): Promise<void> {
    if (claim.status?.phase === phase) return;
    try {
      await this.claimClient.updateStatus({ ...claim, status: { ...claim.status, phase } }, { signal });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }

  private async syncVolume(name: string, signal: AbortSignal): Promise<void> {
    const pv = this.volumes.store.get(name);
    if (!pv || pv.metadata.deletionTimestamp) return;
    const ref = pv.spec?.claimRef;
    let phase = 'Available';
    if (ref?.name) {
      const claim = this.claims.store.get(`${ref.namespace ?? ''}/${ref.name}`);
      if (claim && (!ref.uid || claim.metadata.uid === ref.uid)) {
        // Pre-bound by a provisioner or an administrator: the claim side follows in syncClaim.
        phase = claim.spec?.volumeName === name ? 'Bound' : pv.status?.phase === 'Bound' ? 'Bound' : 'Available';
        if (claim.spec?.volumeName !== name) this.queue.add(`claim:${objectKey(claim)}`);
      } else if (ref.uid) {
        phase = 'Released';
        if ((pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain') === 'Delete' && !pv.metadata.annotations?.[PROVISIONED_BY]) {
          try {
            await this.volumeClient.delete(name, { signal });
          } catch (err) {
            if (!isNotFound(err)) this.events.event(pv, 'Warning', 'VolumeFailedDelete', messageOf(err), { apiVersion: 'v1', kind: 'PersistentVolume' });
          }
          return;
        }
      }
    }
    if (pv.status?.phase === phase) return;
    try {
      await this.volumeClient.updateStatus({ ...pv, status: { ...pv.status, phase } }, { signal });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }
}
