/**
 * @module The `server` flag table, in the order and groups of `k3s server --help`. Flags marked
 * `unsupported` are refused wherever they are set (command line, config file, K3S_* variable).
 */
import { DEFAULTS } from '../../config/defaults.js';
import { DISABLE_ITEMS } from '../../server/config.js';
import { FlagTable, type FlagSpec } from '../flag.js';
import { COMMON_FLAGS } from './common.js';
import { simulationFlags } from './simulation.js';
import { DEPRECATED_NODE_FLAGS, EXPERIMENTAL_FLAGS, NODE_IDENTITY_FLAGS, NODE_NETWORK_FLAGS, NODE_TAIL_FLAGS, PASSTHROUGH_NODE_FLAGS, RUNTIME_FLAGS } from './node.js';

const ETCD = 'embedded etcd is not supported by k3ts yet; use the default SQLite or --datastore-endpoint';
const ADDONS = 'packaged add-ons are not implemented yet';

const LISTENER: readonly FlagSpec[] = [
  { name: 'bind-address', type: 'string', group: 'listener', usage: 'k3s bind address', default: DEFAULTS.bindAddress },
  { name: 'https-listen-port', type: 'int', group: 'listener', usage: 'HTTPS listen port', default: DEFAULTS.httpsListenPort },
  { name: 'advertise-address', type: 'string', group: 'listener', usage: 'IPv4/IPv6 address that apiserver uses to advertise to members of the cluster (default: node-external-ip/node-ip)' },
  { name: 'advertise-port', type: 'int', group: 'listener', usage: 'Port that apiserver uses to advertise to members of the cluster (default: listen-port)', default: 0 },
  { name: 'tls-san', type: 'list', split: true, group: 'listener', usage: 'Add additional hostnames or IPv4/IPv6 addresses as Subject Alternative Names on the server TLS cert' },
  {
    name: 'tls-san-security', type: 'bool', group: 'listener', default: true, unsupported: 'k3ts never adds SANs on demand, so there is nothing to protect against',
    usage: 'Protect the server TLS cert by refusing to add Subject Alternative Names not associated with the kubernetes apiserver service, server nodes, or values of the tls-san option',
  },
  { name: 'data-dir', short: 'd', type: 'string', group: 'data', env: 'K3S_DATA_DIR', usage: 'Folder to hold state default /var/lib/rancher/k3s or ${HOME}/.rancher/k3s if not root' },
];

const NETWORKING: readonly FlagSpec[] = [
  { name: 'cluster-cidr', type: 'list', split: true, group: 'networking', usage: `IPv4/IPv6 network CIDRs to use for pod IPs (default: ${DEFAULTS.clusterCidr})` },
  { name: 'service-cidr', type: 'list', split: true, group: 'networking', usage: `IPv4/IPv6 network CIDRs to use for service IPs (default: ${DEFAULTS.serviceCidr})` },
  { name: 'service-node-port-range', type: 'string', group: 'networking', usage: 'Port range to reserve for services with NodePort visibility', default: DEFAULTS.serviceNodePortRange },
  { name: 'cluster-dns', type: 'list', split: true, group: 'networking', usage: `IPv4 Cluster IP for coredns service. Should be in your service-cidr range (default: ${DEFAULTS.clusterDns})` },
  { name: 'cluster-domain', type: 'string', group: 'networking', usage: 'Cluster Domain', default: DEFAULTS.clusterDomain },
  { name: 'flannel-backend', type: 'string', group: 'networking', usage: "Backend (valid values: 'none', 'vxlan', 'host-gw', 'wireguard-native'", default: DEFAULTS.flannelBackend },
  { name: 'flannel-ipv6-masq', type: 'bool', group: 'networking', usage: 'Enable IPv6 masquerading for pod', unsupported: 'the pod network is not implemented yet' },
  { name: 'flannel-external-ip', type: 'bool', group: 'networking', usage: 'Use node external IP addresses for Flannel traffic', unsupported: 'the pod network is not implemented yet' },
  { name: 'egress-selector-mode', type: 'string', group: 'networking', usage: "One of 'agent', 'cluster', 'pod', 'disabled'", default: 'agent', unsupported: 'the agent tunnel is not implemented yet' },
  { name: 'servicelb-namespace', type: 'string', group: 'networking', usage: 'Namespace of the pods for the servicelb component', default: 'kube-system', unsupported: ADDONS },
];

const CLIENT_CLUSTER: readonly FlagSpec[] = [
  { name: 'write-kubeconfig', short: 'o', type: 'string', group: 'client', env: 'K3S_KUBECONFIG_OUTPUT', usage: 'Write kubeconfig for admin client to this file' },
  { name: 'write-kubeconfig-mode', type: 'string', group: 'client', env: 'K3S_KUBECONFIG_MODE', usage: 'Write kubeconfig with this mode' },
  { name: 'write-kubeconfig-group', type: 'string', group: 'client', env: 'K3S_KUBECONFIG_GROUP', usage: 'Write kubeconfig with this group' },
  { name: 'helm-job-image', type: 'string', group: 'helm', usage: 'Default image to use for helm jobs', unsupported: 'the Helm controller is not implemented yet' },
  { name: 'token', short: 't', type: 'string', group: 'cluster', env: 'K3S_TOKEN', usage: 'Shared secret used to join a server or agent to a cluster' },
  { name: 'token-file', type: 'string', group: 'cluster', env: 'K3S_TOKEN_FILE', usage: 'File containing the token' },
  { name: 'agent-token', type: 'string', group: 'cluster', env: 'K3S_AGENT_TOKEN', usage: 'Shared secret used to join agents to the cluster, but not servers' },
  { name: 'agent-token-file', type: 'string', group: 'cluster', env: 'K3S_AGENT_TOKEN_FILE', usage: 'File containing the agent secret' },
  { name: 'server', short: 's', type: 'string', group: 'cluster', env: 'K3S_URL', usage: 'Server to connect to, used to join a cluster', unsupported: 'joining a server to an existing cluster is not implemented yet' },
  { name: 'cluster-init', type: 'bool', group: 'cluster', env: 'K3S_CLUSTER_INIT', usage: 'Initialize a new cluster using embedded Etcd', unsupported: ETCD },
  { name: 'cluster-reset', type: 'bool', group: 'cluster', env: 'K3S_CLUSTER_RESET', usage: 'Forget all peers and become sole member of a new cluster', unsupported: ETCD },
  { name: 'cluster-reset-restore-path', type: 'string', group: 'db', usage: 'Path to snapshot file to be restored', unsupported: ETCD },
];

const PASSTHROUGH = (component: string): string => `k3ts runs its own ${component}, which takes no pass-through flags yet`;
const PASSTHROUGH_FLAGS: readonly FlagSpec[] = [
  { name: 'kube-apiserver-arg', type: 'list', group: 'flags', usage: 'Customized flag for kube-apiserver process' },
  { name: 'etcd-arg', type: 'list', group: 'flags', usage: 'Customized flag for etcd process', unsupported: ETCD },
  { name: 'kube-controller-manager-arg', type: 'list', group: 'flags', usage: 'Customized flag for kube-controller-manager process' },
  { name: 'kube-scheduler-arg', type: 'list', group: 'flags', usage: 'Customized flag for kube-scheduler process', unsupported: PASSTHROUGH('scheduler') },
  { name: 'kube-cloud-controller-manager-arg', type: 'list', group: 'flags', usage: 'Customized flag for kube-cloud-controller-manager process', unsupported: PASSTHROUGH('cloud controller manager') },
];

const DATASTORE: readonly FlagSpec[] = [
  { name: 'datastore-endpoint', type: 'string', group: 'db', env: 'K3S_DATASTORE_ENDPOINT', usage: 'Specify etcd, NATS, MySQL, Postgres, or SQLite (default) data source name' },
  { name: 'datastore-cafile', type: 'string', group: 'db', env: 'K3S_DATASTORE_CAFILE', usage: 'TLS Certificate Authority file used to secure datastore backend communication' },
  { name: 'datastore-certfile', type: 'string', group: 'db', env: 'K3S_DATASTORE_CERTFILE', usage: 'TLS certification file used to secure datastore backend communication' },
  { name: 'datastore-keyfile', type: 'string', group: 'db', env: 'K3S_DATASTORE_KEYFILE', usage: 'TLS key file used to secure datastore backend communication' },
  { name: 'etcd-expose-metrics', type: 'bool', group: 'db', usage: 'Expose etcd metrics to client interface. (default: false)', unsupported: ETCD },
  { name: 'etcd-disable-snapshots', type: 'bool', group: 'db', usage: 'Disable automatic etcd snapshots', unsupported: ETCD },
  { name: 'etcd-snapshot-name', type: 'string', group: 'db', usage: 'Set the base name of etcd snapshots (default: etcd-snapshot-<unix-timestamp>)', default: 'etcd-snapshot', unsupported: ETCD },
  { name: 'etcd-snapshot-schedule-cron', type: 'string', group: 'db', usage: "Snapshot interval time in cron spec. eg. every 5 hours '0 */5 * * *'", default: '0 */12 * * *', unsupported: ETCD },
  { name: 'etcd-snapshot-retention', type: 'int', group: 'db', usage: 'Number of snapshots to retain', default: 5, unsupported: ETCD },
  { name: 'etcd-snapshot-dir', type: 'string', group: 'db', usage: 'Directory to save db snapshots. (default: ${data-dir}/db/snapshots)', unsupported: ETCD },
  { name: 'etcd-snapshot-compress', type: 'bool', group: 'db', usage: 'Compress etcd snapshot', unsupported: ETCD },
  { name: 'etcd-s3', type: 'bool', group: 'db', usage: 'Enable backup to S3', unsupported: ETCD },
  { name: 'etcd-s3-endpoint', type: 'string', group: 'db', usage: 'S3 endpoint url', default: 's3.amazonaws.com', unsupported: ETCD },
  { name: 'etcd-s3-endpoint-ca', type: 'string', group: 'db', usage: 'S3 custom CA cert to connect to S3 endpoint', unsupported: ETCD },
  { name: 'etcd-s3-skip-ssl-verify', type: 'bool', group: 'db', usage: 'Disables S3 SSL certificate validation', unsupported: ETCD },
  { name: 'etcd-s3-access-key', type: 'string', group: 'db', env: 'AWS_ACCESS_KEY_ID', usage: 'S3 access key', unsupported: ETCD },
  { name: 'etcd-s3-secret-key', type: 'string', group: 'db', env: 'AWS_SECRET_ACCESS_KEY', usage: 'S3 secret key', unsupported: ETCD },
  { name: 'etcd-s3-bucket', type: 'string', group: 'db', usage: 'S3 bucket name', unsupported: ETCD },
  { name: 'etcd-s3-region', type: 'string', group: 'db', usage: 'S3 region / bucket location (optional)', default: 'us-east-1', unsupported: ETCD },
  { name: 'etcd-s3-folder', type: 'string', group: 'db', usage: 'S3 folder', unsupported: ETCD },
  { name: 'etcd-s3-proxy', type: 'string', group: 'db', usage: 'Proxy server to use when connecting to S3, overriding any proxy-releated environment variables', unsupported: ETCD },
  { name: 'etcd-s3-config-secret', type: 'string', group: 'db', usage: 'Name of secret in the kube-system namespace used to configure S3, if etcd-s3 is enabled and no other etcd-s3 options are set', unsupported: ETCD },
  { name: 'etcd-s3-insecure', type: 'bool', group: 'db', usage: 'Disables S3 over HTTPS', unsupported: ETCD },
  { name: 'etcd-s3-timeout', type: 'string', group: 'db', usage: 'S3 timeout', default: '5m0s', unsupported: ETCD },
];

const COMPONENTS: readonly FlagSpec[] = [
  { name: 'default-local-storage-path', type: 'string', group: 'storage', usage: 'Default local storage path for local provisioner storage class', unsupported: ADDONS },
  { name: 'disable', type: 'list', split: true, group: 'components', usage: `Do not deploy packaged components and delete any deployed components (valid items: ${DISABLE_ITEMS.join(', ')})` },
  { name: 'disable-scheduler', type: 'bool', group: 'components', usage: 'Disable Kubernetes default scheduler' },
  { name: 'disable-cloud-controller', type: 'bool', group: 'components', usage: 'Disable k3s default cloud controller manager' },
  { name: 'disable-kube-proxy', type: 'bool', group: 'components', usage: 'Disable running kube-proxy' },
  { name: 'disable-network-policy', type: 'bool', group: 'components', usage: 'Disable k3s default network policy controller' },
  { name: 'disable-helm-controller', type: 'bool', group: 'components', usage: 'Disable Helm controller' },
  { name: 'embedded-registry', type: 'bool', group: 'experimental/components', usage: 'Enable embedded distributed container registry; requires use of embedded containerd; when enabled agents will also listen on the supervisor port', unsupported: true },
  { name: 'supervisor-metrics', type: 'bool', group: 'experimental/components', usage: 'Enable serving k3s internal metrics on the supervisor port; when enabled agents will also listen on the supervisor port', unsupported: true },
];

const SERVER_TAIL: readonly FlagSpec[] = [
  { name: 'system-default-registry', type: 'string', group: 'agent/runtime', env: 'K3S_SYSTEM_DEFAULT_REGISTRY', usage: 'Private registry to be used for all system images', unsupported: 'the node agent (containerd, kubelet) is not implemented yet' },
];

const SECRETS: readonly FlagSpec[] = [
  { name: 'secrets-encryption', type: 'bool', usage: 'Enable secret encryption at rest' },
  { name: 'secrets-encryption-provider', type: 'string', usage: 'Encryption provider to use (aescbc, aesgcm, secretbox)', default: 'aescbc' },
];

const HIDDEN_SERVER: readonly FlagSpec[] = [
  // Servers without a local agent: k3ts's server runs no agent yet, so this is what it does anyway.
  { name: 'disable-agent', type: 'bool', hidden: true, usage: 'Do not run a local agent and register a local kubelet' },
  { name: 'disable-apiserver', type: 'bool', hidden: true, usage: '(experimental/components) Disable running api server', unsupported: true },
  { name: 'disable-controller-manager', type: 'bool', hidden: true, usage: '(experimental/components) Disable running kube-controller-manager' },
  { name: 'disable-etcd', type: 'bool', hidden: true, usage: '(experimental/components) Disable running etcd', unsupported: true },
  { name: 'kube-controller-arg', type: 'list', hidden: true, usage: 'Customized flag for kube-controller-manager process' },
  { name: 'kube-cloud-controller-arg', type: 'list', hidden: true, usage: 'Customized flag for kube-cloud-controller-manager process', unsupported: PASSTHROUGH('cloud controller manager') },
  { name: 'no-deploy', type: 'list', hidden: true, usage: '(deprecated) Do not deploy packaged components', unsupported: 'it was removed from k3s; use --disable' },
];

export const SERVER_FLAGS = new FlagTable('server', [
  ...COMMON_FLAGS, ...LISTENER, ...NETWORKING, ...CLIENT_CLUSTER, ...PASSTHROUGH_FLAGS, ...DATASTORE,
  ...COMPONENTS, ...NODE_IDENTITY_FLAGS, ...RUNTIME_FLAGS, ...SERVER_TAIL, ...NODE_NETWORK_FLAGS,
  ...PASSTHROUGH_NODE_FLAGS, ...SECRETS, ...EXPERIMENTAL_FLAGS, ...NODE_TAIL_FLAGS, ...HIDDEN_SERVER,
  ...DEPRECATED_NODE_FLAGS, ...simulationFlags(),
]);
