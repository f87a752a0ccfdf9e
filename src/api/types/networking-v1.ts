/**
 * @module Types of io.k8s.api.networking.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as coreV1 from './core-v1.js';
import type * as intstr from './intstr.js';
import type * as metaV1 from './meta-v1.js';

/** Routes requests whose path matches to a backend. */
export interface HTTPIngressPath {
  /** The path matched against the request path; must start with a slash. */
  path?: string;
  /** How path is compared: Exact, Prefix (by path element) or ImplementationSpecific. */
  pathType: 'Exact' | 'ImplementationSpecific' | 'Prefix';
  /** Where matching requests go. */
  backend: IngressBackend;
}

/** The HTTP routes of an ingress rule. */
export interface HTTPIngressRuleValue {
  /** Path routes, tried most specific first. */
  paths: HTTPIngressPath[];
}

/** Routes external HTTP(S) traffic to services by host and path. */
export interface Ingress {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'networking.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Ingress';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The routing rules and TLS settings. */
  spec?: IngressSpec;
  /** Where the ingress is reachable, as reported by its controller; read-only. */
  status?: IngressStatus;
}

/** Where an ingress sends traffic: a service port or another resource. */
export interface IngressBackend {
  /** A service and port; exclusive with resource. */
  service?: IngressServiceBackend;
  /** Another object in the namespace, interpreted by the controller; exclusive with service. */
  resource?: coreV1.TypedLocalObjectReference;
}

/** Names an ingress controller and its configuration so ingresses can pick it. */
export interface IngressClass {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'networking.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'IngressClass';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The controller and its parameters. */
  spec?: IngressClassSpec;
}

/** A page of IngressClass objects. */
export interface IngressClassList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'networking.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'IngressClassList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The ingress classes returned. */
  items: IngressClass[];
}

/** Points at the object holding an ingress class's controller settings. */
export interface IngressClassParametersReference {
  /** API group of the referenced object; the core group when unset. */
  apiGroup?: string;
  /** Kind of the referenced object. */
  kind: string;
  /** Name of the referenced object. */
  name: string;
  /** Cluster (the default) or Namespace, saying where the object lives. */
  scope?: string;
  /** Namespace of the object when scope is Namespace. */
  namespace?: string;
}

/** The controller behind an ingress class. */
export interface IngressClassSpec {
  /** Domain-prefixed name of the controller implementing the class, e.g. example.com/ingress. */
  controller?: string;
  /** Optional controller-specific configuration object. */
  parameters?: IngressClassParametersReference;
}

/** A page of Ingress objects. */
export interface IngressList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'networking.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'IngressList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The ingresses returned. */
  items: Ingress[];
}

/** One address at which an ingress load balancer answers. */
export interface IngressLoadBalancerIngress {
  /** An IP address of the load balancer. */
  ip?: string;
  /** A DNS name of the load balancer. */
  hostname?: string;
  /** Status of the individual ports. */
  ports?: IngressPortStatus[];
}

/** The addresses an ingress is reachable at. */
export interface IngressLoadBalancerStatus {
  /** Load balancer entry points. */
  ingress?: IngressLoadBalancerIngress[];
}

/** The state of one load balancer port. */
export interface IngressPortStatus {
  /** The port number. */
  port: number;
  /** TCP, UDP or SCTP. */
  protocol: 'SCTP' | 'TCP' | 'UDP';
  /** Why the port is not working, when it is not. */
  error?: string;
}

/** Routes requests for one host (or any host) by their HTTP path. */
export interface IngressRule {
  /** Fully qualified domain name to match, optionally with a leading "*." wildcard; any host when empty. */
  host?: string;
  /** The HTTP path routes for this host. */
  http?: HTTPIngressRuleValue;
}

/** A service port as an ingress destination. */
export interface IngressServiceBackend {
  /** Name of the service, in the ingress's namespace. */
  name: string;
  /** The service port, by name or number. */
  port?: ServiceBackendPort;
}

/** The desired routing of an Ingress. */
export interface IngressSpec {
  /** The IngressClass that should serve this ingress. */
  ingressClassName?: string;
  /** Where requests that match no rule go. */
  defaultBackend?: IngressBackend;
  /** TLS certificates and the hosts they cover. */
  tls?: IngressTLS[];
  /** Host and path routing rules. */
  rules?: IngressRule[];
}

/** The observed state of an Ingress. */
export interface IngressStatus {
  /** Addresses of the load balancer serving it. */
  loadBalancer?: IngressLoadBalancerStatus;
}

/** A TLS certificate and the hosts it is used for. */
export interface IngressTLS {
  /** Host names the certificate covers. */
  hosts?: string[];
  /** Secret holding the certificate and key. */
  secretName?: string;
}

/** A service port, given by name or by number (not both). */
export interface ServiceBackendPort {
  /** The port's name on the service. */
  name?: string;
  /** The port number on the service. */
  number?: number;
}

/** Records that one IP address is allocated, and to what; the name is the address. */
export interface IPAddress {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'networking.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'IPAddress';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** What holds the address. */
  spec?: IPAddressSpec;
}

/** A page of IPAddress objects. */
export interface IPAddressList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'networking.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'IPAddressList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The addresses returned. */
  items: IPAddress[];
}

/** The holder of an allocated address. */
export interface IPAddressSpec {
  /** The object the address is allocated to. */
  parentRef: ParentReference;
}

/** Identifies the object an IP address belongs to. */
export interface ParentReference {
  /** API group of the owner. */
  group?: string;
  /** Resource (plural) of the owner. */
  resource: string;
  /** Namespace of the owner. */
  namespace?: string;
  /** Name of the owner. */
  name: string;
}

/** A range of addresses from which ClusterIPs are allocated. */
export interface ServiceCIDR {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'networking.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ServiceCIDR';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The ranges. */
  spec?: ServiceCIDRSpec;
  /** Whether the ranges are ready for use; read-only. */
  status?: ServiceCIDRStatus;
}

/** A page of ServiceCIDR objects. */
export interface ServiceCIDRList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'networking.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'ServiceCIDRList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The service ranges returned. */
  items: ServiceCIDR[];
}

/** The address ranges of a ServiceCIDR. */
export interface ServiceCIDRSpec {
  /** At most one IPv4 and one IPv6 range, in CIDR notation; immutable. */
  cidrs?: string[];
}

/** The observed state of a ServiceCIDR. */
export interface ServiceCIDRStatus {
  /** The latest observations, such as Ready. */
  conditions?: metaV1.Condition[];
}

/** An address range a network policy allows, minus exceptions. */
export interface IPBlock {
  /** The allowed range, e.g. 10.0.0.0/8. */
  cidr: string;
  /** Sub-ranges of cidr that are not allowed. */
  except?: string[];
}

/** Declares which traffic may reach or leave a set of pods. */
export interface NetworkPolicy {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'networking.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'NetworkPolicy';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The selected pods and the allowed traffic. */
  spec?: NetworkPolicySpec;
}

/** Outgoing traffic allowed when it matches both the ports and the destinations. */
export interface NetworkPolicyEgressRule {
  /** Destination ports allowed; any port when empty. */
  ports?: NetworkPolicyPort[];
  /** Destinations allowed; any destination when empty. */
  to?: NetworkPolicyPeer[];
}

/** Incoming traffic allowed when it matches both the ports and the sources. */
export interface NetworkPolicyIngressRule {
  /** Ports on the selected pods that may be reached; any port when empty. */
  ports?: NetworkPolicyPort[];
  /** Sources allowed; any source when empty. */
  from?: NetworkPolicyPeer[];
}

/** A page of NetworkPolicy objects. */
export interface NetworkPolicyList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'networking.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'NetworkPolicyList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The policies returned. */
  items: NetworkPolicy[];
}

/** A set of traffic endpoints: pods by labels (in namespaces by labels) or an address block. */
export interface NetworkPolicyPeer {
  /** Pods matched, in the policy's namespace unless namespaceSelector is set. */
  podSelector?: metaV1.LabelSelector;
  /** Namespaces whose pods are matched. */
  namespaceSelector?: metaV1.LabelSelector;
  /** An address range; exclusive with the selectors. */
  ipBlock?: IPBlock;
}

/** A port, or range of ports, with a protocol. */
export interface NetworkPolicyPort {
  /** TCP (the default), UDP or SCTP. */
  protocol?: 'SCTP' | 'TCP' | 'UDP';
  /** Port number or named port; all ports when unset. */
  port?: intstr.IntOrString;
  /** Last port of a range starting at port. */
  endPort?: number;
}

/** The pods a policy selects and the traffic it allows them. */
export interface NetworkPolicySpec {
  /** Pods in the namespace the policy applies to; all pods when empty. */
  podSelector: metaV1.LabelSelector;
  /** Incoming traffic allowed to the selected pods. */
  ingress?: NetworkPolicyIngressRule[];
  /** Outgoing traffic allowed from the selected pods. */
  egress?: NetworkPolicyEgressRule[];
  /** Directions the policy governs: Ingress, Egress or both. */
  policyTypes?: string[];
}
