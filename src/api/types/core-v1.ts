/**
 * @module Types of io.k8s.api.core.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as intstr from './intstr.js';
import type * as metaV1 from './meta-v1.js';
import type * as resource from './resource.js';

/** A group of containers scheduled together onto one node, sharing network and volumes. */
export interface Pod {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Pod';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** What the pod should run and how. */
  spec?: PodSpec;
  /** What the kubelet last reported about the pod. */
  status?: PodStatus;
}

/** A list of pods. */
export interface PodList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PodList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The pods. */
  items: Pod[];
}

/** The desired contents and placement of a pod. */
export interface PodSpec {
  /** Volumes the containers may mount. */
  volumes?: Volume[];
  /** Containers run one after another to completion before the main ones start. */
  initContainers?: Container[];
  /** The main containers; at least one. */
  containers: Container[];
  /** Debugging containers added later through the ephemeralcontainers subresource. */
  ephemeralContainers?: EphemeralContainer[];
  /** When containers are restarted: Always, OnFailure or Never. */
  restartPolicy?: 'Always' | 'Never' | 'OnFailure';
  /** Seconds between the stop signal and the kill on deletion; 30 when unset. */
  terminationGracePeriodSeconds?: number;
  /** Seconds the pod may be active before the kubelet fails it. */
  activeDeadlineSeconds?: number;
  /** How the pod resolves names: ClusterFirst, ClusterFirstWithHostNet, Default or None. */
  dnsPolicy?: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';
  /** Labels a node must carry for the pod to be placed on it. */
  nodeSelector?: { [key: string]: string };
  /** Service account whose identity the pod runs with. */
  serviceAccountName?: string;
  /** Deprecated alias of serviceAccountName. */
  serviceAccount?: string;
  /** Whether an API token is mounted into the containers. */
  automountServiceAccountToken?: boolean;
  /** Node the pod is bound to; set by the scheduler, or directly to bypass it. */
  nodeName?: string;
  /** Uses the node's network namespace. */
  hostNetwork?: boolean;
  /** Uses the node's process namespace. */
  hostPID?: boolean;
  /** Uses the node's IPC namespace. */
  hostIPC?: boolean;
  /** Puts all containers of the pod in one process namespace. */
  shareProcessNamespace?: boolean;
  /** Pod-wide security settings. */
  securityContext?: PodSecurityContext;
  /** Secrets holding registry credentials for pulling the images. */
  imagePullSecrets?: LocalObjectReference[];
  /** Host name inside the pod; the pod name when empty. */
  hostname?: string;
  /** Subdomain giving the pod a DNS name under a headless service. */
  subdomain?: string;
  /** Scheduling preferences and constraints relative to nodes and other pods. */
  affinity?: Affinity;
  /** Scheduler responsible for the pod; default-scheduler when empty. */
  schedulerName?: string;
  /** Node taints the pod accepts. */
  tolerations?: Toleration[];
  /** Extra entries written to the pod's /etc/hosts. */
  hostAliases?: HostAlias[];
  /** PriorityClass that decides the pod's priority. */
  priorityClassName?: string;
  /** Priority value, filled in from priorityClassName by admission. */
  priority?: number;
  /** DNS settings merged into those dnsPolicy produces. */
  dnsConfig?: PodDNSConfig;
  /** Extra conditions that must be true for the pod to count as ready. */
  readinessGates?: PodReadinessGate[];
  /** RuntimeClass choosing the container runtime handler. */
  runtimeClassName?: string;
  /** Whether service environment variables are injected; true when unset. */
  enableServiceLinks?: boolean;
  /** Whether the pod may preempt lower-priority pods: PreemptLowerPriority or Never. */
  preemptionPolicy?: 'Never' | 'PreemptLowerPriority';
  /** Resources the runtime itself consumes for this pod, set from the RuntimeClass. */
  overhead?: { [key: string]: resource.Quantity };
  /** How matching pods should be spread across topology domains. */
  topologySpreadConstraints?: TopologySpreadConstraint[];
  /** Sets the kernel host name to the fully qualified domain name. */
  setHostnameAsFQDN?: boolean;
  /** Operating system the pod needs. */
  os?: PodOS;
  /** Uses the host user namespace; false asks for a private one. */
  hostUsers?: boolean;
  /** Gates that keep the pod out of scheduling until all are removed. */
  schedulingGates?: PodSchedulingGate[];
  /** Dynamically allocated resources the pod needs. */
  resourceClaims?: PodResourceClaim[];
  /** Pod-wide resource requests and limits shared by its containers. */
  resources?: ResourceRequirements;
}

/** What is known about a pod right now. */
export interface PodStatus {
  /** The pod generation the kubelet last acted on. */
  observedGeneration?: number;
  /** Coarse lifecycle stage: Pending, Running, Succeeded, Failed or Unknown. */
  phase?: 'Failed' | 'Pending' | 'Running' | 'Succeeded' | 'Unknown';
  /** Detailed state such as scheduled, initialized and ready. */
  conditions?: PodCondition[];
  /** Human-readable note on why the pod is in its state. */
  message?: string;
  /** Short CamelCase reason for the state, e.g. Evicted. */
  reason?: string;
  /** Node the pod is expected to land on after preempting others there. */
  nominatedNodeName?: string;
  /** Primary IP address of the node the pod runs on. */
  hostIP?: string;
  /** All IP addresses of the node, primary first. */
  hostIPs?: HostIP[];
  /** Primary IP address of the pod. */
  podIP?: string;
  /** All IP addresses of the pod, one per family, primary first. */
  podIPs?: PodIP[];
  /** When the kubelet accepted the pod, before images were pulled. */
  startTime?: metaV1.Time;
  /** Status of each init container. */
  initContainerStatuses?: ContainerStatus[];
  /** Status of each main container. */
  containerStatuses?: ContainerStatus[];
  /** Quality of service class derived from the resource settings. */
  qosClass?: 'BestEffort' | 'Burstable' | 'Guaranteed';
  /** Status of each ephemeral container. */
  ephemeralContainerStatuses?: ContainerStatus[];
  /** Deprecated progress of an in-place resize; conditions replace it. */
  resize?: string;
  /** Names of the ResourceClaims made for the pod's claim templates. */
  resourceClaimStatuses?: PodResourceClaimStatus[];
}

/** One aspect of a pod's state. */
export interface PodCondition {
  /** Which aspect: PodScheduled, Initialized, ContainersReady, Ready, and others. */
  type: string;
  /** The pod generation this condition was computed from. */
  observedGeneration?: number;
  /** True, False or Unknown. */
  status: string;
  /** When the condition was last checked. */
  lastProbeTime?: metaV1.Time;
  /** When the status last changed. */
  lastTransitionTime?: metaV1.Time;
  /** CamelCase reason for the last change. */
  reason?: string;
  /** Human-readable details about the last change. */
  message?: string;
}

/** One IP address of a pod. */
export interface PodIP {
  /** The address. */
  ip: string;
}

/** One IP address of the node hosting a pod. */
export interface HostIP {
  /** The address. */
  ip: string;
}

/** DNS resolver settings for a pod. */
export interface PodDNSConfig {
  /** Name server addresses added to those from dnsPolicy. */
  nameservers?: string[];
  /** Search domains added to those from dnsPolicy. */
  searches?: string[];
  /** Resolver options; these override same-named ones from dnsPolicy. */
  options?: PodDNSConfigOption[];
}

/** One resolver option. */
export interface PodDNSConfigOption {
  /** Option name, such as ndots. */
  name?: string;
  /** Option value, when it takes one. */
  value?: string;
}

/** The operating system a pod is meant for. */
export interface PodOS {
  /** linux or windows. */
  name: string;
}

/** An extra pod condition that readiness waits for. */
export interface PodReadinessGate {
  /** Condition type that must be True. */
  conditionType: string;
}

/** A named dynamic resource claim the pod's containers can use. */
export interface PodResourceClaim {
  /** Name containers use to refer to the claim. */
  name: string;
  /** An existing ResourceClaim in the pod's namespace. */
  resourceClaimName?: string;
  /** A template from which a claim is made for this pod. */
  resourceClaimTemplateName?: string;
}

/** Which ResourceClaim was made for one of the pod's claim templates. */
export interface PodResourceClaimStatus {
  /** The pod claim this is about. */
  name: string;
  /** Name of the generated ResourceClaim, once it exists. */
  resourceClaimName?: string;
}

/** A gate that holds a pod back from scheduling. */
export interface PodSchedulingGate {
  /** Name of the gate. */
  name: string;
}

/** An /etc/hosts entry added to a pod. */
export interface HostAlias {
  /** Address the names map to. */
  ip: string;
  /** Host names for the address. */
  hostnames?: string[];
}

/** A stored pod template that other objects may copy. */
export interface PodTemplate {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PodTemplate';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The pod template. */
  template?: PodTemplateSpec;
}

/** A list of pod templates. */
export interface PodTemplateList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PodTemplateList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The pod templates. */
  items: PodTemplate[];
}

/** Metadata and spec for pods created from a template. */
export interface PodTemplateSpec {
  /** Metadata given to created pods. */
  metadata?: metaV1.ObjectMeta;
  /** Spec given to created pods. */
  spec?: PodSpec;
}

/** Ties an object to another; used to assign a pod to a node. */
export interface Binding {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Binding';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The object to bind to, such as a node. */
  target: ObjectReference;
}

/** One application container of a pod. */
export interface Container {
  /** DNS label naming the container, unique within the pod. */
  name: string;
  /** Container image reference to run. */
  image?: string;
  /** Replaces the image entrypoint; $(VAR) references are expanded. */
  command?: string[];
  /** Replaces the image arguments; $(VAR) references are expanded. */
  args?: string[];
  /** Directory the process starts in; the image default when empty. */
  workingDir?: string;
  /** Ports the container exposes, mostly informational. */
  ports?: ContainerPort[];
  /** Sources whose keys all become environment variables. */
  envFrom?: EnvFromSource[];
  /** Variables added to the process environment, by name. */
  env?: EnvVar[];
  /** Compute resources requested and limited for the container. */
  resources?: ResourceRequirements;
  /** Whether resizing each resource needs a container restart. */
  resizePolicy?: ContainerResizePolicy[];
  /** Only Always, for init containers that keep running as sidecars. */
  restartPolicy?: 'Always';
  /** Pod volumes mounted into the container filesystem. */
  volumeMounts?: VolumeMount[];
  /** Raw block volumes exposed to the container as devices. */
  volumeDevices?: VolumeDevice[];
  /** Check whose failure makes the kubelet restart the container. */
  livenessProbe?: Probe;
  /** Check deciding whether the container receives service traffic. */
  readinessProbe?: Probe;
  /** Check that must succeed before the other probes begin. */
  startupProbe?: Probe;
  /** Hooks run after start and before stop. */
  lifecycle?: Lifecycle;
  /** File whose contents become the termination message. */
  terminationMessagePath?: string;
  /** Where the termination message comes from: File, or FallbackToLogsOnError. */
  terminationMessagePolicy?: 'FallbackToLogsOnError' | 'File';
  /** When the image is pulled: Always, IfNotPresent or Never. */
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /** Privileges and isolation settings for this container. */
  securityContext?: SecurityContext;
  /** Keeps a stdin buffer open for attach. */
  stdin?: boolean;
  /** Closes stdin after the first attach session ends. */
  stdinOnce?: boolean;
  /** Allocates a terminal; needs stdin too. */
  tty?: boolean;
}

/** A temporary container added to a running pod, for debugging. */
export interface EphemeralContainer {
  /** DNS label naming the container, unique within the pod. */
  name: string;
  /** Container image reference to run. */
  image?: string;
  /** Replaces the image entrypoint; $(VAR) references are expanded. */
  command?: string[];
  /** Replaces the image arguments; $(VAR) references are expanded. */
  args?: string[];
  /** Directory the process starts in; the image default when empty. */
  workingDir?: string;
  /** Ports the container exposes, mostly informational. */
  ports?: ContainerPort[];
  /** Sources whose keys all become environment variables. */
  envFrom?: EnvFromSource[];
  /** Variables added to the process environment, by name. */
  env?: EnvVar[];
  /** Compute resources requested and limited for the container. */
  resources?: ResourceRequirements;
  /** Whether resizing each resource needs a container restart. */
  resizePolicy?: ContainerResizePolicy[];
  /** Only Always, for init containers that keep running as sidecars. */
  restartPolicy?: 'Always';
  /** Pod volumes mounted into the container filesystem. */
  volumeMounts?: VolumeMount[];
  /** Raw block volumes exposed to the container as devices. */
  volumeDevices?: VolumeDevice[];
  /** Check whose failure makes the kubelet restart the container. */
  livenessProbe?: Probe;
  /** Check deciding whether the container receives service traffic. */
  readinessProbe?: Probe;
  /** Check that must succeed before the other probes begin. */
  startupProbe?: Probe;
  /** Hooks run after start and before stop. */
  lifecycle?: Lifecycle;
  /** File whose contents become the termination message. */
  terminationMessagePath?: string;
  /** Where the termination message comes from: File, or FallbackToLogsOnError. */
  terminationMessagePolicy?: 'FallbackToLogsOnError' | 'File';
  /** When the image is pulled: Always, IfNotPresent or Never. */
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /** Privileges and isolation settings for this container. */
  securityContext?: SecurityContext;
  /** Keeps a stdin buffer open for attach. */
  stdin?: boolean;
  /** Closes stdin after the first attach session ends. */
  stdinOnce?: boolean;
  /** Allocates a terminal; needs stdin too. */
  tty?: boolean;
  /** Container whose process namespace this one joins, when the runtime supports it. */
  targetContainerName?: string;
}

/** A network port of a container. */
export interface ContainerPort {
  /** IANA service name for the port, unique in the pod; services may refer to it. */
  name?: string;
  /** Port opened on the node and forwarded to this one; rarely needed. */
  hostPort?: number;
  /** Port number on the pod IP. */
  containerPort: number;
  /** TCP, UDP or SCTP. */
  protocol?: 'SCTP' | 'TCP' | 'UDP';
  /** Node address the host port binds to. */
  hostIP?: string;
}

/** One environment variable. */
export interface EnvVar {
  /** Variable name. */
  name: string;
  /** Literal value; $(VAR) references to earlier variables are expanded. */
  value?: string;
  /** Where to read the value from, instead of a literal. */
  valueFrom?: EnvVarSource;
}

/** Where an environment variable's value comes from; exactly one source. */
export interface EnvVarSource {
  /** A field of the pod, such as metadata.name or status.podIP. */
  fieldRef?: ObjectFieldSelector;
  /** A resource limit or request of a container. */
  resourceFieldRef?: ResourceFieldSelector;
  /** A key of a ConfigMap in the pod's namespace. */
  configMapKeyRef?: ConfigMapKeySelector;
  /** A key of a Secret in the pod's namespace. */
  secretKeyRef?: SecretKeySelector;
}

/** A ConfigMap or Secret whose keys all become environment variables. */
export interface EnvFromSource {
  /** Text prepended to every key to form the variable name. */
  prefix?: string;
  /** The ConfigMap to read. */
  configMapRef?: ConfigMapEnvSource;
  /** The Secret to read. */
  secretRef?: SecretEnvSource;
}

/** A ConfigMap imported whole into the environment. */
export interface ConfigMapEnvSource {
  /** Name of the ConfigMap. */
  name?: string;
  /** Tolerates a missing ConfigMap when true. */
  optional?: boolean;
}

/** A Secret imported whole into the environment. */
export interface SecretEnvSource {
  /** Name of the Secret. */
  name?: string;
  /** Tolerates a missing Secret when true. */
  optional?: boolean;
}

/** One key of a ConfigMap. */
export interface ConfigMapKeySelector {
  /** Name of the ConfigMap. */
  name?: string;
  /** The key to read. */
  key: string;
  /** Tolerates a missing ConfigMap or key when true. */
  optional?: boolean;
}

/** One key of a Secret. */
export interface SecretKeySelector {
  /** Name of the Secret. */
  name?: string;
  /** Which entry of the Secret to read. */
  key: string;
  /** Tolerates a missing Secret or key when true. */
  optional?: boolean;
}

/** A field of an object, addressed by path. */
export interface ObjectFieldSelector {
  /** Schema version the path is written against; v1 when empty. */
  apiVersion?: string;
  /** Path of the field to read. */
  fieldPath: string;
}

/** A container resource limit or request, scaled by a divisor. */
export interface ResourceFieldSelector {
  /** Which container's resources to read; must be given in volumes, defaults to the current one in env. */
  containerName?: string;
  /** The resource, such as limits.cpu or requests.memory. */
  resource: string;
  /** Unit the value is expressed in; 1 when unset. */
  divisor?: resource.Quantity;
}

/** Compute resources a container asks for and may not exceed. */
export interface ResourceRequirements {
  /** Most of each resource the container may use. */
  limits?: { [key: string]: resource.Quantity };
  /** Amount of each resource reserved for scheduling; defaults to the limit. */
  requests?: { [key: string]: resource.Quantity };
  /** Dynamically allocated resources, by pod claim name, this container uses. */
  claims?: ResourceClaim[];
}

/** Use of one of the pod's resource claims by a container. */
export interface ResourceClaim {
  /** Name of an entry in the pod's resourceClaims. */
  name: string;
  /** Single request within the claim to use; the whole claim when empty. */
  request?: string;
}

/** Where a pod volume appears inside a container. */
export interface VolumeMount {
  /** Name of the pod volume. */
  name: string;
  /** Mounts read-only when true. */
  readOnly?: boolean;
  /** Whether read-only applies to submounts too: Disabled, IfPossible or Enabled. */
  recursiveReadOnly?: string;
  /** Path in the container; may not contain a colon. */
  mountPath: string;
  /** Path inside the volume to mount instead of its root. */
  subPath?: string;
  /** How mounts propagate between host and container: None, HostToContainer or Bidirectional. */
  mountPropagation?: 'Bidirectional' | 'HostToContainer' | 'None';
  /** Like subPath, with $(VAR) expanded from the container environment. */
  subPathExpr?: string;
}

/** Where a raw block volume appears inside a container. */
export interface VolumeDevice {
  /** Name of a persistentVolumeClaim volume of the pod. */
  name: string;
  /** Device path in the container. */
  devicePath: string;
}

/** Whether changing one resource needs a restart. */
export interface ContainerResizePolicy {
  /** cpu or memory. */
  resourceName: string;
  /** NotRequired or RestartContainer. */
  restartPolicy: string;
}

/** The observed state of one container of a pod. */
export interface ContainerStatus {
  /** Name of the container, as in the pod spec. */
  name: string;
  /** What the container is doing now. */
  state?: ContainerState;
  /** How the previous run of the container ended, if it restarted. */
  lastState?: ContainerState;
  /** Whether the container passes its readiness checks. */
  ready: boolean;
  /** How many times the container has been restarted. */
  restartCount: number;
  /** Image the container runs, as the runtime names it. */
  image: string;
  /** Digest-qualified ID of the image. */
  imageID: string;
  /** Runtime ID of the container, as <runtime>://<id>. */
  containerID?: string;
  /** Whether the container has passed its startup probe (or has none) and is running. */
  started?: boolean;
  /** Resources the node has set aside for the container. */
  allocatedResources?: { [key: string]: resource.Quantity };
  /** Requests and limits actually applied to the running container. */
  resources?: ResourceRequirements;
  /** State of the container's volume mounts. */
  volumeMounts?: VolumeMountStatus[];
  /** Identity the first process of the container runs with. */
  user?: ContainerUser;
  /** Health of the devices allocated to the container. */
  allocatedResourcesStatus?: ResourceStatus[];
  /** Signal that will be sent to stop the container. */
  stopSignal?: string;
}

/** Exactly one of waiting, running or terminated; waiting when none is set. */
export interface ContainerState {
  /** Details while the container is not yet running. */
  waiting?: ContainerStateWaiting;
  /** Details while the container runs. */
  running?: ContainerStateRunning;
  /** Details once the container has exited. */
  terminated?: ContainerStateTerminated;
}

/** A container that has not started yet. */
export interface ContainerStateWaiting {
  /** Why it is waiting, e.g. ContainerCreating or ImagePullBackOff. */
  reason?: string;
  /** Human-readable details. */
  message?: string;
}

/** A running container. */
export interface ContainerStateRunning {
  /** When the container last started. */
  startedAt?: metaV1.Time;
}

/** A container that has exited. */
export interface ContainerStateTerminated {
  /** Exit status of the last run. */
  exitCode: number;
  /** Signal that ended the last run, if any. */
  signal?: number;
  /** Why it ended, e.g. Completed, Error or OOMKilled. */
  reason?: string;
  /** Human-readable details, such as the termination message. */
  message?: string;
  /** When the last run started. */
  startedAt?: metaV1.Time;
  /** When the last run ended. */
  finishedAt?: metaV1.Time;
  /** Runtime ID of the exited container. */
  containerID?: string;
}

/** The identity a container process runs with, per operating system. */
export interface ContainerUser {
  /** The Linux identity. */
  linux?: LinuxContainerUser;
}

/** Linux user and groups of a container process. */
export interface LinuxContainerUser {
  /** User ID. */
  uid: number;
  /** Primary group ID. */
  gid: number;
  /** Supplementary group IDs. */
  supplementalGroups?: number[];
}

/** The state of one volume mount. */
export interface VolumeMountStatus {
  /** Name of the mounted volume. */
  name: string;
  /** Where it is mounted in the container. */
  mountPath: string;
  /** Whether it is mounted read-only. */
  readOnly?: boolean;
  /** Whether submounts are read-only too: Disabled or Enabled. */
  recursiveReadOnly?: string;
}

/** Health of the devices behind one resource of a container. */
export interface ResourceStatus {
  /** Resource name, as in the container's requests or claims. */
  name: string;
  /** One entry per allocated device. */
  resources?: ResourceHealth[];
}

/** Health of one allocated device. */
export interface ResourceHealth {
  /** Identifier of the device. */
  resourceID: string;
  /** Healthy, Unhealthy or Unknown. */
  health?: string;
}

/** A periodic health check of a container, and how its results are judged. */
export interface Probe {
  /** Run a command in the container; exit status 0 passes. */
  exec?: ExecAction;
  /** Send an HTTP GET; a 2xx or 3xx status passes. */
  httpGet?: HTTPGetAction;
  /** Open a TCP connection; connecting passes. */
  tcpSocket?: TCPSocketAction;
  /** Call the gRPC health checking service. */
  grpc?: GRPCAction;
  /** Seconds after container start before the first check. */
  initialDelaySeconds?: number;
  /** Seconds a single check may take; 1 when unset. */
  timeoutSeconds?: number;
  /** Seconds between checks; 10 when unset. */
  periodSeconds?: number;
  /** Consecutive passes needed after a failure; must be 1 except for readiness. */
  successThreshold?: number;
  /** Consecutive failures that count as failed; 3 when unset. */
  failureThreshold?: number;
  /** Grace period used when a failing probe kills the container, overriding the pod's. */
  terminationGracePeriodSeconds?: number;
}

/** A command run inside the container. */
export interface ExecAction {
  /** Argument vector run directly, without a shell. */
  command?: string[];
}

/** An HTTP GET request against the container. */
export interface HTTPGetAction {
  /** Request path. */
  path?: string;
  /** Port number or named container port. */
  port: intstr.IntOrString;
  /** Host to connect to; the pod IP when empty. */
  host?: string;
  /** HTTP or HTTPS. */
  scheme?: 'HTTP' | 'HTTPS';
  /** Extra request headers. */
  httpHeaders?: HTTPHeader[];
}

/** One HTTP header. */
export interface HTTPHeader {
  /** Header name; normalised on output. */
  name: string;
  /** Header value. */
  value: string;
}

/** A TCP connection attempt against the container. */
export interface TCPSocketAction {
  /** Port number or named container port. */
  port: intstr.IntOrString;
  /** Host to connect to; the pod IP when empty. */
  host?: string;
}

/** A call to the standard gRPC health service. */
export interface GRPCAction {
  /** Port the gRPC server listens on. */
  port: number;
  /** Service name passed in the health request; empty asks about the server. */
  service?: string;
}

/** A pause of fixed length. */
export interface SleepAction {
  /** How long to sleep. */
  seconds: number;
}

/** Actions the kubelet takes around container start and stop. */
export interface Lifecycle {
  /** Runs right after the container is created; failure restarts it. */
  postStart?: LifecycleHandler;
  /** Runs before the container is stopped, within the grace period. */
  preStop?: LifecycleHandler;
  /** Signal sent to stop the container, overriding the image default. */
  stopSignal?: string;
}

/** One lifecycle action; exactly one kind is set. */
export interface LifecycleHandler {
  /** Run a command in the container. */
  exec?: ExecAction;
  /** Send an HTTP GET. */
  httpGet?: HTTPGetAction;
  /** Deprecated TCP check, kept for compatibility. */
  tcpSocket?: TCPSocketAction;
  /** Wait a while. */
  sleep?: SleepAction;
}

/** Security settings applied to every container of a pod and to its volumes. */
export interface PodSecurityContext {
  /** SELinux label given to all containers unless they set their own. */
  seLinuxOptions?: SELinuxOptions;
  /** Windows-specific settings for all containers. */
  windowsOptions?: WindowsSecurityContextOptions;
  /** User ID the container processes run as, overriding the image. */
  runAsUser?: number;
  /** Primary group ID the container processes run as. */
  runAsGroup?: number;
  /** When true, the kubelet refuses to start a container that would run as UID 0. */
  runAsNonRoot?: boolean;
  /** Extra group IDs given to the first process of each container. */
  supplementalGroups?: number[];
  /** How supplementary groups are computed: Merge with the image's, or Strict. */
  supplementalGroupsPolicy?: 'Merge' | 'Strict';
  /** Group that owns supported volumes and is added to every container. */
  fsGroup?: number;
  /** Namespaced kernel parameters set for the pod. */
  sysctls?: Sysctl[];
  /** When volume ownership is changed to fsGroup: Always or OnRootMismatch. */
  fsGroupChangePolicy?: 'Always' | 'OnRootMismatch';
  /** Seccomp filter for all containers unless they set their own. */
  seccompProfile?: SeccompProfile;
  /** AppArmor profile for all containers unless they set their own. */
  appArmorProfile?: AppArmorProfile;
  /** How volumes get their SELinux label: Recursive relabel or MountOption. */
  seLinuxChangePolicy?: string;
}

/** Security settings for one container; they win over the pod-level ones. */
export interface SecurityContext {
  /** Linux capabilities to add to or drop from the runtime default. */
  capabilities?: Capabilities;
  /** Runs the container with host-root equivalent privileges. */
  privileged?: boolean;
  /** SELinux label of the container. */
  seLinuxOptions?: SELinuxOptions;
  /** Windows-specific settings. */
  windowsOptions?: WindowsSecurityContextOptions;
  /** User ID the process runs as. */
  runAsUser?: number;
  /** Primary group ID the process runs as. */
  runAsGroup?: number;
  /** When true, refuse to start the container as UID 0. */
  runAsNonRoot?: boolean;
  /** Mounts the root filesystem read-only. */
  readOnlyRootFilesystem?: boolean;
  /** Whether a process may gain more privileges than its parent (no_new_privs off). */
  allowPrivilegeEscalation?: boolean;
  /** Which /proc masking to use: Default or Unmasked. */
  procMount?: 'Default' | 'Unmasked';
  /** Seccomp filter of the container. */
  seccompProfile?: SeccompProfile;
  /** AppArmor profile of the container. */
  appArmorProfile?: AppArmorProfile;
}

/** An SELinux label. */
export interface SELinuxOptions {
  /** SELinux user part. */
  user?: string;
  /** SELinux role part. */
  role?: string;
  /** SELinux type part. */
  type?: string;
  /** SELinux level part. */
  level?: string;
}

/** Which seccomp filter applies. */
export interface SeccompProfile {
  /** Localhost (a file on the node), RuntimeDefault or Unconfined. */
  type: 'Localhost' | 'RuntimeDefault' | 'Unconfined';
  /** Profile file relative to the kubelet seccomp directory; only with Localhost. */
  localhostProfile?: string;
}

/** Which AppArmor profile applies. */
export interface AppArmorProfile {
  /** Localhost (a profile loaded on the node), RuntimeDefault or Unconfined. */
  type: 'Localhost' | 'RuntimeDefault' | 'Unconfined';
  /** Name of the loaded profile; only with Localhost. */
  localhostProfile?: string;
}

/** Linux capabilities added to and removed from a container. */
export interface Capabilities {
  /** Capabilities to add. */
  add?: string[];
  /** Capabilities to remove. */
  drop?: string[];
}

/** One kernel parameter. */
export interface Sysctl {
  /** Parameter name. */
  name: string;
  /** Parameter value. */
  value: string;
}

/** Security settings that only apply on Windows nodes. */
export interface WindowsSecurityContextOptions {
  /** Names a GMSACredentialSpec object to load the spec from. */
  gmsaCredentialSpecName?: string;
  /** Inlined GMSA credential spec contents. */
  gmsaCredentialSpec?: string;
  /** Windows user name the entrypoint runs as. */
  runAsUserName?: string;
  /** Runs the container as a Windows host process. */
  hostProcess?: boolean;
}

/** Where a pod prefers or needs to run, relative to nodes and to other pods. */
export interface Affinity {
  /** Rules about node labels. */
  nodeAffinity?: NodeAffinity;
  /** Rules for running near certain pods. */
  podAffinity?: PodAffinity;
  /** Rules for staying away from certain pods. */
  podAntiAffinity?: PodAntiAffinity;
}

/** Hard and soft placement rules based on node labels. */
export interface NodeAffinity {
  /** Nodes that do not match are never chosen; later label changes are ignored. */
  requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector;
  /** Weighted preferences added to a node's score when they match. */
  preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[];
}

/** Rules for co-locating a pod with other pods in a topology domain. */
export interface PodAffinity {
  /** Terms every candidate node's domain must satisfy. */
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
  /** Weighted terms that raise the score of domains satisfying them. */
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[];
}

/** Rules for keeping a pod out of topology domains that hold certain pods. */
export interface PodAntiAffinity {
  /** Terms no candidate node's domain may satisfy. */
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
  /** Weighted terms that lower the score of domains satisfying them. */
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[];
}

/** A set of pods, and the topology key that defines "near" them. */
export interface PodAffinityTerm {
  /** Labels of the pods this term is about. */
  labelSelector?: metaV1.LabelSelector;
  /** Namespaces searched for those pods; the pod's own when empty. */
  namespaces?: string[];
  /** Node label whose value defines a domain, e.g. kubernetes.io/hostname. */
  topologyKey: string;
  /** Labels of further namespaces to search; empty selects all. */
  namespaceSelector?: metaV1.LabelSelector;
  /** Label keys whose values are copied from the incoming pod into the selector. */
  matchLabelKeys?: string[];
  /** Label keys whose incoming pod values the matched pods must not share. */
  mismatchLabelKeys?: string[];
}

/** A pod affinity term with a weight. */
export interface WeightedPodAffinityTerm {
  /** Score added when the term matches, 1 to 100. */
  weight: number;
  /** The term. */
  podAffinityTerm: PodAffinityTerm;
}

/** A node filter: it matches when any of its terms does. */
export interface NodeSelector {
  /** Alternatives, combined with OR. */
  nodeSelectorTerms: NodeSelectorTerm[];
}

/** Requirements on a node that must all hold; an empty term matches nothing. */
export interface NodeSelectorTerm {
  /** Requirements on node labels. */
  matchExpressions?: NodeSelectorRequirement[];
  /** Requirements on node fields (only metadata.name). */
  matchFields?: NodeSelectorRequirement[];
}

/** One test of a node label or field against values. */
export interface NodeSelectorRequirement {
  /** The label key or field path. */
  key: string;
  /** In, NotIn, Exists, DoesNotExist, Gt or Lt. */
  operator: 'DoesNotExist' | 'Exists' | 'Gt' | 'In' | 'Lt' | 'NotIn';
  /** Values to compare with; a single integer for Gt and Lt, none for the existence tests. */
  values?: string[];
}

/** A node selector term with a weight. */
export interface PreferredSchedulingTerm {
  /** Score added when the term matches, 1 to 100. */
  weight: number;
  /** The term. */
  preference: NodeSelectorTerm;
}

/** Lets a pod be placed on (or stay on) nodes with a matching taint. */
export interface Toleration {
  /** Taint key it tolerates; empty with Exists tolerates every taint. */
  key?: string;
  /** Equal (values must match) or Exists (any value). */
  operator?: 'Equal' | 'Exists';
  /** Taint value to match with Equal. */
  value?: string;
  /** Taint effect it tolerates; every effect when empty. */
  effect?: 'NoExecute' | 'NoSchedule' | 'PreferNoSchedule';
  /** For NoExecute: how long the pod may stay after the taint appears. */
  tolerationSeconds?: number;
}

/** A mark on a node that repels pods which do not tolerate it. */
export interface Taint {
  /** Taint key. */
  key: string;
  /** Taint value. */
  value?: string;
  /** NoSchedule, PreferNoSchedule or NoExecute. */
  effect: 'NoExecute' | 'NoSchedule' | 'PreferNoSchedule';
  /** When a NoExecute taint was added. */
  timeAdded?: metaV1.Time;
}

/** How evenly matching pods must be spread over a topology. */
export interface TopologySpreadConstraint {
  /** Largest allowed difference in matching pod counts between domains. */
  maxSkew: number;
  /** Node label whose values define the domains. */
  topologyKey: string;
  /** DoNotSchedule to refuse, ScheduleAnyway to only prefer. */
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  /** Which pods are counted. */
  labelSelector?: metaV1.LabelSelector;
  /** Minimum number of eligible domains assumed when computing skew. */
  minDomains?: number;
  /** Whether the pod's node affinity limits the domains counted: Honor or Ignore. */
  nodeAffinityPolicy?: 'Honor' | 'Ignore';
  /** Whether node taints limit the domains counted: Honor or Ignore. */
  nodeTaintsPolicy?: 'Honor' | 'Ignore';
  /** Label keys whose values are copied from the incoming pod into the selector. */
  matchLabelKeys?: string[];
}

/** A topology filter; its requirements must all hold. */
export interface TopologySelectorTerm {
  /** Requirements on topology labels. */
  matchLabelExpressions?: TopologySelectorLabelRequirement[];
}

/** A topology label and the values it may take. */
export interface TopologySelectorLabelRequirement {
  /** The label key. */
  key: string;
  /** Accepted values. */
  values: string[];
}

/** A named volume the containers of a pod may mount; exactly one source is set. */
export interface Volume {
  /** DNS label naming the volume, unique in the pod. */
  name: string;
  /** A file or directory of the node; for system agents only. */
  hostPath?: HostPathVolumeSource;
  /** A fresh directory that lives as long as the pod. */
  emptyDir?: EmptyDirVolumeSource;
  /** Deprecated GCE persistent disk; handled by CSI now. */
  gcePersistentDisk?: GCEPersistentDiskVolumeSource;
  /** Deprecated AWS EBS disk; handled by CSI now. */
  awsElasticBlockStore?: AWSElasticBlockStoreVolumeSource;
  /** Deprecated: a directory cloned from a git repository. */
  gitRepo?: GitRepoVolumeSource;
  /** The keys of a Secret as files. */
  secret?: SecretVolumeSource;
  /** An NFS export. */
  nfs?: NFSVolumeSource;
  /** An iSCSI disk. */
  iscsi?: ISCSIVolumeSource;
  /** Removed Glusterfs volume; kept for compatibility. */
  glusterfs?: GlusterfsVolumeSource;
  /** The volume bound to a claim in the pod's namespace. */
  persistentVolumeClaim?: PersistentVolumeClaimVolumeSource;
  /** Deprecated Ceph RBD image. */
  rbd?: RBDVolumeSource;
  /** Deprecated volume provided by an exec-based plugin. */
  flexVolume?: FlexVolumeSource;
  /** Deprecated OpenStack Cinder volume; handled by CSI now. */
  cinder?: CinderVolumeSource;
  /** Deprecated CephFS mount. */
  cephfs?: CephFSVolumeSource;
  /** Deprecated Flocker dataset. */
  flocker?: FlockerVolumeSource;
  /** Pod fields and resource values as files. */
  downwardAPI?: DownwardAPIVolumeSource;
  /** A Fibre Channel disk. */
  fc?: FCVolumeSource;
  /** Deprecated Azure File share; handled by CSI now. */
  azureFile?: AzureFileVolumeSource;
  /** The keys of a ConfigMap as files. */
  configMap?: ConfigMapVolumeSource;
  /** Deprecated vSphere disk; handled by CSI now. */
  vsphereVolume?: VsphereVirtualDiskVolumeSource;
  /** Deprecated Quobyte volume. */
  quobyte?: QuobyteVolumeSource;
  /** Deprecated Azure data disk; handled by CSI now. */
  azureDisk?: AzureDiskVolumeSource;
  /** Deprecated Photon controller disk. */
  photonPersistentDisk?: PhotonPersistentDiskVolumeSource;
  /** Several secret, config, token and downward API sources in one directory. */
  projected?: ProjectedVolumeSource;
  /** Deprecated Portworx volume; handled by CSI now. */
  portworxVolume?: PortworxVolumeSource;
  /** Deprecated ScaleIO volume. */
  scaleIO?: ScaleIOVolumeSource;
  /** Deprecated StorageOS volume. */
  storageos?: StorageOSVolumeSource;
  /** An inline volume provided by a CSI driver. */
  csi?: CSIVolumeSource;
  /** A volume from a claim made for, and deleted with, the pod. */
  ephemeral?: EphemeralVolumeSource;
  /** The contents of an OCI image or artifact, read-only. */
  image?: ImageVolumeSource;
}

/** A path on the node mounted into the pod. */
export interface HostPathVolumeSource {
  /** Path on the node; a symlink is followed. */
  path: string;
  /** What must exist at the path, and whether to create it; no check when empty. */
  type?: '' | 'BlockDevice' | 'CharDevice' | 'Directory' | 'DirectoryOrCreate' | 'File' | 'FileOrCreate' | 'Socket';
}

/** A scratch directory created empty for the pod. */
export interface EmptyDirVolumeSource {
  /** Backing storage: empty for the node default, Memory for tmpfs. */
  medium?: string;
  /** Most the directory may hold before the pod is evicted. */
  sizeLimit?: resource.Quantity;
}

/** A Secret projected into files. */
export interface SecretVolumeSource {
  /** Name of the Secret in the pod's namespace. */
  secretName?: string;
  /** Which keys to project and where; all keys when empty. */
  items?: KeyToPath[];
  /** Permission bits given to the files, 0 to 0777; 0644 when unset. */
  defaultMode?: number;
  /** Tolerates a missing Secret or key when true. */
  optional?: boolean;
}

/** A ConfigMap projected into files. */
export interface ConfigMapVolumeSource {
  /** Name of the ConfigMap. */
  name?: string;
  /** Which keys to project and where; all keys when empty. */
  items?: KeyToPath[];
  /** Permission bits given to the files, 0 to 0777; 0644 when unset. */
  defaultMode?: number;
  /** Tolerates a missing ConfigMap or key when true. */
  optional?: boolean;
}

/** Maps one key of a ConfigMap or Secret to a file. */
export interface KeyToPath {
  /** The key. */
  key: string;
  /** Relative file path; may not contain .. or start with it. */
  path: string;
  /** Permission bits of this file, overriding the volume default. */
  mode?: number;
}

/** Pod information written to files. */
export interface DownwardAPIVolumeSource {
  /** The files to write. */
  items?: DownwardAPIVolumeFile[];
  /** Permission bits given to the files, 0 to 0777; 0644 when unset. */
  defaultMode?: number;
}

/** One file holding a pod field or resource value. */
export interface DownwardAPIVolumeFile {
  /** Relative file path. */
  path: string;
  /** A field of the pod: metadata name, namespace, uid, labels or annotations. */
  fieldRef?: ObjectFieldSelector;
  /** A container limit or request. */
  resourceFieldRef?: ResourceFieldSelector;
  /** Permission bits of this file. */
  mode?: number;
}

/** Several sources merged into one directory. */
export interface ProjectedVolumeSource {
  /** The sources, applied in order. */
  sources?: VolumeProjection[];
  /** Permission bits given to the files, 0 to 0777; 0644 when unset. */
  defaultMode?: number;
}

/** One source of a projected volume; exactly one is set. */
export interface VolumeProjection {
  /** Keys of a Secret. */
  secret?: SecretProjection;
  /** Pod information. */
  downwardAPI?: DownwardAPIProjection;
  /** Keys of a ConfigMap. */
  configMap?: ConfigMapProjection;
  /** A bound service account token. */
  serviceAccountToken?: ServiceAccountTokenProjection;
  /** Certificates from ClusterTrustBundle objects. */
  clusterTrustBundle?: ClusterTrustBundleProjection;
}

/** Keys of a Secret within a projected volume. */
export interface SecretProjection {
  /** Name of the Secret. */
  name?: string;
  /** Which keys to project and where; all keys when empty. */
  items?: KeyToPath[];
  /** Tolerates a missing Secret or key when true. */
  optional?: boolean;
}

/** Keys of a ConfigMap within a projected volume. */
export interface ConfigMapProjection {
  /** Name of the ConfigMap. */
  name?: string;
  /** Which keys to project and where; all keys when empty. */
  items?: KeyToPath[];
  /** Tolerates a missing ConfigMap or key when true. */
  optional?: boolean;
}

/** Pod information within a projected volume. */
export interface DownwardAPIProjection {
  /** The files to write. */
  items?: DownwardAPIVolumeFile[];
}

/** A token for the pod's service account, refreshed by the kubelet. */
export interface ServiceAccountTokenProjection {
  /** Intended audience of the token; the API server when empty. */
  audience?: string;
  /** Requested lifetime; at least 600, one hour when unset. */
  expirationSeconds?: number;
  /** File path the token is written to. */
  path: string;
}

/** Certificates from one or more ClusterTrustBundles, concatenated into a file. */
export interface ClusterTrustBundleProjection {
  /** A single bundle by name; excludes signerName and labelSelector. */
  name?: string;
  /** Selects the bundles of this signer. */
  signerName?: string;
  /** Narrows the signer's bundles by label. */
  labelSelector?: metaV1.LabelSelector;
  /** Writes an empty file instead of failing when nothing matches. */
  optional?: boolean;
  /** Relative file path. */
  path: string;
}

/** A volume whose claim is created for the pod and removed with it. */
export interface EphemeralVolumeSource {
  /** Template for the claim, named <pod>-<volume>. */
  volumeClaimTemplate?: PersistentVolumeClaimTemplate;
}

/** Metadata and spec for a claim made from a pod's ephemeral volume. */
export interface PersistentVolumeClaimTemplate {
  /** Labels and annotations copied to the claim. */
  metadata?: metaV1.ObjectMeta;
  /** Spec copied to the claim unchanged. */
  spec: PersistentVolumeClaimSpec;
}

/** A reference to a claim in the pod's namespace. */
export interface PersistentVolumeClaimVolumeSource {
  /** Name of the claim. */
  claimName: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** An OCI image or artifact mounted read-only. */
export interface ImageVolumeSource {
  /** Image or artifact reference, as for a container image. */
  reference?: string;
  /** When it is pulled: Always, IfNotPresent or Never. */
  pullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
}

/** An inline volume served by a CSI driver for the pod's lifetime. */
export interface CSIVolumeSource {
  /** Name of the CSI driver. */
  driver: string;
  /** Requests a read-only volume. */
  readOnly?: boolean;
  /** Filesystem to mount, e.g. ext4; the driver decides when empty. */
  fsType?: string;
  /** Driver-specific settings. */
  volumeAttributes?: { [key: string]: string };
  /** Secret passed to the driver when it publishes the volume. */
  nodePublishSecretRef?: LocalObjectReference;
}

/** A Google Compute Engine persistent disk. */
export interface GCEPersistentDiskVolumeSource {
  /** Name of the disk in GCE. */
  pdName: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** Partition to mount; the whole disk when 0. */
  partition?: number;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** An AWS Elastic Block Store volume. */
export interface AWSElasticBlockStoreVolumeSource {
  /** ID of the EBS volume. */
  volumeID: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** Partition to mount; the whole volume when 0. */
  partition?: number;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** A directory populated with a git clone (deprecated). */
export interface GitRepoVolumeSource {
  /** Repository URL. */
  repository: string;
  /** Commit to check out. */
  revision?: string;
  /** Target directory name; . clones into the volume root. */
  directory?: string;
}

/** An NFS export. */
export interface NFSVolumeSource {
  /** Host name or address of the NFS server. */
  server: string;
  /** Exported path. */
  path: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** An iSCSI disk, attached to the node then mounted. */
export interface ISCSIVolumeSource {
  /** Target portal, IP or IP:port. */
  targetPortal: string;
  /** iSCSI qualified name of the target. */
  iqn: string;
  /** Logical unit number. */
  lun: number;
  /** iSCSI interface name; default (tcp) when unset. */
  iscsiInterface?: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** Further target portals. */
  portals?: string[];
  /** Uses CHAP authentication for discovery. */
  chapAuthDiscovery?: boolean;
  /** Uses CHAP authentication for the session. */
  chapAuthSession?: boolean;
  /** Secret holding the CHAP credentials. */
  secretRef?: LocalObjectReference;
  /** Custom initiator name, replacing the one derived from the interface. */
  initiatorName?: string;
}

/** An iSCSI disk, attached to the node then mounted, as a persistent volume source. */
export interface ISCSIPersistentVolumeSource {
  /** Target portal, IP or IP:port. */
  targetPortal: string;
  /** iSCSI qualified name of the target. */
  iqn: string;
  /** Logical unit number. */
  lun: number;
  /** iSCSI interface name; default (tcp) when unset. */
  iscsiInterface?: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** Further target portals. */
  portals?: string[];
  /** Uses CHAP authentication for discovery. */
  chapAuthDiscovery?: boolean;
  /** Uses CHAP authentication for the session. */
  chapAuthSession?: boolean;
  /** Secret holding the CHAP credentials. */
  secretRef?: SecretReference;
  /** Custom initiator name, replacing the one derived from the interface. */
  initiatorName?: string;
}

/** A Glusterfs mount (removed from Kubernetes). */
export interface GlusterfsVolumeSource {
  /** Endpoints object listing the Glusterfs servers. */
  endpoints: string;
  /** Glusterfs volume path. */
  path: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** A Glusterfs mount for a persistent volume (removed from Kubernetes). */
export interface GlusterfsPersistentVolumeSource {
  /** Endpoints object listing the Glusterfs servers. */
  endpoints: string;
  /** Glusterfs volume path. */
  path: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** Namespace of the endpoints object; the claim's when empty. */
  endpointsNamespace?: string;
}

/** A Ceph RADOS block device. */
export interface RBDVolumeSource {
  /** Ceph monitor addresses. */
  monitors: string[];
  /** RADOS image name. */
  image: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** RADOS pool; rbd when unset. */
  pool?: string;
  /** RADOS user; admin when unset. */
  user?: string;
  /** Keyring path; /etc/ceph/keyring when unset. */
  keyring?: string;
  /** Secret with the authentication key, replacing the keyring. */
  secretRef?: LocalObjectReference;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** A Ceph RADOS block device, as a persistent volume source. */
export interface RBDPersistentVolumeSource {
  /** Ceph monitor addresses. */
  monitors: string[];
  /** RADOS image name. */
  image: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** RADOS pool; rbd when unset. */
  pool?: string;
  /** RADOS user; admin when unset. */
  user?: string;
  /** Keyring path; /etc/ceph/keyring when unset. */
  keyring?: string;
  /** Secret with the authentication key, replacing the keyring. */
  secretRef?: SecretReference;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** A volume provided by an exec-based FlexVolume driver. */
export interface FlexVolumeSource {
  /** Name of the driver. */
  driver: string;
  /** Filesystem to mount; the driver default when empty. */
  fsType?: string;
  /** Secret passed to the driver. */
  secretRef?: LocalObjectReference;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** Extra driver options. */
  options?: { [key: string]: string };
}

/** A volume provided by an exec-based FlexVolume driver, as a persistent volume source. */
export interface FlexPersistentVolumeSource {
  /** Name of the driver. */
  driver: string;
  /** Filesystem to mount; the driver default when empty. */
  fsType?: string;
  /** Secret passed to the driver. */
  secretRef?: SecretReference;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** Extra driver options. */
  options?: { [key: string]: string };
}

/** An OpenStack Cinder volume. */
export interface CinderVolumeSource {
  /** ID of the Cinder volume. */
  volumeID: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** Secret with the OpenStack credentials. */
  secretRef?: LocalObjectReference;
}

/** An OpenStack Cinder volume, as a persistent volume source. */
export interface CinderPersistentVolumeSource {
  /** ID of the Cinder volume. */
  volumeID: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** Secret with the OpenStack credentials. */
  secretRef?: SecretReference;
}

/** A CephFS mount. */
export interface CephFSVolumeSource {
  /** Ceph monitor addresses. */
  monitors: string[];
  /** Path within CephFS to mount; / when unset. */
  path?: string;
  /** RADOS user; admin when unset. */
  user?: string;
  /** Path of the keyring file; /etc/ceph/user.secret when unset. */
  secretFile?: string;
  /** Secret with the authentication key, replacing the secret file. */
  secretRef?: LocalObjectReference;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** A CephFS mount, as a persistent volume source. */
export interface CephFSPersistentVolumeSource {
  /** Ceph monitor addresses. */
  monitors: string[];
  /** Path within CephFS to mount; / when unset. */
  path?: string;
  /** RADOS user; admin when unset. */
  user?: string;
  /** Path of the keyring file; /etc/ceph/user.secret when unset. */
  secretFile?: string;
  /** Secret with the authentication key, replacing the secret file. */
  secretRef?: SecretReference;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** A Flocker dataset. */
export interface FlockerVolumeSource {
  /** Dataset name, as Flocker metadata. */
  datasetName?: string;
  /** Dataset UUID. */
  datasetUUID?: string;
}

/** A Fibre Channel disk. */
export interface FCVolumeSource {
  /** Target world wide names. */
  targetWWNs?: string[];
  /** Logical unit number. */
  lun?: number;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** Volume world wide identifiers; excludes targetWWNs with lun. */
  wwids?: string[];
}

/** An Azure File share. */
export interface AzureFileVolumeSource {
  /** Secret with the storage account name and key. */
  secretName: string;
  /** Share name. */
  shareName: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** An Azure File share for a persistent volume. */
export interface AzureFilePersistentVolumeSource {
  /** Secret with the storage account name and key. */
  secretName: string;
  /** Share name. */
  shareName: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** Namespace of the secret; the pod's when empty. */
  secretNamespace?: string;
}

/** A vSphere virtual disk. */
export interface VsphereVirtualDiskVolumeSource {
  /** Path identifying the disk. */
  volumePath: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** Name of the SPBM policy applied to the disk. */
  storagePolicyName?: string;
  /** Storage policy profile ID. */
  storagePolicyID?: string;
}

/** A Quobyte volume. */
export interface QuobyteVolumeSource {
  /** Registry services as host:port, comma separated. */
  registry: string;
  /** Name of the existing volume. */
  volume: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** User the volume access maps to; the service account when empty. */
  user?: string;
  /** Group the volume access maps to. */
  group?: string;
  /** Tenant owning the volume, for dynamic provisioning. */
  tenant?: string;
}

/** An Azure data disk. */
export interface AzureDiskVolumeSource {
  /** Disk name as Azure knows it. */
  diskName: string;
  /** URI of the data disk. */
  diskURI: string;
  /** Host caching: None, ReadOnly or ReadWrite. */
  cachingMode?: 'None' | 'ReadOnly' | 'ReadWrite';
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** Shared (several disks per storage account), Dedicated or Managed. */
  kind?: 'Dedicated' | 'Managed' | 'Shared';
}

/** A Photon controller persistent disk. */
export interface PhotonPersistentDiskVolumeSource {
  /** ID of the disk. */
  pdID: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
}

/** A Portworx volume. */
export interface PortworxVolumeSource {
  /** ID of the volume. */
  volumeID: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** A Dell ScaleIO volume. */
export interface ScaleIOVolumeSource {
  /** Host of the ScaleIO API gateway. */
  gateway: string;
  /** Name of the storage system. */
  system: string;
  /** Secret with the ScaleIO user credentials. */
  secretRef: LocalObjectReference;
  /** Uses TLS to the gateway. */
  sslEnabled?: boolean;
  /** Protection domain of the storage. */
  protectionDomain?: string;
  /** Storage pool within the protection domain. */
  storagePool?: string;
  /** ThickProvisioned or ThinProvisioned; thin when unset. */
  storageMode?: string;
  /** Name of an existing volume. */
  volumeName?: string;
  /** Filesystem to mount; xfs when empty. */
  fsType?: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** A Dell ScaleIO volume, as a persistent volume source. */
export interface ScaleIOPersistentVolumeSource {
  /** Host of the ScaleIO API gateway. */
  gateway: string;
  /** Name of the storage system. */
  system: string;
  /** Secret with the ScaleIO user credentials. */
  secretRef: SecretReference;
  /** Uses TLS to the gateway. */
  sslEnabled?: boolean;
  /** Protection domain of the storage. */
  protectionDomain?: string;
  /** Storage pool within the protection domain. */
  storagePool?: string;
  /** ThickProvisioned or ThinProvisioned; thin when unset. */
  storageMode?: string;
  /** Name of an existing volume. */
  volumeName?: string;
  /** Filesystem to mount; xfs when empty. */
  fsType?: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
}

/** A StorageOS volume. */
export interface StorageOSVolumeSource {
  /** Volume name within its namespace. */
  volumeName?: string;
  /** StorageOS namespace of the volume; the pod's when empty. */
  volumeNamespace?: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** Secret with the API credentials. */
  secretRef?: LocalObjectReference;
}

/** A StorageOS volume for a persistent volume. */
export interface StorageOSPersistentVolumeSource {
  /** Volume name within its namespace. */
  volumeName?: string;
  /** StorageOS namespace of the volume. */
  volumeNamespace?: string;
  /** Filesystem to mount, such as ext4 or xfs; ext4 is implied when empty. */
  fsType?: string;
  /** Forces a read-only mount. */
  readOnly?: boolean;
  /** Secret with the API credentials. */
  secretRef?: ObjectReference;
}

/** A disk, partition or directory local to one node. */
export interface LocalVolumeSource {
  /** Full path on the node. */
  path: string;
  /** Filesystem of a block device; detected when empty. */
  fsType?: string;
}

/** A persistent volume managed by a CSI driver. */
export interface CSIPersistentVolumeSource {
  /** Name of the CSI driver. */
  driver: string;
  /** Driver's identifier of the volume. */
  volumeHandle: string;
  /** Publishes the volume read-only. */
  readOnly?: boolean;
  /** Filesystem to mount. */
  fsType?: string;
  /** Driver-specific attributes of the volume. */
  volumeAttributes?: { [key: string]: string };
  /** Secret holding the credentials for ControllerPublish. */
  controllerPublishSecretRef?: SecretReference;
  /** Secret holding the credentials for NodeStage. */
  nodeStageSecretRef?: SecretReference;
  /** Secret holding the credentials for NodePublish. */
  nodePublishSecretRef?: SecretReference;
  /** Secret holding the credentials for ControllerExpand. */
  controllerExpandSecretRef?: SecretReference;
  /** Secret holding the credentials for NodeExpand. */
  nodeExpandSecretRef?: SecretReference;
}

/** A piece of cluster storage, provisioned by an administrator or dynamically. */
export interface PersistentVolume {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PersistentVolume';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The storage and how it may be used. */
  spec?: PersistentVolumeSpec;
  /** Binding state of the volume. */
  status?: PersistentVolumeStatus;
}

/** A list of persistent volumes. */
export interface PersistentVolumeList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PersistentVolumeList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The persistent volumes. */
  items: PersistentVolume[];
}

/** What a persistent volume provides; exactly one storage source is set. */
export interface PersistentVolumeSpec {
  /** Size of the volume, under the storage key. */
  capacity?: { [key: string]: resource.Quantity };
  /** Deprecated GCE persistent disk. */
  gcePersistentDisk?: GCEPersistentDiskVolumeSource;
  /** Deprecated AWS EBS volume. */
  awsElasticBlockStore?: AWSElasticBlockStoreVolumeSource;
  /** A directory on a single node, for testing. */
  hostPath?: HostPathVolumeSource;
  /** Removed Glusterfs volume. */
  glusterfs?: GlusterfsPersistentVolumeSource;
  /** An NFS export. */
  nfs?: NFSVolumeSource;
  /** Deprecated Ceph RBD image. */
  rbd?: RBDPersistentVolumeSource;
  /** An iSCSI disk. */
  iscsi?: ISCSIPersistentVolumeSource;
  /** Deprecated OpenStack Cinder volume. */
  cinder?: CinderPersistentVolumeSource;
  /** Deprecated CephFS mount. */
  cephfs?: CephFSPersistentVolumeSource;
  /** A Fibre Channel disk. */
  fc?: FCVolumeSource;
  /** Deprecated Flocker dataset. */
  flocker?: FlockerVolumeSource;
  /** Deprecated exec-based plugin volume. */
  flexVolume?: FlexPersistentVolumeSource;
  /** Deprecated Azure File share. */
  azureFile?: AzureFilePersistentVolumeSource;
  /** Deprecated vSphere disk. */
  vsphereVolume?: VsphereVirtualDiskVolumeSource;
  /** Deprecated Quobyte volume. */
  quobyte?: QuobyteVolumeSource;
  /** Deprecated Azure data disk. */
  azureDisk?: AzureDiskVolumeSource;
  /** Deprecated Photon controller disk. */
  photonPersistentDisk?: PhotonPersistentDiskVolumeSource;
  /** Deprecated Portworx volume. */
  portworxVolume?: PortworxVolumeSource;
  /** Deprecated ScaleIO volume. */
  scaleIO?: ScaleIOPersistentVolumeSource;
  /** Storage attached to one node; pair it with nodeAffinity. */
  local?: LocalVolumeSource;
  /** Deprecated StorageOS volume. */
  storageos?: StorageOSPersistentVolumeSource;
  /** A volume managed by a CSI driver. */
  csi?: CSIPersistentVolumeSource;
  /** How the volume can be mounted: ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod. */
  accessModes?: string[];
  /** The claim bound to this volume, or reserved for it. */
  claimRef?: ObjectReference;
  /** What happens when the claim goes away: Retain, Delete or (deprecated) Recycle. */
  persistentVolumeReclaimPolicy?: 'Delete' | 'Recycle' | 'Retain';
  /** StorageClass the volume belongs to; only claims of that class bind to it. */
  storageClassName?: string;
  /** Mount options used when mounting the volume, unvalidated. */
  mountOptions?: string[];
  /** Block for a raw device or Filesystem (the default). */
  volumeMode?: 'Block' | 'Filesystem';
  /** Nodes from which the volume can be reached. */
  nodeAffinity?: VolumeNodeAffinity;
  /** VolumeAttributesClass holding mutable driver attributes. */
  volumeAttributesClassName?: string;
}

/** Where a persistent volume is in its lifecycle. */
export interface PersistentVolumeStatus {
  /** Pending, Available, Bound, Released or Failed. */
  phase?: 'Available' | 'Bound' | 'Failed' | 'Pending' | 'Released';
  /** Human-readable note on the phase. */
  message?: string;
  /** Short CamelCase reason for a failure. */
  reason?: string;
  /** When the phase last changed. */
  lastPhaseTransitionTime?: metaV1.Time;
}

/** The nodes a volume can be used from. */
export interface VolumeNodeAffinity {
  /** Nodes that must match. */
  required?: NodeSelector;
}

/** Storage asked for in a namespace, satisfied by binding one persistent volume to it. */
export interface PersistentVolumeClaim {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PersistentVolumeClaim';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The storage asked for. */
  spec?: PersistentVolumeClaimSpec;
  /** Binding and resize state of the claim. */
  status?: PersistentVolumeClaimStatus;
}

/** A list of persistent volume claims. */
export interface PersistentVolumeClaimList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PersistentVolumeClaimList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The persistent volume claims. */
  items: PersistentVolumeClaim[];
}

/** The storage a claim asks for. */
export interface PersistentVolumeClaimSpec {
  /** Access modes the volume must offer. */
  accessModes?: string[];
  /** Labels an existing volume must have to bind. */
  selector?: metaV1.LabelSelector;
  /** Minimum (and at most the limit of) storage wanted. */
  resources?: VolumeResourceRequirements;
  /** A specific volume to bind to. */
  volumeName?: string;
  /** StorageClass wanted; the default class when unset, none when empty. */
  storageClassName?: string;
  /** Block or Filesystem (the default). */
  volumeMode?: 'Block' | 'Filesystem';
  /** Snapshot or claim the new volume is populated from. */
  dataSource?: TypedLocalObjectReference;
  /** Any populator object the new volume is filled from, possibly in another namespace. */
  dataSourceRef?: TypedObjectReference;
  /** VolumeAttributesClass the volume should get. */
  volumeAttributesClassName?: string;
}

/** What is known about a claim. */
export interface PersistentVolumeClaimStatus {
  /** Pending, Bound or Lost. */
  phase?: 'Bound' | 'Lost' | 'Pending';
  /** Access modes of the bound volume. */
  accessModes?: string[];
  /** Size of the bound volume. */
  capacity?: { [key: string]: resource.Quantity };
  /** Progress of resizes and attribute changes. */
  conditions?: PersistentVolumeClaimCondition[];
  /** Storage the system has set aside, which may exceed the request during a resize. */
  allocatedResources?: { [key: string]: resource.Quantity };
  /** Resize progress per resource. */
  allocatedResourceStatuses?: { [key: string]: string };
  /** VolumeAttributesClass the volume currently has. */
  currentVolumeAttributesClassName?: string;
  /** State of a pending change of VolumeAttributesClass. */
  modifyVolumeStatus?: ModifyVolumeStatus;
}

/** One aspect of a claim's state. */
export interface PersistentVolumeClaimCondition {
  /** Which aspect, e.g. Resizing or FileSystemResizePending. */
  type: string;
  /** True, False or Unknown. */
  status: string;
  /** When the condition was last checked. */
  lastProbeTime?: metaV1.Time;
  /** When the status last changed. */
  lastTransitionTime?: metaV1.Time;
  /** CamelCase reason for the last change. */
  reason?: string;
  /** Human-readable details. */
  message?: string;
}

/** Storage requested and capped for a claim. */
export interface VolumeResourceRequirements {
  /** Most storage allowed. */
  limits?: { [key: string]: resource.Quantity };
  /** Least storage wanted. */
  requests?: { [key: string]: resource.Quantity };
}

/** Progress of changing a volume's attributes class. */
export interface ModifyVolumeStatus {
  /** Class being applied. */
  targetVolumeAttributesClassName?: string;
  /** Pending, InProgress or Infeasible. */
  status: 'InProgress' | 'Infeasible' | 'Pending';
}

/** An object of some kind in the same namespace. */
export interface TypedLocalObjectReference {
  /** Group of the kind; the core group when empty. */
  apiGroup?: string;
  /** Kind of the object. */
  kind: string;
  /** Name of the object. */
  name: string;
}

/** An object of some kind, possibly in another namespace. */
export interface TypedObjectReference {
  /** Group of the kind; the core group when empty. */
  apiGroup?: string;
  /** Kind of the object. */
  kind: string;
  /** Name of the object. */
  name: string;
  /** Namespace of the object; the referrer's when empty. */
  namespace?: string;
}

/** A stable name and virtual address in front of a set of pods. */
export interface Service {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Service';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** How the service is exposed and which pods back it. */
  spec?: ServiceSpec;
  /** Load balancer state and conditions. */
  status?: ServiceStatus;
}

/** A list of services. */
export interface ServiceList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ServiceList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The services. */
  items: Service[];
}

/** How a service is exposed. */
export interface ServiceSpec {
  /** Ports the service exposes. */
  ports?: ServicePort[];
  /** Labels of the backing pods; endpoints are managed by hand when empty. */
  selector?: { [key: string]: string };
  /** Virtual IP of the service: allocated when empty, None for a headless service. */
  clusterIP?: string;
  /** Virtual IPs, one per family, the first equal to clusterIP. */
  clusterIPs?: string[];
  /** ClusterIP, NodePort, LoadBalancer or ExternalName. */
  type?: 'ClusterIP' | 'ExternalName' | 'LoadBalancer' | 'NodePort';
  /** Extra addresses nodes accept traffic for on behalf of the service. */
  externalIPs?: string[];
  /** ClientIP keeps a client on one pod; None does not. */
  sessionAffinity?: 'ClientIP' | 'None';
  /** Deprecated request for a specific load balancer address. */
  loadBalancerIP?: string;
  /** Client ranges a cloud load balancer admits. */
  loadBalancerSourceRanges?: string[];
  /** DNS name the service aliases, for type ExternalName. */
  externalName?: string;
  /** Whether external traffic may leave the receiving node: Cluster or Local. */
  externalTrafficPolicy?: 'Cluster' | 'Local';
  /** Node port serving health checks for the Local external policy. */
  healthCheckNodePort?: number;
  /** Publishes addresses of pods that are not ready. */
  publishNotReadyAddresses?: boolean;
  /** Settings of session affinity. */
  sessionAffinityConfig?: SessionAffinityConfig;
  /** Address families of the service, IPv4 and/or IPv6. */
  ipFamilies?: string[];
  /** SingleStack, PreferDualStack or RequireDualStack. */
  ipFamilyPolicy?: 'PreferDualStack' | 'RequireDualStack' | 'SingleStack';
  /** Whether a LoadBalancer service gets node ports; true when unset. */
  allocateLoadBalancerNodePorts?: boolean;
  /** Which load balancer implementation handles the service. */
  loadBalancerClass?: string;
  /** Whether in-cluster traffic may leave the sending node: Cluster or Local. */
  internalTrafficPolicy?: 'Cluster' | 'Local';
  /** Preference for how traffic is spread over endpoints, e.g. PreferClose. */
  trafficDistribution?: string;
}

/** One port of a service. */
export interface ServicePort {
  /** Name of the port, required when there are several. */
  name?: string;
  /** TCP, UDP or SCTP. */
  protocol?: 'SCTP' | 'TCP' | 'UDP';
  /** Application protocol hint, e.g. kubernetes.io/h2c. */
  appProtocol?: string;
  /** Port the service listens on. */
  port: number;
  /** Pod port number or name traffic goes to; the same as port when unset. */
  targetPort?: intstr.IntOrString;
  /** Port opened on every node for NodePort and LoadBalancer services. */
  nodePort?: number;
}

/** The observed state of a service. */
export interface ServiceStatus {
  /** Addresses of the load balancer, when there is one. */
  loadBalancer?: LoadBalancerStatus;
  /** Current conditions of the service. */
  conditions?: metaV1.Condition[];
}

/** The addresses of a load balancer. */
export interface LoadBalancerStatus {
  /** Entry points of the load balancer. */
  ingress?: LoadBalancerIngress[];
}

/** One entry point of a load balancer. */
export interface LoadBalancerIngress {
  /** IP address of the entry point. */
  ip?: string;
  /** DNS name of the entry point. */
  hostname?: string;
  /** VIP (traffic arrives addressed to the IP) or Proxy (addressed to the node). */
  ipMode?: string;
  /** State of each service port on this entry point. */
  ports?: PortStatus[];
}

/** The state of one port. */
export interface PortStatus {
  /** Port number. */
  port: number;
  /** TCP, UDP or SCTP. */
  protocol: 'SCTP' | 'TCP' | 'UDP';
  /** Problem with the port, in CamelCase or as domain/CamelCase; empty when fine. */
  error?: string;
}

/** Settings of session affinity. */
export interface SessionAffinityConfig {
  /** Settings for ClientIP affinity. */
  clientIP?: ClientIPConfig;
}

/** Settings for ClientIP session affinity. */
export interface ClientIPConfig {
  /** How long a client stays on a pod, 1 to 86400; 10800 when unset. */
  timeoutSeconds?: number;
}

/** The addresses and ports that implement a service (legacy form of EndpointSlice). */
export interface Endpoints {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Endpoints';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** Groups of addresses sharing the same ports. */
  subsets?: EndpointSubset[];
}

/** A list of endpoints. */
export interface EndpointsList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'EndpointsList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The endpoints. */
  items: Endpoints[];
}

/** Addresses that all expose the same ports. */
export interface EndpointSubset {
  /** Addresses ready to receive traffic. */
  addresses?: EndpointAddress[];
  /** Addresses not ready yet, or no longer. */
  notReadyAddresses?: EndpointAddress[];
  /** Ports available on every address. */
  ports?: EndpointPort[];
}

/** One endpoint address. */
export interface EndpointAddress {
  /** IP address; never loopback, link-local or a service IP. */
  ip: string;
  /** Host name of the endpoint. */
  hostname?: string;
  /** Node that hosts the endpoint. */
  nodeName?: string;
  /** Object behind the endpoint, usually a pod. */
  targetRef?: ObjectReference;
}

/** One endpoint port. */
export interface EndpointPort {
  /** Name matching a service port name; optional with one port. */
  name?: string;
  /** Port number. */
  port: number;
  /** TCP, UDP or SCTP. */
  protocol?: 'SCTP' | 'TCP' | 'UDP';
  /** Application protocol hint. */
  appProtocol?: string;
}

/** An identity for processes in pods, with its credentials. */
export interface ServiceAccount {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ServiceAccount';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** Secrets pods of this account may use; legacy token secrets live here. */
  secrets?: ObjectReference[];
  /** Registry credentials added to the pods of this account. */
  imagePullSecrets?: LocalObjectReference[];
  /** Whether pods get an API token mounted by default. */
  automountServiceAccountToken?: boolean;
}

/** A list of service accounts. */
export interface ServiceAccountList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ServiceAccountList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The service accounts. */
  items: ServiceAccount[];
}

/** A machine that runs pods, registered by its kubelet. */
export interface Node {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Node';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** How the node is configured for scheduling. */
  spec?: NodeSpec;
  /** What the kubelet last reported about the node. */
  status?: NodeStatus;
}

/** A list of nodes. */
export interface NodeList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'NodeList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The nodes. */
  items: Node[];
}

/** Scheduling-related configuration of a node. */
export interface NodeSpec {
  /** Pod address range assigned to the node. */
  podCIDR?: string;
  /** Pod address ranges, one per family, the first equal to podCIDR. */
  podCIDRs?: string[];
  /** Cloud provider's ID of the machine, as <provider>://<id>. */
  providerID?: string;
  /** Keeps new pods off the node (cordon). */
  unschedulable?: boolean;
  /** Taints repelling pods that do not tolerate them. */
  taints?: Taint[];
  /** Deprecated dynamic kubelet configuration source. */
  configSource?: NodeConfigSource;
  /** Deprecated external identifier, unused. */
  externalID?: string;
}

/** The observed state of a node. */
export interface NodeStatus {
  /** Total resources of the node. */
  capacity?: { [key: string]: resource.Quantity };
  /** Resources available to pods, after system reservations. */
  allocatable?: { [key: string]: resource.Quantity };
  /** Deprecated lifecycle phase: Pending, Running or Terminated. */
  phase?: 'Pending' | 'Running' | 'Terminated';
  /** Health signals such as Ready, MemoryPressure and DiskPressure. */
  conditions?: NodeCondition[];
  /** Addresses the node can be reached at. */
  addresses?: NodeAddress[];
  /** Ports of the daemons on the node. */
  daemonEndpoints?: NodeDaemonEndpoints;
  /** Versions and identifiers of the node's software. */
  nodeInfo?: NodeSystemInfo;
  /** Images present on the node. */
  images?: ContainerImage[];
  /** Attachable volumes mounted on the node. */
  volumesInUse?: string[];
  /** Volumes attached to the node. */
  volumesAttached?: AttachedVolume[];
  /** Deprecated dynamic kubelet configuration state. */
  config?: NodeConfigStatus;
  /** Runtime handlers the container runtime offers. */
  runtimeHandlers?: NodeRuntimeHandler[];
  /** Optional features the node implements. */
  features?: NodeFeatures;
}

/** One address of a node. */
export interface NodeAddress {
  /** Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS. */
  type: string;
  /** The address. */
  address: string;
}

/** One aspect of a node's health. */
export interface NodeCondition {
  /** Which aspect, e.g. Ready or DiskPressure. */
  type: string;
  /** True, False or Unknown. */
  status: string;
  /** When the kubelet last refreshed this condition. */
  lastHeartbeatTime?: metaV1.Time;
  /** When the status last changed. */
  lastTransitionTime?: metaV1.Time;
  /** CamelCase reason for the last change. */
  reason?: string;
  /** Human-readable details. */
  message?: string;
}

/** Where a node's kubelet configuration came from (deprecated). */
export interface NodeConfigSource {
  /** A ConfigMap holding the configuration. */
  configMap?: ConfigMapNodeConfigSource;
}

/** A ConfigMap holding kubelet configuration (deprecated). */
export interface ConfigMapNodeConfigSource {
  /** Namespace of the ConfigMap. */
  namespace: string;
  /** Name of the ConfigMap. */
  name: string;
  /** UID of the ConfigMap. */
  uid?: string;
  /** Resource version of the ConfigMap. */
  resourceVersion?: string;
  /** Key holding the KubeletConfiguration. */
  kubeletConfigKey: string;
}

/** State of dynamic kubelet configuration (deprecated). */
export interface NodeConfigStatus {
  /** Configuration the node was told to use. */
  assigned?: NodeConfigSource;
  /** Configuration in use. */
  active?: NodeConfigSource;
  /** Fallback configuration. */
  lastKnownGood?: NodeConfigSource;
  /** Problem applying the configuration. */
  error?: string;
}

/** Ports of daemons on a node. */
export interface NodeDaemonEndpoints {
  /** The kubelet's port. */
  kubeletEndpoint?: DaemonEndpoint;
}

/** A daemon's port. */
export interface DaemonEndpoint {
  /** Port number. */
  Port: number;
}

/** Optional features a node implements. */
export interface NodeFeatures {
  /** Whether the node honours a pod's supplementalGroupsPolicy. */
  supplementalGroupsPolicy?: boolean;
}

/** A runtime handler and what it supports. */
export interface NodeRuntimeHandler {
  /** Which handler this is; the unnamed entry stands for the runtime default. */
  name?: string;
  /** Features of the handler. */
  features?: NodeRuntimeHandlerFeatures;
}

/** Features of a runtime handler. */
export interface NodeRuntimeHandlerFeatures {
  /** Supports recursively read-only mounts. */
  recursiveReadOnlyMounts?: boolean;
  /** Supports user namespaces for pods. */
  userNamespaces?: boolean;
}

/** Identifiers and software versions of a node. */
export interface NodeSystemInfo {
  /** Machine ID from /etc/machine-id. */
  machineID: string;
  /** Hardware UUID of the system. */
  systemUUID: string;
  /** ID of the current boot. */
  bootID: string;
  /** Kernel release, as uname -r reports it. */
  kernelVersion: string;
  /** Operating system name and version. */
  osImage: string;
  /** Container runtime name and version, as <runtime>://<version>. */
  containerRuntimeVersion: string;
  /** Kubelet version. */
  kubeletVersion: string;
  /** Deprecated kube-proxy version; not reliable. */
  kubeProxyVersion: string;
  /** Operating system family, e.g. linux. */
  operatingSystem: string;
  /** CPU architecture, e.g. amd64. */
  architecture: string;
  /** Swap memory of the node. */
  swap?: NodeSwapStatus;
}

/** Swap memory of a node. */
export interface NodeSwapStatus {
  /** Swap size in bytes. */
  capacity?: number;
}

/** An image stored on a node. */
export interface ContainerImage {
  /** References of the image, e.g. registry/name:tag and the digest form. */
  names?: string[];
  /** Size of the image. */
  sizeBytes?: number;
}

/** A volume attached to a node. */
export interface AttachedVolume {
  /** Name of the volume. */
  name: string;
  /** Where the device appears on the node. */
  devicePath: string;
}

/** A scope for names, policies and quotas shared by the objects inside it. */
export interface Namespace {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Namespace';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The finalizers the namespace waits for. */
  spec?: NamespaceSpec;
  /** Whether the namespace is active or being torn down. */
  status?: NamespaceStatus;
}

/** A list of namespaces. */
export interface NamespaceList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'NamespaceList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The namespaces. */
  items: Namespace[];
}

/** The desired state of a namespace. */
export interface NamespaceSpec {
  /** Clean-up steps that must finish before the namespace is removed. */
  finalizers?: string[];
}

/** The observed state of a namespace. */
export interface NamespaceStatus {
  /** Active, or Terminating once deletion has begun. */
  phase?: 'Active' | 'Terminating';
  /** Progress of namespace deletion. */
  conditions?: NamespaceCondition[];
}

/** One aspect of a namespace's state. */
export interface NamespaceCondition {
  /** Which aspect, e.g. NamespaceDeletionContentFailure. */
  type: string;
  /** True, False or Unknown. */
  status: string;
  /** When the status last changed. */
  lastTransitionTime?: metaV1.Time;
  /** CamelCase reason for the last change. */
  reason?: string;
  /** Human-readable details. */
  message?: string;
}

/** Plain key-value settings, kept apart from images, that pods read as files or environment. */
export interface ConfigMap {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ConfigMap';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** Once true, the data can no longer change; only deletion is possible. */
  immutable?: boolean;
  /** UTF-8 values by key; keys may not repeat those of binaryData. */
  data?: { [key: string]: string };
  /** Binary values by key, base64 in JSON. */
  binaryData?: { [key: string]: string };
}

/** A list of config maps. */
export interface ConfigMapList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ConfigMapList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The config maps. */
  items: ConfigMap[];
}

/** Sensitive data, such as passwords, tokens or keys, for pods to consume. */
export interface Secret {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Secret';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** Once true, the data can no longer change; only deletion is possible. */
  immutable?: boolean;
  /** Secret values by key, base64 in JSON. */
  data?: { [key: string]: string };
  /** Write-only plain-text values merged into data on write; never returned. */
  stringData?: { [key: string]: string };
  /** Kind of secret, which decides the keys it must hold, e.g. kubernetes.io/tls. */
  type?: string;
}

/** A list of secrets. */
export interface SecretList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'SecretList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The secrets. */
  items: Secret[];
}

/** A report of something that happened to an object (the core/v1 form). */
export interface Event {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Event';
  /** Standard object metadata. */
  metadata: metaV1.ObjectMeta;
  /** The object the event is about. */
  involvedObject: ObjectReference;
  /** Short CamelCase reason, e.g. Scheduled or BackOff. */
  reason?: string;
  /** Human-readable description. */
  message?: string;
  /** Component that reported the event. */
  source?: EventSource;
  /** When the event was first seen. */
  firstTimestamp?: metaV1.Time;
  /** When the event was most recently seen. */
  lastTimestamp?: metaV1.Time;
  /** How many times it has happened. */
  count?: number;
  /** Normal or Warning. */
  type?: string;
  /** When the event was first observed, with microsecond precision. */
  eventTime?: metaV1.MicroTime;
  /** Data about a series of repeated events. */
  series?: EventSeries;
  /** What was done, or failed to be done. */
  action?: string;
  /** A second object involved, when there is one. */
  related?: ObjectReference;
  /** Identity of the reporting controller, such as kubernetes.io/kubelet. */
  reportingComponent?: string;
  /** Instance of that controller, e.g. the kubelet's node. */
  reportingInstance?: string;
}

/** A list of events. */
export interface EventList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'EventList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The events. */
  items: Event[];
}

/** Bookkeeping for an event that keeps recurring. */
export interface EventSeries {
  /** Occurrences so far in the series. */
  count?: number;
  /** When the last occurrence was seen. */
  lastObservedTime?: metaV1.MicroTime;
}

/** The component that reported an event. */
export interface EventSource {
  /** Name of the component. */
  component?: string;
  /** Node the component runs on. */
  host?: string;
}

/** A reference to any object, precise enough to find it (or a field of it). */
export interface ObjectReference {
  /** Kind of the object. */
  kind?: string;
  /** Namespace of the object. */
  namespace?: string;
  /** Name of the object. */
  name?: string;
  /** UID of the object. */
  uid?: string;
  /** API version of the object. */
  apiVersion?: string;
  /** Resource version of the object, when a specific one is meant. */
  resourceVersion?: string;
  /** A part of the object, such as spec.containers{web}. */
  fieldPath?: string;
}

/** A reference by name to an object in the same namespace. */
export interface LocalObjectReference {
  /** Name of the object. */
  name?: string;
}

/** A reference to a Secret, possibly in another namespace. */
export interface SecretReference {
  /** Name of the Secret. */
  name?: string;
  /** Namespace of the Secret. */
  namespace?: string;
}

/** Deprecated health report of a control-plane component. */
export interface ComponentStatus {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ComponentStatus';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** Health conditions of the component. */
  conditions?: ComponentCondition[];
}

/** A list of component statuses. */
export interface ComponentStatusList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ComponentStatusList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The component statuses. */
  items: ComponentStatus[];
}

/** One health condition of a component. */
export interface ComponentCondition {
  /** Which condition; only Healthy exists. */
  type: string;
  /** True, False or Unknown. */
  status: string;
  /** Details of the condition. */
  message?: string;
  /** Error from the health check, if any. */
  error?: string;
}

/** Per-object resource bounds and defaults for a namespace. */
export interface LimitRange {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'LimitRange';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The bounds and defaults. */
  spec?: LimitRangeSpec;
}

/** A list of limit ranges. */
export interface LimitRangeList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'LimitRangeList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The limit ranges. */
  items: LimitRange[];
}

/** The limits a LimitRange enforces. */
export interface LimitRangeSpec {
  /** One entry per kind of object limited. */
  limits: LimitRangeItem[];
}

/** Bounds and defaults for one kind of object. */
export interface LimitRangeItem {
  /** What is limited: Pod, Container or PersistentVolumeClaim. */
  type: 'Container' | 'PersistentVolumeClaim' | 'Pod';
  /** Largest amount of each resource allowed. */
  max?: { [key: string]: resource.Quantity };
  /** Smallest amount of each resource allowed. */
  min?: { [key: string]: resource.Quantity };
  /** Limit applied when a container sets none. */
  default?: { [key: string]: resource.Quantity };
  /** Request applied when a container sets none. */
  defaultRequest?: { [key: string]: resource.Quantity };
  /** Largest allowed ratio of limit to request. */
  maxLimitRequestRatio?: { [key: string]: resource.Quantity };
}

/** Caps on the total resources and object counts of a namespace. */
export interface ResourceQuota {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ResourceQuota';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The caps. */
  spec?: ResourceQuotaSpec;
  /** The caps in force and current usage. */
  status?: ResourceQuotaStatus;
}

/** A list of resource quotas. */
export interface ResourceQuotaList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ResourceQuotaList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The resource quotas. */
  items: ResourceQuota[];
}

/** What a quota limits, and which objects it counts. */
export interface ResourceQuotaSpec {
  /** Cap per resource name. */
  hard?: { [key: string]: resource.Quantity };
  /** Scopes an object must match to be counted. */
  scopes?: string[];
  /** Expression form of scopes; both must match. */
  scopeSelector?: ScopeSelector;
}

/** Enforced caps and observed usage. */
export interface ResourceQuotaStatus {
  /** Caps currently enforced. */
  hard?: { [key: string]: resource.Quantity };
  /** Usage currently counted. */
  used?: { [key: string]: resource.Quantity };
}

/** Scope expressions a quota uses to choose the objects it counts. */
export interface ScopeSelector {
  /** Expressions that must all hold. */
  matchExpressions?: ScopedResourceSelectorRequirement[];
}

/** One scope test. */
export interface ScopedResourceSelectorRequirement {
  /** The scope, e.g. Terminating, BestEffort or PriorityClass. */
  scopeName: 'BestEffort' | 'CrossNamespacePodAffinity' | 'NotBestEffort' | 'NotTerminating' | 'PriorityClass' | 'Terminating' | 'VolumeAttributesClass';
  /** In, NotIn, Exists or DoesNotExist. */
  operator: 'DoesNotExist' | 'Exists' | 'In' | 'NotIn';
  /** Values for In and NotIn. */
  values?: string[];
}

/** Legacy controller that keeps a number of identical pods running. */
export interface ReplicationController {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ReplicationController';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** How many pods, and from which template. */
  spec?: ReplicationControllerSpec;
  /** Replica counts last observed. */
  status?: ReplicationControllerStatus;
}

/** A list of replication controllers. */
export interface ReplicationControllerList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ReplicationControllerList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The replication controllers. */
  items: ReplicationController[];
}

/** The desired state of a replication controller. */
export interface ReplicationControllerSpec {
  /** Pods wanted; 1 when unset. */
  replicas?: number;
  /** Seconds a new pod must stay ready to count as available. */
  minReadySeconds?: number;
  /** Labels of the managed pods; the template labels when empty. */
  selector?: { [key: string]: string };
  /** Template for new pods. */
  template?: PodTemplateSpec;
}

/** Replica counts of a replication controller. */
export interface ReplicationControllerStatus {
  /** Pods that currently exist. */
  replicas: number;
  /** Pods whose labels match the template's. */
  fullyLabeledReplicas?: number;
  /** Pods that are ready. */
  readyReplicas?: number;
  /** Pods that have stayed ready for minReadySeconds or longer. */
  availableReplicas?: number;
  /** Generation the counts were computed for. */
  observedGeneration?: number;
  /** Problems the controller hit. */
  conditions?: ReplicationControllerCondition[];
}

/** One aspect of a replication controller's state. */
export interface ReplicationControllerCondition {
  /** Which aspect, e.g. ReplicaFailure. */
  type: string;
  /** True, False or Unknown. */
  status: string;
  /** When the status last changed. */
  lastTransitionTime?: metaV1.Time;
  /** CamelCase reason for the last change. */
  reason?: string;
  /** Human-readable details. */
  message?: string;
}
