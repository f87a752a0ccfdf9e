/**
 * @module The shape of the server's configuration, declared here by its consumer: user intent
 * only (computed runtime state such as certificate paths stays in the server). `src/config/`
 * builds it from flags, files and environment, and freezes it.
 */
import type { AuditPolicy } from '../apiserver/audit/policy.js';
import type { ParsedToken } from '../pki/token.js';

/** Packaged components `--disable` accepts (k3s's list). */
export const DISABLE_ITEMS = ['coredns', 'servicelb', 'traefik', 'local-storage', 'metrics-server', 'runtimes'] as const;
export type DisableItem = (typeof DISABLE_ITEMS)[number];

export const FLANNEL_BACKENDS = ['none', 'vxlan', 'host-gw', 'wireguard-native'] as const;

/** Providers --secrets-encryption-provider accepts (k3s: aescbc, secretbox; k3ts adds aesgcm). */
export const ENCRYPTION_PROVIDERS = ['aescbc', 'aesgcm', 'secretbox'] as const;
export type EncryptionProvider = (typeof ENCRYPTION_PROVIDERS)[number];
export type FlannelBackend = (typeof FLANNEL_BACKENDS)[number];

/** A node label `key=value`. */
export interface NodeLabel {
  readonly key: string;
  readonly value: string;
}

/** A node taint `key[=value]:Effect`. */
export interface NodeTaint {
  readonly key: string;
  readonly value: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** A port range such as `30000-32767` (inclusive). */
export interface PortRange {
  readonly min: number;
  readonly max: number;
}

/** Logging options (`-v`, `--debug`, `--log`, `--alsologtostderr`). */
export interface LogConfig {
  readonly verbosity: number;
  readonly debug: boolean;
  readonly file: string | undefined;
  readonly alsoToStderr: boolean;
}

/** Node identity and registration options. */
export interface NodeConfig {
  /** --node-name, else the hostname; lower-cased as k3s does (kubernetes#71140). */
  readonly name: string;
  readonly withNodeId: boolean;
  readonly labels: readonly NodeLabel[];
  readonly taints: readonly NodeTaint[];
  /** --node-ip, else the host's addresses (canonical text). */
  readonly ips: readonly string[];
  readonly externalIps: readonly string[];
}

/** A token the user gave, parsed, with where it came from (never the secret itself). */
export interface TokenInput {
  readonly parsed: ParsedToken;
  readonly source: string;
}

/** Simulated nodes (k3ts's --simulate-* flags); `nodes` 0 means none. */
export interface SimulationConfig {
  readonly nodes: number;
  readonly namePrefix: string;
  /** Capacity (= allocatable) of each node: cpu, memory, pods, ephemeral-storage as quantities. */
  readonly capacity: Readonly<Record<string, string>>;
  readonly labels: readonly NodeLabel[];
  readonly taints: readonly NodeTaint[];
  readonly zones: number;
}

/**
 * What `--kube-controller-manager-arg` set, as kube-controller-manager's flags of the same names;
 * undefined fields keep the controllers' own (Kubernetes's) defaults.
 */
export interface ControllerManagerConfig {
  /** node-monitor-grace-period, in ms (Kubernetes: 50 s). */
  readonly nodeMonitorGracePeriodMs: number | undefined;
  /** node-monitor-period, in ms (5 s). */
  readonly nodeMonitorPeriodMs: number | undefined;
  /** node-startup-grace-period, in ms (60 s). */
  readonly nodeStartupGracePeriodMs: number | undefined;
  /** node-eviction-rate and secondary-node-eviction-rate: NoExecute taints per second per zone (0.1, 0.01). */
  readonly evictionRate: number | undefined;
  readonly secondaryEvictionRate: number | undefined;
  /** unhealthy-zone-threshold (0.55) and large-cluster-size-threshold (50). */
  readonly unhealthyZoneThreshold: number | undefined;
  readonly largeClusterSizeThreshold: number | undefined;
  /** terminated-pod-gc-threshold (12500; 0 or less turns that collection off). */
  readonly terminatedPodGcThreshold: number | undefined;
  /** node-cidr-mask-size or node-cidr-mask-size-ipv4 (24). */
  readonly nodeCidrMaskSize: number | undefined;
  /** Worker counts from the concurrent-*-syncs flags, by controller name (`deployment`). */
  readonly workers: Readonly<Record<string, number>>;
  /** leader-elect-lease-duration, -renew-deadline and -retry-period, in ms (15 s, 10 s, 2 s). */
  readonly leaseDurationMs: number | undefined;
  readonly renewDeadlineMs: number | undefined;
  readonly retryPeriodMs: number | undefined;
  /**
   * `controllers`: `*`, `name` and `-name` items by kube-controller-manager's short controller
   * names (canonical `...-controller` names already mapped); undefined runs every controller.
   */
  readonly controllers: readonly string[] | undefined;
}

/** The PodSecurity admission plugin's cluster-wide defaults and exemptions (PodSecurityConfiguration). */
export interface PodSecurityDefaults {
  readonly enforce: { readonly level: string; readonly version: string };
  readonly audit: { readonly level: string; readonly version: string };
  readonly warn: { readonly level: string; readonly version: string };
  readonly exemptions: { readonly usernames: readonly string[]; readonly namespaces: readonly string[]; readonly runtimeClasses: readonly string[] };
}

/** The audit log's settings (--kube-apiserver-arg audit-*). */
export interface AuditArgs {
  readonly logPath: string | undefined;
  readonly policyFile: string | undefined;
  readonly policy: AuditPolicy | undefined;
  readonly maxAgeDays: number;
  readonly maxBackups: number;
  readonly maxSizeMb: number;
}

/** What --kube-apiserver-arg set (undefined: kube-apiserver's default). */
export interface ApiServerArgsConfig {
  readonly admissionControlConfigFile: string | undefined;
  /** From the admission configuration file's PodSecurity plugin. */
  readonly podSecurity: PodSecurityDefaults | undefined;
  /** default-not-ready-toleration-seconds and default-unreachable-toleration-seconds (300). */
  readonly notReadyTolerationSeconds: number | undefined;
  readonly unreachableTolerationSeconds: number | undefined;
  readonly audit: AuditArgs | undefined;
}

/** The resolved `server` configuration. Frozen; nothing reads flags or the environment after it. */
export interface ServerConfig {
  readonly command: 'server';
  readonly log: LogConfig;
  readonly dataDir: string;
  readonly listener: {
    readonly bindAddress: string;
    /** 0 picks a free port (k3ts extension used by tests; the kubeconfig gets the real one). */
    readonly httpsPort: number;
    readonly advertiseAddress: string | undefined;
    readonly advertisePort: number | undefined;
    readonly tlsSans: readonly string[];
  };
  readonly kubeconfig: { readonly path: string; readonly mode: number; readonly group: string | undefined };
  readonly token: TokenInput | undefined;
  readonly agentToken: TokenInput | undefined;
  readonly datastore: {
    /** --datastore-endpoint as given (undefined: embedded SQLite under the data dir). Holds credentials: never log it whole. */
    readonly endpoint: string | undefined;
    readonly caFile: string | undefined;
    readonly certFile: string | undefined;
    readonly keyFile: string | undefined;
  };
  readonly networking: {
    readonly clusterCidrs: readonly string[];
    readonly serviceCidrs: readonly string[];
    readonly clusterDns: readonly string[];
    readonly clusterDomain: string;
    readonly serviceNodePortRange: PortRange;
    readonly flannelBackend: FlannelBackend;
  };
  readonly components: {
    readonly disable: readonly DisableItem[];
    readonly disableAgent: boolean;
    readonly disableScheduler: boolean;
    /** --disable-controller-manager: run no controllers in this server. */
    readonly disableControllerManager: boolean;
    readonly disableCloudController: boolean;
    readonly disableKubeProxy: boolean;
    readonly disableNetworkPolicy: boolean;
    readonly disableHelmController: boolean;
  };
  readonly node: NodeConfig;
  readonly simulation: SimulationConfig;
  /** --kube-controller-manager-arg. */
  readonly controllerManager: ControllerManagerConfig;
  readonly apiServerArgs: ApiServerArgsConfig;
  /** --secrets-encryption and --secrets-encryption-provider. */
  readonly secretsEncryption: { readonly enabled: boolean; readonly provider: EncryptionProvider };
}
