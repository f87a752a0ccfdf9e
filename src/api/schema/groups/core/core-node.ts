/**
 * @module core/v1 nodes: Node, its spec (taints, pod CIDRs) and the status the kubelet reports.
 */
import { defineGroup } from '../../dsl.js';
import { CORE_V1, listKind } from './core-v1.js';

const BY_TYPE = { list: 'map', keys: ['type'], patch: 'merge', mergeKey: 'type' } as const;

export const coreNode = defineGroup(CORE_V1, (g) => {
  g.kind('Node', 'A machine that runs pods, registered by its kubelet.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['NodeSpec', 2, 'How the node is configured for scheduling.'],
    status: ['NodeStatus', 3, 'What the kubelet last reported about the node.'],
  });
  listKind(g, 'Node', 'nodes');

  g.struct('NodeSpec', 'Scheduling-related configuration of a node.', {
    podCIDR: ['string', 1, 'Pod address range assigned to the node.'],
    podCIDRs: ['[]string', 7, 'Pod address ranges, one per family, the first equal to podCIDR.', { list: 'set', patch: 'merge' }],
    providerID: ['string', 3, 'Cloud provider\'s ID of the machine, as <provider>://<id>.'],
    unschedulable: ['boolean', 4, 'Keeps new pods off the node (cordon).'],
    taints: ['[]Taint', 5, 'Taints repelling pods that do not tolerate them.', { list: 'atomic' }],
    configSource: ['NodeConfigSource', 6, 'Deprecated dynamic kubelet configuration source.', { ptr: true }],
    externalID: ['string', 2, 'Deprecated external identifier, unused.'],
  });

  g.struct('NodeStatus', 'The observed state of a node.', {
    capacity: ['map[string]Quantity', 1, 'Total resources of the node.'],
    allocatable: ['map[string]Quantity', 2, 'Resources available to pods, after system reservations.'],
    phase: ['string', 3, 'Deprecated lifecycle phase: Pending, Running or Terminated.', { enum: ['Pending', 'Running', 'Terminated'] }],
    conditions: ['[]NodeCondition', 4, 'Health signals such as Ready, MemoryPressure and DiskPressure.', BY_TYPE],
    addresses: ['[]NodeAddress', 5, 'Addresses the node can be reached at.', BY_TYPE],
    daemonEndpoints: ['NodeDaemonEndpoints', 6, 'Ports of the daemons on the node.'],
    nodeInfo: ['NodeSystemInfo', 7, 'Versions and identifiers of the node\'s software.'],
    images: ['[]ContainerImage', 8, 'Images present on the node.', { list: 'atomic' }],
    volumesInUse: ['[]string', 9, 'Attachable volumes mounted on the node.', { list: 'atomic' }],
    volumesAttached: ['[]AttachedVolume', 10, 'Volumes attached to the node.', { list: 'atomic' }],
    config: ['NodeConfigStatus', 11, 'Deprecated dynamic kubelet configuration state.', { ptr: true }],
    runtimeHandlers: ['[]NodeRuntimeHandler', 12, 'Runtime handlers the container runtime offers.', { list: 'atomic' }],
    features: ['NodeFeatures', 13, 'Optional features the node implements.', { ptr: true }],
  });

  g.struct('NodeAddress', 'One address of a node.', {
    type: ['string', 1, 'Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS.', { required: true }],
    address: ['string', 2, 'The address.', { required: true }],
  });

  g.struct('NodeCondition', 'One aspect of a node\'s health.', {
    type: ['string', 1, 'Which aspect, e.g. Ready or DiskPressure.', { required: true }],
    status: ['string', 2, 'True, False or Unknown.', { required: true }],
    lastHeartbeatTime: ['Time', 3, 'When the kubelet last refreshed this condition.'],
    lastTransitionTime: ['Time', 4, 'When the status last changed.'],
    reason: ['string', 5, 'CamelCase reason for the last change.'],
    message: ['string', 6, 'Human-readable details.'],
  });

  g.struct('NodeConfigSource', 'Where a node\'s kubelet configuration came from (deprecated).', {
    configMap: ['ConfigMapNodeConfigSource', 2, 'A ConfigMap holding the configuration.', { ptr: true }],
  });

  g.struct('ConfigMapNodeConfigSource', 'A ConfigMap holding kubelet configuration (deprecated).', {
    namespace: ['string', 1, 'Namespace of the ConfigMap.', { required: true }],
    name: ['string', 2, 'Name of the ConfigMap.', { required: true }],
    uid: ['string', 3, 'UID of the ConfigMap.'],
    resourceVersion: ['string', 4, 'Resource version of the ConfigMap.'],
    kubeletConfigKey: ['string', 5, 'Key holding the KubeletConfiguration.', { required: true }],
  });

  g.struct('NodeConfigStatus', 'State of dynamic kubelet configuration (deprecated).', {
    assigned: ['NodeConfigSource', 1, 'Configuration the node was told to use.', { ptr: true }],
    active: ['NodeConfigSource', 2, 'Configuration in use.', { ptr: true }],
    lastKnownGood: ['NodeConfigSource', 3, 'Fallback configuration.', { ptr: true }],
    error: ['string', 4, 'Problem applying the configuration.'],
  });

  g.struct('NodeDaemonEndpoints', 'Ports of daemons on a node.', {
    kubeletEndpoint: ['DaemonEndpoint', 1, 'The kubelet\'s port.'],
  });

  g.struct('DaemonEndpoint', 'A daemon\'s port.', {
    Port: ['int32', 1, 'Port number.', { required: true }],
  });

  g.struct('NodeFeatures', 'Optional features a node implements.', {
    supplementalGroupsPolicy: ['boolean', 1, 'Whether the node honours a pod\'s supplementalGroupsPolicy.', { ptr: true }],
  });

  g.struct('NodeRuntimeHandler', 'A runtime handler and what it supports.', {
    name: ['string', 1, 'Which handler this is; the unnamed entry stands for the runtime default.'],
    features: ['NodeRuntimeHandlerFeatures', 2, 'Features of the handler.', { ptr: true }],
  });

  g.struct('NodeRuntimeHandlerFeatures', 'Features of a runtime handler.', {
    recursiveReadOnlyMounts: ['boolean', 1, 'Supports recursively read-only mounts.', { ptr: true }],
    userNamespaces: ['boolean', 2, 'Supports user namespaces for pods.', { ptr: true }],
  });

  g.struct('NodeSystemInfo', 'Identifiers and software versions of a node.', {
    machineID: ['string', 1, 'Machine ID from /etc/machine-id.', { required: true }],
    systemUUID: ['string', 2, 'Hardware UUID of the system.', { required: true }],
    bootID: ['string', 3, 'ID of the current boot.', { required: true }],
    kernelVersion: ['string', 4, 'Kernel release, as uname -r reports it.', { required: true }],
    osImage: ['string', 5, 'Operating system name and version.', { required: true }],
    containerRuntimeVersion: ['string', 6, 'Container runtime name and version, as <runtime>://<version>.', { required: true }],
    kubeletVersion: ['string', 7, 'Kubelet version.', { required: true }],
    kubeProxyVersion: ['string', 8, 'Deprecated kube-proxy version; not reliable.', { required: true }],
    operatingSystem: ['string', 9, 'Operating system family, e.g. linux.', { required: true }],
    architecture: ['string', 10, 'CPU architecture, e.g. amd64.', { required: true }],
    swap: ['NodeSwapStatus', 11, 'Swap memory of the node.', { ptr: true }],
  });

  g.struct('NodeSwapStatus', 'Swap memory of a node.', {
    capacity: ['int64', 1, 'Swap size in bytes.', { ptr: true }],
  });

  g.struct('ContainerImage', 'An image stored on a node.', {
    names: ['[]string', 1, 'References of the image, e.g. registry/name:tag and the digest form.', { list: 'atomic' }],
    sizeBytes: ['int64', 2, 'Size of the image.'],
  });

  g.struct('AttachedVolume', 'A volume attached to a node.', {
    name: ['string', 1, 'Name of the volume.', { required: true }],
    devicePath: ['string', 2, 'Where the device appears on the node.', { required: true }],
  });
});
