/**
 * @module k3s's default values, in one place: the typed configuration applies them and the
 * flag tables print them in `--help`, so the two cannot drift apart.
 */

export const DEFAULTS = {
  /** --config / $K3S_CONFIG_FILE */
  configFile: '/etc/rancher/k3s/config.yaml',
  /** --data-dir for root; others get ~/.rancher/k3s */
  dataDirRoot: '/var/lib/rancher/k3s',
  dataDirUser: '.rancher/k3s',
  /** --write-kubeconfig for root; others get ~/.kube/k3s.yaml */
  kubeconfigRoot: '/etc/rancher/k3s/k3s.yaml',
  kubeconfigUser: '.kube/k3s.yaml',
  kubeconfigMode: 0o600,
  bindAddress: '0.0.0.0',
  httpsListenPort: 6443,
  clusterCidr: '10.42.0.0/16',
  serviceCidr: '10.43.0.0/16',
  /** Derived: the 10th address of the service CIDR. */
  clusterDnsIndex: 10,
  clusterDns: '10.43.0.10',
  clusterDomain: 'cluster.local',
  serviceNodePortRange: '30000-32767',
  flannelBackend: 'vxlan',
  lbServerPort: 6444,
} as const;
