/**
 * @module Types of io.k8s.api.apps.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as coreV1 from './core-v1.js';
import type * as intstr from './intstr.js';
import type * as metaV1 from './meta-v1.js';
import type * as runtime from './runtime.js';

/** An immutable snapshot of a controller's pod template, kept for rollbacks. */
export interface ControllerRevision {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apps/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ControllerRevision';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The serialized state captured by this revision. */
  data?: runtime.RawExtension;
  /** Sequence number of this revision within its owner. */
  revision: number;
}

/** A page of ControllerRevision objects. */
export interface ControllerRevisionList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apps/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ControllerRevisionList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The revisions returned. */
  items: ControllerRevision[];
}

/** Runs one copy of a pod on each eligible node. */
export interface DaemonSet {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apps/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'DaemonSet';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** What the daemon set should run and where. */
  spec?: DaemonSetSpec;
  /** What the controller last observed; read-only. */
  status?: DaemonSetStatus;
}

/** One aspect of a DaemonSet's state at a point in time. */
export interface DaemonSetCondition {
  /** Which aspect of the daemon set this condition describes. */
  type: string;
  /** Whether the condition holds: True, False or Unknown. */
  status: string;
  /** When the status last flipped. */
  lastTransitionTime?: metaV1.Time;
  /** One-word CamelCase cause of the last transition. */
  reason?: string;
  /** Free-form explanation of the most recent status change. */
  message?: string;
}

/** A page of DaemonSet objects. */
export interface DaemonSetList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apps/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'DaemonSetList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The daemon sets returned. */
  items: DaemonSet[];
}

/** The desired behaviour of a DaemonSet. */
export interface DaemonSetSpec {
  /** Labels identifying the pods this daemon set owns; must match the template. */
  selector: metaV1.LabelSelector;
  /** The pod created on each selected node. */
  template: coreV1.PodTemplateSpec;
  /** How existing daemon pods are replaced after a template change. */
  updateStrategy?: DaemonSetUpdateStrategy;
  /** Seconds a new pod must stay ready before it counts as available. */
  minReadySeconds?: number;
  /** How many old revisions to retain for rollback; 10 when unset. */
  revisionHistoryLimit?: number;
}

/** The observed state of a DaemonSet. */
export interface DaemonSetStatus {
  /** Nodes running at least one daemon pod that should run it. */
  currentNumberScheduled: number;
  /** Nodes running a daemon pod that should not run it. */
  numberMisscheduled: number;
  /** Nodes that should be running the daemon pod. */
  desiredNumberScheduled: number;
  /** Nodes whose daemon pod is ready. */
  numberReady: number;
  /** The spec generation the controller last acted on. */
  observedGeneration?: number;
  /** Nodes running a daemon pod from the current template. */
  updatedNumberScheduled?: number;
  /** Nodes whose daemon pod has been ready for at least minReadySeconds. */
  numberAvailable?: number;
  /** Nodes that should run the daemon pod but have none available. */
  numberUnavailable?: number;
  /** Counter used to make revision names unique when hashes collide. */
  collisionCount?: number;
  /** The latest observations of the daemon set's state. */
  conditions?: DaemonSetCondition[];
}

/** How a DaemonSet replaces its pods. */
export interface DaemonSetUpdateStrategy {
  /** RollingUpdate (the default) or OnDelete. */
  type?: 'OnDelete' | 'RollingUpdate';
  /** Tuning for RollingUpdate. */
  rollingUpdate?: RollingUpdateDaemonSet;
}

/** Declares a replicated, rolling-updated set of pods. */
export interface Deployment {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apps/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Deployment';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The desired pods and how to roll out changes. */
  spec?: DeploymentSpec;
  /** What the controller last observed; read-only. */
  status?: DeploymentStatus;
}

/** One aspect of a Deployment's state at a point in time. */
export interface DeploymentCondition {
  /** Which aspect this condition describes (Available, Progressing, ReplicaFailure). */
  type: string;
  /** Whether the condition holds: True, False or Unknown. */
  status: string;
  /** When the controller last refreshed this condition. */
  lastUpdateTime?: metaV1.Time;
  /** When the status last flipped. */
  lastTransitionTime?: metaV1.Time;
  /** One-word CamelCase cause of the last transition. */
  reason?: string;
  /** Free-form explanation of the most recent status change. */
  message?: string;
}

/** A page of Deployment objects. */
export interface DeploymentList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apps/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'DeploymentList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The deployments returned. */
  items: Deployment[];
}

/** The desired state of a Deployment. */
export interface DeploymentSpec {
  /** How many pods are wanted; 1 when unset. */
  replicas?: number;
  /** Labels identifying the pods this deployment manages; immutable in apps/v1. */
  selector: metaV1.LabelSelector;
  /** The pod that replica sets of this deployment create. */
  template: coreV1.PodTemplateSpec;
  /** How old pods are replaced by new ones. */
  strategy?: DeploymentStrategy;
  /** Seconds a new pod must stay ready before it counts as available. */
  minReadySeconds?: number;
  /** How many old replica sets to keep for rollback; 10 when unset. */
  revisionHistoryLimit?: number;
  /** Stops the controller from rolling out template changes while true. */
  paused?: boolean;
  /** Seconds without progress after which the rollout is reported as failed. */
  progressDeadlineSeconds?: number;
}

/** The observed state of a Deployment. */
export interface DeploymentStatus {
  /** The spec generation the controller last acted on. */
  observedGeneration?: number;
  /** Non-terminating pods targeted by this deployment. */
  replicas?: number;
  /** Non-terminating pods that run the current template. */
  updatedReplicas?: number;
  /** Pods with a Ready condition. */
  readyReplicas?: number;
  /** Pods ready for at least minReadySeconds. */
  availableReplicas?: number;
  /** Pods still needed before the deployment is fully available. */
  unavailableReplicas?: number;
  /** Pods that are shutting down (alpha field, set only with its feature gate). */
  terminatingReplicas?: number;
  /** The latest observations of the deployment's state. */
  conditions?: DeploymentCondition[];
  /** Counter used to make replica set names unique when hashes collide. */
  collisionCount?: number;
}

/** How a Deployment replaces its pods. */
export interface DeploymentStrategy {
  /** Recreate or RollingUpdate (the default). */
  type?: 'Recreate' | 'RollingUpdate';
  /** Tuning for RollingUpdate; only allowed with that type. */
  rollingUpdate?: RollingUpdateDeployment;
}

/** Keeps a given number of identical pods running. */
export interface ReplicaSet {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apps/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ReplicaSet';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The desired pods. */
  spec?: ReplicaSetSpec;
  /** What the controller last observed; read-only. */
  status?: ReplicaSetStatus;
}

/** One aspect of a ReplicaSet's state at a point in time. */
export interface ReplicaSetCondition {
  /** Which aspect of the replica set this condition describes. */
  type: string;
  /** Whether the condition holds: True, False or Unknown. */
  status: string;
  /** When the status last flipped. */
  lastTransitionTime?: metaV1.Time;
  /** One-word CamelCase cause of the last transition. */
  reason?: string;
  /** Free-form explanation of the most recent status change. */
  message?: string;
}

/** A page of ReplicaSet objects. */
export interface ReplicaSetList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apps/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ReplicaSetList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The replica sets returned. */
  items: ReplicaSet[];
}

/** The desired state of a ReplicaSet. */
export interface ReplicaSetSpec {
  /** How many pods are wanted; 1 when unset. */
  replicas?: number;
  /** Seconds a new pod must stay ready before it counts as available. */
  minReadySeconds?: number;
  /** Labels identifying the pods this replica set counts; must match the template. */
  selector: metaV1.LabelSelector;
  /** The pod created when too few match the selector. */
  template?: coreV1.PodTemplateSpec;
}

/** The observed state of a ReplicaSet. */
export interface ReplicaSetStatus {
  /** Non-terminating pods currently matched. */
  replicas: number;
  /** Pods whose labels match the template labels. */
  fullyLabeledReplicas?: number;
  /** Pods with a Ready condition. */
  readyReplicas?: number;
  /** Pods ready for at least minReadySeconds. */
  availableReplicas?: number;
  /** Pods that are shutting down (alpha field, set only with its feature gate). */
  terminatingReplicas?: number;
  /** The spec generation the controller last acted on. */
  observedGeneration?: number;
  /** The latest observations of the replica set's state. */
  conditions?: ReplicaSetCondition[];
}

/** Tuning for rolling updates of a DaemonSet. */
export interface RollingUpdateDaemonSet {
  /** Daemon pods that may be unavailable during the update, as a count or percentage. */
  maxUnavailable?: intstr.IntOrString;
  /** Nodes that may briefly run an old and a new daemon pod at once, as a count or percentage. */
  maxSurge?: intstr.IntOrString;
}

/** Tuning for rolling updates of a Deployment. */
export interface RollingUpdateDeployment {
  /** Pods that may be unavailable during the update, as a count or percentage; 25% by default. */
  maxUnavailable?: intstr.IntOrString;
  /** Pods that may exist above the desired count during the update; 25% by default. */
  maxSurge?: intstr.IntOrString;
}

/** Tuning for rolling updates of a StatefulSet. */
export interface RollingUpdateStatefulSetStrategy {
  /** Only pods with an ordinal at or above this number are updated. */
  partition?: number;
  /** Pods that may be unavailable during the update (beta feature), as a count or percentage. */
  maxUnavailable?: intstr.IntOrString;
}

/** Runs pods with stable names and storage, created and replaced in order. */
export interface StatefulSet {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apps/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'StatefulSet';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The desired pods, their claims and update policy. */
  spec?: StatefulSetSpec;
  /** What the controller last observed; read-only. */
  status?: StatefulSetStatus;
}

/** One aspect of a StatefulSet's state at a point in time. */
export interface StatefulSetCondition {
  /** Which aspect of the stateful set this condition describes. */
  type: string;
  /** Whether the condition holds: True, False or Unknown. */
  status: string;
  /** When the status last flipped. */
  lastTransitionTime?: metaV1.Time;
  /** One-word CamelCase cause of the last transition. */
  reason?: string;
  /** Free-form explanation of the most recent status change. */
  message?: string;
}

/** A page of StatefulSet objects. */
export interface StatefulSetList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'apps/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'StatefulSetList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The stateful sets returned. */
  items: StatefulSet[];
}

/** How a StatefulSet numbers its pods. */
export interface StatefulSetOrdinals {
  /** The ordinal given to the first pod; 0 by default. */
  start?: number;
}

/** What happens to claims made from volumeClaimTemplates when pods go away. */
export interface StatefulSetPersistentVolumeClaimRetentionPolicy {
  /** Retain (the default) or Delete the claims when the stateful set is deleted. */
  whenDeleted?: string;
  /** Retain (the default) or Delete the claims of pods removed by scaling down. */
  whenScaled?: string;
}

/** The desired state of a StatefulSet. */
export interface StatefulSetSpec {
  /** How many pods are wanted; 1 when unset. */
  replicas?: number;
  /** Labels identifying the pods this stateful set owns; must match the template. */
  selector: metaV1.LabelSelector;
  /** The pod each ordinal is created from, plus its own claims. */
  template: coreV1.PodTemplateSpec;
  /** Claims created per pod and mounted under the same volume names. */
  volumeClaimTemplates?: coreV1.PersistentVolumeClaim[];
  /** Headless service that gives the pods their network identity. */
  serviceName?: string;
  /** OrderedReady (one at a time, the default) or Parallel. */
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  /** How pods are replaced after a template change. */
  updateStrategy?: StatefulSetUpdateStrategy;
  /** How many old revisions to retain; 10 when unset. */
  revisionHistoryLimit?: number;
  /** Seconds a new pod must stay ready before it counts as available. */
  minReadySeconds?: number;
  /** Whether claims outlive scale-down and deletion. */
  persistentVolumeClaimRetentionPolicy?: StatefulSetPersistentVolumeClaimRetentionPolicy;
  /** Where pod numbering starts. */
  ordinals?: StatefulSetOrdinals;
}

/** The observed state of a StatefulSet. */
export interface StatefulSetStatus {
  /** The spec generation the controller last acted on. */
  observedGeneration?: number;
  /** Pods created by the controller. */
  replicas: number;
  /** Pods with a Ready condition. */
  readyReplicas?: number;
  /** Pods created from the currentRevision. */
  currentReplicas?: number;
  /** Pods created from the updateRevision. */
  updatedReplicas?: number;
  /** Revision that produced the pods up to currentReplicas. */
  currentRevision?: string;
  /** Revision that produces the pods being rolled out. */
  updateRevision?: string;
  /** Counter used to make revision names unique when hashes collide. */
  collisionCount?: number;
  /** The latest observations of the stateful set's state. */
  conditions?: StatefulSetCondition[];
  /** Pods ready for at least minReadySeconds. */
  availableReplicas?: number;
}

/** How a StatefulSet replaces its pods. */
export interface StatefulSetUpdateStrategy {
  /** RollingUpdate (the default) or OnDelete. */
  type?: 'OnDelete' | 'RollingUpdate';
  /** Tuning for RollingUpdate. */
  rollingUpdate?: RollingUpdateStatefulSetStrategy;
}
