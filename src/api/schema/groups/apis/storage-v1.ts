/**
 * @module storage.k8s.io/v1: StorageClasses, CSI driver and node registrations, storage capacity
 * and volume attachments.
 */
import { defineGroup } from '../../dsl.js';

export const storageV1 = defineGroup({ prefix: 'io.k8s.api.storage.v1', group: 'storage.k8s.io', version: 'v1' }, (g) => {
  // CSI drivers and nodes
  g.kind('CSIDriver', 'Tells Kubernetes how to treat volumes of one CSI driver; named after the driver.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata; the name is the driver name.'],
    spec: ['CSIDriverSpec', 2, 'How the driver behaves.', { required: true }],
  });
  g.kind('CSIDriverList', 'A page of CSIDriver objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]CSIDriver', 2, 'The drivers returned.', { required: true }],
  });
  g.struct('CSIDriverSpec', 'The behaviour of a CSI driver as Kubernetes should see it.', {
    attachRequired: ['boolean', 1, 'Whether volumes need an attach step (a VolumeAttachment) before mounting; true when unset.', { ptr: true }],
    podInfoOnMount: ['boolean', 2, 'Whether the kubelet passes pod name, namespace, UID and service account at mount.', { ptr: true }],
    volumeLifecycleModes: ['[]string', 3, 'Modes the driver supports: Persistent and/or Ephemeral.', { list: 'set' }],
    storageCapacity: ['boolean', 4, 'Whether the scheduler should consult CSIStorageCapacity objects for this driver.', { ptr: true }],
    fsGroupPolicy: ['string', 5, 'Whether volume ownership follows the pod fsGroup: ReadWriteOnceWithFSType, File or None.', { ptr: true }],
    tokenRequests: ['[]TokenRequest', 6, 'Service account tokens the kubelet passes to the driver at mount.', { list: 'atomic' }],
    requiresRepublish: ['boolean', 7, 'Whether the kubelet calls NodePublishVolume periodically to refresh mounts.', { ptr: true }],
    seLinuxMount: ['boolean', 8, 'Whether the driver supports the -o context mount option for SELinux labels.', { ptr: true }],
    nodeAllocatableUpdatePeriodSeconds: ['int64', 9, 'How often the kubelet refreshes the driver\'s allocatable volume count (alpha field).', { ptr: true }],
  });
  g.kind('CSINode', 'The CSI drivers installed on one node; named after the node.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata; the name is the node name.'],
    spec: ['CSINodeSpec', 2, 'The drivers on the node.', { required: true }],
  });
  g.struct('CSINodeDriver', 'One CSI driver installed on a node.', {
    name: ['string', 1, 'Name of the driver.', { required: true }],
    nodeID: ['string', 2, 'The node\'s identifier as the driver knows it.', { required: true }],
    topologyKeys: ['[]string', 3, 'Node label keys the driver uses for topology.', { list: 'atomic' }],
    allocatable: ['VolumeNodeResources', 4, 'Volume limits of this driver on the node.', { ptr: true }],
  });
  g.kind('CSINodeList', 'A page of CSINode objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]CSINode', 2, 'The CSI nodes returned.', { required: true }],
  });
  g.struct('CSINodeSpec', 'The CSI drivers of a node.', {
    drivers: ['[]CSINodeDriver', 1, 'Drivers registered on the node.', { required: true, list: 'map', keys: ['name'], patch: 'merge', mergeKey: 'name' }],
  });
  g.kind('CSIStorageCapacity', 'How much storage a class can provision in one topology segment, as reported by a CSI driver.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    nodeTopology: ['LabelSelector', 2, 'Nodes that can reach the storage; none when unset.', { ptr: true }],
    storageClassName: ['string', 3, 'The StorageClass the capacity applies to.', { required: true }],
    capacity: ['Quantity', 4, 'Capacity available for new volumes.', { ptr: true }],
    maximumVolumeSize: ['Quantity', 5, 'Largest single volume that can be created.', { ptr: true }],
  });
  g.kind('CSIStorageCapacityList', 'A page of CSIStorageCapacity objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]CSIStorageCapacity', 2, 'The capacity objects returned.', { required: true }],
  });

  // StorageClass
  g.kind('StorageClass', 'A named kind of storage with the provisioner and parameters used to create volumes of it.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    provisioner: ['string', 2, 'Name of the volume plugin or CSI driver that provisions volumes.', { required: true }],
    parameters: ['map[string]string', 3, 'Provisioner-specific settings for new volumes.'],
    reclaimPolicy: ['string', 4, 'What happens to provisioned volumes when released: Delete (the default) or Retain.', { ptr: true, enum: ['Delete', 'Recycle', 'Retain'] }],
    mountOptions: ['[]string', 5, 'Mount options given to provisioned volumes.', { list: 'atomic' }],
    allowVolumeExpansion: ['boolean', 6, 'Whether claims of this class may be resized.', { ptr: true }],
    volumeBindingMode: ['string', 7, 'Immediate (the default) or WaitForFirstConsumer, which delays binding until a pod uses the claim.', { ptr: true, enum: ['Immediate', 'WaitForFirstConsumer'] }],
    allowedTopologies: ['[]core.TopologySelectorTerm', 8, 'Topologies where volumes may be provisioned; anywhere when empty.', { list: 'atomic' }],
  });
  g.kind('StorageClassList', 'A page of StorageClass objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]StorageClass', 2, 'The storage classes returned.', { required: true }],
  });
  g.struct('TokenRequest', 'A service account token a CSI driver wants at mount time.', {
    audience: ['string', 1, 'Intended audience of the token.', { required: true }],
    expirationSeconds: ['int64', 2, 'Lifetime of the token in seconds.', { ptr: true }],
  });

  // VolumeAttachment
  g.kind('VolumeAttachment', 'A request to attach a volume to a node, and its outcome.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['VolumeAttachmentSpec', 2, 'Which volume, where, and by which attacher.', { required: true }],
    status: ['VolumeAttachmentStatus', 3, 'The attach or detach outcome, written by the attacher.'],
  });
  g.kind('VolumeAttachmentList', 'A page of VolumeAttachment objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]VolumeAttachment', 2, 'The attachments returned.', { required: true }],
  });
  g.struct('VolumeAttachmentSource', 'The volume to attach: a PersistentVolume or an inline volume spec; exactly one is set.', {
    persistentVolumeName: ['string', 1, 'Name of the PersistentVolume.', { ptr: true }],
    inlineVolumeSpec: ['core.PersistentVolumeSpec', 2, 'An in-line volume converted to a volume spec (CSI migration).', { ptr: true }],
  });
  g.struct('VolumeAttachmentSpec', 'What should be attached, and where.', {
    attacher: ['string', 1, 'Name of the driver that handles the attachment.', { required: true }],
    source: ['VolumeAttachmentSource', 2, 'The volume.', { required: true }],
    nodeName: ['string', 3, 'The node to attach to; immutable.', { required: true }],
  });
  g.struct('VolumeAttachmentStatus', 'The result of attaching or detaching.', {
    attached: ['boolean', 1, 'Whether the volume is attached and ready to mount.', { required: true }],
    attachmentMetadata: ['map[string]string', 2, 'Driver data passed on to the mount step.'],
    attachError: ['VolumeError', 3, 'The last attach failure, if any.', { ptr: true }],
    detachError: ['VolumeError', 4, 'The last detach failure, if any.', { ptr: true }],
  });
  g.struct('VolumeError', 'An error met while attaching or detaching.', {
    time: ['Time', 1, 'When the error happened.'],
    message: ['string', 2, 'What went wrong; may be logged, so it must not hold secrets.'],
    errorCode: ['int32', 3, 'Numeric gRPC code returned by the driver, when known.', { ptr: true }],
  });
  g.struct('VolumeNodeResources', 'Volume limits of a CSI driver on a node.', {
    count: ['int32', 1, 'Most volumes of this driver that may be used on the node; unlimited when unset.', { ptr: true }],
  });

  g.resource('csidrivers', { kind: 'CSIDriver', namespaced: false });
  g.resource('csinodes', { kind: 'CSINode', namespaced: false });
  g.resource('csistoragecapacities', { kind: 'CSIStorageCapacity' });
  g.resource('storageclasses', { kind: 'StorageClass', namespaced: false, shortNames: ['sc'] });
  g.resource('volumeattachments', { kind: 'VolumeAttachment', namespaced: false, sub: { status: ['get', 'patch', 'update'] } });
});
