/**
 * @module core/v1 container status: what the kubelet reports about each container of a pod.
 */
import { defineGroup } from '../../dsl.js';
import { CORE_V1 } from './core-v1.js';

export const coreContainerStatus = defineGroup(CORE_V1, (g) => {
  g.struct('ContainerStatus', 'The observed state of one container of a pod.', {
    name: ['string', 1, 'Name of the container, as in the pod spec.', { required: true }],
    state: ['ContainerState', 2, 'What the container is doing now.'],
    lastState: ['ContainerState', 3, 'How the previous run of the container ended, if it restarted.'],
    ready: ['boolean', 4, 'Whether the container passes its readiness checks.', { required: true }],
    restartCount: ['int32', 5, 'How many times the container has been restarted.', { required: true }],
    image: ['string', 6, 'Image the container runs, as the runtime names it.', { required: true }],
    imageID: ['string', 7, 'Digest-qualified ID of the image.', { required: true }],
    containerID: ['string', 8, 'Runtime ID of the container, as <runtime>://<id>.'],
    started: ['boolean', 9, 'Whether the container has passed its startup probe (or has none) and is running.', { ptr: true }],
    allocatedResources: ['map[string]Quantity', 10, 'Resources the node has set aside for the container.'],
    resources: ['ResourceRequirements', 11, 'Requests and limits actually applied to the running container.', { ptr: true }],
    volumeMounts: ['[]VolumeMountStatus', 12, 'State of the container\'s volume mounts.', { list: 'map', keys: ['mountPath'], patch: 'merge', mergeKey: 'mountPath' }],
    user: ['ContainerUser', 13, 'Identity the first process of the container runs with.', { ptr: true }],
    allocatedResourcesStatus: ['[]ResourceStatus', 14, 'Health of the devices allocated to the container.', { list: 'map', keys: ['name'], patch: 'merge', mergeKey: 'name' }],
    stopSignal: ['string', 15, 'Signal that will be sent to stop the container.', { ptr: true }],
  });

  g.struct('ContainerState', 'Exactly one of waiting, running or terminated; waiting when none is set.', {
    waiting: ['ContainerStateWaiting', 1, 'Details while the container is not yet running.', { ptr: true }],
    running: ['ContainerStateRunning', 2, 'Details while the container runs.', { ptr: true }],
    terminated: ['ContainerStateTerminated', 3, 'Details once the container has exited.', { ptr: true }],
  });

  g.struct('ContainerStateWaiting', 'A container that has not started yet.', {
    reason: ['string', 1, 'Why it is waiting, e.g. ContainerCreating or ImagePullBackOff.'],
    message: ['string', 2, 'Human-readable details.'],
  });

  g.struct('ContainerStateRunning', 'A running container.', {
    startedAt: ['Time', 1, 'When the container last started.'],
  });

  g.struct('ContainerStateTerminated', 'A container that has exited.', {
    exitCode: ['int32', 1, 'Exit status of the last run.', { required: true }],
    signal: ['int32', 2, 'Signal that ended the last run, if any.'],
    reason: ['string', 3, 'Why it ended, e.g. Completed, Error or OOMKilled.'],
    message: ['string', 4, 'Human-readable details, such as the termination message.'],
    startedAt: ['Time', 5, 'When the last run started.'],
    finishedAt: ['Time', 6, 'When the last run ended.'],
    containerID: ['string', 7, 'Runtime ID of the exited container.'],
  });

  g.struct('ContainerUser', 'The identity a container process runs with, per operating system.', {
    linux: ['LinuxContainerUser', 1, 'The Linux identity.', { ptr: true }],
  });

  g.struct('LinuxContainerUser', 'Linux user and groups of a container process.', {
    uid: ['int64', 1, 'User ID.', { required: true }],
    gid: ['int64', 2, 'Primary group ID.', { required: true }],
    supplementalGroups: ['[]int64', 3, 'Supplementary group IDs.', { list: 'atomic' }],
  });

  g.struct('VolumeMountStatus', 'The state of one volume mount.', {
    name: ['string', 1, 'Name of the mounted volume.', { required: true }],
    mountPath: ['string', 2, 'Where it is mounted in the container.', { required: true }],
    readOnly: ['boolean', 3, 'Whether it is mounted read-only.'],
    recursiveReadOnly: ['string', 4, 'Whether submounts are read-only too: Disabled or Enabled.', { ptr: true }],
  });

  g.struct('ResourceStatus', 'Health of the devices behind one resource of a container.', {
    name: ['string', 1, 'Resource name, as in the container\'s requests or claims.', { required: true }],
    resources: ['[]ResourceHealth', 2, 'One entry per allocated device.', { list: 'map', keys: ['resourceID'] }],
  });

  g.struct('ResourceHealth', 'Health of one allocated device.', {
    resourceID: ['string', 1, 'Identifier of the device.', { required: true }],
    health: ['string', 2, 'Healthy, Unhealthy or Unknown.'],
  });
});
