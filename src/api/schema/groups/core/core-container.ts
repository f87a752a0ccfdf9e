/**
 * @module core/v1 containers: Container and EphemeralContainer, their ports, environment,
 * resources and mounts.
 */
import { defineGroup, embedded, type FieldTable } from '../../dsl.js';
import { CORE_V1 } from './core-v1.js';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

// EphemeralContainer carries the same fields, nested in protobuf as EphemeralContainerCommon.
const CONTAINER: FieldTable = {
  name: ['string', 1, 'DNS label naming the container, unique within the pod.', { required: true }],
  image: ['string', 2, 'Container image reference to run.'],
  command: ['[]string', 3, 'Replaces the image entrypoint; $(VAR) references are expanded.', { list: 'atomic' }],
  args: ['[]string', 4, 'Replaces the image arguments; $(VAR) references are expanded.', { list: 'atomic' }],
  workingDir: ['string', 5, 'Directory the process starts in; the image default when empty.'],
  ports: ['[]ContainerPort', 6, 'Ports the container exposes, mostly informational.', { list: 'map', keys: ['containerPort', 'protocol'], patch: 'merge', mergeKey: 'containerPort' }],
  envFrom: ['[]EnvFromSource', 19, 'Sources whose keys all become environment variables.', { list: 'atomic' }],
  env: ['[]EnvVar', 7, 'Variables added to the process environment, by name.', { list: 'map', keys: ['name'], patch: 'merge', mergeKey: 'name' }],
  resources: ['ResourceRequirements', 8, 'Compute resources requested and limited for the container.'],
  resizePolicy: ['[]ContainerResizePolicy', 23, 'Whether resizing each resource needs a container restart.', { list: 'atomic' }],
  restartPolicy: ['string', 24, 'Only Always, for init containers that keep running as sidecars.', { ptr: true, enum: ['Always'] }],
  volumeMounts: ['[]VolumeMount', 9, 'Pod volumes mounted into the container filesystem.', { list: 'map', keys: ['mountPath'], patch: 'merge', mergeKey: 'mountPath' }],
  volumeDevices: ['[]VolumeDevice', 21, 'Raw block volumes exposed to the container as devices.', { list: 'map', keys: ['devicePath'], patch: 'merge', mergeKey: 'devicePath' }],
  livenessProbe: ['Probe', 10, 'Check whose failure makes the kubelet restart the container.', { ptr: true }],
  readinessProbe: ['Probe', 11, 'Check deciding whether the container receives service traffic.', { ptr: true }],
  startupProbe: ['Probe', 22, 'Check that must succeed before the other probes begin.', { ptr: true }],
  lifecycle: ['Lifecycle', 12, 'Hooks run after start and before stop.', { ptr: true }],
  terminationMessagePath: ['string', 13, 'File whose contents become the termination message.', { default: '/dev/termination-log' }],
  terminationMessagePolicy: ['string', 20, 'Where the termination message comes from: File, or FallbackToLogsOnError.', { enum: ['FallbackToLogsOnError', 'File'], default: 'File' }],
  imagePullPolicy: ['string', 14, 'When the image is pulled: Always, IfNotPresent or Never.', { enum: PULL_POLICIES }],
  securityContext: ['SecurityContext', 15, 'Privileges and isolation settings for this container.', { ptr: true }],
  stdin: ['boolean', 16, 'Keeps a stdin buffer open for attach.'],
  stdinOnce: ['boolean', 17, 'Closes stdin after the first attach session ends.'],
  tty: ['boolean', 18, 'Allocates a terminal; needs stdin too.'],
};

export const coreContainer = defineGroup(CORE_V1, (g) => {
  g.struct('Container', 'One application container of a pod.', CONTAINER);

  g.struct('EphemeralContainer', 'A temporary container added to a running pod, for debugging.', {
    ...embedded([1], CONTAINER),
    targetContainerName: ['string', 2, 'Container whose process namespace this one joins, when the runtime supports it.'],
  });

  g.struct('ContainerPort', 'A network port of a container.', {
    name: ['string', 1, 'IANA service name for the port, unique in the pod; services may refer to it.'],
    hostPort: ['int32', 2, 'Port opened on the node and forwarded to this one; rarely needed.'],
    containerPort: ['int32', 3, 'Port number on the pod IP.', { required: true }],
    protocol: ['string', 4, 'TCP, UDP or SCTP.', { enum: ['SCTP', 'TCP', 'UDP'], default: 'TCP' }],
    hostIP: ['string', 5, 'Node address the host port binds to.'],
  });

  g.struct('EnvVar', 'One environment variable.', {
    name: ['string', 1, 'Variable name.', { required: true }],
    value: ['string', 2, 'Literal value; $(VAR) references to earlier variables are expanded.'],
    valueFrom: ['EnvVarSource', 3, 'Where to read the value from, instead of a literal.', { ptr: true }],
  });

  g.struct('EnvVarSource', 'Where an environment variable\'s value comes from; exactly one source.', {
    fieldRef: ['ObjectFieldSelector', 1, 'A field of the pod, such as metadata.name or status.podIP.', { ptr: true }],
    resourceFieldRef: ['ResourceFieldSelector', 2, 'A resource limit or request of a container.', { ptr: true }],
    configMapKeyRef: ['ConfigMapKeySelector', 3, 'A key of a ConfigMap in the pod\'s namespace.', { ptr: true }],
    secretKeyRef: ['SecretKeySelector', 4, 'A key of a Secret in the pod\'s namespace.', { ptr: true }],
  });

  g.struct('EnvFromSource', 'A ConfigMap or Secret whose keys all become environment variables.', {
    prefix: ['string', 1, 'Text prepended to every key to form the variable name.'],
    configMapRef: ['ConfigMapEnvSource', 2, 'The ConfigMap to read.', { ptr: true }],
    secretRef: ['SecretEnvSource', 3, 'The Secret to read.', { ptr: true }],
  });

  g.struct('ConfigMapEnvSource', 'A ConfigMap imported whole into the environment.', {
    ...embedded([1], { name: ['string', 1, 'Name of the ConfigMap.', { default: '' }] }),
    optional: ['boolean', 2, 'Tolerates a missing ConfigMap when true.', { ptr: true }],
  });

  g.struct('SecretEnvSource', 'A Secret imported whole into the environment.', {
    ...embedded([1], { name: ['string', 1, 'Name of the Secret.', { default: '' }] }),
    optional: ['boolean', 2, 'Tolerates a missing Secret when true.', { ptr: true }],
  });

  g.struct('ConfigMapKeySelector', 'One key of a ConfigMap.', {
    ...embedded([1], { name: ['string', 1, 'Name of the ConfigMap.', { default: '' }] }),
    key: ['string', 2, 'The key to read.', { required: true }],
    optional: ['boolean', 3, 'Tolerates a missing ConfigMap or key when true.', { ptr: true }],
  }, { mapType: 'atomic' });

  g.struct('SecretKeySelector', 'One key of a Secret.', {
    ...embedded([1], { name: ['string', 1, 'Name of the Secret.', { default: '' }] }),
    key: ['string', 2, 'Which entry of the Secret to read.', { required: true }],
    optional: ['boolean', 3, 'Tolerates a missing Secret or key when true.', { ptr: true }],
  }, { mapType: 'atomic' });

  g.struct('ObjectFieldSelector', 'A field of an object, addressed by path.', {
    apiVersion: ['string', 1, 'Schema version the path is written against; v1 when empty.'],
    fieldPath: ['string', 2, 'Path of the field to read.', { required: true }],
  }, { mapType: 'atomic' });

  g.struct('ResourceFieldSelector', 'A container resource limit or request, scaled by a divisor.', {
    containerName: ['string', 1, 'Which container\'s resources to read; must be given in volumes, defaults to the current one in env.'],
    resource: ['string', 2, 'The resource, such as limits.cpu or requests.memory.', { required: true }],
    divisor: ['Quantity', 3, 'Unit the value is expressed in; 1 when unset.'],
  }, { mapType: 'atomic' });

  g.struct('ResourceRequirements', 'Compute resources a container asks for and may not exceed.', {
    limits: ['map[string]Quantity', 1, 'Most of each resource the container may use.'],
    requests: ['map[string]Quantity', 2, 'Amount of each resource reserved for scheduling; defaults to the limit.'],
    claims: ['[]ResourceClaim', 3, 'Dynamically allocated resources, by pod claim name, this container uses.', { list: 'map', keys: ['name'] }],
  });

  g.struct('ResourceClaim', 'Use of one of the pod\'s resource claims by a container.', {
    name: ['string', 1, 'Name of an entry in the pod\'s resourceClaims.', { required: true }],
    request: ['string', 2, 'Single request within the claim to use; the whole claim when empty.'],
  });

  g.struct('VolumeMount', 'Where a pod volume appears inside a container.', {
    name: ['string', 1, 'Name of the pod volume.', { required: true }],
    readOnly: ['boolean', 2, 'Mounts read-only when true.'],
    recursiveReadOnly: ['string', 7, 'Whether read-only applies to submounts too: Disabled, IfPossible or Enabled.', { ptr: true }],
    mountPath: ['string', 3, 'Path in the container; may not contain a colon.', { required: true }],
    subPath: ['string', 4, 'Path inside the volume to mount instead of its root.'],
    mountPropagation: ['string', 5, 'How mounts propagate between host and container: None, HostToContainer or Bidirectional.', { ptr: true, enum: ['Bidirectional', 'HostToContainer', 'None'] }],
    subPathExpr: ['string', 6, 'Like subPath, with $(VAR) expanded from the container environment.'],
  });

  g.struct('VolumeDevice', 'Where a raw block volume appears inside a container.', {
    name: ['string', 1, 'Name of a persistentVolumeClaim volume of the pod.', { required: true }],
    devicePath: ['string', 2, 'Device path in the container.', { required: true }],
  });

  g.struct('ContainerResizePolicy', 'Whether changing one resource needs a restart.', {
    resourceName: ['string', 1, 'cpu or memory.', { required: true }],
    restartPolicy: ['string', 2, 'NotRequired or RestartContainer.', { required: true }],
  });
});
