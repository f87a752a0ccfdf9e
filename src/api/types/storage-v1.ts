/**
 * @module Types of io.k8s.api.storage.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as coreV1 from './core-v1.js';
import type * as metaV1 from './meta-v1.js';
import type * as resource from './resource.js';

/** Tells Kubernetes how to treat volumes of one CSI driver; named after the driver. */
export interface CSIDriver {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'storage.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'CSIDriver';
  /** Standard object metadata; the name is the driver name. */
  metadata?: metaV1.ObjectMeta;
  /** How the driver behaves. */
  spec: CSIDriverSpec;
}

/** A page of CSIDriver objects. */
export interface CSIDriverList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'storage.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'CSIDriverList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The drivers returned. */
  items: CSIDriver[];
}

/** The behaviour of a CSI driver as Kubernetes should see it. */
export interface CSIDriverSpec {
  /** Whether volumes need an attach step (a VolumeAttachment) before mounting; true when unset. */
  attachRequired?: boolean;
  /** Whether the kubelet passes pod name, namespace, UID and service account at mount. */
  podInfoOnMount?: boolean;
  /** Modes the driver supports: Persistent and/or Ephemeral. */
  volumeLifecycleModes?: string[];
  /** Whether the scheduler should consult CSIStorageCapacity objects for this driver. */
  storageCapacity?: boolean;
  /** Whether volume ownership follows the pod fsGroup: ReadWriteOnceWithFSType, File or None. */
  fsGroupPolicy?: string;
  /** Service account tokens the kubelet passes to the driver at mount. */
  tokenRequests?: TokenRequest[];
  /** Whether the kubelet calls NodePublishVolume periodically to refresh mounts. */
  requiresRepublish?: boolean;
  /** Whether the driver supports the -o context mount option for SELinux labels. */
  seLinuxMount?: boolean;
  /** How often the kubelet refreshes the driver's allocatable volume count (alpha field). */
  nodeAllocatableUpdatePeriodSeconds?: number;
}

/** The CSI drivers installed on one node; named after the node. */
export interface CSINode {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'storage.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'CSINode';
  /** Standard object metadata; the name is the node name. */
  metadata?: metaV1.ObjectMeta;
  /** The drivers on the node. */
  spec: CSINodeSpec;
}

/** One CSI driver installed on a node. */
export interface CSINodeDriver {
  /** Name of the driver. */
  name: string;
  /** The node's identifier as the driver knows it. */
  nodeID: string;
  /** Node label keys the driver uses for topology. */
  topologyKeys?: string[];
  /** Volume limits of this driver on the node. */
  allocatable?: VolumeNodeResources;
}

/** A page of CSINode objects. */
export interface CSINodeList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'storage.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'CSINodeList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The CSI nodes returned. */
  items: CSINode[];
}

/** The CSI drivers of a node. */
export interface CSINodeSpec {
  /** Drivers registered on the node. */
  drivers: CSINodeDriver[];
}

/** How much storage a class can provision in one topology segment, as reported by a CSI driver. */
export interface CSIStorageCapacity {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'storage.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'CSIStorageCapacity';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** Nodes that can reach the storage; none when unset. */
  nodeTopology?: metaV1.LabelSelector;
  /** The StorageClass the capacity applies to. */
  storageClassName: string;
  /** Capacity available for new volumes. */
  capacity?: resource.Quantity;
  /** Largest single volume that can be created. */
  maximumVolumeSize?: resource.Quantity;
}

/** A page of CSIStorageCapacity objects. */
export interface CSIStorageCapacityList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'storage.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'CSIStorageCapacityList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The capacity objects returned. */
  items: CSIStorageCapacity[];
}

/** A named kind of storage with the provisioner and parameters used to create volumes of it. */
export interface StorageClass {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'storage.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'StorageClass';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** Name of the volume plugin or CSI driver that provisions volumes. */
  provisioner: string;
  /** Provisioner-specific settings for new volumes. */
  parameters?: { [key: string]: string };
  /** What happens to provisioned volumes when released: Delete (the default) or Retain. */
  reclaimPolicy?: 'Delete' | 'Recycle' | 'Retain';
  /** Mount options given to provisioned volumes. */
  mountOptions?: string[];
  /** Whether claims of this class may be resized. */
  allowVolumeExpansion?: boolean;
  /** Immediate (the default) or WaitForFirstConsumer, which delays binding until a pod uses the claim. */
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  /** Topologies where volumes may be provisioned; anywhere when empty. */
  allowedTopologies?: coreV1.TopologySelectorTerm[];
}

/** A page of StorageClass objects. */
export interface StorageClassList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'storage.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'StorageClassList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The storage classes returned. */
  items: StorageClass[];
}

/** A service account token a CSI driver wants at mount time. */
export interface TokenRequest {
  /** Intended audience of the token. */
  audience: string;
  /** Lifetime of the token in seconds. */
  expirationSeconds?: number;
}

/** A request to attach a volume to a node, and its outcome. */
export interface VolumeAttachment {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'storage.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'VolumeAttachment';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** Which volume, where, and by which attacher. */
  spec: VolumeAttachmentSpec;
  /** The attach or detach outcome, written by the attacher. */
  status?: VolumeAttachmentStatus;
}

/** A page of VolumeAttachment objects. */
export interface VolumeAttachmentList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'storage.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'VolumeAttachmentList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The attachments returned. */
  items: VolumeAttachment[];
}

/** The volume to attach: a PersistentVolume or an inline volume spec; exactly one is set. */
export interface VolumeAttachmentSource {
  /** Name of the PersistentVolume. */
  persistentVolumeName?: string;
  /** An in-line volume converted to a volume spec (CSI migration). */
  inlineVolumeSpec?: coreV1.PersistentVolumeSpec;
}

/** What should be attached, and where. */
export interface VolumeAttachmentSpec {
  /** Name of the driver that handles the attachment. */
  attacher: string;
  /** The volume. */
  source: VolumeAttachmentSource;
  /** The node to attach to; immutable. */
  nodeName: string;
}

/** The result of attaching or detaching. */
export interface VolumeAttachmentStatus {
  /** Whether the volume is attached and ready to mount. */
  attached: boolean;
  /** Driver data passed on to the mount step. */
  attachmentMetadata?: { [key: string]: string };
  /** The last attach failure, if any. */
  attachError?: VolumeError;
  /** The last detach failure, if any. */
  detachError?: VolumeError;
}

/** An error met while attaching or detaching. */
export interface VolumeError {
  /** When the error happened. */
  time?: metaV1.Time;
  /** What went wrong; may be logged, so it must not hold secrets. */
  message?: string;
  /** Numeric gRPC code returned by the driver, when known. */
  errorCode?: number;
}

/** Volume limits of a CSI driver on a node. */
export interface VolumeNodeResources {
  /** Most volumes of this driver that may be used on the node; unlimited when unset. */
  count?: number;
}
