/**
 * @module core/v1 pods: Pod, its spec and status, pod templates and bindings.
 */
import { defineGroup } from '../../dsl.js';
import { CORE_V1, listKind } from './core-v1.js';

const BY_NAME = { list: 'map', keys: ['name'], patch: 'merge', mergeKey: 'name' } as const;

export const corePod = defineGroup(CORE_V1, (g) => {
  g.kind('Pod', 'A group of containers scheduled together onto one node, sharing network and volumes.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['PodSpec', 2, 'What the pod should run and how.'],
    status: ['PodStatus', 3, 'What the kubelet last reported about the pod.'],
  });
  listKind(g, 'Pod', 'pods');

  g.struct('PodSpec', 'The desired contents and placement of a pod.', {
    volumes: ['[]Volume', 1, 'Volumes the containers may mount.', { list: 'map', keys: ['name'], patch: 'merge,retainKeys', mergeKey: 'name' }],
    initContainers: ['[]Container', 20, 'Containers run one after another to completion before the main ones start.', BY_NAME],
    containers: ['[]Container', 2, 'The main containers; at least one.', { required: true, ...BY_NAME }],
    ephemeralContainers: ['[]EphemeralContainer', 34, 'Debugging containers added later through the ephemeralcontainers subresource.', BY_NAME],
    restartPolicy: ['string', 3, 'When containers are restarted: Always, OnFailure or Never.', { enum: ['Always', 'Never', 'OnFailure'] }],
    terminationGracePeriodSeconds: ['int64', 4, 'Seconds between the stop signal and the kill on deletion; 30 when unset.', { ptr: true }],
    activeDeadlineSeconds: ['int64', 5, 'Seconds the pod may be active before the kubelet fails it.', { ptr: true }],
    dnsPolicy: ['string', 6, 'How the pod resolves names: ClusterFirst, ClusterFirstWithHostNet, Default or None.', { enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }],
    nodeSelector: ['map[string]string', 7, 'Labels a node must carry for the pod to be placed on it.', { mapType: 'atomic' }],
    serviceAccountName: ['string', 8, 'Service account whose identity the pod runs with.'],
    serviceAccount: ['string', 9, 'Deprecated alias of serviceAccountName.'],
    automountServiceAccountToken: ['boolean', 21, 'Whether an API token is mounted into the containers.', { ptr: true }],
    nodeName: ['string', 10, 'Node the pod is bound to; set by the scheduler, or directly to bypass it.'],
    hostNetwork: ['boolean', 11, 'Uses the node\'s network namespace.'],
    hostPID: ['boolean', 12, 'Uses the node\'s process namespace.'],
    hostIPC: ['boolean', 13, 'Uses the node\'s IPC namespace.'],
    shareProcessNamespace: ['boolean', 27, 'Puts all containers of the pod in one process namespace.', { ptr: true }],
    securityContext: ['PodSecurityContext', 14, 'Pod-wide security settings.', { ptr: true }],
    imagePullSecrets: ['[]LocalObjectReference', 15, 'Secrets holding registry credentials for pulling the images.', BY_NAME],
    hostname: ['string', 16, 'Host name inside the pod; the pod name when empty.'],
    subdomain: ['string', 17, 'Subdomain giving the pod a DNS name under a headless service.'],
    affinity: ['Affinity', 18, 'Scheduling preferences and constraints relative to nodes and other pods.', { ptr: true }],
    schedulerName: ['string', 19, 'Scheduler responsible for the pod; default-scheduler when empty.'],
    tolerations: ['[]Toleration', 22, 'Node taints the pod accepts.', { list: 'atomic' }],
    hostAliases: ['[]HostAlias', 23, 'Extra entries written to the pod\'s /etc/hosts.', { list: 'map', keys: ['ip'], patch: 'merge', mergeKey: 'ip' }],
    priorityClassName: ['string', 24, 'PriorityClass that decides the pod\'s priority.'],
    priority: ['int32', 25, 'Priority value, filled in from priorityClassName by admission.', { ptr: true }],
    dnsConfig: ['PodDNSConfig', 26, 'DNS settings merged into those dnsPolicy produces.', { ptr: true }],
    readinessGates: ['[]PodReadinessGate', 28, 'Extra conditions that must be true for the pod to count as ready.', { list: 'atomic' }],
    runtimeClassName: ['string', 29, 'RuntimeClass choosing the container runtime handler.', { ptr: true }],
    enableServiceLinks: ['boolean', 30, 'Whether service environment variables are injected; true when unset.', { ptr: true }],
    preemptionPolicy: ['string', 31, 'Whether the pod may preempt lower-priority pods: PreemptLowerPriority or Never.', { ptr: true, enum: ['Never', 'PreemptLowerPriority'] }],
    overhead: ['map[string]Quantity', 32, 'Resources the runtime itself consumes for this pod, set from the RuntimeClass.'],
    topologySpreadConstraints: ['[]TopologySpreadConstraint', 33, 'How matching pods should be spread across topology domains.', { list: 'map', keys: ['topologyKey', 'whenUnsatisfiable'], patch: 'merge', mergeKey: 'topologyKey' }],
    setHostnameAsFQDN: ['boolean', 35, 'Sets the kernel host name to the fully qualified domain name.', { ptr: true }],
    os: ['PodOS', 36, 'Operating system the pod needs.', { ptr: true }],
    hostUsers: ['boolean', 37, 'Uses the host user namespace; false asks for a private one.', { ptr: true }],
    schedulingGates: ['[]PodSchedulingGate', 38, 'Gates that keep the pod out of scheduling until all are removed.', BY_NAME],
    resourceClaims: ['[]PodResourceClaim', 39, 'Dynamically allocated resources the pod needs.', { list: 'map', keys: ['name'], patch: 'merge,retainKeys', mergeKey: 'name' }],
    resources: ['ResourceRequirements', 40, 'Pod-wide resource requests and limits shared by its containers.', { ptr: true }],
  });

  g.struct('PodStatus', 'What is known about a pod right now.', {
    observedGeneration: ['int64', 17, 'The pod generation the kubelet last acted on.'],
    phase: ['string', 1, 'Coarse lifecycle stage: Pending, Running, Succeeded, Failed or Unknown.', { enum: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'] }],
    conditions: ['[]PodCondition', 2, 'Detailed state such as scheduled, initialized and ready.', { list: 'map', keys: ['type'], patch: 'merge', mergeKey: 'type' }],
    message: ['string', 3, 'Human-readable note on why the pod is in its state.'],
    reason: ['string', 4, 'Short CamelCase reason for the state, e.g. Evicted.'],
    nominatedNodeName: ['string', 11, 'Node the pod is expected to land on after preempting others there.'],
    hostIP: ['string', 5, 'Primary IP address of the node the pod runs on.'],
    hostIPs: ['[]HostIP', 16, 'All IP addresses of the node, primary first.', { list: 'atomic', patch: 'merge', mergeKey: 'ip' }],
    podIP: ['string', 6, 'Primary IP address of the pod.'],
    podIPs: ['[]PodIP', 12, 'All IP addresses of the pod, one per family, primary first.', { list: 'map', keys: ['ip'], patch: 'merge', mergeKey: 'ip' }],
    startTime: ['Time', 7, 'When the kubelet accepted the pod, before images were pulled.', { ptr: true }],
    initContainerStatuses: ['[]ContainerStatus', 10, 'Status of each init container.', { list: 'atomic' }],
    containerStatuses: ['[]ContainerStatus', 8, 'Status of each main container.', { list: 'atomic' }],
    qosClass: ['string', 9, 'Quality of service class derived from the resource settings.', { enum: ['BestEffort', 'Burstable', 'Guaranteed'] }],
    ephemeralContainerStatuses: ['[]ContainerStatus', 13, 'Status of each ephemeral container.', { list: 'atomic' }],
    resize: ['string', 14, 'Deprecated progress of an in-place resize; conditions replace it.'],
    resourceClaimStatuses: ['[]PodResourceClaimStatus', 15, 'Names of the ResourceClaims made for the pod\'s claim templates.', { list: 'map', keys: ['name'], patch: 'merge,retainKeys', mergeKey: 'name' }],
  });

  g.struct('PodCondition', 'One aspect of a pod\'s state.', {
    type: ['string', 1, 'Which aspect: PodScheduled, Initialized, ContainersReady, Ready, and others.', { required: true }],
    observedGeneration: ['int64', 7, 'The pod generation this condition was computed from.'],
    status: ['string', 2, 'True, False or Unknown.', { required: true }],
    lastProbeTime: ['Time', 3, 'When the condition was last checked.'],
    lastTransitionTime: ['Time', 4, 'When the status last changed.'],
    reason: ['string', 5, 'CamelCase reason for the last change.'],
    message: ['string', 6, 'Human-readable details about the last change.'],
  });

  g.struct('PodIP', 'One IP address of a pod.', {
    ip: ['string', 1, 'The address.', { required: true }],
  });

  g.struct('HostIP', 'One IP address of the node hosting a pod.', {
    ip: ['string', 1, 'The address.', { required: true }],
  });

  g.struct('PodDNSConfig', 'DNS resolver settings for a pod.', {
    nameservers: ['[]string', 1, 'Name server addresses added to those from dnsPolicy.', { list: 'atomic' }],
    searches: ['[]string', 2, 'Search domains added to those from dnsPolicy.', { list: 'atomic' }],
    options: ['[]PodDNSConfigOption', 3, 'Resolver options; these override same-named ones from dnsPolicy.', { list: 'atomic' }],
  });

  g.struct('PodDNSConfigOption', 'One resolver option.', {
    name: ['string', 1, 'Option name, such as ndots.'],
    value: ['string', 2, 'Option value, when it takes one.', { ptr: true }],
  });

  g.struct('PodOS', 'The operating system a pod is meant for.', {
    name: ['string', 1, 'linux or windows.', { required: true }],
  });

  g.struct('PodReadinessGate', 'An extra pod condition that readiness waits for.', {
    conditionType: ['string', 1, 'Condition type that must be True.', { required: true }],
  });

  g.struct('PodResourceClaim', 'A named dynamic resource claim the pod\'s containers can use.', {
    name: ['string', 1, 'Name containers use to refer to the claim.', { required: true }],
    resourceClaimName: ['string', 3, 'An existing ResourceClaim in the pod\'s namespace.', { ptr: true }],
    resourceClaimTemplateName: ['string', 4, 'A template from which a claim is made for this pod.', { ptr: true }],
  });

  g.struct('PodResourceClaimStatus', 'Which ResourceClaim was made for one of the pod\'s claim templates.', {
    name: ['string', 1, 'The pod claim this is about.', { required: true }],
    resourceClaimName: ['string', 2, 'Name of the generated ResourceClaim, once it exists.', { ptr: true }],
  });

  g.struct('PodSchedulingGate', 'A gate that holds a pod back from scheduling.', {
    name: ['string', 1, 'Name of the gate.', { required: true }],
  });

  g.struct('HostAlias', 'An /etc/hosts entry added to a pod.', {
    ip: ['string', 1, 'Address the names map to.', { required: true }],
    hostnames: ['[]string', 2, 'Host names for the address.', { list: 'atomic' }],
  });

  g.kind('PodTemplate', 'A stored pod template that other objects may copy.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    template: ['PodTemplateSpec', 2, 'The pod template.'],
  });
  listKind(g, 'PodTemplate', 'pod templates');

  g.struct('PodTemplateSpec', 'Metadata and spec for pods created from a template.', {
    metadata: ['ObjectMeta', 1, 'Metadata given to created pods.'],
    spec: ['PodSpec', 2, 'Spec given to created pods.'],
  });

  g.kind('Binding', 'Ties an object to another; used to assign a pod to a node.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    target: ['ObjectReference', 2, 'The object to bind to, such as a node.', { required: true }],
  });
});
