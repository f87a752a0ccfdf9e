/**
 * @module Agent and node flags, which `server` accepts too (servers run an agent): node
 * identity, container runtime, node networking, pass-through args. Flags whose feature k3ts
 * lacks are marked `unsupported` and refused when set; flip the mark when the feature lands.
 */
import type { FlagSpec } from '../flag.js';

const RUNTIME = 'the node agent (containerd, kubelet) is not implemented yet';

export const NODE_IDENTITY_FLAGS: readonly FlagSpec[] = [
  { name: 'node-name', type: 'string', group: 'agent/node', usage: 'Node name', env: 'K3S_NODE_NAME' },
  { name: 'with-node-id', type: 'bool', group: 'agent/node', usage: 'Append id to node name' },
  { name: 'node-label', type: 'list', group: 'agent/node', usage: 'Registering and starting kubelet with set of labels' },
  { name: 'node-taint', type: 'list', group: 'agent/node', usage: 'Registering kubelet with set of taints' },
  {
    name: 'image-credential-provider-bin-dir', type: 'string', group: 'agent/node', unsupported: RUNTIME,
    usage: 'The path to the directory where credential provider plugin binaries are located', default: '/var/lib/rancher/credentialprovider/bin',
  },
  {
    name: 'image-credential-provider-config', type: 'string', group: 'agent/node', unsupported: RUNTIME,
    usage: 'The path to the credential provider plugin config file', default: '/var/lib/rancher/credentialprovider/config.yaml',
  },
];

export const RUNTIME_FLAGS: readonly FlagSpec[] = [
  { name: 'docker', type: 'bool', group: 'agent/runtime', usage: '(experimental) Use cri-dockerd instead of containerd', unsupported: RUNTIME },
  {
    name: 'container-runtime-endpoint', type: 'string', group: 'agent/runtime', unsupported: RUNTIME,
    usage: 'Disable embedded containerd and use the CRI socket at the given path; when used with --docker this sets the docker socket path',
  },
  { name: 'default-runtime', type: 'string', group: 'agent/runtime', usage: 'Set the default runtime in containerd', unsupported: RUNTIME },
  {
    name: 'image-service-endpoint', type: 'string', group: 'agent/runtime', unsupported: RUNTIME,
    usage: 'Disable embedded containerd image service and use remote image service socket at the given path. If not specified, defaults to --container-runtime-endpoint.',
  },
  {
    name: 'disable-default-registry-endpoint', type: 'bool', group: 'agent/containerd', unsupported: RUNTIME,
    usage: 'Disables containerd fallback default registry endpoint when a mirror is configured for that registry',
  },
  {
    name: 'nonroot-devices', type: 'bool', group: 'agent/containerd', unsupported: RUNTIME,
    usage: 'Allows non-root pods to access devices by setting device_ownership_from_security_context=true in the containerd CRI config',
  },
  { name: 'pause-image', type: 'string', group: 'agent/runtime', usage: 'Customized pause image for containerd or docker sandbox', default: 'rancher/mirrored-pause:3.6', unsupported: RUNTIME },
  { name: 'snapshotter', type: 'string', group: 'agent/runtime', usage: 'Override default containerd snapshotter', default: 'overlayfs', unsupported: RUNTIME },
  { name: 'private-registry', type: 'string', group: 'agent/runtime', usage: 'Private registry configuration file', default: '/etc/rancher/k3s/registries.yaml', unsupported: RUNTIME },
];

export const NODE_NETWORK_FLAGS: readonly FlagSpec[] = [
  { name: 'node-ip', short: 'i', type: 'list', split: true, group: 'agent/networking', usage: 'IPv4/IPv6 addresses to advertise for node' },
  { name: 'node-external-ip', type: 'list', split: true, group: 'agent/networking', usage: 'IPv4/IPv6 external IP addresses to advertise for node' },
  { name: 'node-internal-dns', type: 'list', split: true, group: 'agent/networking', usage: 'internal DNS addresses to advertise for node', unsupported: RUNTIME },
  { name: 'node-external-dns', type: 'list', split: true, group: 'agent/networking', usage: 'external DNS addresses to advertise for node', unsupported: RUNTIME },
  { name: 'resolv-conf', type: 'string', group: 'agent/networking', usage: 'Kubelet resolv.conf file', env: 'K3S_RESOLV_CONF', unsupported: RUNTIME },
  { name: 'flannel-iface', type: 'string', group: 'agent/networking', usage: 'Override default flannel interface', unsupported: 'the pod network is not implemented yet' },
  { name: 'flannel-conf', type: 'string', group: 'agent/networking', usage: 'Override default flannel config file', unsupported: 'the pod network is not implemented yet' },
  { name: 'flannel-cni-conf', type: 'string', group: 'agent/networking', usage: 'Override default flannel cni config file', unsupported: 'the pod network is not implemented yet' },
  {
    name: 'vpn-auth', type: 'string', group: 'agent/networking', env: 'K3S_VPN_AUTH', unsupported: true,
    usage: '(experimental) Credentials for the VPN provider. It must include the provider name and join key in the format name=<vpn-provider>,joinKey=<key>[,controlServerURL=<url>][,extraArgs=<args>]',
  },
  {
    name: 'vpn-auth-file', type: 'string', group: 'agent/networking', env: 'K3S_VPN_AUTH_FILE', unsupported: true,
    usage: '(experimental) File containing credentials for the VPN provider. It must include the provider name and join key in the format name=<vpn-provider>,joinKey=<key>[,controlServerURL=<url>][,extraArgs=<args>]',
  },
];

export const PASSTHROUGH_NODE_FLAGS: readonly FlagSpec[] = [
  { name: 'kubelet-arg', type: 'list', group: 'agent/flags', usage: 'Customized flag for kubelet process', unsupported: 'k3ts runs its own kubelet, which takes no kubelet flags yet' },
  { name: 'kube-proxy-arg', type: 'list', group: 'agent/flags', usage: 'Customized flag for kube-proxy process', unsupported: 'k3ts runs its own service proxy, which takes no kube-proxy flags yet' },
  { name: 'protect-kernel-defaults', type: 'bool', group: 'agent/node', usage: 'Kernel tuning behavior. If set, error if kernel tunables are different than kubelet defaults.', unsupported: RUNTIME },
];

export const EXPERIMENTAL_FLAGS: readonly FlagSpec[] = [
  { name: 'enable-pprof', type: 'bool', group: 'experimental', usage: 'Enable pprof endpoint on supervisor port', unsupported: 'k3ts is not a Go program; use node --inspect' },
  { name: 'rootless', type: 'bool', group: 'experimental', usage: 'Run rootless', unsupported: true },
  { name: 'prefer-bundled-bin', type: 'bool', group: 'experimental', usage: 'Prefer bundled userspace binaries over host binaries', unsupported: 'k3ts bundles no userspace binaries' },
];

export const NODE_TAIL_FLAGS: readonly FlagSpec[] = [
  { name: 'selinux', type: 'bool', group: 'agent/node', usage: 'Enable SELinux in containerd', env: 'K3S_SELINUX', unsupported: RUNTIME },
  {
    name: 'lb-server-port', type: 'int', group: 'agent/node', env: 'K3S_LB_SERVER_PORT', default: 6444, unsupported: 'the agent load balancer is not implemented yet',
    usage: 'Local port for supervisor client load-balancer. If the supervisor and apiserver are not colocated an additional port 1 less than this port will also be used for the apiserver client load-balancer.',
  },
];

/** Hidden and deprecated flags k3s still recognises; each is refused with its replacement. */
export const DEPRECATED_NODE_FLAGS: readonly FlagSpec[] = [
  { name: 'no-flannel', type: 'bool', hidden: true, usage: '(deprecated) use --flannel-backend=none', unsupported: 'it is deprecated; use --flannel-backend=none' },
  { name: 'cluster-secret', type: 'string', hidden: true, env: 'K3S_CLUSTER_SECRET', usage: '(deprecated) use --token', unsupported: 'it is deprecated; use --token' },
  { name: 'disable-selinux', type: 'bool', hidden: true, usage: '(deprecated) Use --selinux to explicitly enable SELinux', unsupported: 'it is deprecated; use --selinux' },
  { name: 'airgap-extra-registry', type: 'list', hidden: true, usage: 'Additional registry to tag airgap images as being sourced from', unsupported: RUNTIME },
];
