/**
 * @module apps/v1: the workload controllers (Deployment, ReplicaSet, StatefulSet, DaemonSet) and
 * the ControllerRevision history they keep.
 */
import { defineGroup, type FieldTable } from '../../dsl.js';

const RW: readonly ('get' | 'patch' | 'update')[] = ['get', 'patch', 'update'];
const CONDITIONS = { list: 'map', keys: ['type'], patch: 'merge', mergeKey: 'type' } as const;

/** The five fields every apps/v1 condition type shares, in Go order (Deployment adds one). */
function condition(what: string): FieldTable {
  return {
    type: ['string', 1, `Which aspect of the ${what} this condition describes.`, { required: true }],
    status: ['string', 2, 'Whether the condition holds: True, False or Unknown.', { required: true }],
    lastTransitionTime: ['Time', 3, 'When the status last flipped.'],
    reason: ['string', 4, 'One-word CamelCase cause of the last transition.'],
    message: ['string', 5, 'Free-form explanation of the most recent status change.'],
  };
}

export const appsV1 = defineGroup({ prefix: 'io.k8s.api.apps.v1', group: 'apps', version: 'v1' }, (g) => {
  // ControllerRevision
  g.kind('ControllerRevision', 'An immutable snapshot of a controller\'s pod template, kept for rollbacks.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    data: ['RawExtension', 2, 'The serialized state captured by this revision.'],
    revision: ['int64', 3, 'Sequence number of this revision within its owner.', { required: true }],
  });
  g.kind('ControllerRevisionList', 'A page of ControllerRevision objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]ControllerRevision', 2, 'The revisions returned.', { required: true }],
  });

  // DaemonSet
  g.kind('DaemonSet', 'Runs one copy of a pod on each eligible node.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['DaemonSetSpec', 2, 'What the daemon set should run and where.'],
    status: ['DaemonSetStatus', 3, 'What the controller last observed; read-only.'],
  });
  g.struct('DaemonSetCondition', 'One aspect of a DaemonSet\'s state at a point in time.', condition('daemon set'));
  g.kind('DaemonSetList', 'A page of DaemonSet objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]DaemonSet', 2, 'The daemon sets returned.', { required: true }],
  });
  g.struct('DaemonSetSpec', 'The desired behaviour of a DaemonSet.', {
    selector: ['LabelSelector', 1, 'Labels identifying the pods this daemon set owns; must match the template.', { required: true, ptr: true }],
    template: ['core.PodTemplateSpec', 2, 'The pod created on each selected node.', { required: true }],
    updateStrategy: ['DaemonSetUpdateStrategy', 3, 'How existing daemon pods are replaced after a template change.'],
    minReadySeconds: ['int32', 4, 'Seconds a new pod must stay ready before it counts as available.'],
    revisionHistoryLimit: ['int32', 6, 'How many old revisions to retain for rollback; 10 when unset.', { ptr: true }],
  });
  g.struct('DaemonSetStatus', 'The observed state of a DaemonSet.', {
    currentNumberScheduled: ['int32', 1, 'Nodes running at least one daemon pod that should run it.', { required: true }],
    numberMisscheduled: ['int32', 2, 'Nodes running a daemon pod that should not run it.', { required: true }],
    desiredNumberScheduled: ['int32', 3, 'Nodes that should be running the daemon pod.', { required: true }],
    numberReady: ['int32', 4, 'Nodes whose daemon pod is ready.', { required: true }],
    observedGeneration: ['int64', 5, 'The spec generation the controller last acted on.'],
    updatedNumberScheduled: ['int32', 6, 'Nodes running a daemon pod from the current template.'],
    numberAvailable: ['int32', 7, 'Nodes whose daemon pod has been ready for at least minReadySeconds.'],
    numberUnavailable: ['int32', 8, 'Nodes that should run the daemon pod but have none available.'],
    collisionCount: ['int32', 9, 'Counter used to make revision names unique when hashes collide.', { ptr: true }],
    conditions: ['[]DaemonSetCondition', 10, 'The latest observations of the daemon set\'s state.', CONDITIONS],
  });
  g.struct('DaemonSetUpdateStrategy', 'How a DaemonSet replaces its pods.', {
    type: ['string', 1, 'RollingUpdate (the default) or OnDelete.', { enum: ['OnDelete', 'RollingUpdate'] }],
    rollingUpdate: ['RollingUpdateDaemonSet', 2, 'Tuning for RollingUpdate.', { ptr: true }],
  });

  // Deployment
  g.kind('Deployment', 'Declares a replicated, rolling-updated set of pods.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['DeploymentSpec', 2, 'The desired pods and how to roll out changes.'],
    status: ['DeploymentStatus', 3, 'What the controller last observed; read-only.'],
  });
  g.struct('DeploymentCondition', 'One aspect of a Deployment\'s state at a point in time.', {
    type: ['string', 1, 'Which aspect this condition describes (Available, Progressing, ReplicaFailure).', { required: true }],
    status: ['string', 2, 'Whether the condition holds: True, False or Unknown.', { required: true }],
    lastUpdateTime: ['Time', 6, 'When the controller last refreshed this condition.'],
    lastTransitionTime: ['Time', 7, 'When the status last flipped.'],
    reason: ['string', 4, 'One-word CamelCase cause of the last transition.'],
    message: ['string', 5, 'Free-form explanation of the most recent status change.'],
  });
  g.kind('DeploymentList', 'A page of Deployment objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]Deployment', 2, 'The deployments returned.', { required: true }],
  });
  g.struct('DeploymentSpec', 'The desired state of a Deployment.', {
    replicas: ['int32', 1, 'How many pods are wanted; 1 when unset.', { ptr: true }],
    selector: ['LabelSelector', 2, 'Labels identifying the pods this deployment manages; immutable in apps/v1.', { required: true, ptr: true }],
    template: ['core.PodTemplateSpec', 3, 'The pod that replica sets of this deployment create.', { required: true }],
    strategy: ['DeploymentStrategy', 4, 'How old pods are replaced by new ones.', { patch: 'retainKeys' }],
    minReadySeconds: ['int32', 5, 'Seconds a new pod must stay ready before it counts as available.'],
    revisionHistoryLimit: ['int32', 6, 'How many old replica sets to keep for rollback; 10 when unset.', { ptr: true }],
    paused: ['boolean', 7, 'Stops the controller from rolling out template changes while true.'],
    progressDeadlineSeconds: ['int32', 9, 'Seconds without progress after which the rollout is reported as failed.', { ptr: true }],
  });
  g.struct('DeploymentStatus', 'The observed state of a Deployment.', {
    observedGeneration: ['int64', 1, 'The spec generation the controller last acted on.'],
    replicas: ['int32', 2, 'Non-terminating pods targeted by this deployment.'],
    updatedReplicas: ['int32', 3, 'Non-terminating pods that run the current template.'],
    readyReplicas: ['int32', 7, 'Pods with a Ready condition.'],
    availableReplicas: ['int32', 4, 'Pods ready for at least minReadySeconds.'],
    unavailableReplicas: ['int32', 5, 'Pods still needed before the deployment is fully available.'],
    terminatingReplicas: ['int32', 9, 'Pods that are shutting down (alpha field, set only with its feature gate).', { ptr: true }],
    conditions: ['[]DeploymentCondition', 6, 'The latest observations of the deployment\'s state.', CONDITIONS],
    collisionCount: ['int32', 8, 'Counter used to make replica set names unique when hashes collide.', { ptr: true }],
  });
  g.struct('DeploymentStrategy', 'How a Deployment replaces its pods.', {
    type: ['string', 1, 'Recreate or RollingUpdate (the default).', { enum: ['Recreate', 'RollingUpdate'] }],
    rollingUpdate: ['RollingUpdateDeployment', 2, 'Tuning for RollingUpdate; only allowed with that type.', { ptr: true }],
  });

  // ReplicaSet
  g.kind('ReplicaSet', 'Keeps a given number of identical pods running.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['ReplicaSetSpec', 2, 'The desired pods.'],
    status: ['ReplicaSetStatus', 3, 'What the controller last observed; read-only.'],
  });
  g.struct('ReplicaSetCondition', 'One aspect of a ReplicaSet\'s state at a point in time.', condition('replica set'));
  g.kind('ReplicaSetList', 'A page of ReplicaSet objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]ReplicaSet', 2, 'The replica sets returned.', { required: true }],
  });
  g.struct('ReplicaSetSpec', 'The desired state of a ReplicaSet.', {
    replicas: ['int32', 1, 'How many pods are wanted; 1 when unset.', { ptr: true }],
    minReadySeconds: ['int32', 4, 'Seconds a new pod must stay ready before it counts as available.'],
    selector: ['LabelSelector', 2, 'Labels identifying the pods this replica set counts; must match the template.', { required: true, ptr: true }],
    template: ['core.PodTemplateSpec', 3, 'The pod created when too few match the selector.'],
  });
  g.struct('ReplicaSetStatus', 'The observed state of a ReplicaSet.', {
    replicas: ['int32', 1, 'Non-terminating pods currently matched.', { required: true }],
    fullyLabeledReplicas: ['int32', 2, 'Pods whose labels match the template labels.'],
    readyReplicas: ['int32', 4, 'Pods with a Ready condition.'],
    availableReplicas: ['int32', 5, 'Pods ready for at least minReadySeconds.'],
    terminatingReplicas: ['int32', 7, 'Pods that are shutting down (alpha field, set only with its feature gate).', { ptr: true }],
    observedGeneration: ['int64', 3, 'The spec generation the controller last acted on.'],
    conditions: ['[]ReplicaSetCondition', 6, 'The latest observations of the replica set\'s state.', CONDITIONS],
  });

  // Rolling update tuning
  g.struct('RollingUpdateDaemonSet', 'Tuning for rolling updates of a DaemonSet.', {
    maxUnavailable: ['IntOrString', 1, 'Daemon pods that may be unavailable during the update, as a count or percentage.', { ptr: true }],
    maxSurge: ['IntOrString', 2, 'Nodes that may briefly run an old and a new daemon pod at once, as a count or percentage.', { ptr: true }],
  });
  g.struct('RollingUpdateDeployment', 'Tuning for rolling updates of a Deployment.', {
    maxUnavailable: ['IntOrString', 1, 'Pods that may be unavailable during the update, as a count or percentage; 25% by default.', { ptr: true }],
    maxSurge: ['IntOrString', 2, 'Pods that may exist above the desired count during the update; 25% by default.', { ptr: true }],
  });
  g.struct('RollingUpdateStatefulSetStrategy', 'Tuning for rolling updates of a StatefulSet.', {
    partition: ['int32', 1, 'Only pods with an ordinal at or above this number are updated.', { ptr: true }],
    maxUnavailable: ['IntOrString', 2, 'Pods that may be unavailable during the update (beta feature), as a count or percentage.', { ptr: true }],
  });

  // StatefulSet
  g.kind('StatefulSet', 'Runs pods with stable names and storage, created and replaced in order.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['StatefulSetSpec', 2, 'The desired pods, their claims and update policy.'],
    status: ['StatefulSetStatus', 3, 'What the controller last observed; read-only.'],
  });
  g.struct('StatefulSetCondition', 'One aspect of a StatefulSet\'s state at a point in time.', condition('stateful set'));
  g.kind('StatefulSetList', 'A page of StatefulSet objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]StatefulSet', 2, 'The stateful sets returned.', { required: true }],
  });
  g.struct('StatefulSetOrdinals', 'How a StatefulSet numbers its pods.', {
    start: ['int32', 1, 'The ordinal given to the first pod; 0 by default.'],
  });
  g.struct('StatefulSetPersistentVolumeClaimRetentionPolicy', 'What happens to claims made from volumeClaimTemplates when pods go away.', {
    whenDeleted: ['string', 1, 'Retain (the default) or Delete the claims when the stateful set is deleted.'],
    whenScaled: ['string', 2, 'Retain (the default) or Delete the claims of pods removed by scaling down.'],
  });
  g.struct('StatefulSetSpec', 'The desired state of a StatefulSet.', {
    replicas: ['int32', 1, 'How many pods are wanted; 1 when unset.', { ptr: true }],
    selector: ['LabelSelector', 2, 'Labels identifying the pods this stateful set owns; must match the template.', { required: true, ptr: true }],
    template: ['core.PodTemplateSpec', 3, 'The pod each ordinal is created from, plus its own claims.', { required: true }],
    volumeClaimTemplates: ['[]core.PersistentVolumeClaim', 4, 'Claims created per pod and mounted under the same volume names.', { list: 'atomic' }],
    serviceName: ['string', 5, 'Headless service that gives the pods their network identity.'],
    podManagementPolicy: ['string', 6, 'OrderedReady (one at a time, the default) or Parallel.', { enum: ['OrderedReady', 'Parallel'] }],
    updateStrategy: ['StatefulSetUpdateStrategy', 7, 'How pods are replaced after a template change.'],
    revisionHistoryLimit: ['int32', 8, 'How many old revisions to retain; 10 when unset.', { ptr: true }],
    minReadySeconds: ['int32', 9, 'Seconds a new pod must stay ready before it counts as available.'],
    persistentVolumeClaimRetentionPolicy: ['StatefulSetPersistentVolumeClaimRetentionPolicy', 10, 'Whether claims outlive scale-down and deletion.', { ptr: true }],
    ordinals: ['StatefulSetOrdinals', 11, 'Where pod numbering starts.', { ptr: true }],
  });
  g.struct('StatefulSetStatus', 'The observed state of a StatefulSet.', {
    observedGeneration: ['int64', 1, 'The spec generation the controller last acted on.'],
    replicas: ['int32', 2, 'Pods created by the controller.', { required: true }],
    readyReplicas: ['int32', 3, 'Pods with a Ready condition.'],
    currentReplicas: ['int32', 4, 'Pods created from the currentRevision.'],
    updatedReplicas: ['int32', 5, 'Pods created from the updateRevision.'],
    currentRevision: ['string', 6, 'Revision that produced the pods up to currentReplicas.'],
    updateRevision: ['string', 7, 'Revision that produces the pods being rolled out.'],
    collisionCount: ['int32', 9, 'Counter used to make revision names unique when hashes collide.', { ptr: true }],
    conditions: ['[]StatefulSetCondition', 10, 'The latest observations of the stateful set\'s state.', CONDITIONS],
    availableReplicas: ['int32', 11, 'Pods ready for at least minReadySeconds.'],
  });
  g.struct('StatefulSetUpdateStrategy', 'How a StatefulSet replaces its pods.', {
    type: ['string', 1, 'RollingUpdate (the default) or OnDelete.', { enum: ['OnDelete', 'RollingUpdate'] }],
    rollingUpdate: ['RollingUpdateStatefulSetStrategy', 2, 'Tuning for RollingUpdate.', { ptr: true }],
  });

  const scaled = { status: RW, scale: [RW, 'autoscaling/v1/Scale'] } as const;
  g.resource('controllerrevisions', { kind: 'ControllerRevision' });
  g.resource('daemonsets', { kind: 'DaemonSet', shortNames: ['ds'], categories: ['all'], sub: { status: RW } });
  g.resource('deployments', { kind: 'Deployment', shortNames: ['deploy'], categories: ['all'], sub: scaled });
  g.resource('replicasets', { kind: 'ReplicaSet', shortNames: ['rs'], categories: ['all'], sub: scaled });
  g.resource('statefulsets', { kind: 'StatefulSet', shortNames: ['sts'], categories: ['all'], sub: scaled });
});
