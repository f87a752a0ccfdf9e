/**
 * @module core/v1 pod volumes: Volume (whose sources protobuf nests as VolumeSource) and the
 * in-tree sources that only pods use: ConfigMap, Secret, downward API, projected, emptyDir,
 * hostPath, ephemeral, image and CSI inline volumes.
 */
import { defineGroup, embedded } from '../../dsl.js';
import { CORE_V1 } from './core-v1.js';

const LOCAL_NAME = (what: string) => embedded([1], { name: ['string', 1, `Name of the ${what}.`, { default: '' }] });
const MODE_DOC = 'Permission bits given to the files, 0 to 0777; 0644 when unset.';

export const coreVolumes = defineGroup(CORE_V1, (g) => {
  g.struct('Volume', 'A named volume the containers of a pod may mount; exactly one source is set.', {
    name: ['string', 1, 'DNS label naming the volume, unique in the pod.', { required: true }],
    // Go embeds VolumeSource: flat in JSON, protobuf message field 2.
    ...embedded([2], {
      hostPath: ['HostPathVolumeSource', 1, 'A file or directory of the node; for system agents only.', { ptr: true }],
      emptyDir: ['EmptyDirVolumeSource', 2, 'A fresh directory that lives as long as the pod.', { ptr: true }],
      gcePersistentDisk: ['GCEPersistentDiskVolumeSource', 3, 'Deprecated GCE persistent disk; handled by CSI now.', { ptr: true }],
      awsElasticBlockStore: ['AWSElasticBlockStoreVolumeSource', 4, 'Deprecated AWS EBS disk; handled by CSI now.', { ptr: true }],
      gitRepo: ['GitRepoVolumeSource', 5, 'Deprecated: a directory cloned from a git repository.', { ptr: true }],
      secret: ['SecretVolumeSource', 6, 'The keys of a Secret as files.', { ptr: true }],
      nfs: ['NFSVolumeSource', 7, 'An NFS export.', { ptr: true }],
      iscsi: ['ISCSIVolumeSource', 8, 'An iSCSI disk.', { ptr: true }],
      glusterfs: ['GlusterfsVolumeSource', 9, 'Removed Glusterfs volume; kept for compatibility.', { ptr: true }],
      persistentVolumeClaim: ['PersistentVolumeClaimVolumeSource', 10, 'The volume bound to a claim in the pod\'s namespace.', { ptr: true }],
      rbd: ['RBDVolumeSource', 11, 'Deprecated Ceph RBD image.', { ptr: true }],
      flexVolume: ['FlexVolumeSource', 12, 'Deprecated volume provided by an exec-based plugin.', { ptr: true }],
      cinder: ['CinderVolumeSource', 13, 'Deprecated OpenStack Cinder volume; handled by CSI now.', { ptr: true }],
      cephfs: ['CephFSVolumeSource', 14, 'Deprecated CephFS mount.', { ptr: true }],
      flocker: ['FlockerVolumeSource', 15, 'Deprecated Flocker dataset.', { ptr: true }],
      downwardAPI: ['DownwardAPIVolumeSource', 16, 'Pod fields and resource values as files.', { ptr: true }],
      fc: ['FCVolumeSource', 17, 'A Fibre Channel disk.', { ptr: true }],
      azureFile: ['AzureFileVolumeSource', 18, 'Deprecated Azure File share; handled by CSI now.', { ptr: true }],
      configMap: ['ConfigMapVolumeSource', 19, 'The keys of a ConfigMap as files.', { ptr: true }],
      vsphereVolume: ['VsphereVirtualDiskVolumeSource', 20, 'Deprecated vSphere disk; handled by CSI now.', { ptr: true }],
      quobyte: ['QuobyteVolumeSource', 21, 'Deprecated Quobyte volume.', { ptr: true }],
      azureDisk: ['AzureDiskVolumeSource', 22, 'Deprecated Azure data disk; handled by CSI now.', { ptr: true }],
      photonPersistentDisk: ['PhotonPersistentDiskVolumeSource', 23, 'Deprecated Photon controller disk.', { ptr: true }],
      projected: ['ProjectedVolumeSource', 26, 'Several secret, config, token and downward API sources in one directory.', { ptr: true }],
      portworxVolume: ['PortworxVolumeSource', 24, 'Deprecated Portworx volume; handled by CSI now.', { ptr: true }],
      scaleIO: ['ScaleIOVolumeSource', 25, 'Deprecated ScaleIO volume.', { ptr: true }],
      storageos: ['StorageOSVolumeSource', 27, 'Deprecated StorageOS volume.', { ptr: true }],
      csi: ['CSIVolumeSource', 28, 'An inline volume provided by a CSI driver.', { ptr: true }],
      ephemeral: ['EphemeralVolumeSource', 29, 'A volume from a claim made for, and deleted with, the pod.', { ptr: true }],
      image: ['ImageVolumeSource', 30, 'The contents of an OCI image or artifact, read-only.', { ptr: true }],
    }),
  });

  g.struct('HostPathVolumeSource', 'A path on the node mounted into the pod.', {
    path: ['string', 1, 'Path on the node; a symlink is followed.', { required: true }],
    type: ['string', 2, 'What must exist at the path, and whether to create it; no check when empty.', {
      ptr: true, default: '', enum: ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'],
    }],
  });

  g.struct('EmptyDirVolumeSource', 'A scratch directory created empty for the pod.', {
    medium: ['string', 1, 'Backing storage: empty for the node default, Memory for tmpfs.'],
    sizeLimit: ['Quantity', 2, 'Most the directory may hold before the pod is evicted.', { ptr: true }],
  });

  g.struct('SecretVolumeSource', 'A Secret projected into files.', {
    secretName: ['string', 1, 'Name of the Secret in the pod\'s namespace.'],
    items: ['[]KeyToPath', 2, 'Which keys to project and where; all keys when empty.', { list: 'atomic' }],
    defaultMode: ['int32', 3, MODE_DOC, { ptr: true }],
    optional: ['boolean', 4, 'Tolerates a missing Secret or key when true.', { ptr: true }],
  });

  g.struct('ConfigMapVolumeSource', 'A ConfigMap projected into files.', {
    ...LOCAL_NAME('ConfigMap'),
    items: ['[]KeyToPath', 2, 'Which keys to project and where; all keys when empty.', { list: 'atomic' }],
    defaultMode: ['int32', 3, MODE_DOC, { ptr: true }],
    optional: ['boolean', 4, 'Tolerates a missing ConfigMap or key when true.', { ptr: true }],
  });

  g.struct('KeyToPath', 'Maps one key of a ConfigMap or Secret to a file.', {
    key: ['string', 1, 'The key.', { required: true }],
    path: ['string', 2, 'Relative file path; may not contain .. or start with it.', { required: true }],
    mode: ['int32', 3, 'Permission bits of this file, overriding the volume default.', { ptr: true }],
  });

  g.struct('DownwardAPIVolumeSource', 'Pod information written to files.', {
    items: ['[]DownwardAPIVolumeFile', 1, 'The files to write.', { list: 'atomic' }],
    defaultMode: ['int32', 2, MODE_DOC, { ptr: true }],
  });

  g.struct('DownwardAPIVolumeFile', 'One file holding a pod field or resource value.', {
    path: ['string', 1, 'Relative file path.', { required: true }],
    fieldRef: ['ObjectFieldSelector', 2, 'A field of the pod: metadata name, namespace, uid, labels or annotations.', { ptr: true }],
    resourceFieldRef: ['ResourceFieldSelector', 3, 'A container limit or request.', { ptr: true }],
    mode: ['int32', 4, 'Permission bits of this file.', { ptr: true }],
  });

  g.struct('ProjectedVolumeSource', 'Several sources merged into one directory.', {
    sources: ['[]VolumeProjection', 1, 'The sources, applied in order.', { list: 'atomic' }],
    defaultMode: ['int32', 2, MODE_DOC, { ptr: true }],
  });

  g.struct('VolumeProjection', 'One source of a projected volume; exactly one is set.', {
    secret: ['SecretProjection', 1, 'Keys of a Secret.', { ptr: true }],
    downwardAPI: ['DownwardAPIProjection', 2, 'Pod information.', { ptr: true }],
    configMap: ['ConfigMapProjection', 3, 'Keys of a ConfigMap.', { ptr: true }],
    serviceAccountToken: ['ServiceAccountTokenProjection', 4, 'A bound service account token.', { ptr: true }],
    clusterTrustBundle: ['ClusterTrustBundleProjection', 5, 'Certificates from ClusterTrustBundle objects.', { ptr: true }],
  });

  g.struct('SecretProjection', 'Keys of a Secret within a projected volume.', {
    ...LOCAL_NAME('Secret'),
    items: ['[]KeyToPath', 2, 'Which keys to project and where; all keys when empty.', { list: 'atomic' }],
    optional: ['boolean', 4, 'Tolerates a missing Secret or key when true.', { ptr: true }],
  });

  g.struct('ConfigMapProjection', 'Keys of a ConfigMap within a projected volume.', {
    ...LOCAL_NAME('ConfigMap'),
    items: ['[]KeyToPath', 2, 'Which keys to project and where; all keys when empty.', { list: 'atomic' }],
    optional: ['boolean', 4, 'Tolerates a missing ConfigMap or key when true.', { ptr: true }],
  });

  g.struct('DownwardAPIProjection', 'Pod information within a projected volume.', {
    items: ['[]DownwardAPIVolumeFile', 1, 'The files to write.', { list: 'atomic' }],
  });

  g.struct('ServiceAccountTokenProjection', 'A token for the pod\'s service account, refreshed by the kubelet.', {
    audience: ['string', 1, 'Intended audience of the token; the API server when empty.'],
    expirationSeconds: ['int64', 2, 'Requested lifetime; at least 600, one hour when unset.', { ptr: true }],
    path: ['string', 3, 'File path the token is written to.', { required: true }],
  });

  g.struct('ClusterTrustBundleProjection', 'Certificates from one or more ClusterTrustBundles, concatenated into a file.', {
    name: ['string', 1, 'A single bundle by name; excludes signerName and labelSelector.', { ptr: true }],
    signerName: ['string', 2, 'Selects the bundles of this signer.', { ptr: true }],
    labelSelector: ['LabelSelector', 3, 'Narrows the signer\'s bundles by label.', { ptr: true }],
    optional: ['boolean', 5, 'Writes an empty file instead of failing when nothing matches.', { ptr: true }],
    path: ['string', 4, 'Relative file path.', { required: true }],
  });

  g.struct('EphemeralVolumeSource', 'A volume whose claim is created for the pod and removed with it.', {
    volumeClaimTemplate: ['PersistentVolumeClaimTemplate', 1, 'Template for the claim, named <pod>-<volume>.', { ptr: true }],
  });

  g.struct('PersistentVolumeClaimTemplate', 'Metadata and spec for a claim made from a pod\'s ephemeral volume.', {
    metadata: ['ObjectMeta', 1, 'Labels and annotations copied to the claim.'],
    spec: ['PersistentVolumeClaimSpec', 2, 'Spec copied to the claim unchanged.', { required: true }],
  });

  g.struct('PersistentVolumeClaimVolumeSource', 'A reference to a claim in the pod\'s namespace.', {
    claimName: ['string', 1, 'Name of the claim.', { required: true }],
    readOnly: ['boolean', 2, 'Forces a read-only mount.'],
  });

  g.struct('ImageVolumeSource', 'An OCI image or artifact mounted read-only.', {
    reference: ['string', 1, 'Image or artifact reference, as for a container image.'],
    pullPolicy: ['string', 2, 'When it is pulled: Always, IfNotPresent or Never.', { enum: ['Always', 'IfNotPresent', 'Never'] }],
  });

  g.struct('CSIVolumeSource', 'An inline volume served by a CSI driver for the pod\'s lifetime.', {
    driver: ['string', 1, 'Name of the CSI driver.', { required: true }],
    readOnly: ['boolean', 2, 'Requests a read-only volume.', { ptr: true }],
    fsType: ['string', 3, 'Filesystem to mount, e.g. ext4; the driver decides when empty.', { ptr: true }],
    volumeAttributes: ['map[string]string', 4, 'Driver-specific settings.'],
    nodePublishSecretRef: ['LocalObjectReference', 5, 'Secret passed to the driver when it publishes the volume.', { ptr: true }],
  });
});
