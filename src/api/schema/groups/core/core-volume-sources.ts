/**
 * @module core/v1 in-tree storage plugins, most deprecated in favour of CSI: the sources shared by
 * pod volumes and persistent volumes, and the pairs that differ only in how a Secret is named
 * (LocalObjectReference for pods, SecretReference for persistent volumes).
 */
import { defineGroup, type FieldTable, type GroupBuilder } from '../../dsl.js';
import { CORE_V1 } from './core-v1.js';

const FS_TYPE = 'Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty.';
const READ_ONLY = 'Forces a read-only mount.';
const SECRET_DOC = 'Secret holding the credentials.';

/** Declares `<base>VolumeSource` and `<base>PersistentVolumeSource`; `fields` gets the secret reference type. */
function pair(g: GroupBuilder, base: string, opts: { readonly doc: string; readonly fields: (secretRef: string) => FieldTable }): void {
  g.struct(`${base}VolumeSource`, `${opts.doc}.`, opts.fields('LocalObjectReference'));
  g.struct(`${base}PersistentVolumeSource`, `${opts.doc}, as a persistent volume source.`, opts.fields('SecretReference'));
}

export const coreVolumeSources = defineGroup(CORE_V1, (g) => {
  g.struct('GCEPersistentDiskVolumeSource', 'A Google Compute Engine persistent disk.', {
    pdName: ['string', 1, 'Name of the disk in GCE.', { required: true }],
    fsType: ['string', 2, FS_TYPE],
    partition: ['int32', 3, 'Partition to mount; the whole disk when 0.'],
    readOnly: ['boolean', 4, READ_ONLY],
  });

  g.struct('AWSElasticBlockStoreVolumeSource', 'An AWS Elastic Block Store volume.', {
    volumeID: ['string', 1, 'ID of the EBS volume.', { required: true }],
    fsType: ['string', 2, FS_TYPE],
    partition: ['int32', 3, 'Partition to mount; the whole volume when 0.'],
    readOnly: ['boolean', 4, READ_ONLY],
  });

  g.struct('GitRepoVolumeSource', 'A directory populated with a git clone (deprecated).', {
    repository: ['string', 1, 'Repository URL.', { required: true }],
    revision: ['string', 2, 'Commit to check out.'],
    directory: ['string', 3, 'Target directory name; . clones into the volume root.'],
  });

  g.struct('NFSVolumeSource', 'An NFS export.', {
    server: ['string', 1, 'Host name or address of the NFS server.', { required: true }],
    path: ['string', 2, 'Exported path.', { required: true }],
    readOnly: ['boolean', 3, READ_ONLY],
  });

  pair(g, 'ISCSI', { doc: 'An iSCSI disk, attached to the node then mounted', fields: (secret) => ({
    targetPortal: ['string', 1, 'Target portal, IP or IP:port.', { required: true }],
    iqn: ['string', 2, 'iSCSI qualified name of the target.', { required: true }],
    lun: ['int32', 3, 'Logical unit number.', { required: true }],
    iscsiInterface: ['string', 4, 'iSCSI interface name; default (tcp) when unset.', { default: 'default' }],
    fsType: ['string', 5, FS_TYPE],
    readOnly: ['boolean', 6, READ_ONLY],
    portals: ['[]string', 7, 'Further target portals.', { list: 'atomic' }],
    chapAuthDiscovery: ['boolean', 8, 'Uses CHAP authentication for discovery.'],
    chapAuthSession: ['boolean', 11, 'Uses CHAP authentication for the session.'],
    secretRef: [secret, 10, 'Secret holding the CHAP credentials.', { ptr: true }],
    initiatorName: ['string', 12, 'Custom initiator name, replacing the one derived from the interface.', { ptr: true }],
  }) });

  g.struct('GlusterfsVolumeSource', 'A Glusterfs mount (removed from Kubernetes).', {
    endpoints: ['string', 1, 'Endpoints object listing the Glusterfs servers.', { required: true }],
    path: ['string', 2, 'Glusterfs volume path.', { required: true }],
    readOnly: ['boolean', 3, READ_ONLY],
  });

  g.struct('GlusterfsPersistentVolumeSource', 'A Glusterfs mount for a persistent volume (removed from Kubernetes).', {
    endpoints: ['string', 1, 'Endpoints object listing the Glusterfs servers.', { required: true }],
    path: ['string', 2, 'Glusterfs volume path.', { required: true }],
    readOnly: ['boolean', 3, READ_ONLY],
    endpointsNamespace: ['string', 4, 'Namespace of the endpoints object; the claim\'s when empty.', { ptr: true }],
  });

  pair(g, 'RBD', { doc: 'A Ceph RADOS block device', fields: (secret) => ({
    monitors: ['[]string', 1, 'Ceph monitor addresses.', { required: true, list: 'atomic' }],
    image: ['string', 2, 'RADOS image name.', { required: true }],
    fsType: ['string', 3, FS_TYPE],
    pool: ['string', 4, 'RADOS pool; rbd when unset.', { default: 'rbd' }],
    user: ['string', 5, 'RADOS user; admin when unset.', { default: 'admin' }],
    keyring: ['string', 6, 'Keyring path; /etc/ceph/keyring when unset.', { default: '/etc/ceph/keyring' }],
    secretRef: [secret, 7, 'Secret with the authentication key, replacing the keyring.', { ptr: true }],
    readOnly: ['boolean', 8, READ_ONLY],
  }) });

  pair(g, 'Flex', { doc: 'A volume provided by an exec-based FlexVolume driver', fields: (secret) => ({
    driver: ['string', 1, 'Name of the driver.', { required: true }],
    fsType: ['string', 2, 'Filesystem to mount; the driver default when empty.'],
    secretRef: [secret, 3, 'Secret passed to the driver.', { ptr: true }],
    readOnly: ['boolean', 4, READ_ONLY],
    options: ['map[string]string', 5, 'Extra driver options.'],
  }) });

  pair(g, 'Cinder', { doc: 'An OpenStack Cinder volume', fields: (secret) => ({
    volumeID: ['string', 1, 'ID of the Cinder volume.', { required: true }],
    fsType: ['string', 2, FS_TYPE],
    readOnly: ['boolean', 3, READ_ONLY],
    secretRef: [secret, 4, 'Secret with the OpenStack credentials.', { ptr: true }],
  }) });

  pair(g, 'CephFS', { doc: 'A CephFS mount', fields: (secret) => ({
    monitors: ['[]string', 1, 'Ceph monitor addresses.', { required: true, list: 'atomic' }],
    path: ['string', 2, 'Path within CephFS to mount; / when unset.'],
    user: ['string', 3, 'RADOS user; admin when unset.'],
    secretFile: ['string', 4, 'Path of the keyring file; /etc/ceph/user.secret when unset.'],
    secretRef: [secret, 5, 'Secret with the authentication key, replacing the secret file.', { ptr: true }],
    readOnly: ['boolean', 6, READ_ONLY],
  }) });

  g.struct('FlockerVolumeSource', 'A Flocker dataset.', {
    datasetName: ['string', 1, 'Dataset name, as Flocker metadata.'],
    datasetUUID: ['string', 2, 'Dataset UUID.'],
  });

  g.struct('FCVolumeSource', 'A Fibre Channel disk.', {
    targetWWNs: ['[]string', 1, 'Target world wide names.', { list: 'atomic' }],
    lun: ['int32', 2, 'Logical unit number.', { ptr: true }],
    fsType: ['string', 3, FS_TYPE],
    readOnly: ['boolean', 4, READ_ONLY],
    wwids: ['[]string', 5, 'Volume world wide identifiers; excludes targetWWNs with lun.', { list: 'atomic' }],
  });

  g.struct('AzureFileVolumeSource', 'An Azure File share.', {
    secretName: ['string', 1, 'Secret with the storage account name and key.', { required: true }],
    shareName: ['string', 2, 'Share name.', { required: true }],
    readOnly: ['boolean', 3, READ_ONLY],
  });

  g.struct('AzureFilePersistentVolumeSource', 'An Azure File share for a persistent volume.', {
    secretName: ['string', 1, 'Secret with the storage account name and key.', { required: true }],
    shareName: ['string', 2, 'Share name.', { required: true }],
    readOnly: ['boolean', 3, READ_ONLY],
    secretNamespace: ['string', 4, 'Namespace of the secret; the pod\'s when empty.', { ptr: true }],
  });

  g.struct('VsphereVirtualDiskVolumeSource', 'A vSphere virtual disk.', {
    volumePath: ['string', 1, 'Path identifying the disk.', { required: true }],
    fsType: ['string', 2, FS_TYPE],
    storagePolicyName: ['string', 3, 'Name of the SPBM policy applied to the disk.'],
    storagePolicyID: ['string', 4, 'Storage policy profile ID.'],
  });

  g.struct('QuobyteVolumeSource', 'A Quobyte volume.', {
    registry: ['string', 1, 'Registry services as host:port, comma separated.', { required: true }],
    volume: ['string', 2, 'Name of the existing volume.', { required: true }],
    readOnly: ['boolean', 3, READ_ONLY],
    user: ['string', 4, 'User the volume access maps to; the service account when empty.'],
    group: ['string', 5, 'Group the volume access maps to.'],
    tenant: ['string', 6, 'Tenant owning the volume, for dynamic provisioning.'],
  });

  g.struct('AzureDiskVolumeSource', 'An Azure data disk.', {
    diskName: ['string', 1, 'Disk name as Azure knows it.', { required: true }],
    diskURI: ['string', 2, 'URI of the data disk.', { required: true }],
    cachingMode: ['string', 3, 'Host caching: None, ReadOnly or ReadWrite.', { ptr: true, enum: ['None', 'ReadOnly', 'ReadWrite'], default: 'ReadWrite' }],
    fsType: ['string', 4, FS_TYPE, { ptr: true, default: 'ext4' }],
    readOnly: ['boolean', 5, READ_ONLY, { ptr: true, default: false }],
    kind: ['string', 6, 'Shared (several disks per storage account), Dedicated or Managed.', { ptr: true, enum: ['Dedicated', 'Managed', 'Shared'], default: 'Shared' }],
  });

  g.struct('PhotonPersistentDiskVolumeSource', 'A Photon controller persistent disk.', {
    pdID: ['string', 1, 'ID of the disk.', { required: true }],
    fsType: ['string', 2, FS_TYPE],
  });

  g.struct('PortworxVolumeSource', 'A Portworx volume.', {
    volumeID: ['string', 1, 'ID of the volume.', { required: true }],
    fsType: ['string', 2, FS_TYPE],
    readOnly: ['boolean', 3, READ_ONLY],
  });

  pair(g, 'ScaleIO', { doc: 'A Dell ScaleIO volume', fields: (secret) => ({
    gateway: ['string', 1, 'Host of the ScaleIO API gateway.', { required: true }],
    system: ['string', 2, 'Name of the storage system.', { required: true }],
    secretRef: [secret, 3, 'Secret with the ScaleIO user credentials.', { required: true, ptr: true }],
    sslEnabled: ['boolean', 4, 'Uses TLS to the gateway.'],
    protectionDomain: ['string', 5, 'Protection domain of the storage.'],
    storagePool: ['string', 6, 'Storage pool within the protection domain.'],
    storageMode: ['string', 7, 'ThickProvisioned or ThinProvisioned; thin when unset.', { default: 'ThinProvisioned' }],
    volumeName: ['string', 8, 'Name of an existing volume.'],
    fsType: ['string', 9, 'Filesystem to mount; xfs when empty.', { default: 'xfs' }],
    readOnly: ['boolean', 10, READ_ONLY],
  }) });

  g.struct('StorageOSVolumeSource', 'A StorageOS volume.', {
    volumeName: ['string', 1, 'Volume name within its namespace.'],
    volumeNamespace: ['string', 2, 'StorageOS namespace of the volume; the pod\'s when empty.'],
    fsType: ['string', 3, FS_TYPE],
    readOnly: ['boolean', 4, READ_ONLY],
    secretRef: ['LocalObjectReference', 5, 'Secret with the API credentials.', { ptr: true }],
  });

  g.struct('StorageOSPersistentVolumeSource', 'A StorageOS volume for a persistent volume.', {
    volumeName: ['string', 1, 'Volume name within its namespace.'],
    volumeNamespace: ['string', 2, 'StorageOS namespace of the volume.'],
    fsType: ['string', 3, FS_TYPE],
    readOnly: ['boolean', 4, READ_ONLY],
    secretRef: ['ObjectReference', 5, 'Secret with the API credentials.', { ptr: true }],
  });

  g.struct('LocalVolumeSource', 'A disk, partition or directory local to one node.', {
    path: ['string', 1, 'Full path on the node.', { required: true }],
    fsType: ['string', 2, 'Filesystem of a block device; detected when empty.', { ptr: true }],
  });

  g.struct('CSIPersistentVolumeSource', 'A persistent volume managed by a CSI driver.', {
    driver: ['string', 1, 'Name of the CSI driver.', { required: true }],
    volumeHandle: ['string', 2, 'Driver\'s identifier of the volume.', { required: true }],
    readOnly: ['boolean', 3, 'Publishes the volume read-only.'],
    fsType: ['string', 4, 'Filesystem to mount.'],
    volumeAttributes: ['map[string]string', 5, 'Driver-specific attributes of the volume.'],
    controllerPublishSecretRef: ['SecretReference', 6, SECRET_DOC.replace('.', ' for ControllerPublish.'), { ptr: true }],
    nodeStageSecretRef: ['SecretReference', 7, SECRET_DOC.replace('.', ' for NodeStage.'), { ptr: true }],
    nodePublishSecretRef: ['SecretReference', 8, SECRET_DOC.replace('.', ' for NodePublish.'), { ptr: true }],
    controllerExpandSecretRef: ['SecretReference', 9, SECRET_DOC.replace('.', ' for ControllerExpand.'), { ptr: true }],
    nodeExpandSecretRef: ['SecretReference', 10, SECRET_DOC.replace('.', ' for NodeExpand.'), { ptr: true }],
  });
});
