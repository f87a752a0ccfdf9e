/**
 * @module core/v1 persistent storage: PersistentVolume (whose sources protobuf nests as
 * PersistentVolumeSource), PersistentVolumeClaim, and the references and requirements they use.
 */
import { defineGroup, embedded } from '../../dsl.js';
import { CORE_V1, listKind } from './core-v1.js';

const BY_TYPE = { list: 'map', keys: ['type'], patch: 'merge', mergeKey: 'type' } as const;
const VOLUME_MODES = ['Block', 'Filesystem'];

export const corePv = defineGroup(CORE_V1, (g) => {
  g.kind('PersistentVolume', 'A piece of cluster storage, provisioned by an administrator or dynamically.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['PersistentVolumeSpec', 2, 'The storage and how it may be used.'],
    status: ['PersistentVolumeStatus', 3, 'Binding state of the volume.'],
  });
  listKind(g, 'PersistentVolume', 'persistent volumes');

  g.struct('PersistentVolumeSpec', 'What a persistent volume provides; exactly one storage source is set.', {
    capacity: ['map[string]Quantity', 1, 'Size of the volume, under the storage key.'],
    // Go embeds PersistentVolumeSource: flat in JSON, protobuf message field 2.
    ...embedded([2], {
      gcePersistentDisk: ['GCEPersistentDiskVolumeSource', 1, 'Deprecated GCE persistent disk.', { ptr: true }],
      awsElasticBlockStore: ['AWSElasticBlockStoreVolumeSource', 2, 'Deprecated AWS EBS volume.', { ptr: true }],
      hostPath: ['HostPathVolumeSource', 3, 'A directory on a single node, for testing.', { ptr: true }],
      glusterfs: ['GlusterfsPersistentVolumeSource', 4, 'Removed Glusterfs volume.', { ptr: true }],
      nfs: ['NFSVolumeSource', 5, 'An NFS export.', { ptr: true }],
      rbd: ['RBDPersistentVolumeSource', 6, 'Deprecated Ceph RBD image.', { ptr: true }],
      iscsi: ['ISCSIPersistentVolumeSource', 7, 'An iSCSI disk.', { ptr: true }],
      cinder: ['CinderPersistentVolumeSource', 8, 'Deprecated OpenStack Cinder volume.', { ptr: true }],
      cephfs: ['CephFSPersistentVolumeSource', 9, 'Deprecated CephFS mount.', { ptr: true }],
      fc: ['FCVolumeSource', 10, 'A Fibre Channel disk.', { ptr: true }],
      flocker: ['FlockerVolumeSource', 11, 'Deprecated Flocker dataset.', { ptr: true }],
      flexVolume: ['FlexPersistentVolumeSource', 12, 'Deprecated exec-based plugin volume.', { ptr: true }],
      azureFile: ['AzureFilePersistentVolumeSource', 13, 'Deprecated Azure File share.', { ptr: true }],
      vsphereVolume: ['VsphereVirtualDiskVolumeSource', 14, 'Deprecated vSphere disk.', { ptr: true }],
      quobyte: ['QuobyteVolumeSource', 15, 'Deprecated Quobyte volume.', { ptr: true }],
      azureDisk: ['AzureDiskVolumeSource', 16, 'Deprecated Azure data disk.', { ptr: true }],
      photonPersistentDisk: ['PhotonPersistentDiskVolumeSource', 17, 'Deprecated Photon controller disk.', { ptr: true }],
      portworxVolume: ['PortworxVolumeSource', 18, 'Deprecated Portworx volume.', { ptr: true }],
      scaleIO: ['ScaleIOPersistentVolumeSource', 19, 'Deprecated ScaleIO volume.', { ptr: true }],
      local: ['LocalVolumeSource', 20, 'Storage attached to one node; pair it with nodeAffinity.', { ptr: true }],
      storageos: ['StorageOSPersistentVolumeSource', 21, 'Deprecated StorageOS volume.', { ptr: true }],
      csi: ['CSIPersistentVolumeSource', 22, 'A volume managed by a CSI driver.', { ptr: true }],
    }),
    accessModes: ['[]string', 3, 'How the volume can be mounted: ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod.', { list: 'atomic' }],
    claimRef: ['ObjectReference', 4, 'The claim bound to this volume, or reserved for it.', { ptr: true, mapType: 'granular' }],
    persistentVolumeReclaimPolicy: ['string', 5, 'What happens when the claim goes away: Retain, Delete or (deprecated) Recycle.', { enum: ['Delete', 'Recycle', 'Retain'] }],
    storageClassName: ['string', 6, 'StorageClass the volume belongs to; only claims of that class bind to it.'],
    mountOptions: ['[]string', 7, 'Mount options used when mounting the volume, unvalidated.', { list: 'atomic' }],
    volumeMode: ['string', 8, 'Block for a raw device or Filesystem (the default).', { ptr: true, enum: VOLUME_MODES }],
    nodeAffinity: ['VolumeNodeAffinity', 9, 'Nodes from which the volume can be reached.', { ptr: true }],
    volumeAttributesClassName: ['string', 10, 'VolumeAttributesClass holding mutable driver attributes.', { ptr: true }],
  });

  g.struct('PersistentVolumeStatus', 'Where a persistent volume is in its lifecycle.', {
    phase: ['string', 1, 'Pending, Available, Bound, Released or Failed.', { enum: ['Available', 'Bound', 'Failed', 'Pending', 'Released'] }],
    message: ['string', 2, 'Human-readable note on the phase.'],
    reason: ['string', 3, 'Short CamelCase reason for a failure.'],
    lastPhaseTransitionTime: ['Time', 4, 'When the phase last changed.', { ptr: true }],
  });

  g.struct('VolumeNodeAffinity', 'The nodes a volume can be used from.', {
    required: ['NodeSelector', 1, 'Nodes that must match.', { ptr: true }],
  });

  g.kind('PersistentVolumeClaim', 'Storage asked for in a namespace, satisfied by binding one persistent volume to it.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['PersistentVolumeClaimSpec', 2, 'The storage asked for.'],
    status: ['PersistentVolumeClaimStatus', 3, 'Binding and resize state of the claim.'],
  });
  listKind(g, 'PersistentVolumeClaim', 'persistent volume claims');

  g.struct('PersistentVolumeClaimSpec', 'The storage a claim asks for.', {
    accessModes: ['[]string', 1, 'Access modes the volume must offer.', { list: 'atomic' }],
    selector: ['LabelSelector', 4, 'Labels an existing volume must have to bind.', { ptr: true }],
    resources: ['VolumeResourceRequirements', 2, 'Minimum (and at most the limit of) storage wanted.'],
    volumeName: ['string', 3, 'A specific volume to bind to.'],
    storageClassName: ['string', 5, 'StorageClass wanted; the default class when unset, none when empty.', { ptr: true }],
    volumeMode: ['string', 6, 'Block or Filesystem (the default).', { ptr: true, enum: VOLUME_MODES }],
    dataSource: ['TypedLocalObjectReference', 7, 'Snapshot or claim the new volume is populated from.', { ptr: true }],
    dataSourceRef: ['TypedObjectReference', 8, 'Any populator object the new volume is filled from, possibly in another namespace.', { ptr: true }],
    volumeAttributesClassName: ['string', 9, 'VolumeAttributesClass the volume should get.', { ptr: true }],
  });

  g.struct('PersistentVolumeClaimStatus', 'What is known about a claim.', {
    phase: ['string', 1, 'Pending, Bound or Lost.', { enum: ['Bound', 'Lost', 'Pending'] }],
    accessModes: ['[]string', 2, 'Access modes of the bound volume.', { list: 'atomic' }],
    capacity: ['map[string]Quantity', 3, 'Size of the bound volume.'],
    conditions: ['[]PersistentVolumeClaimCondition', 4, 'Progress of resizes and attribute changes.', BY_TYPE],
    allocatedResources: ['map[string]Quantity', 5, 'Storage the system has set aside, which may exceed the request during a resize.'],
    allocatedResourceStatuses: ['map[string]string', 7, 'Resize progress per resource.', { mapType: 'granular' }],
    currentVolumeAttributesClassName: ['string', 8, 'VolumeAttributesClass the volume currently has.', { ptr: true }],
    modifyVolumeStatus: ['ModifyVolumeStatus', 9, 'State of a pending change of VolumeAttributesClass.', { ptr: true }],
  });

  g.struct('PersistentVolumeClaimCondition', 'One aspect of a claim\'s state.', {
    type: ['string', 1, 'Which aspect, e.g. Resizing or FileSystemResizePending.', { required: true }],
    status: ['string', 2, 'True, False or Unknown.', { required: true }],
    lastProbeTime: ['Time', 3, 'When the condition was last checked.'],
    lastTransitionTime: ['Time', 4, 'When the status last changed.'],
    reason: ['string', 5, 'CamelCase reason for the last change.'],
    message: ['string', 6, 'Human-readable details.'],
  });

  g.struct('VolumeResourceRequirements', 'Storage requested and capped for a claim.', {
    limits: ['map[string]Quantity', 1, 'Most storage allowed.'],
    requests: ['map[string]Quantity', 2, 'Least storage wanted.'],
  });

  g.struct('ModifyVolumeStatus', 'Progress of changing a volume\'s attributes class.', {
    targetVolumeAttributesClassName: ['string', 1, 'Class being applied.'],
    status: ['string', 2, 'Pending, InProgress or Infeasible.', { required: true, enum: ['InProgress', 'Infeasible', 'Pending'] }],
  });

  g.struct('TypedLocalObjectReference', 'An object of some kind in the same namespace.', {
    apiGroup: ['string', 1, 'Group of the kind; the core group when empty.', { ptr: true }],
    kind: ['string', 2, 'Kind of the object.', { required: true }],
    name: ['string', 3, 'Name of the object.', { required: true }],
  }, { mapType: 'atomic' });

  g.struct('TypedObjectReference', 'An object of some kind, possibly in another namespace.', {
    apiGroup: ['string', 1, 'Group of the kind; the core group when empty.', { ptr: true }],
    kind: ['string', 2, 'Kind of the object.', { required: true }],
    name: ['string', 3, 'Name of the object.', { required: true }],
    namespace: ['string', 4, 'Namespace of the object; the referrer\'s when empty.', { ptr: true }],
  });
});
